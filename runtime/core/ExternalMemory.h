//===- ExternalMemory.h - Memory imported from other APIs -------*- C++ -*-===//
//
// cudaImportExternalMemory / cuImportExternalMemory of an opaque file
// descriptor (what Vulkan and OpenGL export on Linux, and what
// cuMemExportToShareableHandle gives): the file is mapped once, shared, and
// each mapped buffer is a range of that mapping that device code can use.
// The descriptor belongs to the runtime once the import succeeds, as in CUDA.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_EXTERNALMEMORY_H
#define LINGQU_RUNTIME_CORE_EXTERNALMEMORY_H

#include <cstddef>
#include <cstdint>
#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"

namespace lingqu::rt {

class MemoryManager;

class ExternalMemories {
public:
  explicit ExternalMemories(MemoryManager &memory) : memory_(memory) {}
  ~ExternalMemories();

  /// Maps `size` bytes of the file `fd`; cudaErrorInvalidValue if it
  /// cannot be mapped.
  absl::StatusOr<void *> import(int fd, uint64_t size);
  /// A pointer to [offset, offset + size) of the imported memory, usable as
  /// device memory; cudaErrorInvalidValue past its end.
  absl::StatusOr<void *> buffer(const void *handle, uint64_t offset,
                                uint64_t size);
  /// Unmaps it; cudaErrorInvalidResourceHandle for an unknown handle.
  absl::Status destroy(const void *handle);

private:
  struct Mapping {
    char *base;
    uint64_t size;
  };
  MemoryManager &memory_;
  absl::Mutex mu_;
  absl::flat_hash_map<const void *, std::unique_ptr<Mapping>>
      mappings_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_EXTERNALMEMORY_H
