//===- CudaDevice.h - The `cuda` device plugin ------------------*- C++ -*-===//
//
// Runs the PTX entry of a fat binary (lqcc --offload-arch=sm_XX) on an
// NVIDIA GPU through NVIDIA's driver. Device memory is CUDA managed memory,
// which the host reads and writes at the same addresses, so the core's
// copies, memsets and checks work unchanged; launches are synchronous on
// the stream worker that runs them, so the host never touches memory a
// kernel is using.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_DEVICE_CUDA_CUDADEVICE_H
#define LINGQU_RUNTIME_DEVICE_CUDA_CUDADEVICE_H

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/Device.h"

namespace lingqu::rt::cuda_plugin {

class NvidiaDriver;

/// One device per GPU the driver at `driverPath` reports (CUDA_VISIBLE_
/// DEVICES applies there). cudaErrorNoDevice if the driver does not load or
/// has no GPU, or a GPU lacks managed memory.
absl::StatusOr<std::vector<std::unique_ptr<Device>>>
createCudaDevices(const std::string &driverPath);

} // namespace lingqu::rt::cuda_plugin

#endif // LINGQU_RUNTIME_DEVICE_CUDA_CUDADEVICE_H
