//===- CudartDeprecated.cpp - Old names CUDA still exports ----------------===//
//
// cudaThread* are the CUDA 3 names of today's cudaDevice* calls;
// cudaSetDoubleFor* had work to do only on devices without doubles.

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

using namespace lingqu;

absl::Status cudart::impl::cudaThreadExit() { return impl::cudaDeviceReset(); }

absl::Status cudart::impl::cudaThreadSynchronize() {
  return impl::cudaDeviceSynchronize();
}

absl::Status cudart::impl::cudaThreadSetLimit(enum cudaLimit limit,
                                              size_t value) {
  return impl::cudaDeviceSetLimit(limit, value);
}

absl::Status cudart::impl::cudaThreadGetLimit(size_t *pValue,
                                              enum cudaLimit limit) {
  return impl::cudaDeviceGetLimit(pValue, limit);
}

absl::Status
cudart::impl::cudaThreadGetCacheConfig(enum cudaFuncCache *pCacheConfig) {
  return impl::cudaDeviceGetCacheConfig(pCacheConfig);
}

absl::Status
cudart::impl::cudaThreadSetCacheConfig(enum cudaFuncCache cacheConfig) {
  return impl::cudaDeviceSetCacheConfig(cacheConfig);
}

absl::Status cudart::impl::cudaSetDoubleForDevice(double *d) {
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaSetDoubleForHost(double *d) {
  return absl::OkStatus();
}
