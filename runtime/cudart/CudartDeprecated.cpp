//===- CudartDeprecated.cpp - Old names CUDA still exports ----------------===//
//
// cudaThread* are the CUDA 3 names of today's cudaDevice* calls;
// cudaSetDoubleFor* had work to do only on devices without doubles.

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include "core/Runtime.h"

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

// Shared memory banks have no width to choose on a CPU: the setting is kept
// and reported back.
absl::Status
cudart::impl::cudaDeviceGetSharedMemConfig(enum cudaSharedMemConfig *pConfig) {
  *pConfig = static_cast<cudaSharedMemConfig>(
      cudart::runtime().currentContext().sharedMemConfig());
  return absl::OkStatus();
}

absl::Status
cudart::impl::cudaDeviceSetSharedMemConfig(enum cudaSharedMemConfig config) {
  cudart::runtime().currentContext().setSharedMemConfig(config);
  return absl::OkStatus();
}

absl::Status
cudart::impl::cudaFuncSetSharedMemConfig(const void *func,
                                         enum cudaSharedMemConfig config) {
  return cudart::runtime().registry().resolveKernel(func).status();
}
