//===- CudaTexture.cpp - Texture and surface objects -----------------------===//
//
// The driver's descriptors in the core's neutral form and back. A handle
// from either API works with the other's calls, as in CUDA.
//
//===----------------------------------------------------------------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <algorithm>
#include <iterator>

#include "core/Runtime.h"
#include "core/Status.h"
#include "core/Texture.h"

using namespace lingqu;
using cuda::runtime;

namespace {

absl::StatusOr<rt::TextureResource> resourceOf(const CUDA_RESOURCE_DESC &d) {
  if (d.flags != 0)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "CUDA_RESOURCE_DESC flags must be 0");
  rt::TextureResource r;
  r.type = d.resType;
  switch (d.resType) {
  case CU_RESOURCE_TYPE_ARRAY:
    r.handle = d.res.array.hArray;
    break;
  case CU_RESOURCE_TYPE_MIPMAPPED_ARRAY:
    r.handle = d.res.mipmap.hMipmappedArray;
    break;
  case CU_RESOURCE_TYPE_LINEAR:
    r.ptr = reinterpret_cast<char *>(d.res.linear.devPtr);
    r.format = d.res.linear.format;
    r.channels = d.res.linear.numChannels;
    r.bytes = d.res.linear.sizeInBytes;
    break;
  case CU_RESOURCE_TYPE_PITCH2D:
    r.ptr = reinterpret_cast<char *>(d.res.pitch2D.devPtr);
    r.format = d.res.pitch2D.format;
    r.channels = d.res.pitch2D.numChannels;
    r.width = d.res.pitch2D.width;
    r.height = d.res.pitch2D.height;
    r.pitch = d.res.pitch2D.pitchInBytes;
    break;
  default:
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "unknown resource type");
  }
  return r;
}

CUDA_RESOURCE_DESC descOf(const rt::TextureResource &r) {
  CUDA_RESOURCE_DESC d{};
  d.resType = CUresourcetype(r.type);
  switch (r.type) {
  case CU_RESOURCE_TYPE_ARRAY:
    d.res.array.hArray = CUarray(const_cast<void *>(r.handle));
    break;
  case CU_RESOURCE_TYPE_MIPMAPPED_ARRAY:
    d.res.mipmap.hMipmappedArray =
        CUmipmappedArray(const_cast<void *>(r.handle));
    break;
  case CU_RESOURCE_TYPE_LINEAR:
    d.res.linear.devPtr = reinterpret_cast<CUdeviceptr>(r.ptr);
    d.res.linear.format = CUarray_format(r.format);
    d.res.linear.numChannels = r.channels;
    d.res.linear.sizeInBytes = r.bytes;
    break;
  default:
    d.res.pitch2D.devPtr = reinterpret_cast<CUdeviceptr>(r.ptr);
    d.res.pitch2D.format = CUarray_format(r.format);
    d.res.pitch2D.numChannels = r.channels;
    d.res.pitch2D.width = r.width;
    d.res.pitch2D.height = r.height;
    d.res.pitch2D.pitchInBytes = r.pitch;
    break;
  }
  return d;
}

/// CUDA_TEXTURE_DESC and cudaTextureDesc say the same in different words:
/// the driver's default is the normalised read the runtime asks for.
cudaTextureDesc samplerOf(const CUDA_TEXTURE_DESC &d) {
  cudaTextureDesc s{};
  for (int k = 0; k < 3; ++k)
    s.addressMode[k] = cudaTextureAddressMode(d.addressMode[k]);
  s.filterMode = cudaTextureFilterMode(d.filterMode);
  s.readMode = d.flags & CU_TRSF_READ_AS_INTEGER ? cudaReadModeElementType
                                                 : cudaReadModeNormalizedFloat;
  s.sRGB = (d.flags & CU_TRSF_SRGB) != 0;
  s.normalizedCoords = (d.flags & CU_TRSF_NORMALIZED_COORDINATES) != 0;
  s.disableTrilinearOptimization =
      (d.flags & CU_TRSF_DISABLE_TRILINEAR_OPTIMIZATION) != 0;
  s.seamlessCubemap = (d.flags & CU_TRSF_SEAMLESS_CUBEMAP) != 0;
  s.maxAnisotropy = d.maxAnisotropy;
  s.mipmapFilterMode = cudaTextureFilterMode(d.mipmapFilterMode);
  s.mipmapLevelBias = d.mipmapLevelBias;
  s.minMipmapLevelClamp = d.minMipmapLevelClamp;
  s.maxMipmapLevelClamp = d.maxMipmapLevelClamp;
  std::copy(std::begin(d.borderColor), std::end(d.borderColor),
            s.borderColor);
  return s;
}

