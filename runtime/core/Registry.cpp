//===- Registry.cpp - Registered fat binaries, kernels, variables ---------===//

#include "core/Registry.h"

#include <cstring>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/FatBinaryReader.h"
#include "core/Log.h"
#include "core/Module.h"
#include "core/Status.h"

using namespace lingqu::rt;

/// One registered image and, once loaded, its module.
struct Registry::FatBinary {
  /// &slot is the handle given out. It holds the wrapper's address, as
  /// CUDA's handle points at the registered image; host code never reads it.
  void *slot = nullptr;
  /// Why the image cannot be used, or OK; `image` is set when OK.
  absl::Status imageStatus;
  std::optional<FatBinaryImage> image;

  absl::Mutex loadMu;
  bool loadTried ABSL_GUARDED_BY(loadMu) = false;
  /// Loader failures are cached too: retrying a failed dlopen on every
  /// launch would not change its answer.
  absl::StatusOr<std::shared_ptr<Module>> module ABSL_GUARDED_BY(loadMu);

  absl::StatusOr<std::shared_ptr<Module>> loadModule();
};

namespace {
absl::Status badHandle(FatBinaryHandle handle) {
  uintptr_t address = reinterpret_cast<uintptr_t>(handle);
  return makeError(cudaErrorInvalidResourceHandle,
                   absl::StrCat("unknown fat binary handle 0x",
                                absl::Hex(address)));
}

// Checks the Clang wrapper, then the image it points to.
absl::StatusOr<FatBinaryImage> readWrapper(const void *wrapper) {
  if (wrapper == nullptr)
    return makeError(cudaErrorInvalidKernelImage, "null fat binary wrapper");
  lingqu_clang_fatbin_wrapper header;
  std::memcpy(&header, wrapper, sizeof(header));
  if (header.magic != LINGQU_CLANG_FATBIN_WRAPPER_MAGIC)
    return makeError(cudaErrorInvalidKernelImage,
                     absl::StrCat("bad fat binary wrapper magic 0x",
                                  absl::Hex(header.magic)));
  return FatBinaryImage::parse(header.data);
}
} // namespace

absl::StatusOr<std::shared_ptr<Module>> Registry::FatBinary::loadModule() {
  absl::MutexLock lock(&loadMu);
  if (loadTried)
    return module;
  loadTried = true;
  if (!imageStatus.ok()) {
    module = imageStatus;
    return module;
  }
  absl::StatusOr<std::unique_ptr<Module>> loaded =
      Module::loadFromImage(*image);
  if (loaded.ok())
    module = std::shared_ptr<Module>(std::move(*loaded));
  else
    module = loaded.status();
  return module;
}

Registry::Registry() = default;
Registry::~Registry() = default;

FatBinaryHandle Registry::registerFatBinary(const void *wrapper) {
  auto fatBinary = std::make_shared<FatBinary>();
  fatBinary->slot = const_cast<void *>(wrapper);
  absl::StatusOr<FatBinaryImage> image = readWrapper(wrapper);
  if (image.ok()) {
    fatBinary->image = std::move(*image);
  } else {
    fatBinary->imageStatus = image.status();
    logError("__cudaRegisterFatBinary", image.status());
  }
  FatBinaryHandle handle = &fatBinary->slot;
  absl::MutexLock lock(&mu_);
  fatBinaries_.emplace(handle, std::move(fatBinary));
  return handle;
}

std::shared_ptr<Registry::FatBinary>
Registry::find(FatBinaryHandle handle) const {
  auto it = fatBinaries_.find(handle);
  return it == fatBinaries_.end() ? nullptr : it->second;
}

absl::Status Registry::endFatBinary(FatBinaryHandle handle) {
  absl::ReaderMutexLock lock(&mu_);
  return find(handle) ? absl::OkStatus() : badHandle(handle);
}

