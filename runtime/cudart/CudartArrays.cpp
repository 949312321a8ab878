//===- CudartArrays.cpp - CUDA arrays and copies to and from them ---------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include "core/Array.h"
#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

namespace {
// CUarray_format values (cuda.h), which arrays are described by.
enum : unsigned {
  kUnsigned8 = 0x01,
  kSigned8 = 0x08,
  kHalf = 0x10,
  kFloat = 0x20,
};

} // namespace

absl::StatusOr<rt::ArrayDesc>
cudart::arrayDesc(const cudaChannelFormatDesc &d) {
  int bits[4] = {d.x, d.y, d.z, d.w};
  unsigned channels = 0;
  while (channels < 4 && bits[channels] != 0)
    ++channels;
  for (unsigned i = 0; i < 4; ++i)
    if ((i < channels && bits[i] != d.x) || (i >= channels && bits[i] != 0))
      return rt::makeError(cudaErrorInvalidChannelDescriptor,
                           "channels of different sizes");
  if (channels == 3 || channels == 0 ||
      (d.x != 8 && d.x != 16 && d.x != 32))
    return rt::makeError(cudaErrorInvalidChannelDescriptor,
                         "1, 2 or 4 channels of 8, 16 or 32 bits");
  rt::ArrayDesc desc;
  desc.channels = channels;
  unsigned log = d.x == 8 ? 0 : d.x == 16 ? 1 : 2;
  switch (d.f) {
  case cudaChannelFormatKindUnsigned:
    desc.format = kUnsigned8 + log;
    break;
  case cudaChannelFormatKindSigned:
    desc.format = kSigned8 + log;
    break;
  case cudaChannelFormatKindFloat:
    if (d.x == 8)
      return rt::makeError(cudaErrorInvalidChannelDescriptor,
                           "there are no 8-bit floats");
    desc.format = d.x == 16 ? kHalf : kFloat;
    break;
  default:
    return rt::makeError(cudaErrorNotSupported,
                         "this channel format kind is not supported by "
                         "Lingqu yet");
  }
  return desc;
}

cudaChannelFormatDesc cudart::channelDesc(unsigned format, unsigned channels) {
  rt::ArrayDesc desc;
  desc.format = format;
  desc.channels = channels;
  size_t bytes = rt::formatChannelBytes(desc.format);
  int bits = int(bytes * 8);
  cudaChannelFormatKind kind = desc.format >= kHalf
                                   ? cudaChannelFormatKindFloat
                               : desc.format >= kSigned8
                                   ? cudaChannelFormatKindSigned
                                   : cudaChannelFormatKindUnsigned;
  cudaChannelFormatDesc d{bits, desc.channels > 1 ? bits : 0,
                          desc.channels > 2 ? bits : 0,
                          desc.channels > 3 ? bits : 0, kind};
  return d;
}

