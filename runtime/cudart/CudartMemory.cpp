//===- CudartMemory.cpp - cudaMalloc, cudaFree, cudaMemcpy, cudaMemset ----===//

#include "cudart/CudartApi.h"

#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::finish;
using cudart::runtime;

LINGQU_CUDART_API cudaError_t cudaMalloc(void **devPtr, size_t size) {
  if (devPtr == nullptr)
    return finish("cudaMalloc",
                  rt::makeError(cudaErrorInvalidValue, "devPtr is null"));
  absl::StatusOr<void *> ptr = runtime().memory().allocate(size);
  if (!ptr.ok())
    return finish("cudaMalloc", ptr.status());
  *devPtr = *ptr;
  return cudaSuccess;
}

LINGQU_CUDART_API cudaError_t cudaFree(void *devPtr) {
  return finish("cudaFree", runtime().memory().free(devPtr));
}

LINGQU_CUDART_API cudaError_t cudaMemcpy(void *dst, const void *src,
                                         size_t count,
                                         enum cudaMemcpyKind kind) {
  // `kind` goes on as an int: a caller may pass any value in the enum's
  // storage, and the core rejects what is not a cudaMemcpyKind.
  return finish("cudaMemcpy", runtime().memory().copy(dst, src, count,
                                                      static_cast<int>(kind)));
}

LINGQU_CUDART_API cudaError_t cudaMemset(void *devPtr, int value,
                                         size_t count) {
  return finish("cudaMemset", runtime().memory().set(devPtr, value, count));
}

LINGQU_CUDART_API cudaError_t cudaDeviceSynchronize(void) {
  return finish("cudaDeviceSynchronize", runtime().synchronize());
}
