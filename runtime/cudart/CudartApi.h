//===- CudartApi.h - What every libcudart entry point shares ----*- C++ -*-===//
//
// The generated entry points (CudartEntryPoints.cpp) check the sticky error
// and the table's argument checks, call the implementation in
// lingqu::cudart::impl, and return through finish(), which records a
// failure as the thread's last error, traces and logs it. libcudart.so has
// no state of its own: the runtime is libcuda.so's (rt::Runtime::get()).
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_CUDART_CUDARTAPI_H
#define LINGQU_CUDART_CUDARTAPI_H

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#pragma GCC visibility push(default)
#include "cuda_runtime_api.h"
#include "cudart/CudartRegistration.h"
#pragma GCC visibility pop

#define LINGQU_EXPORT __attribute__((visibility("default")))
#define LINGQU_CUDART_API extern "C" LINGQU_EXPORT

namespace lingqu::rt {
class Runtime;
struct ArrayDesc;
struct Copy3D;
} // namespace lingqu::rt
namespace lingqu::api {
class Trace;
} // namespace lingqu::api

namespace lingqu::cudart {

/// The process's runtime (shared with libcuda.so).
rt::Runtime &runtime();

/// The sticky error as a status (OK if none): every entry point but the
/// error queries returns it once a kernel has failed.
absl::Status stickyStatus();

/// cudaSuccess for OK; otherwise records, logs and returns the CUDA code.
cudaError_t finish(api::Trace &trace, const absl::Status &status);
/// The same without touching the last error (the error queries).
cudaError_t finishQuietly(api::Trace &trace, const absl::Status &status);
/// An entry point the table marks unimplemented: cudaErrorNotSupported,
/// recorded as the last error.
int notSupported(const char *name);
/// For the hand-written registration entry points.
cudaError_t finish(const char *api, const absl::Status &status);

/// A cudaMemcpy3DParms as a strided copy (cudaMemcpy3D, graph nodes). With
/// an array on either side the extent counts elements, as CUDA's does.
absl::StatusOr<rt::Copy3D> copyOf(const cudaMemcpy3DParms *p);

/// [offset, offset + count) of the __device__ variable behind `symbol`
/// (its host shadow): cudaErrorInvalidSymbol, or cudaErrorInvalidValue past
/// its end.
absl::StatusOr<char *> symbolRange(const void *symbol, size_t count,
                                   size_t offset);

/// A channel descriptor as an array's format and channels:
/// cudaErrorInvalidChannelDescriptor for what CUDA rejects,
/// cudaErrorNotSupported for kinds Lingqu does not have.
absl::StatusOr<rt::ArrayDesc> arrayDesc(const cudaChannelFormatDesc &d);
/// The channel descriptor of a CUarray_format with `channels` channels.
cudaChannelFormatDesc channelDesc(unsigned format, unsigned channels);

} // namespace lingqu::cudart

#endif // LINGQU_CUDART_CUDARTAPI_H
