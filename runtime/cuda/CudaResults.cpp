//===- CudaResults.cpp - CUresult names, and the runtime's codes mapped ---===//

#include "cuda/CudaApi.h"

#include "core/ApiTrace.h"
#include "core/Log.h"
#include "core/Status.h"

using namespace lingqu;

const char *cuda::resultName(CUresult result) {
  switch (result) {
#define LINGQU_CU_RESULT(name, value, message)                                 \
  case name:                                                                   \
    return #name;
#include "lingqu_cu_results.def"
#undef LINGQU_CU_RESULT
  default:
    return nullptr;
  }
}

const char *cuda::resultString(CUresult result) {
  switch (result) {
#define LINGQU_CU_RESULT(name, value, message)                                 \
  case name:                                                                   \
    return message;
#include "lingqu_cu_results.def"
#undef LINGQU_CU_RESULT
  default:
    return nullptr;
  }
}

CUresult cuda::resultOf(const absl::Status &status) {
  if (status.ok())
    return CUDA_SUCCESS;
  if (int driver = rt::driverCodeOf(status); driver >= 0)
    return static_cast<CUresult>(driver);
  cudaError_t code = rt::errorCodeOf(status);
  // CUDA numbers a runtime error and the driver error it stands for alike
  // wherever both exist; the runtime-only codes map to what the driver
  // returns for the same misuse.
  switch (code) {
  case cudaErrorInvalidConfiguration:
  case cudaErrorInvalidPitchValue:
  case cudaErrorInvalidHostPointer:
  case cudaErrorInvalidDevicePointer:
  case cudaErrorInvalidMemcpyDirection:
  case cudaErrorMissingConfiguration:
    return CUDA_ERROR_INVALID_VALUE;
  case cudaErrorInvalidSymbol:
    return CUDA_ERROR_NOT_FOUND;
  case cudaErrorInvalidDeviceFunction:
    return CUDA_ERROR_INVALID_HANDLE;
  default:
    return resultName(static_cast<CUresult>(code))
               ? static_cast<CUresult>(code)
               : CUDA_ERROR_UNKNOWN;
  }
}

CUresult cuda::finish(api::Trace &trace, const absl::Status &status) {
  CUresult result = resultOf(status);
  trace.result(resultName(result) ? resultName(result) : "?", status);
  if (!status.ok())
    rt::logError(trace.name(), status);
  return result;
}

int cuda::notSupported(const char *name) {
  api::Trace trace(name);
  trace.notImplemented();
  return initialized() ? CUDA_ERROR_NOT_SUPPORTED : CUDA_ERROR_NOT_INITIALIZED;
}
