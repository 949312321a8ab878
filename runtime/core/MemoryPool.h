//===- MemoryPool.h - Stream-ordered allocation pools -----------*- C++ -*-===//
//
// cudaMallocAsync / cuMemAllocAsync and the memory pool API. A pool is
// bookkeeping over the allocation table: allocation happens at once (memory
// that exists earlier than the stream needs it is still stream-ordered
// correct), a free is enqueued and happens when the stream reaches it. Pools
// keep no cached memory, so a trim has nothing to release and reserved
// memory equals used memory. Attribute numbers are cudaMemPoolAttr's, which
// CUmemPool_attribute shares.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_MEMORYPOOL_H
#define LINGQU_RUNTIME_CORE_MEMORYPOOL_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"

namespace lingqu::rt {

class Runtime;

struct MemoryPool {
  explicit MemoryPool(int device) : device(device) {}
  const int device;
  // Guarded by MemoryPools::mu_.
  int reuseFollowEventDependencies = 1;
  int reuseAllowOpportunistic = 1;
  int reuseAllowInternalDependencies = 1;
  uint64_t releaseThreshold = 0;
  uint64_t used = 0, usedHigh = 0;
  /// Access other devices have: cudaMemAccessFlags by device ordinal.
  absl::flat_hash_map<int, int> access;
};

class MemoryPools {
public:
  explicit MemoryPools(Runtime &rt) : rt_(rt) {}
  ~MemoryPools();

  /// The device's default pool, made on first use.
  MemoryPool *defaultPool(int device);
  /// The pool cudaMallocAsync uses on `device` (cudaDeviceSetMemPool).
  MemoryPool *currentPool(int device);
  void setCurrentPool(int device, MemoryPool *pool);

  MemoryPool *create(int device);
  /// cudaErrorInvalidValue for an unknown pool or a default one.
  absl::Status destroy(const void *pool);
  /// The live pool a handle names, or cudaErrorInvalidValue.
  absl::StatusOr<MemoryPool *> pool(const void *handle);

  /// Allocates from `pool` at once.
  absl::StatusOr<void *> allocate(MemoryPool *pool, size_t bytes);
  /// Checks that `ptr` is a live allocation without a free pending, marks
  /// it pending; release() then frees it when the stream gets there.
  absl::Status beginFree(void *ptr);
  void release(void *ptr);

  /// cudaMemPoolAttr `attr`, written to `value` (int or uint64_t).
  absl::Status getAttribute(MemoryPool *pool, int attr, void *value);
  absl::Status setAttribute(MemoryPool *pool, int attr, const void *value);
  /// Flags of cudaMemAccessFlags for `device` on `pool`.
  int access(MemoryPool *pool, int device);
  void setAccess(MemoryPool *pool, int device, int flags);

private:
  Runtime &rt_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<MemoryPool>> defaults_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<int, MemoryPool *> current_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<const void *, std::unique_ptr<MemoryPool>>
      created_ ABSL_GUARDED_BY(mu_);
  /// Which pool each stream-ordered allocation came from.
  absl::flat_hash_map<void *, MemoryPool *> owners_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<void *> pendingFrees_ ABSL_GUARDED_BY(mu_);
  /// Destroyed pools, kept while allocations of theirs are live.
  std::vector<std::unique_ptr<MemoryPool>> retired_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_MEMORYPOOL_H
