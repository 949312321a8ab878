//===- CudartMemory.cpp - cudaMalloc, cudaFree, cudaMemcpy, cudaMemset ----===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include <cstring>

#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

absl::Status cudart::impl::cudaMalloc(void **devPtr, size_t size) {
  absl::StatusOr<void *> ptr = runtime().memory().allocate(size);
  if (!ptr.ok())
    return ptr.status();
  *devPtr = *ptr;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaFree(void *devPtr) {
  if (devPtr != nullptr)
    runtime().currentContext().synchronize();
  return runtime().memory().free(devPtr);
}

absl::Status cudart::impl::cudaMemcpy(void *dst, const void *src, size_t count,
                                      enum cudaMemcpyKind kind) {
  return rt::copy(runtime(), dst, src, count, kind, false, nullptr);
}

absl::Status cudart::impl::cudaMemset(void *devPtr, int value, size_t count) {
  return rt::set2D(runtime(), {devPtr, count, uint32_t(value), 1, count}, false,
                   nullptr);
}

absl::Status cudart::impl::cudaDeviceSynchronize() {
  return runtime().synchronize();
}

absl::Status cudart::impl::cudaMemcpyAsync(void *dst, const void *src,
                                           size_t count,
                                           enum cudaMemcpyKind kind,
                                           cudaStream_t stream) {
  return rt::copy(runtime(), dst, src, count, kind, true, stream);
}

absl::Status cudart::impl::cudaMemsetAsync(void *devPtr, int value,
                                           size_t count, cudaStream_t stream) {
  return rt::set2D(runtime(), {devPtr, count, uint32_t(value), 1, count}, true,
                   stream);
}
