//===- CudaModule.cpp - cuModule*, cuFunc*, cuLaunchKernel, occupancy -----===//
//
// A CUmodule is a Lingqu fat binary loaded with the same loader the
// runtime's registered binaries use (`lqcc -fatbin` writes one); a
// CUfunction is one of its kernels, resolved once and kept with the module.
// Launches go through the core's checked launch path, as cudaLaunchKernel's
// do.
//
//===----------------------------------------------------------------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/DeviceAttributes.h"
#include "core/KernelQueries.h"
#include "core/Module.h"
#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"
#include "cuda/ModuleTable.h"

using namespace lingqu;
using cuda::runtime;

namespace {

using cuda::DriverFunction;
using cuda::DriverModule;
using cuda::ModuleTable;

absl::StatusOr<DriverFunction *> functionOf(CUfunction f) {
  return ModuleTable::get().function(f);
}

absl::Status loaded(CUmodule *out, absl::StatusOr<DriverModule *> module) {
  if (!module.ok())
    return module.status();
  *out = reinterpret_cast<CUmodule>(*module);
  return absl::OkStatus();
}

/// Loads a fat binary from memory (`size` when the caller knows it).
absl::Status loadImage(CUmodule *out, const void *image,
                       std::optional<size_t> size) {
  LINGQU_CURRENT(c);
  return loaded(out, ModuleTable::get().load(image, size));
}

/// cuLaunchKernel's `extra`: a packed argument buffer, unpacked into one
/// pointer per parameter at the offsets cudaFuncGetParamInfo reports.
absl::Status unpackExtra(const lingqu_kernel_info &info, void **extra,
                         std::vector<void *> &args) {
  char *buffer = nullptr;
  size_t size = 0;
  bool haveSize = false;
  for (size_t i = 0; extra[i] != CU_LAUNCH_PARAM_END; i += 2) {
    if (extra[i] == CU_LAUNCH_PARAM_BUFFER_POINTER)
      buffer = static_cast<char *>(extra[i + 1]);
    else if (extra[i] == CU_LAUNCH_PARAM_BUFFER_SIZE) {
      size = *static_cast<size_t *>(extra[i + 1]);
      haveSize = true;
    } else
      return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                                 "unknown entry in extra");
  }
  if (buffer == nullptr || !haveSize)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "extra needs CU_LAUNCH_PARAM_BUFFER_POINTER and "
                               "CU_LAUNCH_PARAM_BUFFER_SIZE");
  for (uint32_t p = 0; p < info.num_params; ++p) {
    size_t offset = 0, bytes = 0;
    (void)rt::parameterLayout(info, p, &offset, &bytes); // p is in range
    if (offset + bytes > size)
      return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                                 "the argument buffer is too small");
    args.push_back(buffer + offset);
  }
  return absl::OkStatus();
}

absl::Status launch(CUfunction f, rt::Dim3 grid, rt::Dim3 block,
                    unsigned sharedMemBytes, CUstream hStream,
                    void **kernelParams, void **extra, bool cooperative) {
  LINGQU_CURRENT(c);
  absl::StatusOr<DriverFunction *> function = functionOf(f);
  if (!function.ok())
    return function.status();
  const lingqu_kernel_info &info = *(*function)->kernel.info;
  std::vector<void *> unpacked;
  if (kernelParams == nullptr && extra != nullptr) {
    if (absl::Status s = unpackExtra(info, extra, unpacked); !s.ok())
      return s;
    kernelParams = unpacked.data();
  }
  rt::LaunchConfig config;
  config.grid = grid;
  config.block = block;
  config.dynamicSharedBytes = sharedMemBytes;
  config.stream = hStream;
  config.cooperative = cooperative;
  return runtime().launch((*function)->kernel, config, kernelParams);
}
} // namespace

//===--- Modules -------------------------------------------------------------===//

absl::Status cuda::impl::cuModuleLoadData(CUmodule *module,
                                          const void *image) {
  return loadImage(module, image, std::nullopt);
}

absl::Status cuda::impl::cuModuleLoadDataEx(CUmodule *module,
                                            const void *image,
                                            unsigned int numOptions,
                                            CUjit_option *options,
                                            void **optionValues) {
  // JIT options tune a PTX compilation; a Lingqu image is already compiled.
  return loadImage(module, image, std::nullopt);
}

absl::Status cuda::impl::cuModuleLoadFatBinary(CUmodule *module,
                                               const void *fatCubin) {
  return loadImage(module, fatCubin, std::nullopt);
}

absl::Status cuda::impl::cuModuleLoad(CUmodule *module, const char *fname) {
  LINGQU_CURRENT(c);
  return loaded(module, ModuleTable::get().loadFile(fname));
}

absl::Status cuda::impl::cuModuleUnload(CUmodule hmod) {
  LINGQU_CURRENT(c);
  return ModuleTable::get().remove(hmod);
}

