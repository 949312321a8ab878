//===- CpuDevice.h - The `cpu` device plugin --------------------*- C++ -*-===//
//
// Runs a kernel's block functions on the host's cores with oneTBB. Only the
// factory is public: oneTBB stays out of every other header.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_DEVICE_CPU_CPUDEVICE_H
#define LINGQU_RUNTIME_DEVICE_CPU_CPUDEVICE_H

#include <memory>

#include "core/Device.h"

namespace lingqu::rt::cpu {

/// How blocks run: their collapsed form where the compiler made one, or
/// always on the fiber executor (the reference, LINGQU_EXECUTOR=fiber).
enum class Executor { Collapsed, Fiber };

struct CpuDeviceOptions {
  /// Worker threads of the device's arena; 0 lets oneTBB choose (all cores).
  int threads = 0;
  Executor executor = Executor::Collapsed;
};

/// The options LINGQU_EXECUTOR asks for: `fiber`, or `collapsed` (the
/// default). Anything else is reported once on stderr and ignored.
CpuDeviceOptions cpuDeviceOptionsFromEnvironment();

std::unique_ptr<Device> createCpuDevice(const CpuDeviceOptions &options = {});

} // namespace lingqu::rt::cpu

#endif // LINGQU_RUNTIME_DEVICE_CPU_CPUDEVICE_H
