//===- CudartExternal.cpp - Importing memory from other APIs --------------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

absl::Status cudart::impl::cudaImportExternalMemory(
    cudaExternalMemory_t *extMem_out,
    const struct cudaExternalMemoryHandleDesc *memHandleDesc) {
  if (memHandleDesc->type != cudaExternalMemoryHandleTypeOpaqueFd)
    return rt::makeError(cudaErrorNotSupported,
                         "only opaque file descriptors can be imported");
  absl::StatusOr<void *> m = runtime().externalMemories().import(
      memHandleDesc->handle.fd, memHandleDesc->size);
  if (!m.ok())
    return m.status();
  *extMem_out = static_cast<cudaExternalMemory_t>(*m);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaExternalMemoryGetMappedBuffer(
    void **devPtr, cudaExternalMemory_t extMem,
    const struct cudaExternalMemoryBufferDesc *bufferDesc) {
  absl::StatusOr<void *> p = runtime().externalMemories().buffer(
      extMem, bufferDesc->offset, bufferDesc->size);
  if (!p.ok())
    return p.status();
  *devPtr = *p;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDestroyExternalMemory(cudaExternalMemory_t extMem) {
  return runtime().externalMemories().destroy(extMem);
}
