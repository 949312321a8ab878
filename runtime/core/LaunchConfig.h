//===- LaunchConfig.h - Launch geometry and its validation ------*- C++ -*-===//
//
// The grid, block, dynamic shared memory and stream of a launch, the
// device's limits, and the CUDA checks a launch must pass before any block
// runs.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_LAUNCHCONFIG_H
#define LINGQU_RUNTIME_CORE_LAUNCHCONFIG_H

#include <cstddef>
#include <cstdint>

#include "absl/status/status.h"

namespace lingqu::rt {

struct Dim3 {
  uint32_t x = 1, y = 1, z = 1;
  uint64_t volume() const { return uint64_t(x) * y * z; }
};

struct LaunchConfig {
  Dim3 grid;
  Dim3 block;
  size_t dynamicSharedBytes = 0;
  void *stream = nullptr; ///< cudaStream_t; launches are synchronous for now
  /// cudaLaunchCooperativeKernel: every block runs at once, so that
  /// grid_group::sync() can wait for all of them.
  bool cooperative = false;
};

/// What a device accepts. The defaults are CUDA's for every current GPU, so
/// programs tuned for them neither fail nor pass where they would not.
struct DeviceLimits {
  uint32_t maxThreadsPerBlock = 1024;
  Dim3 maxBlockDim{1024, 1024, 64};
  Dim3 maxGridDim{0x7fffffffu, 65535, 65535};
  size_t maxSharedBytesPerBlock = 48 * 1024;
  /// Blocks a cooperative launch may have (all of them run at once).
  uint64_t maxCooperativeBlocks = 256;
};

/// Grid and block sizes: any zero, a dimension over its limit or too many
/// threads per block is cudaErrorInvalidConfiguration.
absl::Status validateLaunchDims(const LaunchConfig &config,
                                const DeviceLimits &limits);

/// Static plus dynamic shared memory over the limit: cudaErrorInvalidValue.
absl::Status validateSharedMemory(uint32_t staticBytes, size_t dynamicBytes,
                                  const DeviceLimits &limits);

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_LAUNCHCONFIG_H
