//===- CudaArrays.cpp - cuArray* and copies to and from arrays ------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include "core/Array.h"
#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cuda::runtime;

namespace {
absl::StatusOr<rt::Array *> arrayOf(CUarray handle) {
  return runtime().arrays().find(handle);
}

absl::Status create(CUarray *out, const rt::ArrayDesc &desc) {
  absl::StatusOr<rt::Array *> array = runtime().arrays().create(desc);
  if (!array.ok())
    return array.status();
  *out = reinterpret_cast<CUarray>(*array);
  return absl::OkStatus();
}

/// `bytes` between linear memory and the array's bytes from `offset` on.
absl::Status linearCopy(CUarray handle, size_t offset, void *linear,
                        size_t bytes, bool toArray, int kind, bool async,
                        CUstream stream) {
  LINGQU_CURRENT(c);
  absl::StatusOr<rt::Array *> a = arrayOf(handle);
  if (!a.ok())
    return a.status();
  size_t total = (*a)->bytes();
  if (offset > total || bytes > total - offset)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "the copy runs past the end of the array");
  char *at = (*a)->data + offset;
  return toArray ? rt::copy(runtime(), at, linear, bytes, kind, async, stream)
                 : rt::copy(runtime(), linear, at, bytes, kind, async, stream);
}
} // namespace

absl::Status cuda::impl::cuArrayCreate(CUarray *pHandle,
                                       const CUDA_ARRAY_DESCRIPTOR *pAllocateArray) {
  rt::ArrayDesc desc;
  desc.format = pAllocateArray->Format;
  desc.channels = pAllocateArray->NumChannels;
  desc.width = pAllocateArray->Width;
  desc.height = pAllocateArray->Height;
  return create(pHandle, desc);
}

absl::Status cuda::impl::cuArray3DCreate(
    CUarray *pHandle, const CUDA_ARRAY3D_DESCRIPTOR *pAllocateArray) {
  rt::ArrayDesc desc;
  desc.format = pAllocateArray->Format;
  desc.channels = pAllocateArray->NumChannels;
  desc.width = pAllocateArray->Width;
  desc.height = pAllocateArray->Height;
  desc.depth = pAllocateArray->Depth;
  desc.flags = pAllocateArray->Flags;
  return create(pHandle, desc);
}

absl::Status cuda::impl::cuArrayGetDescriptor(
    CUDA_ARRAY_DESCRIPTOR *pArrayDescriptor, CUarray hArray) {
  absl::StatusOr<rt::Array *> a = arrayOf(hArray);
  if (!a.ok())
    return a.status();
  const rt::ArrayDesc &d = (*a)->desc;
  *pArrayDescriptor = CUDA_ARRAY_DESCRIPTOR{
      d.width, d.height, static_cast<CUarray_format>(d.format), d.channels};
  return absl::OkStatus();
}

absl::Status cuda::impl::cuArray3DGetDescriptor(
    CUDA_ARRAY3D_DESCRIPTOR *pArrayDescriptor, CUarray hArray) {
  absl::StatusOr<rt::Array *> a = arrayOf(hArray);
  if (!a.ok())
    return a.status();
  const rt::ArrayDesc &d = (*a)->desc;
  *pArrayDescriptor = CUDA_ARRAY3D_DESCRIPTOR{
      d.width,    d.height, d.depth, static_cast<CUarray_format>(d.format),
      d.channels, d.flags};
  return absl::OkStatus();
}

absl::Status cuda::impl::cuArrayDestroy(CUarray hArray) {
  LINGQU_CURRENT(c);
  c->synchronize();
  return runtime().arrays().destroy(hArray);
}

