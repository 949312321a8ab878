//===- Device.h - The device plugin interface -------------------*- C++ -*-===//
//
// A device runs kernels. The core checks a launch (configuration, kernel
// image, shared memory) and hands a plugin a launch it can trust; the plugin
// decides how blocks run: the `cpu` plugin calls block functions from oneTBB
// workers, the `cuda` plugin hands the fat binary's PTX to NVIDIA's driver.
// Device memory is host memory unless the plugin provides its own
// (DeviceMemory): the core reads and writes it directly either way, so a
// plugin's memory must be addressable from the host (CUDA managed memory).
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_DEVICE_H
#define LINGQU_RUNTIME_CORE_DEVICE_H

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/LaunchConfig.h"
#include "lingqu/ABI/FatBinary.h"

namespace lingqu::rt {

class Module;

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
  /// The kernel's module (alive until the launch is done): its other
  /// entries for plugins that do not run the shared object.
  const Module *module = nullptr;
};

/// A plugin's allocator of device and managed memory, which the host must
/// be able to read and write at the addresses it returns.
class DeviceMemory {
public:
  virtual ~DeviceMemory() = default;
  /// `bytes` (> 0) aligned to `alignment`; cudaErrorMemoryAllocation when
  /// the device has no more.
  virtual absl::StatusOr<void *> allocate(size_t bytes, size_t alignment) = 0;
  virtual void free(void *ptr) = 0;
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
  /// Where cudaMalloc's memory comes from; null: the host's heap.
  virtual DeviceMemory *memory() { return nullptr; }
  /// The device's own name and cudaDeviceAttr values, where they differ
  /// from what the core reports of the host's CPU (DeviceAttributes.cpp);
  /// nullopt: the core's.
  virtual std::optional<std::string> reportedName() const {
    return std::nullopt;
  }
  virtual std::optional<int> reportedAttribute(int attribute) const {
    return std::nullopt;
  }
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_DEVICE_H
