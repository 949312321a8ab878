//===- DeviceAttributes.cpp - What a device reports about itself ----------===//

#include "core/DeviceAttributes.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <thread>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "core/Runtime.h"
#include "core/Status.h"

namespace lingqu::rt {

namespace {
/// The first "<key> : value" line of /proc/cpuinfo, or "".
std::string cpuInfo(const char *key) {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (!absl::StartsWith(line, key))
      continue;
    size_t colon = line.find(':');
    if (colon != std::string::npos)
      return std::string(absl::StripAsciiWhitespace(line.substr(colon + 1)));
  }
  return "";
}

int cores() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : int(n);
}

int clockKHz() {
  double mhz = 0;
  std::string text = cpuInfo("cpu MHz");
  if (text.empty() || std::sscanf(text.c_str(), "%lf", &mhz) != 1)
    return 1000000; // unknown: report 1 GHz rather than 0
  return int(mhz * 1000);
}

int l2Bytes() {
  long bytes = sysconf(_SC_LEVEL2_CACHE_SIZE);
  return bytes > 0 ? int(bytes) : 0;
}
} // namespace

std::string deviceName(Runtime &rt, int ordinal) {
  if (rt.checkDevice(ordinal).ok())
    if (std::optional<std::string> name = rt.device(ordinal).reportedName())
      return *name;
  std::string model = cpuInfo("model name");
  if (model.empty())
    return absl::StrCat("Lingqu CPU ", ordinal);
  return absl::StrCat("Lingqu CPU ", ordinal, " (", model, ")");
}

size_t totalMemoryBytes() {
  return size_t(sysconf(_SC_PHYS_PAGES)) * size_t(sysconf(_SC_PAGESIZE));
}

size_t freeMemoryBytes() {
  // MemAvailable counts reclaimable cache, which an allocation may use.
  std::ifstream in("/proc/meminfo");
  std::string key;
  size_t kib = 0;
  std::string unit;
  while (in >> key >> kib >> unit)
    if (key == "MemAvailable:")
      return kib * 1024;
  return size_t(sysconf(_SC_AVPHYS_PAGES)) * size_t(sysconf(_SC_PAGESIZE));
}

void deviceUuid(int ordinal, char bytes[16]) {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  size_t a = absl::HashOf(std::string(host), ordinal, 0x4c51);
  size_t b = absl::HashOf(ordinal, std::string(host), 0x7563);
  std::memcpy(bytes, &a, 8);
  std::memcpy(bytes + 8, &b, 8);
}

std::string pciBusId(int ordinal) {
  return absl::StrFormat("0000:%02x:00.0", ordinal + 1);
}

absl::StatusOr<int> deviceByPciBusId(Runtime &rt, const char *id) {
  unsigned domain = 0, bus = 0, slot = 0;
  if (std::sscanf(id, "%x:%x:%x", &domain, &bus, &slot) != 3 || domain != 0 ||
      slot != 0 || bus == 0 || int(bus) > rt.deviceCount())
    return makeError(cudaErrorInvalidDevice,
                     absl::StrCat("no device at PCI bus id ", id));
  return int(bus) - 1;
}

