//===- CudartProperties.cpp - Device attributes and properties ------------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include <cstring>

#include "core/DeviceAttributes.h"
#include "core/Runtime.h"

using namespace lingqu;
using cudart::runtime;

absl::Status cudart::impl::cudaDeviceGetAttribute(int *value,
                                                  enum cudaDeviceAttr attr,
                                                  int device) {
  absl::StatusOr<int> v = rt::deviceAttribute(runtime(), attr, device);
  if (!v.ok())
    return v.status();
  *value = *v;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGetDeviceProperties(struct cudaDeviceProp *prop,
                                                   int device) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  // Every attribute below is one the table knows, so value() cannot fail.
  auto a = [device](cudaDeviceAttr attr) {
    return *rt::deviceAttribute(runtime(), attr, device);
  };
  cudaDeviceProp p;
  std::memset(&p, 0, sizeof p);
  std::snprintf(p.name, sizeof p.name, "%s", rt::deviceName(runtime(), device).c_str());
  rt::deviceUuid(device, p.uuid.bytes);
  p.totalGlobalMem = rt::totalMemoryBytes();
  p.sharedMemPerBlock = a(cudaDevAttrMaxSharedMemoryPerBlock);
  p.regsPerBlock = a(cudaDevAttrMaxRegistersPerBlock);
  p.warpSize = a(cudaDevAttrWarpSize);
  p.memPitch = a(cudaDevAttrMaxPitch);
  p.maxThreadsPerBlock = a(cudaDevAttrMaxThreadsPerBlock);
  p.maxThreadsDim[0] = a(cudaDevAttrMaxBlockDimX);
  p.maxThreadsDim[1] = a(cudaDevAttrMaxBlockDimY);
  p.maxThreadsDim[2] = a(cudaDevAttrMaxBlockDimZ);
  p.maxGridSize[0] = a(cudaDevAttrMaxGridDimX);
  p.maxGridSize[1] = a(cudaDevAttrMaxGridDimY);
  p.maxGridSize[2] = a(cudaDevAttrMaxGridDimZ);
  p.clockRate = a(cudaDevAttrClockRate);
  p.totalConstMem = a(cudaDevAttrTotalConstantMemory);
  p.major = a(cudaDevAttrComputeCapabilityMajor);
  p.minor = a(cudaDevAttrComputeCapabilityMinor);
  p.textureAlignment = a(cudaDevAttrTextureAlignment);
  p.texturePitchAlignment = a(cudaDevAttrTexturePitchAlignment);
  p.deviceOverlap = a(cudaDevAttrGpuOverlap);
  p.multiProcessorCount = a(cudaDevAttrMultiProcessorCount);
  p.kernelExecTimeoutEnabled = a(cudaDevAttrKernelExecTimeout);
  p.integrated = a(cudaDevAttrIntegrated);
  p.canMapHostMemory = a(cudaDevAttrCanMapHostMemory);
  p.computeMode = a(cudaDevAttrComputeMode);
  p.maxTexture1D = a(cudaDevAttrMaxTexture1DWidth);
  p.maxTexture1DMipmap = a(cudaDevAttrMaxTexture1DMipmappedWidth);
  p.maxTexture1DLinear = a(cudaDevAttrMaxTexture1DLinearWidth);
  p.maxTexture2D[0] = a(cudaDevAttrMaxTexture2DWidth);
  p.maxTexture2D[1] = a(cudaDevAttrMaxTexture2DHeight);
  p.maxTexture2DMipmap[0] = a(cudaDevAttrMaxTexture2DMipmappedWidth);
  p.maxTexture2DMipmap[1] = a(cudaDevAttrMaxTexture2DMipmappedHeight);
  p.maxTexture2DLinear[0] = a(cudaDevAttrMaxTexture2DLinearWidth);
  p.maxTexture2DLinear[1] = a(cudaDevAttrMaxTexture2DLinearHeight);
  p.maxTexture2DLinear[2] = a(cudaDevAttrMaxTexture2DLinearPitch);
  p.maxTexture2DGather[0] = a(cudaDevAttrMaxTexture2DGatherWidth);
  p.maxTexture2DGather[1] = a(cudaDevAttrMaxTexture2DGatherHeight);
  p.maxTexture3D[0] = a(cudaDevAttrMaxTexture3DWidth);
  p.maxTexture3D[1] = a(cudaDevAttrMaxTexture3DHeight);
  p.maxTexture3D[2] = a(cudaDevAttrMaxTexture3DDepth);
  p.maxTexture3DAlt[0] = a(cudaDevAttrMaxTexture3DWidthAlt);
  p.maxTexture3DAlt[1] = a(cudaDevAttrMaxTexture3DHeightAlt);
  p.maxTexture3DAlt[2] = a(cudaDevAttrMaxTexture3DDepthAlt);
  p.maxTextureCubemap = a(cudaDevAttrMaxTextureCubemapWidth);
  p.maxTexture1DLayered[0] = a(cudaDevAttrMaxTexture1DLayeredWidth);
  p.maxTexture1DLayered[1] = a(cudaDevAttrMaxTexture1DLayeredLayers);
  p.maxTexture2DLayered[0] = a(cudaDevAttrMaxTexture2DLayeredWidth);
  p.maxTexture2DLayered[1] = a(cudaDevAttrMaxTexture2DLayeredHeight);
  p.maxTexture2DLayered[2] = a(cudaDevAttrMaxTexture2DLayeredLayers);
  p.maxTextureCubemapLayered[0] = a(cudaDevAttrMaxTextureCubemapLayeredWidth);
  p.maxTextureCubemapLayered[1] = a(cudaDevAttrMaxTextureCubemapLayeredLayers);
  p.maxSurface1D = a(cudaDevAttrMaxSurface1DWidth);
  p.maxSurface2D[0] = a(cudaDevAttrMaxSurface2DWidth);
  p.maxSurface2D[1] = a(cudaDevAttrMaxSurface2DHeight);
  p.maxSurface3D[0] = a(cudaDevAttrMaxSurface3DWidth);
  p.maxSurface3D[1] = a(cudaDevAttrMaxSurface3DHeight);
  p.maxSurface3D[2] = a(cudaDevAttrMaxSurface3DDepth);
  p.maxSurface1DLayered[0] = a(cudaDevAttrMaxSurface1DLayeredWidth);
  p.maxSurface1DLayered[1] = a(cudaDevAttrMaxSurface1DLayeredLayers);
  p.maxSurface2DLayered[0] = a(cudaDevAttrMaxSurface2DLayeredWidth);
  p.maxSurface2DLayered[1] = a(cudaDevAttrMaxSurface2DLayeredHeight);
  p.maxSurface2DLayered[2] = a(cudaDevAttrMaxSurface2DLayeredLayers);
  p.maxSurfaceCubemap = a(cudaDevAttrMaxSurfaceCubemapWidth);
  p.maxSurfaceCubemapLayered[0] = a(cudaDevAttrMaxSurfaceCubemapLayeredWidth);
  p.maxSurfaceCubemapLayered[1] = a(cudaDevAttrMaxSurfaceCubemapLayeredLayers);
  p.surfaceAlignment = a(cudaDevAttrSurfaceAlignment);
  p.concurrentKernels = a(cudaDevAttrConcurrentKernels);
  p.ECCEnabled = a(cudaDevAttrEccEnabled);
  p.pciBusID = a(cudaDevAttrPciBusId);
  p.pciDeviceID = a(cudaDevAttrPciDeviceId);
  p.pciDomainID = a(cudaDevAttrPciDomainId);
  p.tccDriver = a(cudaDevAttrTccDriver);
  p.asyncEngineCount = a(cudaDevAttrAsyncEngineCount);
  p.unifiedAddressing = a(cudaDevAttrUnifiedAddressing);
  p.memoryClockRate = a(cudaDevAttrMemoryClockRate);
  p.memoryBusWidth = a(cudaDevAttrGlobalMemoryBusWidth);
  p.l2CacheSize = a(cudaDevAttrL2CacheSize);
  p.persistingL2CacheMaxSize = a(cudaDevAttrMaxPersistingL2CacheSize);
  p.maxThreadsPerMultiProcessor = a(cudaDevAttrMaxThreadsPerMultiProcessor);
  p.streamPrioritiesSupported = a(cudaDevAttrStreamPrioritiesSupported);
  p.globalL1CacheSupported = a(cudaDevAttrGlobalL1CacheSupported);
  p.localL1CacheSupported = a(cudaDevAttrLocalL1CacheSupported);
  p.sharedMemPerMultiprocessor = a(cudaDevAttrMaxSharedMemoryPerMultiprocessor);
  p.regsPerMultiprocessor = a(cudaDevAttrMaxRegistersPerMultiprocessor);
  p.managedMemory = a(cudaDevAttrManagedMemory);
  p.isMultiGpuBoard = a(cudaDevAttrIsMultiGpuBoard);
  p.multiGpuBoardGroupID = a(cudaDevAttrMultiGpuBoardGroupID);
  p.hostNativeAtomicSupported = a(cudaDevAttrHostNativeAtomicSupported);
  p.singleToDoublePrecisionPerfRatio =
      a(cudaDevAttrSingleToDoublePrecisionPerfRatio);
  p.pageableMemoryAccess = a(cudaDevAttrPageableMemoryAccess);
  p.concurrentManagedAccess = a(cudaDevAttrConcurrentManagedAccess);
  p.computePreemptionSupported = a(cudaDevAttrComputePreemptionSupported);
  p.canUseHostPointerForRegisteredMem =
      a(cudaDevAttrCanUseHostPointerForRegisteredMem);
  p.cooperativeLaunch = a(cudaDevAttrCooperativeLaunch);
  p.cooperativeMultiDeviceLaunch = a(cudaDevAttrCooperativeMultiDeviceLaunch);
  p.sharedMemPerBlockOptin = a(cudaDevAttrMaxSharedMemoryPerBlockOptin);
  p.pageableMemoryAccessUsesHostPageTables =
      a(cudaDevAttrPageableMemoryAccessUsesHostPageTables);
  p.directManagedMemAccessFromHost =
      a(cudaDevAttrDirectManagedMemAccessFromHost);
  p.maxBlocksPerMultiProcessor = a(cudaDevAttrMaxBlocksPerMultiprocessor);
  p.accessPolicyMaxWindowSize = a(cudaDevAttrMaxAccessPolicyWindowSize);
  p.reservedSharedMemPerBlock = a(cudaDevAttrReservedSharedMemoryPerBlock);
  p.hostRegisterSupported = a(cudaDevAttrHostRegisterSupported);
  p.sparseCudaArraySupported = a(cudaDevAttrSparseCudaArraySupported);
  p.hostRegisterReadOnlySupported = a(cudaDevAttrHostRegisterReadOnlySupported);
  p.timelineSemaphoreInteropSupported =
      a(cudaDevAttrTimelineSemaphoreInteropSupported);
  p.memoryPoolsSupported = a(cudaDevAttrMemoryPoolsSupported);
  p.gpuDirectRDMASupported = a(cudaDevAttrGPUDirectRDMASupported);
  p.gpuDirectRDMAFlushWritesOptions =
      a(cudaDevAttrGPUDirectRDMAFlushWritesOptions);
  p.gpuDirectRDMAWritesOrdering = a(cudaDevAttrGPUDirectRDMAWritesOrdering);
  p.memoryPoolSupportedHandleTypes =
      a(cudaDevAttrMemoryPoolSupportedHandleTypes);
  p.deferredMappingCudaArraySupported =
      a(cudaDevAttrDeferredMappingCudaArraySupported);
  p.ipcEventSupported = a(cudaDevAttrIpcEventSupport);
  p.clusterLaunch = a(cudaDevAttrClusterLaunch);
  *prop = p;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaMemGetInfo(size_t *free, size_t *total) {
  *free = rt::freeMemoryBytes();
  *total = rt::totalMemoryBytes();
  return absl::OkStatus();
}
