//===- CudartMemory.cpp - cudaMalloc, cudaFree, cudaMemcpy, cudaMemset ----===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include <cstring>

#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

namespace {
/// Waits until the default stream's earlier work (and what it implicitly
/// waits for) has run: a synchronous copy or set then runs on the calling
/// thread, in order, without a round trip through the stream's worker.
absl::Status drainDefaultStream() {
  absl::StatusOr<rt::StreamRef> stream = runtime().stream(nullptr);
  if (!stream.ok())
    return stream.status();
  for (const rt::StreamPoint &point :
       (*stream)->context().implicitDependencies(**stream))
    point.wait();
  (*stream)->synchronize();
  return absl::OkStatus();
}
} // namespace

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
  if (absl::Status s = drainDefaultStream(); !s.ok())
    return s;
  // `kind` goes on as an int: a caller may pass any value in the enum's
  // storage, and the core rejects what is not a cudaMemcpyKind.
  return runtime().memory().copy(dst, src, count, static_cast<int>(kind));
}

absl::Status cudart::impl::cudaMemset(void *devPtr, int value, size_t count) {
  if (absl::Status s = drainDefaultStream(); !s.ok())
    return s;
  return runtime().memory().set(devPtr, value, count);
}

absl::Status cudart::impl::cudaDeviceSynchronize() {
  return runtime().synchronize();
}

absl::Status cudart::impl::cudaMemcpyAsync(void *dst, const void *src,
                                           size_t count,
                                           enum cudaMemcpyKind kind,
                                           cudaStream_t stream) {
  if (absl::Status s = runtime().memory().checkCopy(dst, src, count, kind);
      !s.ok())
    return s;
  absl::StatusOr<rt::StreamRef> target = runtime().stream(stream);
  if (!target.ok())
    return target.status();
  if (count != 0)
    runtime().enqueue(*target,
                      [dst, src, count] { std::memmove(dst, src, count); });
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaMemsetAsync(void *devPtr, int value,
                                           size_t count, cudaStream_t stream) {
  if (absl::Status s = runtime().memory().checkSet(devPtr, count); !s.ok())
    return s;
  absl::StatusOr<rt::StreamRef> target = runtime().stream(stream);
  if (!target.ok())
    return target.status();
  if (count != 0)
    runtime().enqueue(*target, [devPtr, value, count] {
      std::memset(devPtr, value & 0xff, count);
    });
  return absl::OkStatus();
}
