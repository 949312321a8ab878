//===- Array.h - CUDA arrays -------------------------------------*- C++ -*-===//
//
// cudaArray_t and CUarray are one object: a dense block of elements of one
// format (1, 2 or 4 channels of 8-, 16- or 32-bit integers, halves or
// floats), rows `pitch` bytes apart. Its storage is device memory in the
// allocation table, so copies to and from it are checked like any other.
// Formats for video and block compression are not supported.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_ARRAY_H
#define LINGQU_RUNTIME_CORE_ARRAY_H

#include <cstddef>
#include <memory>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"

namespace lingqu::rt {

class MemoryManager;

/// CUDA_ARRAY3D_DESCRIPTOR's fields (format is a CUarray_format).
struct ArrayDesc {
  unsigned format = 0;
  unsigned channels = 1;
  size_t width = 0, height = 0, depth = 0;
  unsigned flags = 0;
};

struct Array {
  ArrayDesc desc;
  size_t elementBytes = 0;
  size_t pitch = 0; ///< bytes per row
  size_t rows = 1;  ///< rows per slice (height, at least 1)
  size_t slices = 1;
  char *data = nullptr;

  /// The bytes the array occupies.
  size_t bytes() const { return pitch * rows * slices; }
  /// The byte at element column `x` (in bytes), row `y`, slice `z`.
  char *at(size_t xBytes, size_t y, size_t z) const {
    return data + (z * rows + y) * pitch + xBytes;
  }
  /// cudaErrorInvalidValue unless the block lies inside the array.
  absl::Status checkRegion(size_t xBytes, size_t y, size_t z,
                           size_t widthBytes, size_t height,
                           size_t depth) const;
};

/// Bytes of one channel of a CUarray_format, or 0 if it is not supported.
size_t formatChannelBytes(unsigned format);

/// cudaMipmappedArray_t / CUmipmappedArray: one array per level, each half
/// the previous one's extent (at least 1).
struct MipmappedArray {
  std::vector<Array *> levels;
  /// The bytes all levels occupy, each allocation-aligned.
  size_t bytes() const;
};

class Arrays {
public:
  explicit Arrays(MemoryManager &memory) : memory_(memory) {}
  ~Arrays();

  /// cudaErrorNotSupported for an unsupported format, cudaErrorInvalidValue
  /// for a bad channel count or extent.
  absl::StatusOr<Array *> create(const ArrayDesc &desc);
  absl::Status destroy(const void *handle);
  /// cudaErrorInvalidResourceHandle for anything but a live array.
  absl::StatusOr<Array *> find(const void *handle);
  /// `levels` arrays from `desc`'s extent down; cudaErrorInvalidValue for
  /// more levels than the extent halves into.
  absl::StatusOr<MipmappedArray *> createMipmapped(const ArrayDesc &desc,
                                                   unsigned levels);
  absl::Status destroyMipmapped(const void *handle);
  absl::StatusOr<MipmappedArray *> findMipmapped(const void *handle);

  /// cudaDeviceReset: the memory table has freed the storage already.
  void forgetAll();

private:
  MemoryManager &memory_;
  absl::Mutex mu_;
  absl::flat_hash_map<const void *, std::unique_ptr<Array>>
      arrays_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<const void *, std::unique_ptr<MipmappedArray>>
      mipmapped_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_ARRAY_H
