//===- Status.h - absl::Status carrying a CUDA error code -------*- C++ -*-===//
//
// The core reports failures as absl::Status. The API layers need the exact
// CUDA error code back, so each status the core makes carries its
// cudaError_t as a payload; the canonical absl code is only for reading.
// The core speaks the runtime API's codes; a driver-API layer maps them to
// CUresult.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_STATUS_H
#define LINGQU_RUNTIME_CORE_STATUS_H

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/CudaTypes.h"

namespace lingqu::rt {

/// A failed status for `code` (which must not be cudaSuccess).
absl::Status makeError(cudaError_t code, absl::string_view message);

/// The CUDA code a status stands for: cudaSuccess for OK, the payload when
/// there is one, cudaErrorUnknown for a status made elsewhere.
cudaError_t errorCodeOf(const absl::Status &status);

/// A failed status for a driver-API code (a CUresult, which must not be
/// CUDA_SUCCESS): what the driver layer's own checks report.
absl::Status makeDriverError(int code, absl::string_view message);
/// The CUresult a status made by makeDriverError carries, or -1.
int driverCodeOf(const absl::Status &status);

/// "cudaErrorInvalidValue", or nullptr for a code CUDA does not define.
const char *errorName(cudaError_t code);
/// "invalid argument", or nullptr for a code CUDA does not define.
const char *errorDescription(cudaError_t code);

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_STATUS_H
