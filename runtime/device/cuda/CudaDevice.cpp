//===- CudaDevice.cpp - The `cuda` device plugin --------------------------===//

#include "device/cuda/CudaDevice.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "core/Module.h"
#include "core/Status.h"
#include "device/cuda/NvidiaDriver.h"
#include "device/cuda/PtxImage.h"

using namespace lingqu::rt;
using namespace lingqu::rt::cuda_plugin;

namespace {

class CudaDevice final : public Device, public DeviceMemory {
public:
  CudaDevice(std::shared_ptr<NvidiaDriver> driver, nv::Device device,
             nv::Context context, int arch, DeviceLimits limits)
      : driver_(std::move(driver)), device_(device), context_(context),
        arch_(arch), limits_(limits) {}
  ~CudaDevice() override { driver_->cuDevicePrimaryCtxRelease(device_); }

  absl::string_view name() const override { return "cuda"; }
  const DeviceLimits &limits() const override { return limits_; }
  DeviceMemory *memory() override { return this; }

  std::optional<std::string> reportedName() const override {
    char name[256] = "";
    if (driver_->cuDeviceGetName(name, sizeof name, device_) != 0)
      return std::nullopt;
    return std::string(name);
  }

  // The GPU's own values, as NVIDIA's driver reports them (its
  // CUdevice_attribute numbering is cudaDeviceAttr's), except where
  // Lingqu's runtime cannot do what the GPU could: host memory, pinned or
  // registered, is the host's heap, which the GPU cannot reach.
  std::optional<int> reportedAttribute(int attribute) const override {
    if (attribute == kCanMapHostMemory || attribute == kHostRegisterSupported)
      return 0;
    int value = 0;
    if (driver_->cuDeviceGetAttribute(&value, attribute, device_) != 0)
      return std::nullopt;
    return value;
  }

  absl::Status launch(const KernelLaunch &launch) override {
    absl::StatusOr<nv::Function> function = functionFor(launch);
    if (!function.ok())
      return function.status();
    uint32_t shared = launch.dynamicSharedBytes;
    if (launch.info && launch.info->static_shared_bytes + shared > 48 * 1024)
      if (absl::Status s = driver_->check(
              driver_->cuFuncSetAttribute(
                  *function, nv::kFuncMaxDynamicSharedBytes, int(shared)),
              "cuFuncSetAttribute");
          !s.ok())
        return s;
    if (absl::Status s = current(); !s.ok())
      return s;
    // The arguments are as cudaLaunchKernel took them: one pointer per
    // parameter, which is what cuLaunchKernel takes too.
    if (absl::Status s = driver_->check(
            driver_->cuLaunchKernel(*function, launch.grid.x, launch.grid.y,
                                    launch.grid.z, launch.block.x,
                                    launch.block.y, launch.block.z, shared,
                                    nullptr, launch.args, nullptr),
            absl::StrCat("launching '", launch.name, "'"));
        !s.ok())
      return s;
    return synchronize();
  }

  absl::Status synchronize() override {
    if (absl::Status s = current(); !s.ok())
      return s;
    return driver_->check(driver_->cuCtxSynchronize(), "cuCtxSynchronize");
  }

  absl::StatusOr<void *> allocate(size_t bytes, size_t alignment) override {
    if (absl::Status s = current(); !s.ok())
      return s;
    nv::DevicePtr ptr = 0;
    if (absl::Status s = driver_->check(
            driver_->cuMemAllocManaged(&ptr, bytes, nv::kMemAttachGlobal),
            absl::StrCat("allocating ", bytes, " bytes of managed memory"));
        !s.ok())
      return makeError(cudaErrorMemoryAllocation, s.message());
    if (ptr % alignment != 0) {
      driver_->cuMemFree(ptr);
      return makeError(cudaErrorMemoryAllocation,
                       absl::StrCat("NVIDIA's driver returned managed memory "
                                    "aligned to less than ",
                                    alignment, " bytes"));
    }
    return reinterpret_cast<void *>(static_cast<uintptr_t>(ptr));
  }

  void free(void *ptr) override {
    if (current().ok())
      driver_->cuMemFree(reinterpret_cast<uintptr_t>(ptr));
  }

private:
  static constexpr int kCanMapHostMemory = 19;       // cudaDevAttr...
  static constexpr int kHostRegisterSupported = 99;

  // The driver's current context is per thread: every thread that calls
  // in (API threads, stream workers) makes the GPU's primary one current.
  absl::Status current() {
    return driver_->check(driver_->cuCtxSetCurrent(context_),
                          "cuCtxSetCurrent");
  }

