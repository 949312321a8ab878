//===- CudartRuntime.cpp - libcudart's runtime and error funnel -----------===//

#include "cudart/CudartApi.h"

#include "core/ErrorState.h"
#include "core/Log.h"
#include "core/Runtime.h"
#include "core/Status.h"
#include "device/cpu/CpuDevice.h"

using namespace lingqu;

rt::Runtime &cudart::runtime() {
  // Leaked on purpose (see the header). The cpu plugin is the only device
  // for now; device selection comes with the second plugin.
  static rt::Runtime *instance = new rt::Runtime(
      rt::cpu::createCpuDevice(rt::cpu::cpuDeviceOptionsFromEnvironment()));
  return *instance;
}

cudaError_t cudart::finish(const char *api, const absl::Status &status) {
  if (status.ok())
    return cudaSuccess;
  cudaError_t code = rt::errorCodeOf(status);
  rt::recordError(code);
  rt::logError(api, status);
  return code;
}
