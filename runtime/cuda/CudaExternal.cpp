//===- CudaExternal.cpp - Importing memory from other APIs ----------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cuda::runtime;

absl::Status cuda::impl::cuImportExternalMemory(
    CUexternalMemory *extMem_out,
    const CUDA_EXTERNAL_MEMORY_HANDLE_DESC *memHandleDesc) {
  if (memHandleDesc->type != CU_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD)
    return rt::makeDriverError(CUDA_ERROR_NOT_SUPPORTED,
                               "only opaque file descriptors can be imported");
  absl::StatusOr<void *> m = runtime().externalMemories().import(
      memHandleDesc->handle.fd, memHandleDesc->size);
  if (!m.ok())
    return m.status();
  *extMem_out = static_cast<CUexternalMemory>(*m);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuExternalMemoryGetMappedBuffer(
    CUdeviceptr *devPtr, CUexternalMemory extMem,
    const CUDA_EXTERNAL_MEMORY_BUFFER_DESC *bufferDesc) {
  absl::StatusOr<void *> p = runtime().externalMemories().buffer(
      extMem, bufferDesc->offset, bufferDesc->size);
  if (!p.ok())
    return p.status();
  *devPtr = CUdeviceptr(uintptr_t(*p));
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDestroyExternalMemory(CUexternalMemory extMem) {
  return runtime().externalMemories().destroy(extMem);
}
