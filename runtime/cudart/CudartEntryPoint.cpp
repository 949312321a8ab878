//===- CudartEntryPoint.cpp - cudaGetDriverEntryPoint ---------------------===//
//
// The runtime hands out libcuda's own entry points, found by the driver's
// cuGetProcAddress.

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include "cuda.h"
#include "core/Status.h"

using namespace lingqu;

absl::Status cudart::impl::cudaGetDriverEntryPointByVersion(
    const char *symbol, void **funcPtr, unsigned int cudaVersion,
    unsigned long long flags,
    enum cudaDriverEntryPointQueryResult *driverStatus) {
  CUdriverProcAddressQueryResult status = CU_GET_PROC_ADDRESS_SUCCESS;
  CUresult result = cuGetProcAddress(symbol, funcPtr, int(cudaVersion), flags,
                                     &status);
  if (driverStatus)
    *driverStatus = static_cast<cudaDriverEntryPointQueryResult>(status);
  switch (result) {
  case CUDA_SUCCESS:
    return absl::OkStatus();
  case CUDA_ERROR_NOT_FOUND:
    return rt::makeError(cudaErrorSymbolNotFound,
                         "the driver has no such entry point");
  default:
    return rt::makeError(cudaErrorInvalidValue, "cuGetProcAddress failed");
  }
}

absl::Status cudart::impl::cudaGetDriverEntryPoint(
    const char *symbol, void **funcPtr, unsigned long long flags,
    enum cudaDriverEntryPointQueryResult *driverStatus) {
  return impl::cudaGetDriverEntryPointByVersion(symbol, funcPtr, CUDART_VERSION,
                                                flags, driverStatus);
}
