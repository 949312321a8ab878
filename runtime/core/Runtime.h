//===- Runtime.h - Registry, memory and device of one process ---*- C++ -*-===//
//
// The object an API layer drives: it owns the registry, the memory table and
// a device, and turns a launch request into a checked KernelLaunch. API
// layers build one per process on first use; tests build their own.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_RUNTIME_H
#define LINGQU_RUNTIME_CORE_RUNTIME_H

#include <memory>

#include "absl/status/status.h"
#include "core/Device.h"
#include "core/LaunchConfig.h"
#include "core/Memory.h"
#include "core/Registry.h"

namespace lingqu::rt {

class Runtime {
public:
  explicit Runtime(std::unique_ptr<Device> device);
  Runtime(const Runtime &) = delete;
  Runtime &operator=(const Runtime &) = delete;

  Registry &registry() { return registry_; }
  MemoryManager &memory() { return memory_; }
  Device &device() { return *device_; }

  /// cudaLaunchKernel: checks the launch in CUDA's order, then runs it.
  absl::Status launchKernel(const void *hostStub, const LaunchConfig &config,
                            void **args);
  /// cudaDeviceSynchronize.
  absl::Status synchronize();

private:
  Registry registry_;
  MemoryManager memory_;
  std::unique_ptr<Device> device_;
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_RUNTIME_H
