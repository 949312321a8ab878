//===- Texture.h - Texture and surface objects ------------------*- C++ -*-===//
//
// Both APIs describe a texture as a resource (an array or a range of linear
// memory), a sampler and an optional view. The core keeps them in one
// neutral form (cudaResourceType values, CUarray_format formats, the
// runtime's cudaTextureDesc) and fills in the __lingqu_texture kernels read:
// the object's handle is that struct's address.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_TEXTURE_H
#define LINGQU_RUNTIME_CORE_TEXTURE_H

#include <cstddef>
#include <cstdint>
#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "driver_types.h"
#include "lingqu_texture.h"
#include "texture_types.h"

namespace lingqu::rt {

class Arrays;

struct TextureResource {
  int type = cudaResourceTypeArray;
  const void *handle = nullptr; ///< the array or mipmapped array
  char *ptr = nullptr;          ///< linear and pitch2D memory
  unsigned format = 0, channels = 0;
  size_t width = 0, height = 0, pitch = 0, bytes = 0;
};

struct TextureObject {
  __lingqu_texture device; ///< first: the handle points here
  TextureResource resource;
  cudaTextureDesc sampler{};
  bool hasView = false;
  cudaResourceViewDesc view{};
  bool surface = false;
};

class Textures {
public:
  explicit Textures(Arrays &arrays) : arrays_(arrays) {}

  /// cudaCreateTextureObject: cudaErrorInvalidValue for a resource CUDA
  /// rejects (misaligned or badly pitched memory, a dead array is
  /// cudaErrorInvalidResourceHandle), cudaErrorNotSupported for what Lingqu
  /// cannot sample yet (mipmaps, layers, cubemaps, sRGB).
  absl::StatusOr<uint64_t> createTexture(const TextureResource &resource,
                                         const cudaTextureDesc &sampler,
                                         const cudaResourceViewDesc *view);
  /// cudaCreateSurfaceObject: an array made with cudaArraySurfaceLoadStore.
  absl::StatusOr<uint64_t> createSurface(const TextureResource &resource);
  /// cudaErrorInvalidValue unless `handle` is a live object of that kind
  /// (0 is a no-op, as in CUDA).
  absl::Status destroy(uint64_t handle, bool surface);
  absl::StatusOr<TextureObject> find(uint64_t handle, bool surface);

private:
  absl::StatusOr<__lingqu_texture> layout(const TextureResource &resource,
                                          bool surface);
  absl::StatusOr<uint64_t> add(std::unique_ptr<TextureObject> object);

  Arrays &arrays_;
  absl::Mutex mu_;
  absl::flat_hash_map<uint64_t, std::unique_ptr<TextureObject>>
      objects_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_TEXTURE_H
