//===- Texture.cpp - Texture and surface objects ---------------------------===//

#include "core/Texture.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/Array.h"
#include "core/Status.h"

namespace lingqu::rt {
namespace {

// Alignment CUDA demands of linear and pitched texture memory; the device
// reports the same values (cudaDevAttrTextureAlignment, ...PitchAlignment).
constexpr size_t kTextureAlignment = 512;
constexpr size_t kPitchAlignment = 32;

absl::Status invalid(absl::string_view why) {
  return makeError(cudaErrorInvalidValue, why);
}

} // namespace

absl::StatusOr<__lingqu_texture>
Textures::layout(const TextureResource &r, bool surface) {
  __lingqu_texture t{};
  t.extent[0] = t.extent[1] = t.extent[2] = 1;
  t.dims = 1;
  if (surface && r.type != cudaResourceTypeArray)
    return invalid("a surface is made from a CUDA array");
  switch (r.type) {
  case cudaResourceTypeArray: {
    absl::StatusOr<Array *> a = arrays_.find(r.handle);
    if (!a.ok())
      return a.status();
    const ArrayDesc &d = (*a)->desc;
    if (d.flags & (cudaArrayLayered | cudaArrayCubemap))
      return makeError(cudaErrorNotSupported,
                       "layered and cubemap textures are not supported by "
                       "Lingqu yet");
    if (surface && !(d.flags & cudaArraySurfaceLoadStore))
      return invalid("the array was not made with cudaArraySurfaceLoadStore");
    t.data = (*a)->data;
    t.format = d.format;
    t.channels = d.channels;
    t.extent[0] = d.width;
    t.extent[1] = (*a)->rows;
    t.extent[2] = (*a)->slices;
    t.dims = d.depth ? 3 : d.height ? 2 : 1;
    t.pitch = (*a)->pitch;
    break;
  }
  case cudaResourceTypeMipmappedArray:
    return makeError(cudaErrorNotSupported,
                     "mipmapped textures are not supported by Lingqu yet");
  case cudaResourceTypeLinear:
  case cudaResourceTypePitch2D: {
    size_t channelBytes = formatChannelBytes(r.format);
    if (r.ptr == nullptr || channelBytes == 0 ||
        (r.channels != 1 && r.channels != 2 && r.channels != 4))
      return invalid("a null pointer or a format textures cannot have");
    if (reinterpret_cast<uintptr_t>(r.ptr) % kTextureAlignment != 0)
      return invalid(absl::StrCat("texture memory must be aligned to ",
                                  kTextureAlignment, " bytes"));
    t.data = r.ptr;
    t.format = r.format;
    t.channels = r.channels;
    size_t element = channelBytes * r.channels;
    if (r.type == cudaResourceTypeLinear) {
      if (r.bytes < element)
        return invalid("linear texture memory holds no element");
      t.extent[0] = r.bytes / element;
      t.linearMemory = 1;
      t.pitch = r.bytes;
    } else {
      if (r.width == 0 || r.height == 0 || r.pitch % kPitchAlignment != 0 ||
          r.width * element > r.pitch)
        return invalid(absl::StrCat("a pitch of ", r.pitch,
                                    " bytes for rows of ", r.width * element,
                                    " (it must be a multiple of ",
                                    kPitchAlignment, ")"));
      t.extent[0] = r.width;
      t.extent[1] = r.height;
      t.dims = 2;
      t.pitch = r.pitch;
    }
    break;
  }
  default:
    return invalid("unknown resource type");
  }
  t.elementBytes = unsigned(formatChannelBytes(t.format) * t.channels);
  t.slicePitch = t.pitch * t.extent[1];
  return t;
}

absl::StatusOr<uint64_t>
Textures::createTexture(const TextureResource &resource,
                        const cudaTextureDesc &sampler,
                        const cudaResourceViewDesc *view) {
  absl::StatusOr<__lingqu_texture> t = layout(resource, false);
  if (!t.ok())
    return t.status();
  if (sampler.sRGB)
    return makeError(cudaErrorNotSupported,
                     "sRGB textures are not supported by Lingqu yet");
  if (sampler.filterMode != cudaFilterModePoint &&
      sampler.filterMode != cudaFilterModeLinear)
    return invalid("unknown filter mode");
  if (sampler.readMode != cudaReadModeElementType &&
      sampler.readMode != cudaReadModeNormalizedFloat)
    return invalid("unknown read mode");
  for (int mode : sampler.addressMode)
    if (mode < cudaAddressModeWrap || mode > cudaAddressModeBorder)
      return invalid("unknown address mode");
  // Normalised reads are for 8- and 16-bit integers; CUDA reads 32-bit
  // integers and floats as they are in either mode.
  bool integer = t->format < 0x10 && formatChannelBytes(t->format) < 4;
  if (view && view->format != cudaResViewFormatNone)
    return makeError(cudaErrorNotSupported,
                     "resource views that reinterpret the format are not "
                     "supported by Lingqu yet");
  t->filterMode = sampler.filterMode;
  t->normalizedFloat =
      sampler.readMode == cudaReadModeNormalizedFloat && integer;
  t->normalizedCoords = sampler.normalizedCoords != 0;
  std::copy(std::begin(sampler.addressMode), std::end(sampler.addressMode),
            t->addressMode);
  std::copy(std::begin(sampler.borderColor), std::end(sampler.borderColor),
            t->borderColor);
  auto object = std::make_unique<TextureObject>();
  object->device = *t;
  object->resource = resource;
  object->sampler = sampler;
  if (view) {
    object->hasView = true;
    object->view = *view;
  }
  return add(std::move(object));
}

absl::StatusOr<uint64_t>
Textures::createSurface(const TextureResource &resource) {
  absl::StatusOr<__lingqu_texture> t = layout(resource, true);
  if (!t.ok())
    return t.status();
  auto object = std::make_unique<TextureObject>();
  object->device = *t;
  object->resource = resource;
  object->surface = true;
  return add(std::move(object));
}

absl::StatusOr<uint64_t>
Textures::add(std::unique_ptr<TextureObject> object) {
  uint64_t handle = reinterpret_cast<uint64_t>(&object->device);
  absl::MutexLock lock(&mu_);
  objects_.emplace(handle, std::move(object));
  return handle;
}

absl::Status Textures::destroy(uint64_t handle, bool surface) {
  if (handle == 0)
    return absl::OkStatus();
  absl::MutexLock lock(&mu_);
  auto it = objects_.find(handle);
  if (it == objects_.end() || it->second->surface != surface)
    return invalid(surface ? "not a live surface object"
                           : "not a live texture object");
  objects_.erase(it);
  return absl::OkStatus();
}

absl::StatusOr<TextureObject> Textures::find(uint64_t handle, bool surface) {
  absl::MutexLock lock(&mu_);
  auto it = objects_.find(handle);
  if (it == objects_.end() || it->second->surface != surface)
    return invalid(surface ? "not a live surface object"
                           : "not a live texture object");
  return *it->second;
}

} // namespace lingqu::rt
