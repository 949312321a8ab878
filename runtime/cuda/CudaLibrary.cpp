//===- CudaLibrary.cpp - cuLibrary* and cuKernel* -------------------------===//
//
// Context-independent loading (CUDA 12): a CUlibrary is a loaded fat binary
// and a CUkernel one of its kernels, the same objects as CUmodule and
// CUfunction (ModuleTable), so cuLibraryGetModule and cuKernelGetFunction
// hand back the handle itself.
//
//===----------------------------------------------------------------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/KernelQueries.h"
#include "core/Module.h"
#include "core/Runtime.h"
#include "core/Status.h"
#include "cuda/ModuleTable.h"

using namespace lingqu;
using cuda::DriverFunction;
using cuda::DriverModule;
using cuda::ModuleTable;
using cuda::runtime;

namespace {
absl::Status loaded(CUlibrary *out, absl::StatusOr<DriverModule *> module) {
  if (!module.ok())
    return module.status();
  *out = reinterpret_cast<CUlibrary>(*module);
  return absl::OkStatus();
}

/// A global's address and size (CUDA_ERROR_NOT_FOUND if there is none).
absl::Status global(CUdeviceptr *dptr, size_t *bytes, CUlibrary library,
                    const char *name) {
  absl::StatusOr<DriverModule *> module = ModuleTable::get().module(library);
  if (!module.ok())
    return module.status();
  void *address = (*module)->module->symbol(name);
  if (address == nullptr)
    return rt::makeDriverError(CUDA_ERROR_NOT_FOUND,
                               absl::StrCat("the library has no global ", name));
  size_t size = rt::Module::objectSize(address);
  runtime().memory().addStatic(address, size, 0);
  if (dptr)
    *dptr = CUdeviceptr(uintptr_t(address));
  if (bytes)
    *bytes = size;
  return absl::OkStatus();
}
} // namespace

absl::Status cuda::impl::cuLibraryLoadData(
    CUlibrary *library, const void *code, CUjit_option *jitOptions,
    void **jitOptionsValues, unsigned int numJitOptions,
    CUlibraryOption *libraryOptions, void **libraryOptionValues,
    unsigned int numLibraryOptions) {
  // JIT options tune a PTX compilation; a Lingqu image is compiled already.
  return loaded(library, ModuleTable::get().load(code, std::nullopt));
}

absl::Status cuda::impl::cuLibraryLoadFromFile(
    CUlibrary *library, const char *fileName, CUjit_option *jitOptions,
    void **jitOptionsValues, unsigned int numJitOptions,
    CUlibraryOption *libraryOptions, void **libraryOptionValues,
    unsigned int numLibraryOptions) {
  return loaded(library, ModuleTable::get().loadFile(fileName));
}

absl::Status cuda::impl::cuLibraryUnload(CUlibrary library) {
  return ModuleTable::get().remove(library);
}

absl::Status cuda::impl::cuLibraryGetKernel(CUkernel *pKernel,
                                            CUlibrary library,
                                            const char *name) {
  absl::StatusOr<DriverModule *> module = ModuleTable::get().module(library);
  if (!module.ok())
    return module.status();
  absl::StatusOr<DriverFunction *> f =
      ModuleTable::get().function(*module, name);
  if (!f.ok())
    return f.status();
  *pKernel = reinterpret_cast<CUkernel>(*f);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuLibraryGetKernelCount(unsigned int *count,
                                                 CUlibrary lib) {
  return impl::cuModuleGetFunctionCount(count, reinterpret_cast<CUmodule>(lib));
}

absl::Status cuda::impl::cuLibraryEnumerateKernels(CUkernel *kernels,
                                                   unsigned int numKernels,
                                                   CUlibrary lib) {
  return impl::cuModuleEnumerateFunctions(
      reinterpret_cast<CUfunction *>(kernels), numKernels,
      reinterpret_cast<CUmodule>(lib));
}

absl::Status cuda::impl::cuLibraryGetModule(CUmodule *pMod,
                                            CUlibrary library) {
  if (absl::Status s = ModuleTable::get().module(library).status(); !s.ok())
    return s;
  *pMod = reinterpret_cast<CUmodule>(library);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuKernelGetFunction(CUfunction *pFunc,
                                             CUkernel kernel) {
  if (absl::Status s = ModuleTable::get().function(kernel).status(); !s.ok())
    return s;
  *pFunc = reinterpret_cast<CUfunction>(kernel);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuKernelGetLibrary(CUlibrary *pLib, CUkernel kernel) {
  absl::StatusOr<DriverFunction *> f = ModuleTable::get().function(kernel);
  if (!f.ok())
    return f.status();
  *pLib = reinterpret_cast<CUlibrary>((*f)->owner);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuLibraryGetGlobal(CUdeviceptr *dptr, size_t *bytes,
                                            CUlibrary library,
                                            const char *name) {
  return global(dptr, bytes, library, name);
}

absl::Status cuda::impl::cuLibraryGetManaged(CUdeviceptr *dptr, size_t *bytes,
                                             CUlibrary library,
                                             const char *name) {
  // __managed__ variables live in the module like any global: host memory.
  return global(dptr, bytes, library, name);
}

absl::Status cuda::impl::cuLibraryGetUnifiedFunction(void **fptr,
                                                     CUlibrary library,
                                                     const char *symbol) {
  absl::StatusOr<DriverModule *> module = ModuleTable::get().module(library);
  if (!module.ok())
    return module.status();
  *fptr = (*module)->module->symbol(symbol);
  if (*fptr == nullptr)
    return rt::makeDriverError(CUDA_ERROR_NOT_FOUND,
                               absl::StrCat("the library has no function ",
                                            symbol));
  return absl::OkStatus();
}

absl::Status cuda::impl::cuKernelGetAttribute(int *pi,
                                              CUfunction_attribute attrib,
                                              CUkernel kernel, CUdevice dev) {
  return impl::cuFuncGetAttribute(pi, attrib,
                                  reinterpret_cast<CUfunction>(kernel));
}

absl::Status cuda::impl::cuKernelSetAttribute(CUfunction_attribute attrib,
                                              int val, CUkernel kernel,
                                              CUdevice dev) {
  return impl::cuFuncSetAttribute(reinterpret_cast<CUfunction>(kernel), attrib,
                                  val);
}

absl::Status cuda::impl::cuKernelSetCacheConfig(CUkernel kernel,
                                                CUfunc_cache config,
                                                CUdevice dev) {
  return impl::cuFuncSetCacheConfig(reinterpret_cast<CUfunction>(kernel),
                                    config);
}

absl::Status cuda::impl::cuKernelGetName(const char **name, CUkernel hfunc) {
  return impl::cuFuncGetName(name, reinterpret_cast<CUfunction>(hfunc));
}

absl::Status cuda::impl::cuKernelGetParamInfo(CUkernel kernel,
                                              size_t paramIndex,
                                              size_t *paramOffset,
                                              size_t *paramSize) {
  return impl::cuFuncGetParamInfo(reinterpret_cast<CUfunction>(kernel),
                                  paramIndex, paramOffset, paramSize);
}