CUDA_TEXTURE_DESC descOf(const cudaTextureDesc &s) {
  CUDA_TEXTURE_DESC d{};
  for (int k = 0; k < 3; ++k)
    d.addressMode[k] = CUaddress_mode(s.addressMode[k]);
  d.filterMode = CUfilter_mode(s.filterMode);
  d.flags = (s.readMode == cudaReadModeElementType ? CU_TRSF_READ_AS_INTEGER
                                                   : 0) |
            (s.normalizedCoords ? CU_TRSF_NORMALIZED_COORDINATES : 0) |
            (s.sRGB ? CU_TRSF_SRGB : 0) |
            (s.disableTrilinearOptimization
                 ? CU_TRSF_DISABLE_TRILINEAR_OPTIMIZATION
                 : 0) |
            (s.seamlessCubemap ? CU_TRSF_SEAMLESS_CUBEMAP : 0);
  d.maxAnisotropy = s.maxAnisotropy;
  d.mipmapFilterMode = CUfilter_mode(s.mipmapFilterMode);
  d.mipmapLevelBias = s.mipmapLevelBias;
  d.minMipmapLevelClamp = s.minMipmapLevelClamp;
  d.maxMipmapLevelClamp = s.maxMipmapLevelClamp;
  std::copy(std::begin(s.borderColor), std::end(s.borderColor),
            d.borderColor);
  return d;
}

// The view structs share their leading fields and format values.
cudaResourceViewDesc viewOf(const CUDA_RESOURCE_VIEW_DESC &v) {
  return {cudaResourceViewFormat(v.format), v.width,          v.height,
          v.depth,                          v.firstMipmapLevel, v.lastMipmapLevel,
          v.firstLayer,                     v.lastLayer};
}

absl::StatusOr<rt::TextureObject> find(uint64_t handle, bool surface) {
  absl::StatusOr<rt::TextureObject> t =
      runtime().textures().find(handle, surface);
  if (!t.ok())
    return rt::makeDriverError(CUDA_ERROR_INVALID_HANDLE, t.status().message());
  return t;
}

} // namespace

absl::Status
cuda::impl::cuTexObjectCreate(CUtexObject *pTexObject,
                              const CUDA_RESOURCE_DESC *pResDesc,
                              const CUDA_TEXTURE_DESC *pTexDesc,
                              const CUDA_RESOURCE_VIEW_DESC *pResViewDesc) {
  LINGQU_CURRENT(c);
  absl::StatusOr<rt::TextureResource> r = resourceOf(*pResDesc);
  if (!r.ok())
    return r.status();
  cudaResourceViewDesc view{};
  if (pResViewDesc)
    view = viewOf(*pResViewDesc);
  absl::StatusOr<uint64_t> handle = runtime().textures().createTexture(
      *r, samplerOf(*pTexDesc), pResViewDesc ? &view : nullptr);
  if (!handle.ok())
    return handle.status();
  *pTexObject = *handle;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuTexObjectDestroy(CUtexObject texObject) {
  if (absl::Status s = find(texObject, false).status(); !s.ok())
    return s;
  return runtime().textures().destroy(texObject, false);
}

absl::Status cuda::impl::cuTexObjectGetResourceDesc(
    CUDA_RESOURCE_DESC *pResDesc, CUtexObject texObject) {
  absl::StatusOr<rt::TextureObject> t = find(texObject, false);
  if (!t.ok())
    return t.status();
  *pResDesc = descOf(t->resource);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuTexObjectGetTextureDesc(CUDA_TEXTURE_DESC *pTexDesc,
                                                   CUtexObject texObject) {
  absl::StatusOr<rt::TextureObject> t = find(texObject, false);
  if (!t.ok())
    return t.status();
  *pTexDesc = descOf(t->sampler);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuTexObjectGetResourceViewDesc(
    CUDA_RESOURCE_VIEW_DESC *pResViewDesc, CUtexObject texObject) {
  absl::StatusOr<rt::TextureObject> t = find(texObject, false);
  if (!t.ok())
    return t.status();
  if (!t->hasView)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "the texture was made without a resource view");
  *pResViewDesc = CUDA_RESOURCE_VIEW_DESC{};
  pResViewDesc->format = CUresourceViewFormat(t->view.format);
  pResViewDesc->width = t->view.width;
  pResViewDesc->height = t->view.height;
  pResViewDesc->depth = t->view.depth;
  pResViewDesc->firstMipmapLevel = t->view.firstMipmapLevel;
  pResViewDesc->lastMipmapLevel = t->view.lastMipmapLevel;
  pResViewDesc->firstLayer = t->view.firstLayer;
  pResViewDesc->lastLayer = t->view.lastLayer;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuSurfObjectCreate(CUsurfObject *pSurfObject,
                                            const CUDA_RESOURCE_DESC *pResDesc) {
  LINGQU_CURRENT(c);
  absl::StatusOr<rt::TextureResource> r = resourceOf(*pResDesc);
  if (!r.ok())
    return r.status();
  absl::StatusOr<uint64_t> handle = runtime().textures().createSurface(*r);
  if (!handle.ok())
    return handle.status();
  *pSurfObject = *handle;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuSurfObjectDestroy(CUsurfObject surfObject) {
  if (absl::Status s = find(surfObject, true).status(); !s.ok())
    return s;
  return runtime().textures().destroy(surfObject, true);
}

absl::Status cuda::impl::cuSurfObjectGetResourceDesc(
    CUDA_RESOURCE_DESC *pResDesc, CUsurfObject surfObject) {
  absl::StatusOr<rt::TextureObject> t = find(surfObject, true);
  if (!t.ok())
    return t.status();
  *pResDesc = descOf(t->resource);
  return absl::OkStatus();
}
