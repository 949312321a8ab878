//===- Status.cpp - absl::Status carrying a CUDA error code ---------------===//

#include "core/Status.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"

using namespace lingqu::rt;

namespace {
constexpr absl::string_view kPayloadUrl = "lingqu.runtime/cudaError";
constexpr absl::string_view kDriverPayloadUrl = "lingqu.runtime/CUresult";

absl::Status withPayload(absl::Status status, absl::string_view url,
                         int code) {
  // Through a string_view: Debian's libabsl, built by GCC, mangles Cord's
  // templated std::string constructor differently from Clang.
  std::string value = std::to_string(code);
  status.SetPayload(url, absl::Cord(absl::string_view(value)));
  return status;
}

// Only for people reading a status; the payload is what the API layer uses.
absl::StatusCode canonicalCode(cudaError_t code) {
  switch (code) {
  case cudaErrorInvalidValue:
  case cudaErrorInvalidConfiguration:
  case cudaErrorInvalidMemcpyDirection:
  case cudaErrorInvalidDevicePointer:
    return absl::StatusCode::kInvalidArgument;
  case cudaErrorMemoryAllocation:
    return absl::StatusCode::kResourceExhausted;
  case cudaErrorInvalidDeviceFunction:
  case cudaErrorNoKernelImageForDevice:
  case cudaErrorSymbolNotFound:
  case cudaErrorSharedObjectSymbolNotFound:
    return absl::StatusCode::kNotFound;
  case cudaErrorInvalidKernelImage:
    return absl::StatusCode::kDataLoss;
  case cudaErrorMissingConfiguration:
  case cudaErrorInvalidResourceHandle:
    return absl::StatusCode::kFailedPrecondition;
  case cudaErrorNotSupported:
  case cudaErrorNotYetImplemented:
    return absl::StatusCode::kUnimplemented;
  default:
    return absl::StatusCode::kInternal;
  }
}
} // namespace

absl::Status lingqu::rt::makeError(cudaError_t code,
                                   absl::string_view message) {
  return withPayload(absl::Status(canonicalCode(code), message), kPayloadUrl,
                     code);
}

absl::Status lingqu::rt::makeDriverError(int code, absl::string_view message) {
  return withPayload(absl::Status(absl::StatusCode::kFailedPrecondition,
                                  message),
                     kDriverPayloadUrl, code);
}

int lingqu::rt::driverCodeOf(const absl::Status &status) {
  if (auto payload = status.GetPayload(kDriverPayloadUrl)) {
    int value = 0;
    if (absl::SimpleAtoi(std::string(*payload), &value))
      return value;
  }
  return -1;
}

cudaError_t lingqu::rt::errorCodeOf(const absl::Status &status) {
  if (status.ok())
    return cudaSuccess;
  if (auto payload = status.GetPayload(kPayloadUrl)) {
    int value = 0;
    if (absl::SimpleAtoi(std::string(*payload), &value))
      return static_cast<cudaError_t>(value);
  }
  return cudaErrorUnknown;
}

const char *lingqu::rt::errorName(cudaError_t code) {
  switch (code) {
#define LINGQU_CUDA_ERROR(name, value, message)                                \
  case name:                                                                   \
    return #name;
#include "lingqu_cuda_errors.def"
#undef LINGQU_CUDA_ERROR
  default:
    return nullptr;
  }
}

const char *lingqu::rt::errorDescription(cudaError_t code) {
  switch (code) {
#define LINGQU_CUDA_ERROR(name, value, message)                                \
  case name:                                                                   \
    return message;
#include "lingqu_cuda_errors.def"
#undef LINGQU_CUDA_ERROR
  default:
    return nullptr;
  }
}
