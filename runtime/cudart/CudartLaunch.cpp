//===- CudartLaunch.cpp - <<<...>>> configurations and cudaLaunchKernel ---===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include "core/CallConfigStack.h"
#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::finish;
using cudart::runtime;

namespace {
rt::Dim3 toDim3(const dim3 &d) { return rt::Dim3{d.x, d.y, d.z}; }
dim3 fromDim3(const rt::Dim3 &d) { return dim3(d.x, d.y, d.z); }

absl::Status launch(const void *func, dim3 gridDim, dim3 blockDim, void **args,
                    size_t sharedMem, cudaStream_t stream, bool cooperative) {
  rt::LaunchConfig config;
  config.grid = toDim3(gridDim);
  config.block = toDim3(blockDim);
  config.dynamicSharedBytes = sharedMem;
  config.stream = stream;
  config.cooperative = cooperative;
  return runtime().launchKernel(func, config, args);
}
} // namespace

// The registration-side half of <<<...>>>: not part of CUDA's documented
// API, so not in the API table.
LINGQU_CUDART_API unsigned __cudaPushCallConfiguration(dim3 gridDim,
                                                       dim3 blockDim,
                                                       size_t sharedMem,
                                                       void *stream) {
  // Checked at launch, not here: CUDA reports a bad configuration from the
  // launch, and the kernel's stub pops whatever was pushed.
  rt::LaunchConfig config;
  config.grid = toDim3(gridDim);
  config.block = toDim3(blockDim);
  config.dynamicSharedBytes = sharedMem;
  config.stream = stream;
  rt::pushCallConfiguration(config);
  return 0;
}

LINGQU_CUDART_API cudaError_t __cudaPopCallConfiguration(dim3 *gridDim,
                                                         dim3 *blockDim,
                                                         size_t *sharedMem,
                                                         void *stream) {
  if (!gridDim || !blockDim || !sharedMem || !stream)
    return finish("__cudaPopCallConfiguration",
                  rt::makeError(cudaErrorInvalidValue,
                                "null output for the call configuration"));
  absl::StatusOr<rt::LaunchConfig> config = rt::popCallConfiguration();
  if (!config.ok())
    return finish("__cudaPopCallConfiguration", config.status());
  *gridDim = fromDim3(config->grid);
  *blockDim = fromDim3(config->block);
  *sharedMem = config->dynamicSharedBytes;
  *static_cast<cudaStream_t *>(stream) =
      static_cast<cudaStream_t>(config->stream);
  return cudaSuccess;
}

absl::Status cudart::impl::cudaLaunchKernel(const void *func, dim3 gridDim,
                                            dim3 blockDim, void **args,
                                            size_t sharedMem,
                                            cudaStream_t stream) {
  return launch(func, gridDim, blockDim, args, sharedMem, stream,
                /*cooperative=*/false);
}

absl::Status cudart::impl::cudaLaunchCooperativeKernel(
    const void *func, dim3 gridDim, dim3 blockDim, void **args,
    size_t sharedMem, cudaStream_t stream) {
  return launch(func, gridDim, blockDim, args, sharedMem, stream,
                /*cooperative=*/true);
}

absl::Status cudart::impl::cudaLaunchKernelExC(const cudaLaunchConfig_t *config,
                                               const void *func, void **args) {
  rt::LaunchConfig launch;
  launch.grid = {config->gridDim.x, config->gridDim.y, config->gridDim.z};
  launch.block = {config->blockDim.x, config->blockDim.y, config->blockDim.z};
  launch.dynamicSharedBytes = config->dynamicSmemBytes;
  launch.stream = config->stream;
  if (absl::Status s = rt::applyLaunchAttributes(
          config->attrs, config->numAttrs, launch.cooperative);
      !s.ok())
    return s;
  return runtime().launchKernel(func, launch, args);
}