  absl::StatusOr<nv::Function> functionFor(const KernelLaunch &launch) {
    if (launch.module == nullptr)
      return makeError(cudaErrorNoKernelImageForDevice,
                       absl::StrCat("kernel '", launch.name,
                                    "': no module to take its PTX from"));
    absl::StatusOr<const Module::DeviceImage *> image =
        pickPtx(launch.module->deviceImages(), arch_, launch.name);
    if (!image.ok())
      return image.status();
    absl::MutexLock lock(&mu_);
    // Keyed by the text itself, not by the Module: a module unloaded and
    // another loaded may reuse its address.
    nv::Module module = nullptr;
    auto loaded = modules_.find((*image)->bytes);
    if (loaded != modules_.end()) {
      module = loaded->second;
    } else {
      if (absl::Status s = refuseUnsupported((*image)->bytes, launch.name);
          !s.ok())
        return s;
      if (absl::Status s = current(); !s.ok())
        return s;
      char log[4096] = "";
      int options[] = {nv::kJitErrorLogBuffer, nv::kJitErrorLogBufferSize};
      void *values[] = {log, reinterpret_cast<void *>(uintptr_t(sizeof log))};
      if (absl::Status s = driver_->check(
              driver_->cuModuleLoadDataEx(&module, (*image)->bytes.c_str(), 2,
                                          options, values),
              absl::StrCat("loading the PTX of kernel '", launch.name, "' (",
                           (*image)->target, ")", *log ? ": " : "", log));
          !s.ok())
        return s;
      modules_.emplace((*image)->bytes, module);
    }
    auto key = std::make_pair(module, std::string(launch.name));
    auto it = functionsByModule_.find(key);
    if (it != functionsByModule_.end())
      return it->second;
    nv::Function function = nullptr;
    if (absl::Status s = driver_->check(
            driver_->cuModuleGetFunction(&function, module, launch.name),
            absl::StrCat("kernel '", launch.name, "' in its PTX"));
        !s.ok())
      return s;
    functionsByModule_.emplace(key, function);
    return function;
  }

  std::shared_ptr<NvidiaDriver> driver_;
  nv::Device device_;
  nv::Context context_;
  int arch_; ///< compute capability as in sm_XX: 90 for 9.0
  DeviceLimits limits_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, nv::Module> modules_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::pair<nv::Module, std::string>, nv::Function>
      functionsByModule_ ABSL_GUARDED_BY(mu_);
};

absl::StatusOr<std::unique_ptr<Device>>
createDevice(const std::shared_ptr<NvidiaDriver> &driver, int ordinal) {
  NvidiaDriver &d = *driver;
  nv::Device device = 0;
  if (absl::Status s = d.check(d.cuDeviceGet(&device, ordinal), "cuDeviceGet");
      !s.ok())
    return s;
  auto attribute = [&](nv::Attribute a, int &value) {
    return d.check(d.cuDeviceGetAttribute(&value, a, device),
                   absl::StrCat("cuDeviceGetAttribute(", int(a), ")"));
  };
  int major = 0, minor = 0, managed = 0, threads = 0, blockX = 0, gridX = 0;
  int shared = 0, sharedOptin = 0, sms = 0;
  for (auto [a, value] :
       {std::pair{nv::ComputeCapabilityMajor, &major},
        std::pair{nv::ComputeCapabilityMinor, &minor},
        std::pair{nv::ManagedMemory, &managed},
        std::pair{nv::MaxThreadsPerBlock, &threads},
        std::pair{nv::MaxBlockDimX, &blockX},
        std::pair{nv::MaxGridDimX, &gridX},
        std::pair{nv::MaxSharedMemoryPerBlock, &shared},
        std::pair{nv::MaxSharedMemoryPerBlockOptin, &sharedOptin},
        std::pair{nv::MultiprocessorCount, &sms}})
    if (absl::Status s = attribute(a, *value); !s.ok())
      return s;
  if (!managed)
    return makeError(cudaErrorNoDevice,
                     absl::StrCat("GPU ", ordinal,
                                  " has no managed memory, which the cuda "
                                  "plugin's device memory is"));
  nv::Context context = nullptr;
  if (absl::Status s = d.check(d.cuDevicePrimaryCtxRetain(&context, device),
                               "cuDevicePrimaryCtxRetain");
      !s.ok())
    return s;
  DeviceLimits limits;
  limits.maxThreadsPerBlock = uint32_t(threads);
  limits.maxBlockDim.x = uint32_t(blockX);
  limits.maxGridDim.x = uint32_t(gridX);
  limits.maxSharedBytesPerBlock = size_t(std::max(shared, sharedOptin));
  // A conservative bound for cooperative launches: one block per SM.
  limits.maxCooperativeBlocks = uint64_t(sms);
  return std::unique_ptr<Device>(
      new CudaDevice(driver, device, context, major * 10 + minor, limits));
}

} // namespace

absl::StatusOr<std::vector<std::unique_ptr<Device>>>
lingqu::rt::cuda_plugin::createCudaDevices(const std::string &driverPath) {
  absl::StatusOr<std::shared_ptr<NvidiaDriver>> driver =
      NvidiaDriver::load(driverPath);
  if (!driver.ok())
    return driver.status();
  int count = 0;
  if (absl::Status s = (*driver)->check((*driver)->cuDeviceGetCount(&count),
                                        "cuDeviceGetCount");
      !s.ok())
    return s;
  if (count == 0)
    return makeError(
        cudaErrorNoDevice,
        absl::StrCat("NVIDIA's driver '", driverPath, "' reports no GPU"));
  std::vector<std::unique_ptr<Device>> devices;
  for (int i = 0; i < count; ++i) {
    absl::StatusOr<std::unique_ptr<Device>> device = createDevice(*driver, i);
    if (!device.ok())
      return device.status();
    devices.push_back(std::move(*device));
  }
  return devices;
}
