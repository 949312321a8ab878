//===- CudaRuntime.cpp - The process's runtime, built from the environment ===//
//
// LINGQU_DEVICES (default 1) virtual CPU devices, each with its own oneTBB
// arena; CUDA_VISIBLE_DEVICES then selects and orders them as CUDA does: a
// comma list of ordinals, ending at the first entry that is not a valid one.
// LINGQU_PLUGIN=cuda instead gives the NVIDIA GPUs of NVIDIA's driver (which
// applies CUDA_VISIBLE_DEVICES itself), or none, saying why, where it has
// none.
//
//===----------------------------------------------------------------------===//

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "core/Runtime.h"
#include "core/Status.h"
#include "cuda/CudaApi.h"
#include "device/cpu/CpuDevice.h"
#include "device/cuda/CudaDevice.h"
#include "device/cuda/NvidiaDriver.h"

using namespace lingqu;

namespace {
std::atomic<bool> initializedFlag{false};

std::vector<int> visibleOrdinals(int available) {
  std::vector<int> ordinals;
  const char *visible = std::getenv("CUDA_VISIBLE_DEVICES");
  if (!visible) {
    for (int i = 0; i < available; ++i)
      ordinals.push_back(i);
    return ordinals;
  }
  for (absl::string_view item : absl::StrSplit(visible, ',')) {
    int ordinal;
    if (!absl::SimpleAtoi(item, &ordinal) || ordinal < 0 ||
        ordinal >= available)
      break;
    ordinals.push_back(ordinal);
  }
  return ordinals;
}

std::vector<std::unique_ptr<rt::Device>> cudaPluginDevices() {
  std::string path = rt::cuda_plugin::NvidiaDriver::defaultPath();
  absl::StatusOr<std::vector<std::unique_ptr<rt::Device>>> devices =
      rt::cuda_plugin::createCudaDevices(path);
  if (devices.ok())
    return std::move(*devices);
  // No device, as CUDA on a machine without a GPU: cudaErrorNoDevice.
  std::fprintf(stderr, "lingqu: LINGQU_PLUGIN=cuda: %s\n",
               std::string(devices.status().message()).c_str());
  return {};
}
} // namespace

rt::Runtime &rt::Runtime::get() {
  // Leaked on purpose: __cudaUnregisterFatBinary runs at exit and must still
  // find it, and worker threads may still hold references.
  static rt::Runtime *instance = [] {
    const char *plugin = std::getenv("LINGQU_PLUGIN");
    if (plugin && std::strcmp(plugin, "cuda") == 0)
      return new rt::Runtime(cudaPluginDevices());
    if (plugin && *plugin && std::strcmp(plugin, "cpu") != 0)
      std::fprintf(stderr,
                   "lingqu: LINGQU_PLUGIN='%s' is not 'cpu' or 'cuda'; "
                   "using 'cpu'\n",
                   plugin);
    int available = 1;
    if (const char *count = std::getenv("LINGQU_DEVICES"))
      if (!absl::SimpleAtoi(count, &available) || available < 0)
        available = 1;
    std::vector<std::unique_ptr<rt::Device>> devices;
    rt::cpu::CpuDeviceOptions options = rt::cpu::cpuDeviceOptionsFromEnvironment();
    for (int ordinal : visibleOrdinals(available)) {
      (void)ordinal;
      devices.push_back(rt::cpu::createCpuDevice(options));
    }
    return new rt::Runtime(std::move(devices));
  }();
  return *instance;
}

bool cuda::initialized() {
  return initializedFlag.load(std::memory_order_acquire);
}

void cuda::setInitialized() {
  initializedFlag.store(true, std::memory_order_release);
}

rt::Runtime &cuda::runtime() { return rt::Runtime::get(); }

absl::Status cuda::currentContext(rt::Context *&context) {
  context = rt::ThreadState::get().current();
  if (context == nullptr)
    return rt::makeDriverError(CUDA_ERROR_INVALID_CONTEXT,
                               "no context is current to the calling thread");
  return absl::OkStatus();
}

absl::Status cuda::checkContext(const void *handle) {
  if (!runtime().isContext(handle))
    return rt::makeDriverError(CUDA_ERROR_INVALID_CONTEXT,
                               absl::StrFormat("%p is not a live context",
                                               handle));
  return absl::OkStatus();
}

bool cuda::isDevice(int ordinal) {
  return ordinal >= 0 && ordinal < runtime().deviceCount();
}
