//===- CudartErrors.cpp - cudaGetLastError and error strings --------------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include "core/ErrorState.h"
#include "core/Status.h"

using namespace lingqu;

namespace {
// What CUDA answers for a code it does not define, from both functions.
constexpr const char *kUnrecognized = "unrecognized error code";

absl::Status asStatus(cudaError_t code) {
  return code == cudaSuccess ? absl::OkStatus()
                             : rt::makeError(code, "the thread's last error");
}
} // namespace

absl::Status cudart::impl::cudaGetLastError() {
  return asStatus(rt::takeLastError());
}

absl::Status cudart::impl::cudaPeekAtLastError() {
  return asStatus(rt::peekLastError());
}

const char *cudart::impl::cudaGetErrorString(cudaError_t error) {
  const char *text = rt::errorDescription(error);
  return text ? text : kUnrecognized;
}

const char *cudart::impl::cudaGetErrorName(cudaError_t error) {
  const char *name = rt::errorName(error);
  return name ? name : kUnrecognized;
}