absl::Status Registry::unregisterFatBinary(FatBinaryHandle handle) {
  std::shared_ptr<FatBinary> dropped;
  {
    absl::MutexLock lock(&mu_);
    dropped = find(handle);
    if (!dropped)
      return badHandle(handle);
    fatBinaries_.erase(handle);
    absl::erase_if(functions_, [&](const auto &entry) {
      return entry.second.fatBinary == dropped;
    });
    absl::erase_if(variables_, [&](const auto &entry) {
      return entry.second.fatBinary == handle;
    });
  }
  // `dropped` (and, with no launch in flight, its module) goes here, outside
  // the lock: dlclose runs the module's destructors.
  return absl::OkStatus();
}

absl::Status Registry::registerFunction(FatBinaryHandle handle,
                                        const void *hostStub,
                                        absl::string_view deviceName) {
  if (hostStub == nullptr || deviceName.empty())
    return makeError(cudaErrorInvalidValue,
                     "a kernel needs a host stub and a device name");
  absl::MutexLock lock(&mu_);
  std::shared_ptr<FatBinary> fatBinary = find(handle);
  if (!fatBinary)
    return badHandle(handle);
  // A later registration of the same stub wins, as it would with CUDA.
  functions_[hostStub] =
      Function{std::move(fatBinary), std::string(deviceName)};
  return absl::OkStatus();
}

absl::Status Registry::registerVariable(FatBinaryHandle handle,
                                        const void *hostVar,
                                        VariableRecord record) {
  if (hostVar == nullptr || record.deviceName.empty())
    return makeError(cudaErrorInvalidValue,
                     "a variable needs a host address and a device name");
  absl::MutexLock lock(&mu_);
  if (!find(handle))
    return badHandle(handle);
  record.fatBinary = handle;
  variables_[hostVar] = std::move(record);
  return absl::OkStatus();
}

absl::StatusOr<ResolvedKernel> Registry::resolveKernel(const void *hostStub) {
  Function function;
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = functions_.find(hostStub);
    if (it == functions_.end())
      return makeError(cudaErrorInvalidDeviceFunction,
                       absl::StrCat("no kernel registered for host function 0x",
                                    absl::Hex(reinterpret_cast<uintptr_t>(
                                        hostStub))));
    function = it->second;
  }
  // Loading runs outside the registry lock: dlopen is slow and runs the
  // module's constructors.
  absl::StatusOr<std::shared_ptr<Module>> module =
      function.fatBinary->loadModule();
  if (!module.ok())
    return module.status();
  absl::StatusOr<const lingqu_kernel_info *> info =
      (*module)->kernel(function.deviceName);
  if (!info.ok())
    return info.status();
  return ResolvedKernel{std::move(*module), *info, function.deviceName};
}

std::optional<VariableRecord>
Registry::findVariable(const void *hostVar) const {
  absl::ReaderMutexLock lock(&mu_);
  auto it = variables_.find(hostVar);
  if (it == variables_.end())
    return std::nullopt;
  return it->second;
}

absl::StatusOr<Registry::VariableAddress>
Registry::resolveVariable(const void *hostVar) {
  VariableRecord record;
  std::shared_ptr<FatBinary> fatBinary;
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = variables_.find(hostVar);
    if (it != variables_.end()) {
      record = it->second;
      fatBinary = find(record.fatBinary);
    }
  }
  if (!fatBinary)
    return makeError(cudaErrorInvalidSymbol,
                     absl::StrCat("no __device__ variable registered at 0x",
                                  absl::Hex(reinterpret_cast<uintptr_t>(
                                      hostVar))));
  absl::StatusOr<std::shared_ptr<Module>> module = fatBinary->loadModule();
  if (!module.ok())
    return module.status();
  void *address = (*module)->symbol(record.deviceName.c_str());
  if (address == nullptr)
    return makeError(cudaErrorInvalidSymbol,
                     absl::StrCat("the device code has no variable ",
                                  record.deviceName));
  return VariableAddress{std::move(*module), address, record.size};
}

const char *Registry::kernelName(const void *hostStub) {
  absl::MutexLock lock(&mu_);
  auto it = functions_.find(hostStub);
  if (it == functions_.end())
    return nullptr;
  return names_.insert(it->second.deviceName).first->c_str();
}