namespace {

absl::Status createArray(cudaArray_t *out, const cudaChannelFormatDesc *desc,
                         size_t width, size_t height, size_t depth,
                         unsigned flags) {
  absl::StatusOr<rt::ArrayDesc> d = cudart::arrayDesc(*desc);
  if (!d.ok())
    return d.status();
  d->width = width;
  d->height = height;
  d->depth = depth;
  d->flags = flags;
  absl::StatusOr<rt::Array *> array = runtime().arrays().create(*d);
  if (!array.ok())
    return array.status();
  *out = reinterpret_cast<cudaArray_t>(*array);
  return absl::OkStatus();
}

absl::StatusOr<rt::Array *> arrayOf(cudaArray_const_t handle) {
  return runtime().arrays().find(handle);
}

/// A copy of `width` x `height` bytes between an array block at
/// (xBytes, y) and pitched linear memory.
absl::Status arrayCopy(rt::Array *array, size_t xBytes, size_t y,
                       void *linear, size_t linearPitch, size_t width,
                       size_t height, bool toArray, int kind, bool async,
                       cudaStream_t stream) {
  if (absl::Status s = array->checkRegion(xBytes, y, 0, width, height, 1);
      !s.ok())
    return s;
  rt::Copy3D c;
  c.width = width;
  c.height = height;
  if (toArray) {
    c.dst = array->at(xBytes, y, 0);
    c.dstPitch = array->pitch;
    c.src = linear;
    c.srcPitch = linearPitch;
  } else {
    c.src = array->at(xBytes, y, 0);
    c.srcPitch = array->pitch;
    c.dst = linear;
    c.dstPitch = linearPitch;
  }
  c.dstSliceRows = c.srcSliceRows = height;
  return rt::copy3D(runtime(), c, kind, async, stream);
}

/// The deprecated 1D forms: `count` bytes from (wOffset, hOffset) on,
/// rows following one another.
absl::Status linearArrayCopy(rt::Array *array, size_t wOffset, size_t hOffset,
                             void *linear, size_t count, bool toArray,
                             int kind, bool async, cudaStream_t stream) {
  size_t start = hOffset * array->pitch + wOffset;
  size_t total = array->bytes();
  if (wOffset > array->pitch || start > total || count > total - start)
    return rt::makeError(cudaErrorInvalidValue,
                         "the copy runs past the end of the array");
  char *at = array->data + start;
  return toArray ? rt::copy(runtime(), at, linear, count, kind, async, stream)
                 : rt::copy(runtime(), linear, at, count, kind, async, stream);
}
} // namespace

absl::Status cudart::impl::cudaMallocArray(cudaArray_t *array,
                                           const struct cudaChannelFormatDesc *desc,
                                           size_t width, size_t height,
                                           unsigned int flags) {
  return createArray(array, desc, width, height, 0, flags);
}

absl::Status cudart::impl::cudaMalloc3DArray(cudaArray_t *array,
                                             const struct cudaChannelFormatDesc *desc,
                                             struct cudaExtent extent,
                                             unsigned int flags) {
  return createArray(array, desc, extent.width, extent.height, extent.depth,
                     flags);
}

absl::Status cudart::impl::cudaFreeArray(cudaArray_t array) {
  if (array == nullptr)
    return absl::OkStatus();
  runtime().currentContext().synchronize();
  return runtime().arrays().destroy(array);
}

