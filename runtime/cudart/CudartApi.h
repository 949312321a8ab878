//===- CudartApi.h - What every libcudart entry point shares ----*- C++ -*-===//
//
// An entry point checks what only the C interface can get wrong (null
// out-pointers, enum ranges), calls the core, and returns through finish(),
// which records a failure as the thread's last error and logs it when
// LINGQU_LOG is set. The C API is declared with default visibility here;
// everything else in the library is hidden (and the version script keeps
// only cuda* and __cuda* exported).
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_CUDART_CUDARTAPI_H
#define LINGQU_CUDART_CUDARTAPI_H

#include "absl/status/status.h"

#pragma GCC visibility push(default)
#include "cuda_runtime_api.h"
#include "cudart/CudartRegistration.h"
#pragma GCC visibility pop

#define LINGQU_CUDART_API extern "C" __attribute__((visibility("default")))

namespace lingqu::rt {
class Runtime;
} // namespace lingqu::rt

namespace lingqu::cudart {

/// The process's runtime, built on the first call of any entry point (which
/// may come from a registration constructor before main) and never
/// destroyed, so that __cudaUnregisterFatBinary, which runs at exit, still
/// finds it.
rt::Runtime &runtime();

/// cudaSuccess for OK; otherwise records, logs and returns the CUDA code.
cudaError_t finish(const char *api, const absl::Status &status);

} // namespace lingqu::cudart

#endif // LINGQU_CUDART_CUDARTAPI_H
