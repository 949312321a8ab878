//===- ModuleTable.cpp - Loaded modules and their functions ---------------===//

#include "cuda/ModuleTable.h"

#include <fstream>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "core/DevicePrintf.h"
#include "core/FatBinaryReader.h"
#include "core/Module.h"
#include "core/Status.h"
#include "cuda/CudaApi.h"

namespace lingqu::cuda {

namespace {
absl::Status invalidHandle(const char *what) {
  return rt::makeDriverError(CUDA_ERROR_INVALID_HANDLE,
                             absl::StrCat("not a loaded ", what));
}
} // namespace

ModuleTable &ModuleTable::get() {
  static ModuleTable *table = new ModuleTable;
  return *table;
}

absl::StatusOr<DriverModule *> ModuleTable::load(const void *image,
                                                 std::optional<size_t> size) {
  absl::StatusOr<rt::FatBinaryImage> parsed =
      rt::FatBinaryImage::parse(image, size);
  if (!parsed.ok())
    return parsed.status();
  absl::StatusOr<std::unique_ptr<rt::Module>> loaded =
      rt::Module::loadFromImage(*parsed);
  if (!loaded.ok())
    return loaded.status();
  auto owned = std::make_unique<DriverModule>();
  owned->module = std::shared_ptr<rt::Module>(std::move(*loaded));
  DriverModule *raw = owned.get();
  absl::MutexLock lock(&mu_);
  modules_.emplace(raw, std::move(owned));
  return raw;
}

absl::StatusOr<DriverModule *> ModuleTable::loadFile(const char *path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return rt::makeDriverError(CUDA_ERROR_FILE_NOT_FOUND,
                               absl::StrCat("cannot open ", path));
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  return load(bytes.data(), bytes.size());
}

absl::Status ModuleTable::remove(const void *handle) {
  rt::flushDeviceOutput(); // as CUDA does at a module unload
  std::unique_ptr<DriverModule> owned; // destroyed after the lock is gone
  absl::MutexLock lock(&mu_);
  auto it = modules_.find(handle);
  if (it == modules_.end())
    return invalidHandle("module");
  for (auto &[name, function] : it->second->functions)
    functions_.erase(&function);
  owned = std::move(it->second); // launches in flight hold the module
  modules_.erase(it);
  return absl::OkStatus();
}

absl::StatusOr<DriverModule *> ModuleTable::module(const void *handle) {
  absl::MutexLock lock(&mu_);
  auto it = modules_.find(handle);
  if (it == modules_.end())
    return invalidHandle("module");
  return it->second.get();
}

absl::StatusOr<DriverFunction *> ModuleTable::function(DriverModule *module,
                                                       const char *name) {
  absl::MutexLock lock(&mu_);
  auto it = module->functions.find(name);
  if (it != module->functions.end())
    return &it->second;
  std::string symbol = absl::StrCat(LINGQU_KERNEL_INFO_PREFIX, name);
  if (module->module->symbol(symbol.c_str()) == nullptr)
    return rt::makeDriverError(CUDA_ERROR_NOT_FOUND,
                               absl::StrCat("the module has no kernel ", name));
  absl::StatusOr<const lingqu_kernel_info *> info =
      module->module->kernel(name);
  if (!info.ok())
    return info.status();
  DriverFunction &function = module->functions[name];
  function.owner = module;
  function.kernel = rt::ResolvedKernel{module->module, *info, name};
  functions_.insert(&function);
  return &function;
}

absl::StatusOr<DriverFunction *> ModuleTable::function(const void *handle) {
  absl::MutexLock lock(&mu_);
  if (!functions_.contains(handle))
    return invalidHandle("function");
  return static_cast<DriverFunction *>(const_cast<void *>(handle));
}

} // namespace lingqu::cuda
