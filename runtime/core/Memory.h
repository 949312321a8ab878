//===- Memory.h - Device allocations and copies -----------------*- C++ -*-===//
//
// On the CPU device, device memory is host memory. The runtime still keeps a
// table of live allocations (base -> size, kind, device, flags) so that
// cudaFree, cudaMemcpy and cudaMemset reject what CUDA rejects: a pointer
// that is not device memory, a range that runs past its allocation, a
// pinned host pointer given to cudaFree. The same table answers
// cudaPointerGetAttributes. Pinned, mapped and managed memory are all one
// address in every space, as with CUDA's unified addressing. When a plugin with its own
// memory arrives, allocation moves behind the Device interface and this
// table stays the validator.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_MEMORY_H
#define LINGQU_RUNTIME_CORE_MEMORY_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "core/CudaTypes.h"
#include "core/Device.h"
#include "core/ManagedAdvice.h"

namespace lingqu::rt {

/// What made an allocation; the values are cudaMemoryType's.
enum class MemoryKind { Host = 1, Device = 2, Managed = 3, Registered = 4 };

struct Allocation {
  void *base = nullptr;
  size_t size = 0;
  MemoryKind kind = MemoryKind::Device;
  int device = 0;
  unsigned flags = 0;
  /// False for memory the table describes but does not own: registered
  /// host ranges and the modules' __device__ variables.
  bool owned = true;
  /// Mapped from another process by cudaIpcOpenMemHandle.
  bool ipc = false;
  /// The plugin's allocator that made it, or null: the host's heap.
  DeviceMemory *memory = nullptr;
};

/// The 64 bytes of a cudaIpcMemHandle_t as Lingqu fills them: the exporting
/// process and the memfd that backs the allocation there, which an importer
/// opens through /proc.
struct IpcMemHandle {
  char magic[8];
  int32_t pid = 0;
  int32_t fd = -1;
  uint64_t size = 0;  ///< bytes asked for
  uint64_t bytes = 0; ///< bytes mapped (whole pages)
  uint64_t base = 0;  ///< in the exporter, to tell allocations apart
  int32_t device = 0;
};
static_assert(sizeof(IpcMemHandle) <= 64);

class MemoryManager {
public:
  /// Device allocations own whole pages, so that cudaIpcGetMemHandle can
  /// remap them onto shared memory in place.
  static constexpr size_t kPageSize = 4096;
  /// cudaMalloc guarantees 256 bytes; NVIDIA's allocations are in fact
  /// aligned to the texture alignment, 512, and programs bind them to
  /// linear textures without checking, so Lingqu's are too.
  static constexpr size_t kAlignment = 512;

  MemoryManager() = default;
  MemoryManager(const MemoryManager &) = delete;
  MemoryManager &operator=(const MemoryManager &) = delete;
  /// Frees what is still allocated.
  ~MemoryManager();

  /// Device and managed memory of `device` come from `memory` from now on
  /// (a plugin's; null: the host's heap, the default).
  void setDeviceMemory(int device, DeviceMemory *memory);

  /// `bytes` of device memory aligned to kAlignment; nullptr for 0 bytes.
  /// cudaErrorMemoryAllocation when the host (or the device's plugin)
  /// cannot provide it.
  absl::StatusOr<void *> allocate(size_t bytes,
                                  MemoryKind kind = MemoryKind::Device,
                                  int device = 0, unsigned flags = 0);
  /// Null is a no-op; anything but the base of a live allocation of `kind`
  /// is cudaErrorInvalidValue.
  absl::Status free(void *ptr, MemoryKind kind = MemoryKind::Device);

  /// cudaHostRegister: [ptr, ptr + bytes) becomes pinned host memory;
  /// cudaErrorHostMemoryAlreadyRegistered if it overlaps a known range.
  absl::Status registerHost(void *ptr, size_t bytes, unsigned flags);
  /// cudaErrorHostMemoryNotRegistered unless `ptr` is a registered base.
  absl::Status unregisterHost(void *ptr);

  /// A module's __device__ variable: device memory from then on (kept until
  /// the process ends, like the module). Known ranges are left as they are.
  void addStatic(void *ptr, size_t bytes, int device);
  /// Forgets a range addStatic described (cuMemUnmap).
  void removeStatic(void *ptr);

  /// cudaMemAdvise and cudaMemPrefetchAsync on managed memory: remembered
  /// with the allocation (forgotten when it is freed). cudaErrorInvalidValue
  /// unless [ptr, ptr + count) lies in one managed allocation.
  absl::Status advise(const void *ptr, size_t count, int advice, int device);
  /// The records of the managed allocation holding [ptr, ptr + count).
  absl::StatusOr<std::vector<Advice>> adviceFor(const void *ptr,
                                                size_t count) const;

  /// cudaIpcGetMemHandle: moves the device allocation holding `ptr` onto a
  /// memfd (in place: same address, same contents) the first time.
  absl::StatusOr<IpcMemHandle> exportIpc(const void *ptr);
  /// cudaIpcOpenMemHandle: maps another process's exported allocation
  /// (again: the same mapping, counted). cudaErrorDeviceUninitialized for a
  /// handle of this process, as CUDA's "invalid device context";
  /// cudaErrorMapBufferObjectFailed when the exporter is gone.
  absl::StatusOr<void *> importIpc(const IpcMemHandle &handle, int device);
  /// cudaIpcCloseMemHandle: cudaErrorInvalidValue unless `ptr` was opened.
  absl::Status closeIpc(void *ptr);

  /// The live allocation containing `ptr`, if any.
  std::optional<Allocation> find(const void *ptr) const;

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
  /// The same for a strided copy, whose sides span different byte counts.
  absl::Status checkCopy(void *dst, size_t dstBytes, const void *src,
                         size_t srcBytes, int kind) const;
  /// cudaMemset: fills [ptr, ptr + bytes) of device memory with (uint8_t)value.
  absl::Status set(void *ptr, int value, size_t bytes) const;
  absl::Status checkSet(void *ptr, size_t bytes) const;

  /// cudaDeviceReset: frees every allocation (one table for all devices,
  /// since all of them are host memory on the CPU device).
  void freeAllOnDevice(int ordinal);

  /// Live allocations (for tests and leak reports).
  size_t liveAllocations() const;

private:
  /// The allocation containing `ptr`, or nullptr.
  const Allocation *findAllocation(const void *ptr) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  /// The base of the managed allocation holding [ptr, ptr + count).
  absl::StatusOr<uintptr_t> managedBase(const void *ptr, size_t count) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  absl::btree_map<uintptr_t, Allocation> allocations_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<int, DeviceMemory *> deviceMemory_ ABSL_GUARDED_BY(mu_);
  /// By allocation base; erased with the allocation.
  absl::flat_hash_map<uintptr_t, std::vector<Advice>>
      advice_ ABSL_GUARDED_BY(mu_);
  /// Exported allocations: base -> the memfd behind them.
  absl::flat_hash_map<uintptr_t, int> exported_ ABSL_GUARDED_BY(mu_);
  /// Opened handles: (pid, exporter's base) -> mapping and open count.
  struct Imported {
    void *ptr;
    int opens;
  };
  absl::flat_hash_map<std::pair<int32_t, uint64_t>, Imported>
      imported_ ABSL_GUARDED_BY(mu_);
  /// Turns an exported allocation's pages back into private memory.
  void unexport(uintptr_t base, size_t size) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_MEMORY_H
