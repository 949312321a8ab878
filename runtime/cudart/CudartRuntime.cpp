//===- CudartRuntime.cpp - libcudart's error funnel -----------------------===//

#include "cudart/CudartApi.h"

#include "core/ApiTrace.h"
#include "core/ErrorState.h"
#include "core/Log.h"
#include "core/Runtime.h"
#include "core/Status.h"
#include "absl/strings/str_cat.h"

using namespace lingqu;

rt::Runtime &cudart::runtime() { return rt::Runtime::get(); }

absl::Status cudart::stickyStatus() {
  cudaError_t sticky = rt::stickyError();
  if (sticky == cudaSuccess)
    return absl::OkStatus();
  return rt::makeError(sticky,
                       "an earlier kernel failed; the context is unusable");
}

cudaError_t cudart::finishQuietly(api::Trace &trace,
                                  const absl::Status &status) {
  cudaError_t code = rt::errorCodeOf(status);
  const char *name = rt::errorName(code);
  trace.result(name ? name : "?", status);
  return code;
}

cudaError_t cudart::finish(api::Trace &trace, const absl::Status &status) {
  cudaError_t code = finishQuietly(trace, status);
  if (code != cudaSuccess) {
    rt::recordError(code);
    rt::logError(trace.name(), status);
  }
  return code;
}

cudaError_t cudart::finish(const char *api, const absl::Status &status) {
  if (status.ok())
    return cudaSuccess;
  cudaError_t code = rt::errorCodeOf(status);
  rt::recordError(code);
  rt::logError(api, status);
  return code;
}

int cudart::notSupported(const char *name) {
  api::Trace trace(name);
  trace.notImplemented();
  return finish(name, rt::makeError(cudaErrorNotSupported,
                                    absl::StrCat(name, " is not implemented "
                                                       "by Lingqu yet")));
}
