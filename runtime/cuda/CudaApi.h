//===- CudaApi.h - What every libcuda entry point shares --------*- C++ -*-===//
//
// The generated entry points (CudaEntryPoints.cpp) check cuInit and the
// table's argument checks, call the implementation in lingqu::cuda::impl,
// and return through finish(), which turns the core's status into the
// CUresult CUDA returns for it.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_CUDA_CUDAAPI_H
#define LINGQU_CUDA_CUDAAPI_H

#include "absl/status/status.h"

#pragma GCC visibility push(default)
#include "cuda.h"
#pragma GCC visibility pop

#define LINGQU_EXPORT __attribute__((visibility("default")))

namespace lingqu::api {
class Trace;
} // namespace lingqu::api

namespace lingqu::rt {
class Context;
class Runtime;
} // namespace lingqu::rt

namespace lingqu::cuda {

/// cuInit has succeeded.
bool initialized();
void setInitialized();

/// The CUresult for a status: its driver code if the driver layer made it,
/// else the runtime code's driver counterpart.
CUresult resultOf(const absl::Status &status);
/// Traces and logs the result; returns its CUresult.
CUresult finish(api::Trace &trace, const absl::Status &status);

/// The process's runtime, shared with libcudart.
rt::Runtime &runtime();
/// 0 <= ordinal < the device count.
bool isDevice(int ordinal);
/// The calling thread's current context; CUDA_ERROR_INVALID_CONTEXT when
/// none is (the driver API never makes one current by itself).
absl::Status currentContext(rt::Context *&context);
/// Declares `name`, the current context, or returns
/// CUDA_ERROR_INVALID_CONTEXT from the enclosing function.
#define LINGQU_CURRENT(name)                                                   \
  ::lingqu::rt::Context *name = nullptr;                                       \
  if (::absl::Status s = ::lingqu::cuda::currentContext(name); !s.ok())        \
    return s;
/// CUDA_ERROR_INVALID_CONTEXT unless `handle` is a live context.
absl::Status checkContext(const void *handle);

/// A CUDA_MEMCPY3D enqueued on `stream` (cuMemcpy3DAsync, graph nodes).
absl::Status copy3DAsync(const CUDA_MEMCPY3D &p, CUstream stream);

/// An entry point the table marks unimplemented: CUDA_ERROR_NOT_SUPPORTED
/// (CUDA_ERROR_NOT_INITIALIZED before cuInit).
int notSupported(const char *name);

/// "CUDA_ERROR_INVALID_VALUE" / "invalid argument", or nullptr.
const char *resultName(CUresult result);
const char *resultString(CUresult result);

} // namespace lingqu::cuda

#endif // LINGQU_CUDA_CUDAAPI_H
