//===- CudaInit.cpp - cuInit, versions, error strings, cuGetProcAddress ---===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <cstring>

#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;

absl::Status cuda::impl::cuInit(unsigned int Flags) {
  if (rt::Runtime::get().deviceCount() == 0)
    return rt::makeDriverError(CUDA_ERROR_NO_DEVICE,
                               "no device is visible (CUDA_VISIBLE_DEVICES, "
                               "LINGQU_DEVICES)");
  setInitialized();
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDriverGetVersion(int *driverVersion) {
  *driverVersion = CUDA_VERSION;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGetErrorString(CUresult error, const char **pStr) {
  *pStr = resultString(error);
  if (!*pStr)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "not a CUresult");
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGetErrorName(CUresult error, const char **pStr) {
  *pStr = resultName(error);
  if (!*pStr)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "not a CUresult");
  return absl::OkStatus();
}

#include "CudaProcTable.inc"

absl::Status cuda::impl::cuGetProcAddress(const char *symbol, void **pfn,
                                          int cudaVersion, cuuint64_t flags,
                                          CUdriverProcAddressQueryResult
                                              *symbolStatus) {
  for (const ProcEntry &entry : kProcTable) {
    if (std::strcmp(entry.name, symbol) != 0)
      continue;
    bool perThread = (flags & CU_GET_PROC_ADDRESS_PER_THREAD_DEFAULT_STREAM) &&
                     entry.perThread;
    *pfn = perThread ? entry.perThread : entry.entry;
    if (symbolStatus)
      *symbolStatus = CU_GET_PROC_ADDRESS_SUCCESS;
    return absl::OkStatus();
  }
  *pfn = nullptr;
  if (symbolStatus)
    *symbolStatus = CU_GET_PROC_ADDRESS_SYMBOL_NOT_FOUND;
  return rt::makeDriverError(CUDA_ERROR_NOT_FOUND,
                             "no driver entry point of that name");
}
