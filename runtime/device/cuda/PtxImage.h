//===- PtxImage.h - Choosing and checking a module's PTX --------*- C++ -*-===//
//
// What the `cuda` plugin decides about a fat binary's PTX entries before
// NVIDIA's driver sees them; no driver needed, so tested on any machine.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_DEVICE_CUDA_PTXIMAGE_H
#define LINGQU_RUNTIME_DEVICE_CUDA_PTXIMAGE_H

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/Module.h"

namespace lingqu::rt::cuda_plugin {

/// The PTX entry for a GPU of compute capability `arch` (90 for sm_90):
/// the newest architecture not above it, as the driver can JIT PTX
/// forward. cudaErrorNoKernelImageForDevice naming what there is otherwise.
absl::StatusOr<const Module::DeviceImage *>
pickPtx(const std::vector<Module::DeviceImage> &images, int arch,
        absl::string_view kernel);

/// cudaErrorNotSupported for PTX the plugin cannot run correctly yet:
/// module-scope __device__ or __constant__ variables (their host-side
/// copies, which cudaMemcpyToSymbol writes, would not be the GPU's).
absl::Status refuseUnsupported(absl::string_view ptx, absl::string_view kernel);

} // namespace lingqu::rt::cuda_plugin

#endif // LINGQU_RUNTIME_DEVICE_CUDA_PTXIMAGE_H
