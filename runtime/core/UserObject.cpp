//===- UserObject.cpp - Reference-counted objects graphs can own ----------===//

#include "core/UserObject.h"

#include "absl/strings/str_format.h"
#include "core/Status.h"

namespace lingqu::rt {

namespace {
absl::Status unknown(const void *object) {
  return makeError(cudaErrorInvalidValue,
                   absl::StrFormat("%p is not a user object", object));
}
} // namespace

UserObjects &UserObjects::get() {
  static UserObjects *objects = new UserObjects;
  return *objects;
}

void *UserObjects::create(void *ptr, void (*destroy)(void *),
                          unsigned references) {
  auto *object = new Object{ptr, destroy, references};
  absl::MutexLock lock(&mu_);
  objects_.emplace(object, object);
  return object;
}

absl::Status UserObjects::retain(const void *object, unsigned count) {
  absl::MutexLock lock(&mu_);
  auto it = objects_.find(object);
  if (it == objects_.end())
    return unknown(object);
  it->second->references += count;
  return absl::OkStatus();
}

absl::Status UserObjects::release(const void *object, unsigned count) {
  Object *dead = nullptr;
  {
    absl::MutexLock lock(&mu_);
    auto it = objects_.find(object);
    if (it == objects_.end())
      return unknown(object);
    if (count > it->second->references)
      return makeError(cudaErrorInvalidValue,
                       "more references released than the object has");
    it->second->references -= count;
    if (it->second->references == 0) {
      dead = it->second;
      objects_.erase(it);
    }
  }
  if (dead) { // outside the lock: the destructor is the application's code
    dead->destroy(dead->ptr);
    delete dead;
  }
  return absl::OkStatus();
}

void UserObjectRefs::holdAlso(const UserObjectRefs &other) {
  for (const auto &[object, count] : other.held_)
    if (UserObjects::get().retain(object, count).ok())
      held_[object] += count;
}

UserObjectRefs::~UserObjectRefs() {
  for (const auto &[object, count] : held_)
    (void)UserObjects::get().release(object, count);
}

absl::Status UserObjectRefs::add(const void *object, unsigned count,
                                 bool moved) {
  if (!moved)
    if (absl::Status s = UserObjects::get().retain(object, count); !s.ok())
      return s;
  held_[object] += count;
  return absl::OkStatus();
}

absl::Status UserObjectRefs::drop(const void *object, unsigned count) {
  auto it = held_.find(object);
  if (it == held_.end() || it->second < count)
    return makeError(cudaErrorInvalidValue,
                     "the graph holds fewer references");
  if (absl::Status s = UserObjects::get().release(object, count); !s.ok())
    return s;
  if ((it->second -= count) == 0)
    held_.erase(it);
  return absl::OkStatus();
}

} // namespace lingqu::rt
