//===- CudartDevice.cpp - Device management and version queries -----------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include <cstdio>

#include "absl/strings/str_format.h"
#include "core/DeviceAttributes.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

namespace {
/// The context a device-wide setting applies to: the current one.
rt::Context &current() { return runtime().currentContext(); }

} // namespace

absl::Status cudart::impl::cudaGetDeviceCount(int *count) {
  *count = runtime().deviceCount();
  if (*count == 0)
    return rt::makeError(cudaErrorNoDevice, "no device is visible");
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaSetDevice(int device) {
  return runtime().setDevice(device);
}

absl::Status cudart::impl::cudaInitDevice(int device, unsigned int deviceFlags,
                                          unsigned int flags) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  if (flags != 0 || (deviceFlags & ~cudaDeviceMask))
    return rt::makeError(cudaErrorInvalidValue, "invalid flags");
  runtime().primaryContext(device).setFlags(deviceFlags);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGetDevice(int *device) {
  if (runtime().deviceCount() == 0)
    return rt::makeError(cudaErrorNoDevice, "no device is visible");
  *device = current().ordinal();
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaSetValidDevices(int *device_arr, int len) {
  for (int i = 0; i < len; ++i)
    if (absl::Status s = runtime().checkDevice(device_arr[i]); !s.ok())
      return s;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaSetDeviceFlags(unsigned int flags) {
  current().setFlags(flags);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGetDeviceFlags(unsigned int *flags) {
  // Mapped pinned memory is always available on the CPU device.
  *flags = current().flags() | cudaDeviceMapHost;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceReset() {
  return runtime().resetDevice(current().ordinal());
}

absl::Status cudart::impl::cudaDeviceSetLimit(enum cudaLimit limit,
                                              size_t value) {
  rt::ContextLimits limits = current().limits();
  *limits.field(limit) = value;
  current().setLimits(limits);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceGetLimit(size_t *pValue,
                                              enum cudaLimit limit) {
  rt::ContextLimits limits = current().limits();
  *pValue = *limits.field(limit);
  return absl::OkStatus();
}

absl::Status
cudart::impl::cudaDeviceGetCacheConfig(enum cudaFuncCache *pCacheConfig) {
  *pCacheConfig = static_cast<cudaFuncCache>(current().cacheConfig());
  return absl::OkStatus();
}

absl::Status
cudart::impl::cudaDeviceSetCacheConfig(enum cudaFuncCache cacheConfig) {
  current().setCacheConfig(cacheConfig);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceGetStreamPriorityRange(
    int *leastPriority, int *greatestPriority) {
  if (leastPriority)
    *leastPriority = 0;
  if (greatestPriority)
    *greatestPriority = -5;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceGetPCIBusId(char *pciBusId, int len,
                                                 int device) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  std::string id = rt::pciBusId(device);
  if (len < int(id.size()) + 1)
    return rt::makeError(cudaErrorInvalidValue, "pciBusId is too short");
  std::snprintf(pciBusId, len, "%s", id.c_str());
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceGetByPCIBusId(int *device,
                                                   const char *pciBusId) {
  absl::StatusOr<int> ordinal = rt::deviceByPciBusId(runtime(), pciBusId);
  if (!ordinal.ok())
    return ordinal.status();
  *device = *ordinal;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceFlushGPUDirectRDMAWrites(
    enum cudaFlushGPUDirectRDMAWritesTarget target,
    enum cudaFlushGPUDirectRDMAWritesScope scope) {
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDriverGetVersion(int *driverVersion) {
  *driverVersion = CUDART_VERSION;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaRuntimeGetVersion(int *runtimeVersion) {
  *runtimeVersion = CUDART_VERSION;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaChooseDevice(int *device,
                                            const struct cudaDeviceProp *prop) {
  // Every device is the same kind of device: the first matches best.
  if (runtime().deviceCount() == 0)
    return rt::makeError(cudaErrorNoDevice, "no device is visible");
  *device = 0;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceRegisterAsyncNotification(
    int device, cudaAsyncCallback callbackFunc, void *userData,
    cudaAsyncCallbackHandle_t *callback) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  *callback = static_cast<cudaAsyncCallbackHandle_t>(runtime().notifications().add(
      device, reinterpret_cast<void *>(callbackFunc), userData));
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceUnregisterAsyncNotification(
    int device, cudaAsyncCallbackHandle_t callback) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  if (!runtime().notifications().remove(device, callback))
    return rt::makeError(cudaErrorInvalidValue,
                         "not a registration on this device");
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceGetTexture1DLinearMaxWidth(
    size_t *maxWidthInElements, const struct cudaChannelFormatDesc *fmtDesc,
    int device) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  int bits = fmtDesc->x + fmtDesc->y + fmtDesc->z + fmtDesc->w;
  if (bits <= 0 || bits % 8 != 0)
    return rt::makeError(cudaErrorInvalidChannelDescriptor,
                         "not a channel format");
  // The linear texture limit is in bytes (2^28 elements of one byte).
  *maxWidthInElements =
      size_t(*rt::deviceAttribute(runtime(), cudaDevAttrMaxTexture1DLinearWidth,
                                  device)) /
      size_t(bits / 8);
  return absl::OkStatus();
}
