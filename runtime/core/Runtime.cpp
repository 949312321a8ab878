//===- Runtime.cpp - Registry, memory and device of one process -----------===//

#include "core/Runtime.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "core/ErrorState.h"
#include "core/Status.h"

using namespace lingqu::rt;

Runtime::Runtime(std::unique_ptr<Device> device) : device_(std::move(device)) {}

absl::Status Runtime::launchKernel(const void *hostStub,
                                   const LaunchConfig &config, void **args) {
  // Errors come in a fixed order, the function first (CUDA looks it up
  // before it checks the launch against the device):
  // 1. the host stub names no registered kernel;
  // 2. grid or block dimensions are outside the device's limits;
  // 3. the kernel's image or module is unusable (resolving it loads the
  //    module on first use; the result is cached either way);
  // 4. static plus dynamic shared memory do not fit;
  // 5. the kernel takes parameters but `args` is null.
  // Then the device runs it.
  absl::StatusOr<ResolvedKernel> kernel = registry_.resolveKernel(hostStub);
  if (!kernel.ok() &&
      errorCodeOf(kernel.status()) == cudaErrorInvalidDeviceFunction)
    return kernel.status();
  if (absl::Status dims = validateLaunchDims(config, device_->limits());
      !dims.ok())
    return dims;
  if (!kernel.ok())
    return kernel.status();

  const lingqu_kernel_info *info = kernel->info;
  if (absl::Status shared =
          validateSharedMemory(info->static_shared_bytes,
                               config.dynamicSharedBytes, device_->limits());
      !shared.ok())
    return shared;
  if (config.cooperative &&
      config.grid.volume() > device_->limits().maxCooperativeBlocks)
    return makeError(cudaErrorCooperativeLaunchTooLarge,
                     absl::StrCat("a cooperative launch of ",
                                  config.grid.volume(),
                                  " blocks; at most ",
                                  device_->limits().maxCooperativeBlocks,
                                  " run at once"));
  if (info->num_params > 0 && args == nullptr)
    return makeError(cudaErrorInvalidValue,
                     absl::StrCat("kernel takes ", info->num_params,
                                  " parameters but args is null"));

  KernelLaunch launch;
  launch.info = info;
  launch.grid = config.grid;
  launch.block = config.block;
  launch.dynamicSharedBytes = static_cast<uint32_t>(config.dynamicSharedBytes);
  launch.args = args;
  launch.cooperative = config.cooperative;
  launch.name = kernel->name.c_str();
  // `kernel->module` stays alive until the launch returns, so unregistering
  // the fat binary meanwhile cannot unload the code that is running.
  absl::Status status = device_->launch(launch);
  // A kernel that failed while running leaves the context unusable, as a
  // faulting kernel does in CUDA.
  if (errorCodeOf(status) == cudaErrorLaunchFailure)
    recordStickyError(cudaErrorLaunchFailure);
  return status;
}

absl::Status Runtime::synchronize() {
  if (cudaError_t sticky = stickyError(); sticky != cudaSuccess)
    return makeError(sticky, "an earlier kernel failed; the context is unusable");
  return device_->synchronize();
}
