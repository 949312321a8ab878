//===- CudaDevice.cpp - cuDevice*: devices and their attributes -----------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <cstdio>
#include <cstring>

#include "core/Array.h"
#include "core/DeviceAttributes.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cuda::runtime;

absl::Status cuda::impl::cuDeviceGet(CUdevice *device, int ordinal) {
  if (absl::Status s = runtime().checkDevice(ordinal); !s.ok())
    return s;
  *device = ordinal;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceGetCount(int *count) {
  *count = runtime().deviceCount();
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceGetName(char *name, int len, CUdevice dev) {
  std::snprintf(name, size_t(len), "%s", rt::deviceName(runtime(), dev).c_str());
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceGetUuid(CUuuid *uuid, CUdevice dev) {
  rt::deviceUuid(dev, uuid->bytes);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceGetUuid_v2(CUuuid *uuid, CUdevice dev) {
  return impl::cuDeviceGetUuid(uuid, dev);
}

absl::Status cuda::impl::cuDeviceTotalMem(size_t *bytes, CUdevice dev) {
  *bytes = rt::totalMemoryBytes();
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceGetAttribute(int *pi,
                                              CUdevice_attribute attrib,
                                              CUdevice dev) {
  absl::StatusOr<int> value = rt::deviceAttribute(runtime(), attrib, dev);
  if (!value.ok())
    return value.status();
  *pi = *value;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceGetExecAffinitySupport(int *pi,
                                                        CUexecAffinityType type,
                                                        CUdevice dev) {
  *pi = 0; // a CPU device has no SM partitions to hand out
  return absl::OkStatus();
}

absl::Status
cuda::impl::cuFlushGPUDirectRDMAWrites(CUflushGPUDirectRDMAWritesTarget target,
                                       CUflushGPUDirectRDMAWritesScope scope) {
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceComputeCapability(int *major, int *minor,
                                                   CUdevice dev) {
  *major = rt::kComputeMajor;
  *minor = rt::kComputeMinor;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceGetProperties(CUdevprop *prop, CUdevice dev) {
  auto a = [dev](CUdevice_attribute attr) {
    return *rt::deviceAttribute(runtime(), attr, dev);
  };
  prop->maxThreadsPerBlock = a(CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK);
  prop->maxThreadsDim[0] = a(CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X);
  prop->maxThreadsDim[1] = a(CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Y);
  prop->maxThreadsDim[2] = a(CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Z);
  prop->maxGridSize[0] = a(CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X);
  prop->maxGridSize[1] = a(CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Y);
  prop->maxGridSize[2] = a(CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Z);
  prop->sharedMemPerBlock = a(CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK);
  prop->totalConstantMemory = a(CU_DEVICE_ATTRIBUTE_TOTAL_CONSTANT_MEMORY);
  prop->SIMDWidth = a(CU_DEVICE_ATTRIBUTE_WARP_SIZE);
  prop->memPitch = a(CU_DEVICE_ATTRIBUTE_MAX_PITCH);
  prop->regsPerBlock = a(CU_DEVICE_ATTRIBUTE_MAX_REGISTERS_PER_BLOCK);
  prop->clockRate = a(CU_DEVICE_ATTRIBUTE_CLOCK_RATE);
  prop->textureAlign = a(CU_DEVICE_ATTRIBUTE_TEXTURE_ALIGNMENT);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceRegisterAsyncNotification(
    CUdevice device, CUasyncCallback callbackFunc, void *userData,
    CUasyncCallbackHandle *callback) {
  *callback = static_cast<CUasyncCallbackHandle>(runtime().notifications().add(
      device, reinterpret_cast<void *>(callbackFunc), userData));
  return absl::OkStatus();
}

absl::Status
cuda::impl::cuDeviceUnregisterAsyncNotification(CUdevice device,
                                                CUasyncCallbackHandle callback) {
  if (!runtime().notifications().remove(device, callback))
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "not a registration on this device");
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceGetTexture1DLinearMaxWidth(
    size_t *maxWidthInElements, CUarray_format format, unsigned numChannels,
    CUdevice dev) {
  size_t channelBytes = rt::formatChannelBytes(format);
  if (channelBytes == 0 ||
      (numChannels != 1 && numChannels != 2 && numChannels != 4))
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "not a supported array format");
  *maxWidthInElements =
      size_t(*rt::deviceAttribute(
          runtime(), CU_DEVICE_ATTRIBUTE_MAXIMUM_TEXTURE1D_LINEAR_WIDTH, dev)) /
      (channelBytes * numChannels);
  return absl::OkStatus();
}