namespace {
/// What the core reports of a CPU device.
absl::StatusOr<int> hostAttribute(Runtime &rt, int attribute, int ordinal) {
  const DeviceLimits &limits = rt.device(ordinal).limits();
  switch (attribute) {
  // Launch shape: what CUDA code sizes its grids by.
  case cudaDevAttrMaxThreadsPerBlock:
    return int(limits.maxThreadsPerBlock);
  case cudaDevAttrMaxBlockDimX:
    return int(limits.maxBlockDim.x);
  case cudaDevAttrMaxBlockDimY:
    return int(limits.maxBlockDim.y);
  case cudaDevAttrMaxBlockDimZ:
    return int(limits.maxBlockDim.z);
  case cudaDevAttrMaxGridDimX:
    return int(limits.maxGridDim.x);
  case cudaDevAttrMaxGridDimY:
    return int(limits.maxGridDim.y);
  case cudaDevAttrMaxGridDimZ:
    return int(limits.maxGridDim.z);
  case cudaDevAttrMaxSharedMemoryPerBlock:
    return int(limits.maxSharedBytesPerBlock);
  case cudaDevAttrMaxSharedMemoryPerBlockOptin:
    return int(kMaxSharedBytesOptIn);
  case cudaDevAttrMaxSharedMemoryPerMultiprocessor:
    return int(kMaxSharedBytesOptIn + 1024);
  case cudaDevAttrReservedSharedMemoryPerBlock:
    return 0;
  case cudaDevAttrWarpSize:
    return 32;
  case cudaDevAttrTotalConstantMemory:
    return 64 * 1024;
  case cudaDevAttrMaxRegistersPerBlock:
  case cudaDevAttrMaxRegistersPerMultiprocessor:
    return 65536;
  case cudaDevAttrMaxThreadsPerMultiProcessor:
    return 2048;
  case cudaDevAttrMaxBlocksPerMultiprocessor:
    return 32;
  case cudaDevAttrComputeCapabilityMajor:
    return kComputeMajor;
  case cudaDevAttrComputeCapabilityMinor:
    return kComputeMinor;
  // The machine.
  case cudaDevAttrMultiProcessorCount:
    return cores();
  case cudaDevAttrClockRate:
    return clockKHz();
  case cudaDevAttrL2CacheSize:
    return l2Bytes();
  case cudaDevAttrMemoryClockRate:
  case cudaDevAttrGlobalMemoryBusWidth:
    return 0; // not known for host memory
  case cudaDevAttrIntegrated:
    return 1; // device memory is the host's
  case cudaDevAttrPciBusId:
    return ordinal + 1;
  case cudaDevAttrPciDeviceId:
  case cudaDevAttrPciDomainId:
  case cudaDevAttrGpuPciDeviceId:
  case cudaDevAttrGpuPciSubsystemId:
    return 0;
  // What the runtime supports.
  case cudaDevAttrGpuOverlap:
  case cudaDevAttrCanMapHostMemory:
  case cudaDevAttrConcurrentKernels:
  case cudaDevAttrUnifiedAddressing:
  case cudaDevAttrStreamPrioritiesSupported:
  case cudaDevAttrGlobalL1CacheSupported:
  case cudaDevAttrLocalL1CacheSupported:
  case cudaDevAttrManagedMemory:
  case cudaDevAttrHostNativeAtomicSupported:
  case cudaDevAttrPageableMemoryAccess:
  case cudaDevAttrConcurrentManagedAccess:
  case cudaDevAttrCanUseHostPointerForRegisteredMem:
  case cudaDevAttrCooperativeLaunch:
  case cudaDevAttrHostRegisterSupported:
  case cudaDevAttrPageableMemoryAccessUsesHostPageTables:
  case cudaDevAttrDirectManagedMemAccessFromHost:
  case cudaDevAttrHostRegisterReadOnlySupported:
  case cudaDevAttrMemSyncDomainCount:
  case cudaDevAttrMemoryPoolsSupported:
    return 1;
  case cudaDevAttrAsyncEngineCount:
    return 2;
  case cudaDevAttrSingleToDoublePrecisionPerfRatio:
    return 2;
  case cudaDevAttrMaxPitch:
    return 0x7fffffff;
  case cudaDevAttrTextureAlignment:
  case cudaDevAttrSurfaceAlignment:
    return 512;
  case cudaDevAttrTexturePitchAlignment:
    return 32;
  case cudaDevAttrNumaId:
  case cudaDevAttrHostNumaId:
    return -1;
  // Texture and surface extents, as sm_80 reports them.
  case cudaDevAttrMaxTexture1DWidth:
  case cudaDevAttrMaxTexture2DWidth:
  case cudaDevAttrMaxTexture2DMipmappedWidth:
    return 131072;
  case cudaDevAttrMaxTexture2DHeight:
  case cudaDevAttrMaxTexture2DMipmappedHeight:
  case cudaDevAttrMaxTexture2DLinearHeight:
  case cudaDevAttrMaxSurface2DHeight:
  case cudaDevAttrMaxSurface2DWidth:
  case cudaDevAttrMaxSurface3DWidth:
  case cudaDevAttrMaxSurface3DHeight:
    return 65536;
  case cudaDevAttrMaxTexture3DWidth:
  case cudaDevAttrMaxTexture3DHeight:
  case cudaDevAttrMaxTexture3DDepth:
  case cudaDevAttrMaxTexture1DMipmappedWidth:
  case cudaDevAttrMaxSurface3DDepth:
    return 16384;
  case cudaDevAttrMaxTexture3DWidthAlt:
  case cudaDevAttrMaxTexture3DHeightAlt:
    return 8192;
  case cudaDevAttrMaxTexture3DDepthAlt:
  case cudaDevAttrMaxTexture2DLayeredWidth:
  case cudaDevAttrMaxTexture2DLayeredHeight:
  case cudaDevAttrMaxTexture1DLayeredWidth:
  case cudaDevAttrMaxTexture2DGatherWidth:
  case cudaDevAttrMaxTexture2DGatherHeight:
  case cudaDevAttrMaxTextureCubemapWidth:
  case cudaDevAttrMaxTextureCubemapLayeredWidth:
  case cudaDevAttrMaxSurface1DWidth:
  case cudaDevAttrMaxSurface1DLayeredWidth:
  case cudaDevAttrMaxSurface2DLayeredWidth:
  case cudaDevAttrMaxSurface2DLayeredHeight:
  case cudaDevAttrMaxSurfaceCubemapWidth:
  case cudaDevAttrMaxSurfaceCubemapLayeredWidth:
    return 32768;
  case cudaDevAttrMaxTexture2DLayeredLayers:
  case cudaDevAttrMaxTexture1DLayeredLayers:
  case cudaDevAttrMaxSurface1DLayeredLayers:
  case cudaDevAttrMaxSurface2DLayeredLayers:
    return 2048;
  case cudaDevAttrMaxTextureCubemapLayeredLayers:
  case cudaDevAttrMaxSurfaceCubemapLayeredLayers:
    return 2046;
  case cudaDevAttrMaxTexture1DLinearWidth:
    return 1 << 28;
  case cudaDevAttrMaxTexture2DLinearWidth:
    return 131072;
  case cudaDevAttrMaxTexture2DLinearPitch:
    return 2097120;
  // What a CPU device does not have.
  case cudaDevAttrKernelExecTimeout:
  case cudaDevAttrComputeMode: // cudaComputeModeDefault
  case cudaDevAttrEccEnabled:
  case cudaDevAttrTccDriver:
  case cudaDevAttrIsMultiGpuBoard:
  case cudaDevAttrMultiGpuBoardGroupID:
  case cudaDevAttrComputePreemptionSupported:
  case cudaDevAttrCooperativeMultiDeviceLaunch:
  case cudaDevAttrCanFlushRemoteWrites:
  case cudaDevAttrMaxPersistingL2CacheSize:
  case cudaDevAttrMaxAccessPolicyWindowSize:
  case cudaDevAttrSparseCudaArraySupported:
  case cudaDevAttrTimelineSemaphoreInteropSupported:
  case cudaDevAttrGPUDirectRDMASupported:
  case cudaDevAttrGPUDirectRDMAFlushWritesOptions:
  case cudaDevAttrGPUDirectRDMAWritesOrdering:
  case cudaDevAttrMemoryPoolSupportedHandleTypes:
  case cudaDevAttrClusterLaunch:
  case cudaDevAttrDeferredMappingCudaArraySupported:
  case cudaDevAttrIpcEventSupport:
  case cudaDevAttrNumaConfig:
  case cudaDevAttrMpsEnabled:
  case cudaDevAttrD3D12CigSupported:
  case cudaDevAttrHostNumaMultinodeIpcSupported:
  case cudaDevAttrReserved92:
  case cudaDevAttrReserved93:
  case cudaDevAttrReserved94:
    return 0;
  default:
    return makeError(cudaErrorInvalidValue,
                     absl::StrCat("device attribute ", attribute,
                                  " is not a cudaDeviceAttr"));
  }
}
} // namespace

absl::StatusOr<int> deviceAttribute(Runtime &rt, int attribute, int ordinal) {
  if (absl::Status s = rt.checkDevice(ordinal); !s.ok())
    return s;
  absl::StatusOr<int> value = hostAttribute(rt, attribute, ordinal);
  // The table decides which attributes exist; a plugin, their values.
  if (value.ok())
    if (std::optional<int> own = rt.device(ordinal).reportedAttribute(attribute))
      return *own;
  return value;
}

} // namespace lingqu::rt
