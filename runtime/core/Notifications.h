//===- Notifications.h - Asynchronous device notifications ------*- C++ -*-===//
//
// cudaDeviceRegisterAsyncNotification / cuDeviceRegisterAsyncNotification.
// CUDA calls these back when a device goes over its memory budget; a CPU
// device has no budget of its own, so none is ever called, but the
// registrations are kept and checked as CUDA's are.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_NOTIFICATIONS_H
#define LINGQU_RUNTIME_CORE_NOTIFICATIONS_H

#include <cstdint>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace lingqu::rt {

class Notifications {
public:
  /// A handle for the registration of `callback` (an API's function
  /// pointer, kept opaque) on `device`.
  void *add(int device, void *callback, void *userData);
  /// False unless `handle` is a live registration on `device`.
  bool remove(int device, void *handle);

private:
  struct Entry {
    int device;
    void *callback;
    void *userData;
  };
  absl::Mutex mu_;
  uintptr_t next_ ABSL_GUARDED_BY(mu_) = 1;
  absl::flat_hash_map<uintptr_t, Entry> entries_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_NOTIFICATIONS_H
