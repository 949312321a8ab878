//===- CudartRegistration.cpp - __cudaRegister* entry points --------------===//
//
// Called from Clang's module constructor, before main and possibly before
// this library's own static constructors: everything they touch is built on
// first use (cudart::runtime()).
//
//===----------------------------------------------------------------------===//

#include "cudart/CudartApi.h"

#include "core/Registry.h"
#include <utility>

#include "core/Runtime.h"

using namespace lingqu;
using cudart::finish;
using cudart::runtime;

LINGQU_CUDART_API void **__cudaRegisterFatBinary(void *fatCubin) {
  // Never fails: a bad image is reported when one of its kernels launches.
  return runtime().registry().registerFatBinary(fatCubin);
}

LINGQU_CUDART_API void __cudaRegisterFatBinaryEnd(void **fatCubinHandle) {
  // Nothing to finish: modules load lazily at the first launch.
  finish("__cudaRegisterFatBinaryEnd",
         runtime().registry().endFatBinary(fatCubinHandle));
}

LINGQU_CUDART_API void __cudaUnregisterFatBinary(void **fatCubinHandle) {
  finish("__cudaUnregisterFatBinary",
         runtime().registry().unregisterFatBinary(fatCubinHandle));
}

LINGQU_CUDART_API void
__cudaRegisterFunction(void **fatCubinHandle, const char *hostFun,
                       char *deviceFun, const char *deviceName,
                       int thread_limit, void *tid, void *bid, void *bDim,
                       void *gDim, int *wSize) {
  finish("__cudaRegisterFunction",
         runtime().registry().registerFunction(
             fatCubinHandle, hostFun, deviceName ? deviceName : ""));
}

LINGQU_CUDART_API void __cudaRegisterVar(void **fatCubinHandle, char *hostVar,
                                         char *deviceAddress,
                                         const char *deviceName, int ext,
                                         size_t size, int constant,
                                         int global) {
  rt::VariableRecord record;
  record.deviceName = deviceName ? deviceName : "";
  record.size = size;
  record.constant = constant != 0;
  record.external = ext != 0;
  record.global = global != 0;
  finish("__cudaRegisterVar", runtime().registry().registerVariable(
                                  fatCubinHandle, hostVar, std::move(record)));
}
