//===- CudartTexture.cpp - Texture and surface objects ---------------------===//
//
// The runtime's descriptors in the core's neutral form and back; sampling
// itself is device code (lingqu_texture.h).
//
//===----------------------------------------------------------------------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include "core/Array.h"
#include "core/Runtime.h"
#include "core/Status.h"
#include "core/Texture.h"

using namespace lingqu;
using cudart::runtime;

namespace {

absl::StatusOr<rt::TextureResource> resourceOf(const cudaResourceDesc &d) {
  rt::TextureResource r;
  r.type = d.resType;
  switch (d.resType) {
  case cudaResourceTypeArray:
    r.handle = d.res.array.array;
    return r;
  case cudaResourceTypeMipmappedArray:
    r.handle = d.res.mipmap.mipmap;
    return r;
  case cudaResourceTypeLinear:
  case cudaResourceTypePitch2D: {
    bool linear = d.resType == cudaResourceTypeLinear;
    absl::StatusOr<rt::ArrayDesc> format = cudart::arrayDesc(
        linear ? d.res.linear.desc : d.res.pitch2D.desc);
    if (!format.ok())
      return format.status();
    r.format = format->format;
    r.channels = format->channels;
    r.ptr = static_cast<char *>(linear ? d.res.linear.devPtr
                                       : d.res.pitch2D.devPtr);
    r.bytes = d.res.linear.sizeInBytes;
    if (!linear) {
      r.width = d.res.pitch2D.width;
      r.height = d.res.pitch2D.height;
      r.pitch = d.res.pitch2D.pitchInBytes;
    }
    return r;
  }
  default:
    return rt::makeError(cudaErrorInvalidValue, "unknown resource type");
  }
}

cudaResourceDesc descOf(const rt::TextureResource &r) {
  cudaResourceDesc d{};
  d.resType = cudaResourceType(r.type);
  switch (r.type) {
  case cudaResourceTypeArray:
    d.res.array.array = cudaArray_t(const_cast<void *>(r.handle));
    break;
  case cudaResourceTypeMipmappedArray:
    d.res.mipmap.mipmap =
        cudaMipmappedArray_t(const_cast<void *>(r.handle));
    break;
  case cudaResourceTypeLinear:
    d.res.linear.devPtr = r.ptr;
    d.res.linear.desc = cudart::channelDesc(r.format, r.channels);
    d.res.linear.sizeInBytes = r.bytes;
    break;
  default:
    d.res.pitch2D.devPtr = r.ptr;
    d.res.pitch2D.desc = cudart::channelDesc(r.format, r.channels);
    d.res.pitch2D.width = r.width;
    d.res.pitch2D.height = r.height;
    d.res.pitch2D.pitchInBytes = r.pitch;
    break;
  }
  return d;
}

} // namespace

absl::Status cudart::impl::cudaCreateTextureObject(
    cudaTextureObject_t *pTexObject, const struct cudaResourceDesc *pResDesc,
    const struct cudaTextureDesc *pTexDesc,
    const struct cudaResourceViewDesc *pResViewDesc) {
  absl::StatusOr<rt::TextureResource> r = resourceOf(*pResDesc);
  if (!r.ok())
    return r.status();
  absl::StatusOr<uint64_t> handle =
      runtime().textures().createTexture(*r, *pTexDesc, pResViewDesc);
  if (!handle.ok())
    return handle.status();
  *pTexObject = *handle;
  return absl::OkStatus();
}

absl::Status
cudart::impl::cudaDestroyTextureObject(cudaTextureObject_t texObject) {
  return runtime().textures().destroy(texObject, false);
}

absl::Status cudart::impl::cudaGetTextureObjectResourceDesc(
    struct cudaResourceDesc *pResDesc, cudaTextureObject_t texObject) {
  absl::StatusOr<rt::TextureObject> t =
      runtime().textures().find(texObject, false);
  if (!t.ok())
    return t.status();
  *pResDesc = descOf(t->resource);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGetTextureObjectTextureDesc(
    struct cudaTextureDesc *pTexDesc, cudaTextureObject_t texObject) {
  absl::StatusOr<rt::TextureObject> t =
      runtime().textures().find(texObject, false);
  if (!t.ok())
    return t.status();
  *pTexDesc = t->sampler;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGetTextureObjectResourceViewDesc(
    struct cudaResourceViewDesc *pResViewDesc, cudaTextureObject_t texObject) {
  absl::StatusOr<rt::TextureObject> t =
      runtime().textures().find(texObject, false);
  if (!t.ok())
    return t.status();
  if (!t->hasView)
    return rt::makeError(cudaErrorInvalidValue,
                         "the texture was made without a resource view");
  *pResViewDesc = t->view;
  return absl::OkStatus();
}

absl::Status
cudart::impl::cudaCreateSurfaceObject(cudaSurfaceObject_t *pSurfObject,
                                      const struct cudaResourceDesc *pResDesc) {
  absl::StatusOr<rt::TextureResource> r = resourceOf(*pResDesc);
  if (!r.ok())
    return r.status();
  absl::StatusOr<uint64_t> handle = runtime().textures().createSurface(*r);
  if (!handle.ok())
    return handle.status();
  *pSurfObject = *handle;
  return absl::OkStatus();
}

absl::Status
cudart::impl::cudaDestroySurfaceObject(cudaSurfaceObject_t surfObject) {
  return runtime().textures().destroy(surfObject, true);
}

absl::Status cudart::impl::cudaGetSurfaceObjectResourceDesc(
    struct cudaResourceDesc *pResDesc, cudaSurfaceObject_t surfObject) {
  absl::StatusOr<rt::TextureObject> t =
      runtime().textures().find(surfObject, true);
  if (!t.ok())
    return t.status();
  *pResDesc = descOf(t->resource);
  return absl::OkStatus();
}
