//===- Memory.h - Device allocations and copies -----------------*- C++ -*-===//
//
// On the CPU device, device memory is host memory. The runtime still keeps a
// table of live allocations (base -> size) so that cudaFree, cudaMemcpy and
// cudaMemset reject what CUDA rejects: a pointer that is not device memory,
// or a byte range that runs past its allocation. When a plugin with its own
// memory arrives, allocation moves behind the Device interface and this
// table stays the validator.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_MEMORY_H
#define LINGQU_RUNTIME_CORE_MEMORY_H

#include <cstddef>
#include <cstdint>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/btree_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "core/CudaTypes.h"

namespace lingqu::rt {

class MemoryManager {
public:
  /// cudaMalloc's alignment guarantee.
  static constexpr size_t kAlignment = 256;

  MemoryManager() = default;
  MemoryManager(const MemoryManager &) = delete;
  MemoryManager &operator=(const MemoryManager &) = delete;
  /// Frees what is still allocated.
  ~MemoryManager();

  /// `bytes` of device memory aligned to kAlignment; nullptr for 0 bytes.
  /// cudaErrorMemoryAllocation when the host cannot provide it.
  absl::StatusOr<void *> allocate(size_t bytes);
  /// Null is a no-op; anything but a live allocation's base is
  /// cudaErrorInvalidValue.
  absl::Status free(void *ptr);

  /// OK if [ptr, ptr + bytes) lies inside one live allocation.
  absl::Status checkRange(const void *ptr, size_t bytes) const;
  /// True if `ptr` points into a live allocation.
  bool isDevicePointer(const void *ptr) const;

  /// cudaMemcpy: `kind` must be a cudaMemcpyKind (else
  /// cudaErrorInvalidMemcpyDirection); the device side of the copy must pass
  /// checkRange; cudaMemcpyDefault decides per pointer with the table.
  absl::Status copy(void *dst, const void *src, size_t bytes, int kind) const;
  /// The checks of copy() without the copy (cudaMemcpyAsync checks when it
  /// is called and copies when the stream gets there).
  absl::Status checkCopy(void *dst, const void *src, size_t bytes,
                         int kind) const;
  /// cudaMemset: fills [ptr, ptr + bytes) of device memory with (uint8_t)value.
  absl::Status set(void *ptr, int value, size_t bytes) const;
  absl::Status checkSet(void *ptr, size_t bytes) const;

  /// cudaDeviceReset: frees every allocation (one table for all devices,
  /// since all of them are host memory on the CPU device).
  void freeAllOnDevice(int ordinal);

  /// Live allocations (for tests and leak reports).
  size_t liveAllocations() const;

private:
  /// The allocation containing `ptr`: {base, size}, or {0, 0}.
  std::pair<uintptr_t, size_t> findAllocation(const void *ptr) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  absl::btree_map<uintptr_t, size_t> allocations_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_MEMORY_H
