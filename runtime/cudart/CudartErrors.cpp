//===- CudartErrors.cpp - cudaGetLastError and error strings --------------===//

#include "cudart/CudartApi.h"

#include "core/ErrorState.h"
#include "core/Status.h"

using namespace lingqu;

namespace {
// What CUDA answers for a code it does not define, from both functions.
constexpr const char *kUnrecognized = "unrecognized error code";
} // namespace

LINGQU_CUDART_API cudaError_t cudaGetLastError(void) {
  return rt::takeLastError();
}

LINGQU_CUDART_API cudaError_t cudaPeekAtLastError(void) {
  return rt::peekLastError();
}

LINGQU_CUDART_API const char *cudaGetErrorString(cudaError_t error) {
  const char *text = rt::errorDescription(error);
  return text ? text : kUnrecognized;
}

LINGQU_CUDART_API const char *cudaGetErrorName(cudaError_t error) {
  const char *name = rt::errorName(error);
  return name ? name : kUnrecognized;
}
