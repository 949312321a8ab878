//===- Notifications.cpp - Asynchronous device notifications --------------===//

#include "core/Notifications.h"

namespace lingqu::rt {

void *Notifications::add(int device, void *callback, void *userData) {
  absl::MutexLock lock(&mu_);
  uintptr_t id = next_++;
  entries_.emplace(id, Entry{device, callback, userData});
  return reinterpret_cast<void *>(id);
}

bool Notifications::remove(int device, void *handle) {
  absl::MutexLock lock(&mu_);
  auto it = entries_.find(reinterpret_cast<uintptr_t>(handle));
  if (it == entries_.end() || it->second.device != device)
    return false;
  entries_.erase(it);
  return true;
}

} // namespace lingqu::rt