absl::Status cuda::impl::cuModuleGetLoadingMode(CUmoduleLoadingMode *mode) {
  *mode = CU_MODULE_EAGER_LOADING;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuModuleGetFunction(CUfunction *hfunc, CUmodule hmod,
                                             const char *name) {
  LINGQU_CURRENT(c);
  absl::StatusOr<DriverModule *> module = ModuleTable::get().module(hmod);
  if (!module.ok())
    return module.status();
  absl::StatusOr<DriverFunction *> function =
      ModuleTable::get().function(*module, name);
  if (!function.ok())
    return function.status();
  *hfunc = reinterpret_cast<CUfunction>(*function);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuModuleGetGlobal(CUdeviceptr *dptr, size_t *bytes,
                                           CUmodule hmod, const char *name) {
  LINGQU_CURRENT(c);
  absl::StatusOr<DriverModule *> module = ModuleTable::get().module(hmod);
  if (!module.ok())
    return module.status();
  void *address = (*module)->module->symbol(name);
  if (address == nullptr)
    return rt::makeDriverError(CUDA_ERROR_NOT_FOUND,
                               absl::StrCat("the module has no global ", name));
  size_t size = rt::Module::objectSize(address);
  runtime().memory().addStatic(address, size, c->ordinal());
  if (dptr)
    *dptr = CUdeviceptr(uintptr_t(address));
  if (bytes)
    *bytes = size;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuModuleGetFunctionCount(unsigned int *count,
                                                  CUmodule mod) {
  absl::StatusOr<DriverModule *> module = ModuleTable::get().module(mod);
  if (!module.ok())
    return module.status();
  *count = unsigned((*module)->module->kernelNames().size());
  return absl::OkStatus();
}

absl::Status cuda::impl::cuModuleEnumerateFunctions(CUfunction *functions,
                                                    unsigned int numFunctions,
                                                    CUmodule mod) {
  absl::StatusOr<DriverModule *> module = ModuleTable::get().module(mod);
  if (!module.ok())
    return module.status();
  const std::vector<std::string> &names = (*module)->module->kernelNames();
  if (numFunctions > names.size())
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "more functions asked for than the module has");
  for (unsigned i = 0; i < numFunctions; ++i) {
    absl::StatusOr<DriverFunction *> f =
        ModuleTable::get().function(*module, names[i].c_str());
    if (!f.ok())
      return f.status();
    functions[i] = reinterpret_cast<CUfunction>(*f);
  }
  return absl::OkStatus();
}

//===--- Functions -----------------------------------------------------------===//

absl::Status cuda::impl::cuFuncGetAttribute(int *pi,
                                            CUfunction_attribute attrib,
                                            CUfunction hfunc) {
  absl::StatusOr<DriverFunction *> function = functionOf(hfunc);
  if (!function.ok())
    return function.status();
  absl::StatusOr<int> value =
      rt::kernelAttribute(runtime(), (*function)->kernel, attrib);
  if (!value.ok())
    return value.status();
  *pi = *value;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuFuncSetAttribute(CUfunction hfunc,
                                            CUfunction_attribute attrib,
                                            int value) {
  absl::StatusOr<DriverFunction *> function = functionOf(hfunc);
  if (!function.ok())
    return function.status();
  return rt::setKernelAttribute(runtime(), (*function)->kernel, attrib, value);
}

absl::Status cuda::impl::cuFuncSetCacheConfig(CUfunction hfunc,
                                              CUfunc_cache config) {
  absl::StatusOr<DriverFunction *> function = functionOf(hfunc);
  if (!function.ok())
    return function.status();
  const lingqu_kernel_info *info = (*function)->kernel.info;
  rt::KernelSettings settings = runtime().kernelSettings(info);
  settings.cacheConfig = config;
  runtime().setKernelSettings(info, settings);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuFuncGetModule(CUmodule *hmod, CUfunction hfunc) {
  absl::StatusOr<DriverFunction *> function = functionOf(hfunc);
  if (!function.ok())
    return function.status();
  *hmod = reinterpret_cast<CUmodule>((*function)->owner);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuFuncGetName(const char **name, CUfunction hfunc) {
  absl::StatusOr<DriverFunction *> function = functionOf(hfunc);
  if (!function.ok())
    return function.status();
  *name = (*function)->kernel.name.c_str();
  return absl::OkStatus();
}

absl::Status cuda::impl::cuFuncGetParamInfo(CUfunction func,
                                            size_t paramIndex,
                                            size_t *paramOffset,
                                            size_t *paramSize) {
  absl::StatusOr<DriverFunction *> function = functionOf(func);
  if (!function.ok())
    return function.status();
  return rt::parameterLayout(*(*function)->kernel.info, paramIndex, paramOffset,
                             paramSize);
}

absl::Status cuda::impl::cuFuncIsLoaded(CUfunctionLoadingState *state,
                                        CUfunction function) {
  absl::StatusOr<DriverFunction *> f = functionOf(function);
  if (!f.ok())
    return f.status();
  *state = CU_FUNCTION_LOADING_STATE_LOADED;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuFuncLoad(CUfunction function) {
  return functionOf(function).status();
}

//===--- Launches ------------------------------------------------------------===//

absl::Status cuda::impl::cuLaunchKernel(
    CUfunction f, unsigned int gridDimX, unsigned int gridDimY,
    unsigned int gridDimZ, unsigned int blockDimX, unsigned int blockDimY,
    unsigned int blockDimZ, unsigned int sharedMemBytes, CUstream hStream,
    void **kernelParams, void **extra) {
  return launch(f, {gridDimX, gridDimY, gridDimZ},
                {blockDimX, blockDimY, blockDimZ}, sharedMemBytes, hStream,
                kernelParams, extra, false);
}

absl::Status cuda::impl::cuLaunchCooperativeKernel(
    CUfunction f, unsigned int gridDimX, unsigned int gridDimY,
    unsigned int gridDimZ, unsigned int blockDimX, unsigned int blockDimY,
    unsigned int blockDimZ, unsigned int sharedMemBytes, CUstream hStream,
    void **kernelParams) {
  return launch(f, {gridDimX, gridDimY, gridDimZ},
                {blockDimX, blockDimY, blockDimZ}, sharedMemBytes, hStream,
                kernelParams, nullptr, true);
}

absl::Status cuda::impl::cuLaunchKernelEx(const CUlaunchConfig *config,
                                          CUfunction f, void **kernelParams,
                                          void **extra) {
  bool cooperative = false;
  if (absl::Status s = rt::applyLaunchAttributes(config->attrs,
                                                 config->numAttrs, cooperative);
      !s.ok())
    return s;
  return launch(f, {config->gridDimX, config->gridDimY, config->gridDimZ},
                {config->blockDimX, config->blockDimY, config->blockDimZ},
                config->sharedMemBytes, config->hStream, kernelParams, extra,
                cooperative);
}

//===--- Occupancy -----------------------------------------------------------===//

absl::Status cuda::impl::cuOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
    int *numBlocks, CUfunction func, int blockSize, size_t dynamicSMemSize,
    unsigned int flags) {
  absl::StatusOr<DriverFunction *> function = functionOf(func);
  if (!function.ok())
    return function.status();
  absl::StatusOr<int> blocks = rt::occupancyBlocksPerCore(
      runtime(), (*function)->kernel, blockSize, dynamicSMemSize);
  if (!blocks.ok())
    return blocks.status();
  *numBlocks = *blocks;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuOccupancyMaxActiveBlocksPerMultiprocessor(
    int *numBlocks, CUfunction func, int blockSize, size_t dynamicSMemSize) {
  return impl::cuOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
      numBlocks, func, blockSize, dynamicSMemSize, CU_OCCUPANCY_DEFAULT);
}

absl::Status cuda::impl::cuOccupancyMaxPotentialBlockSizeWithFlags(
    int *minGridSize, int *blockSize, CUfunction func,
    CUoccupancyB2DSize blockSizeToDynamicSMemSize, size_t dynamicSMemSize,
    int blockSizeLimit, unsigned int flags) {
  absl::StatusOr<DriverFunction *> function = functionOf(func);
  if (!function.ok())
    return function.status();
  LINGQU_CURRENT(c);
  int cores = *rt::deviceAttribute(runtime(), CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT,
                                   c->ordinal());
  int limit = blockSizeLimit > 0 && blockSizeLimit < 1024 ? blockSizeLimit : 1024;
  int bestSize = 0, bestThreads = 0, bestBlocks = 0;
  for (int size = limit; size > 0; size -= 32) {
    size_t shared = blockSizeToDynamicSMemSize
                        ? blockSizeToDynamicSMemSize(size)
                        : dynamicSMemSize;
    absl::StatusOr<int> blocks = rt::occupancyBlocksPerCore(
        runtime(), (*function)->kernel, size, shared);
    if (!blocks.ok())
      return blocks.status();
    if (*blocks * size > bestThreads) {
      bestThreads = *blocks * size;
      bestSize = size;
      bestBlocks = *blocks;
    }
  }
  *blockSize = bestSize;
  *minGridSize = bestBlocks * cores;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuOccupancyMaxPotentialBlockSize(
    int *minGridSize, int *blockSize, CUfunction func,
    CUoccupancyB2DSize blockSizeToDynamicSMemSize, size_t dynamicSMemSize,
    int blockSizeLimit) {
  return impl::cuOccupancyMaxPotentialBlockSizeWithFlags(
      minGridSize, blockSize, func, blockSizeToDynamicSMemSize,
      dynamicSMemSize, blockSizeLimit, CU_OCCUPANCY_DEFAULT);
}

absl::Status cuda::impl::cuOccupancyAvailableDynamicSMemPerBlock(
    size_t *dynamicSmemSize, CUfunction func, int numBlocks, int blockSize) {
  absl::StatusOr<DriverFunction *> function = functionOf(func);
  if (!function.ok())
    return function.status();
  *dynamicSmemSize =
      rt::availableDynamicShared((*function)->kernel, numBlocks, blockSize);
  return absl::OkStatus();
}