absl::Status cuda::impl::cuArrayGetMemoryRequirements(
    CUDA_ARRAY_MEMORY_REQUIREMENTS *memoryRequirements, CUarray array,
    CUdevice device) {
  absl::StatusOr<rt::Array *> a = arrayOf(array);
  if (!a.ok())
    return a.status();
  memoryRequirements->size = (*a)->bytes();
  memoryRequirements->alignment = rt::MemoryManager::kAlignment;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemcpyHtoA(CUarray dstArray, size_t dstOffset,
                                      const void *srcHost, size_t ByteCount) {
  return linearCopy(dstArray, dstOffset, const_cast<void *>(srcHost),
                    ByteCount, true, cudaMemcpyHostToDevice, false, nullptr);
}

absl::Status cuda::impl::cuMemcpyHtoAAsync(CUarray dstArray, size_t dstOffset,
                                           const void *srcHost,
                                           size_t ByteCount, CUstream hStream) {
  return linearCopy(dstArray, dstOffset, const_cast<void *>(srcHost),
                    ByteCount, true, cudaMemcpyHostToDevice, true, hStream);
}

absl::Status cuda::impl::cuMemcpyAtoH(void *dstHost, CUarray srcArray,
                                      size_t srcOffset, size_t ByteCount) {
  return linearCopy(srcArray, srcOffset, dstHost, ByteCount, false,
                    cudaMemcpyDeviceToHost, false, nullptr);
}

absl::Status cuda::impl::cuMemcpyAtoHAsync(void *dstHost, CUarray srcArray,
                                           size_t srcOffset, size_t ByteCount,
                                           CUstream hStream) {
  return linearCopy(srcArray, srcOffset, dstHost, ByteCount, false,
                    cudaMemcpyDeviceToHost, true, hStream);
}

absl::Status cuda::impl::cuMemcpyDtoA(CUarray dstArray, size_t dstOffset,
                                      CUdeviceptr srcDevice,
                                      size_t ByteCount) {
  return linearCopy(dstArray, dstOffset,
                    reinterpret_cast<void *>(uintptr_t(srcDevice)), ByteCount,
                    true, cudaMemcpyDeviceToDevice, false, nullptr);
}

absl::Status cuda::impl::cuMemcpyAtoD(CUdeviceptr dstDevice, CUarray srcArray,
                                      size_t srcOffset, size_t ByteCount) {
  return linearCopy(srcArray, srcOffset,
                    reinterpret_cast<void *>(uintptr_t(dstDevice)), ByteCount,
                    false, cudaMemcpyDeviceToDevice, false, nullptr);
}

absl::Status cuda::impl::cuMemcpyAtoA(CUarray dstArray, size_t dstOffset,
                                      CUarray srcArray, size_t srcOffset,
                                      size_t ByteCount) {
  absl::StatusOr<rt::Array *> from = arrayOf(srcArray);
  if (!from.ok())
    return from.status();
  size_t total = (*from)->bytes();
  if (srcOffset > total || ByteCount > total - srcOffset)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "the copy runs past the end of the source");
  return linearCopy(dstArray, dstOffset, (*from)->data + srcOffset, ByteCount,
                    true, cudaMemcpyDeviceToDevice, false, nullptr);
}

//===--- Mipmapped arrays -------------------------------------------------===//

absl::Status cuda::impl::cuMipmappedArrayCreate(
    CUmipmappedArray *pHandle, const CUDA_ARRAY3D_DESCRIPTOR *pMipmappedArrayDesc,
    unsigned int numMipmapLevels) {
  rt::ArrayDesc desc;
  desc.format = pMipmappedArrayDesc->Format;
  desc.channels = pMipmappedArrayDesc->NumChannels;
  desc.width = pMipmappedArrayDesc->Width;
  desc.height = pMipmappedArrayDesc->Height;
  desc.depth = pMipmappedArrayDesc->Depth;
  desc.flags = pMipmappedArrayDesc->Flags;
  absl::StatusOr<rt::MipmappedArray *> m =
      runtime().arrays().createMipmapped(desc, numMipmapLevels);
  if (!m.ok())
    return m.status();
  *pHandle = reinterpret_cast<CUmipmappedArray>(*m);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMipmappedArrayGetLevel(
    CUarray *pLevelArray, CUmipmappedArray hMipmappedArray, unsigned int level) {
  absl::StatusOr<rt::MipmappedArray *> m =
      runtime().arrays().findMipmapped(hMipmappedArray);
  if (!m.ok())
    return m.status();
  if (level >= (*m)->levels.size())
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "no such mipmap level");
  *pLevelArray = reinterpret_cast<CUarray>((*m)->levels[level]);
  return absl::OkStatus();
}

absl::Status
cuda::impl::cuMipmappedArrayDestroy(CUmipmappedArray hMipmappedArray) {
  LINGQU_CURRENT(c);
  c->synchronize();
  return runtime().arrays().destroyMipmapped(hMipmappedArray);
}

absl::Status cuda::impl::cuMipmappedArrayGetMemoryRequirements(
    CUDA_ARRAY_MEMORY_REQUIREMENTS *memoryRequirements, CUmipmappedArray mipmap,
    CUdevice device) {
  absl::StatusOr<rt::MipmappedArray *> m =
      runtime().arrays().findMipmapped(mipmap);
  if (!m.ok())
    return m.status();
  memoryRequirements->size = (*m)->bytes();
  memoryRequirements->alignment = rt::MemoryManager::kAlignment;
  return absl::OkStatus();
}
