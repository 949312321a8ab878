//===- Device.h - The device plugin interface -------------------*- C++ -*-===//
//
// A device runs kernels. The core checks a launch (configuration, kernel
// image, shared memory) and hands a plugin a launch it can trust; the plugin
// decides how blocks run: the `cpu` plugin calls block functions from oneTBB
// workers, a GPU-like plugin would submit to its queue.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_DEVICE_H
#define LINGQU_RUNTIME_CORE_DEVICE_H

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/LaunchConfig.h"
#include "lingqu/ABI/FatBinary.h"

namespace lingqu::rt {

/// A validated launch: dimensions within the device's limits, a kernel info
/// of the right ABI version, shared memory that fits.
struct KernelLaunch {
  const lingqu_kernel_info *info = nullptr;
  Dim3 grid;
  Dim3 block;
  uint32_t dynamicSharedBytes = 0;
  void **args = nullptr; ///< as cudaLaunchKernel received it
  bool cooperative = false; ///< all blocks at once, see LaunchConfig
  const char *name = "";    ///< the kernel's device (mangled) name
};

class Device {
public:
  virtual ~Device() = default;

  /// The plugin's name ("cpu").
  virtual absl::string_view name() const = 0;
  virtual const DeviceLimits &limits() const = 0;
  /// Runs (or enqueues) every block of `launch`.
  virtual absl::Status launch(const KernelLaunch &launch) = 0;
  /// Waits for everything launched so far.
  virtual absl::Status synchronize() = 0;
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_DEVICE_H
