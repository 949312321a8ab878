//===- UserObject.h - Reference-counted objects graphs can own --*- C++ -*-===//
//
// cudaUserObjectCreate: a pointer and a destructor called when the last
// reference goes, whoever holds it (the application, graphs, executable
// graphs). One process-wide table, as the objects outlive any context.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_USEROBJECT_H
#define LINGQU_RUNTIME_CORE_USEROBJECT_H

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"

namespace lingqu::rt {

class UserObjects {
public:
  static UserObjects &get();

  void *create(void *ptr, void (*destroy)(void *), unsigned references);
  /// cudaErrorInvalidValue for an unknown object.
  absl::Status retain(const void *object, unsigned count);
  /// Calls the destructor when the count reaches zero; cudaErrorInvalidValue
  /// for an unknown object or more references than it has.
  absl::Status release(const void *object, unsigned count);

private:
  struct Object {
    void *ptr;
    void (*destroy)(void *);
    unsigned references;
  };
  absl::Mutex mu_;
  absl::flat_hash_map<const void *, Object *> objects_ ABSL_GUARDED_BY(mu_);
};

/// References a graph or an executable graph holds, released with it.
class UserObjectRefs {
public:
  UserObjectRefs() = default;
  UserObjectRefs(const UserObjectRefs &) = delete;
  UserObjectRefs &operator=(const UserObjectRefs &) = delete;
  ~UserObjectRefs();

  /// Takes `count` references (already counted on the object if `moved`).
  absl::Status add(const void *object, unsigned count, bool moved);
  /// Takes (retains) every reference `other` holds: a clone, an
  /// instantiation.
  void holdAlso(const UserObjectRefs &other);
  /// cudaErrorInvalidValue if fewer than `count` are held.
  absl::Status drop(const void *object, unsigned count);

private:
  absl::flat_hash_map<const void *, unsigned> held_;
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_USEROBJECT_H