absl::Status cudart::impl::cudaArrayGetInfo(struct cudaChannelFormatDesc *desc,
                                            struct cudaExtent *extent,
                                            unsigned int *flags,
                                            cudaArray_t array) {
  absl::StatusOr<rt::Array *> a = arrayOf(array);
  if (!a.ok())
    return a.status();
  if (desc)
    *desc = cudart::channelDesc((*a)->desc.format, (*a)->desc.channels);
  if (extent)
    *extent = cudaExtent{(*a)->desc.width, (*a)->desc.height,
                         (*a)->desc.depth};
  if (flags)
    *flags = (*a)->desc.flags;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaArrayGetMemoryRequirements(
    struct cudaArrayMemoryRequirements *memoryRequirements, cudaArray_t array,
    int device) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  absl::StatusOr<rt::Array *> a = arrayOf(array);
  if (!a.ok())
    return a.status();
  memoryRequirements->size = (*a)->bytes();
  memoryRequirements->alignment = rt::MemoryManager::kAlignment;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaMemcpy2DToArray(cudaArray_t dst, size_t wOffset,
                                               size_t hOffset, const void *src,
                                               size_t spitch, size_t width,
                                               size_t height,
                                               enum cudaMemcpyKind kind) {
  absl::StatusOr<rt::Array *> a = arrayOf(dst);
  if (!a.ok())
    return a.status();
  return arrayCopy(*a, wOffset, hOffset, const_cast<void *>(src), spitch,
                   width, height, true, kind, false, nullptr);
}

absl::Status cudart::impl::cudaMemcpy2DToArrayAsync(
    cudaArray_t dst, size_t wOffset, size_t hOffset, const void *src,
    size_t spitch, size_t width, size_t height, enum cudaMemcpyKind kind,
    cudaStream_t stream) {
  absl::StatusOr<rt::Array *> a = arrayOf(dst);
  if (!a.ok())
    return a.status();
  return arrayCopy(*a, wOffset, hOffset, const_cast<void *>(src), spitch,
                   width, height, true, kind, true, stream);
}

absl::Status cudart::impl::cudaMemcpy2DFromArray(void *dst, size_t dpitch,
                                                 cudaArray_const_t src,
                                                 size_t wOffset,
                                                 size_t hOffset, size_t width,
                                                 size_t height,
                                                 enum cudaMemcpyKind kind) {
  absl::StatusOr<rt::Array *> a = arrayOf(src);
  if (!a.ok())
    return a.status();
  return arrayCopy(*a, wOffset, hOffset, dst, dpitch, width, height, false,
                   kind, false, nullptr);
}

absl::Status cudart::impl::cudaMemcpy2DFromArrayAsync(
    void *dst, size_t dpitch, cudaArray_const_t src, size_t wOffset,
    size_t hOffset, size_t width, size_t height, enum cudaMemcpyKind kind,
    cudaStream_t stream) {
  absl::StatusOr<rt::Array *> a = arrayOf(src);
  if (!a.ok())
    return a.status();
  return arrayCopy(*a, wOffset, hOffset, dst, dpitch, width, height, false,
                   kind, true, stream);
}

absl::Status cudart::impl::cudaMemcpy2DArrayToArray(
    cudaArray_t dst, size_t wOffsetDst, size_t hOffsetDst,
    cudaArray_const_t src, size_t wOffsetSrc, size_t hOffsetSrc, size_t width,
    size_t height, enum cudaMemcpyKind kind) {
  absl::StatusOr<rt::Array *> to = arrayOf(dst);
  if (!to.ok())
    return to.status();
  absl::StatusOr<rt::Array *> from = arrayOf(src);
  if (!from.ok())
    return from.status();
  if (absl::Status s =
          (*from)->checkRegion(wOffsetSrc, hOffsetSrc, 0, width, height, 1);
      !s.ok())
    return s;
  return arrayCopy(*to, wOffsetDst, hOffsetDst,
                   (*from)->at(wOffsetSrc, hOffsetSrc, 0), (*from)->pitch,
                   width, height, true, kind, false, nullptr);
}

absl::Status cudart::impl::cudaMemcpyToArray(cudaArray_t dst, size_t wOffset,
                                             size_t hOffset, const void *src,
                                             size_t count,
                                             enum cudaMemcpyKind kind) {
  absl::StatusOr<rt::Array *> a = arrayOf(dst);
  if (!a.ok())
    return a.status();
  return linearArrayCopy(*a, wOffset, hOffset, const_cast<void *>(src), count,
                         true, kind, false, nullptr);
}

absl::Status cudart::impl::cudaMemcpyToArrayAsync(
    cudaArray_t dst, size_t wOffset, size_t hOffset, const void *src,
    size_t count, enum cudaMemcpyKind kind, cudaStream_t stream) {
  absl::StatusOr<rt::Array *> a = arrayOf(dst);
  if (!a.ok())
    return a.status();
  return linearArrayCopy(*a, wOffset, hOffset, const_cast<void *>(src), count,
                         true, kind, true, stream);
}

absl::Status cudart::impl::cudaMemcpyFromArray(void *dst,
                                               cudaArray_const_t src,
                                               size_t wOffset, size_t hOffset,
                                               size_t count,
                                               enum cudaMemcpyKind kind) {
  absl::StatusOr<rt::Array *> a = arrayOf(src);
  if (!a.ok())
    return a.status();
  return linearArrayCopy(*a, wOffset, hOffset, dst, count, false, kind, false,
                         nullptr);
}

absl::Status cudart::impl::cudaMemcpyFromArrayAsync(
    void *dst, cudaArray_const_t src, size_t wOffset, size_t hOffset,
    size_t count, enum cudaMemcpyKind kind, cudaStream_t stream) {
  absl::StatusOr<rt::Array *> a = arrayOf(src);
  if (!a.ok())
    return a.status();
  return linearArrayCopy(*a, wOffset, hOffset, dst, count, false, kind, true,
                         stream);
}

absl::Status cudart::impl::cudaMemcpyArrayToArray(
    cudaArray_t dst, size_t wOffsetDst, size_t hOffsetDst,
    cudaArray_const_t src, size_t wOffsetSrc, size_t hOffsetSrc, size_t count,
    enum cudaMemcpyKind kind) {
  absl::StatusOr<rt::Array *> from = arrayOf(src);
  if (!from.ok())
    return from.status();
  size_t start = hOffsetSrc * (*from)->pitch + wOffsetSrc;
  size_t total = (*from)->bytes();
  if (start > total || count > total - start)
    return rt::makeError(cudaErrorInvalidValue,
                         "the copy runs past the end of the source array");
  absl::StatusOr<rt::Array *> to = arrayOf(dst);
  if (!to.ok())
    return to.status();
  return linearArrayCopy(*to, wOffsetDst, hOffsetDst, (*from)->data + start,
                         count, true, kind, false, nullptr);
}

struct cudaChannelFormatDesc
cudart::impl::cudaCreateChannelDesc(int x, int y, int z, int w,
                                    enum cudaChannelFormatKind f) {
  return cudaChannelFormatDesc{x, y, z, w, f};
}

absl::Status cudart::impl::cudaGetChannelDesc(struct cudaChannelFormatDesc *desc,
                                              cudaArray_const_t array) {
  absl::StatusOr<rt::Array *> a = arrayOf(array);
  if (!a.ok())
    return a.status();
  *desc = cudart::channelDesc((*a)->desc.format, (*a)->desc.channels);
  return absl::OkStatus();
}

//===--- Mipmapped arrays -------------------------------------------------===//

absl::Status cudart::impl::cudaMallocMipmappedArray(
    cudaMipmappedArray_t *mipmappedArray,
    const struct cudaChannelFormatDesc *desc, struct cudaExtent extent,
    unsigned int numLevels, unsigned int flags) {
  absl::StatusOr<rt::ArrayDesc> d = cudart::arrayDesc(*desc);
  if (!d.ok())
    return d.status();
  d->width = extent.width;
  d->height = extent.height;
  d->depth = extent.depth;
  d->flags = flags;
  absl::StatusOr<rt::MipmappedArray *> m =
      runtime().arrays().createMipmapped(*d, numLevels);
  if (!m.ok())
    return m.status();
  *mipmappedArray = reinterpret_cast<cudaMipmappedArray_t>(*m);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGetMipmappedArrayLevel(
    cudaArray_t *levelArray, cudaMipmappedArray_const_t mipmappedArray,
    unsigned int level) {
  absl::StatusOr<rt::MipmappedArray *> m =
      runtime().arrays().findMipmapped(mipmappedArray);
  if (!m.ok())
    return m.status();
  if (level >= (*m)->levels.size())
    return rt::makeError(cudaErrorInvalidValue, "no such mipmap level");
  *levelArray = reinterpret_cast<cudaArray_t>((*m)->levels[level]);
  return absl::OkStatus();
}

absl::Status
cudart::impl::cudaFreeMipmappedArray(cudaMipmappedArray_t mipmappedArray) {
  runtime().currentContext().synchronize();
  return runtime().arrays().destroyMipmapped(mipmappedArray);
}

absl::Status cudart::impl::cudaMipmappedArrayGetMemoryRequirements(
    struct cudaArrayMemoryRequirements *memoryRequirements,
    cudaMipmappedArray_t mipmap, int device) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  absl::StatusOr<rt::MipmappedArray *> m =
      runtime().arrays().findMipmapped(mipmap);
  if (!m.ok())
    return m.status();
  memoryRequirements->size = (*m)->bytes();
  memoryRequirements->alignment = rt::MemoryManager::kAlignment;
  return absl::OkStatus();
}
