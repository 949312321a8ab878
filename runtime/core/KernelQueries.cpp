//===- KernelQueries.cpp - Kernel attributes and occupancy ----------------===//

#include "core/KernelQueries.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/DeviceAttributes.h"
#include "core/Runtime.h"
#include "core/Status.h"

namespace lingqu::rt {

namespace {
// CUfunction_attribute values (cuda.h); the core does not include it.
enum : int {
  kMaxThreadsPerBlock = 0,
  kSharedSizeBytes = 1,
  kConstSizeBytes = 2,
  kLocalSizeBytes = 3,
  kNumRegs = 4,
  kPtxVersion = 5,
  kBinaryVersion = 6,
  kCacheModeCA = 7,
  kMaxDynamicSharedSizeBytes = 8,
  kPreferredSharedMemoryCarveout = 9,
  kClusterSizeMustBeSet = 10,
  kRequiredClusterWidth = 11,
  kRequiredClusterHeight = 12,
  kRequiredClusterDepth = 13,
  kNonPortableClusterSizeAllowed = 14,
  kClusterSchedulingPolicyPreference = 15,
};

// What one core holds at once, as an sm_80 multiprocessor does.
constexpr int kThreadsPerCore = 2048, kBlocksPerCore = 32, kWarpSize = 32;
constexpr size_t kSharedPerCore = kMaxSharedBytesOptIn + 1024;

size_t staticShared(const ResolvedKernel &kernel) {
  return kernel.info->static_shared_bytes;
}
} // namespace

size_t parameterAlignment(size_t size) {
  size_t align = 1;
  while (align < 16 && size % (align * 2) == 0 && size != 0)
    align *= 2;
  return align;
}

absl::Status parameterLayout(const lingqu_kernel_info &info, size_t index,
                             size_t *offset, size_t *size) {
  if (index >= info.num_params)
    return makeError(cudaErrorInvalidValue,
                     absl::StrCat("parameter ", index, " of ",
                                  info.num_params));
  size_t at = 0;
  for (size_t i = 0;; ++i) {
    size_t bytes = info.param_sizes[i];
    size_t align = info.param_aligns ? info.param_aligns[i]
                                     : parameterAlignment(bytes);
    at = (at + align - 1) / align * align;
    if (i == index) {
      if (offset)
        *offset = at;
      if (size)
        *size = bytes;
      return absl::OkStatus();
    }
    at += bytes;
  }
}

size_t maxDynamicShared(const lingqu_kernel_info &info,
                        const KernelSettings &settings) {
  if (settings.maxDynamicSharedBytes >= 0)
    return size_t(settings.maxDynamicSharedBytes);
  size_t base = 48 * 1024;
  return info.static_shared_bytes >= base ? 0 : base - info.static_shared_bytes;
}

absl::StatusOr<int> kernelAttribute(Runtime &rt, const ResolvedKernel &kernel,
                                    int attribute) {
  KernelSettings settings = rt.kernelSettings(kernel.info);
  switch (attribute) {
  case kMaxThreadsPerBlock:
    return 1024;
  case kSharedSizeBytes:
    return int(staticShared(kernel));
  case kConstSizeBytes:
  case kLocalSizeBytes:
  case kNumRegs:
  case kCacheModeCA:
  case kClusterSizeMustBeSet:
  case kRequiredClusterWidth:
  case kRequiredClusterHeight:
  case kRequiredClusterDepth:
  case kNonPortableClusterSizeAllowed:
  case kClusterSchedulingPolicyPreference:
    return 0;
  case kPtxVersion:
  case kBinaryVersion:
    return kComputeMajor * 10 + kComputeMinor;
  case kMaxDynamicSharedSizeBytes:
    return int(maxDynamicShared(*kernel.info, settings));
  case kPreferredSharedMemoryCarveout:
    return settings.preferredCarveout;
  default:
    return makeError(cudaErrorInvalidValue,
                     absl::StrCat("function attribute ", attribute,
                                  " is not a CUfunction_attribute"));
  }
}

absl::Status setKernelAttribute(Runtime &rt, const ResolvedKernel &kernel,
                                int attribute, int value) {
  KernelSettings settings = rt.kernelSettings(kernel.info);
  switch (attribute) {
  case kMaxDynamicSharedSizeBytes:
    if (value < 0 || size_t(value) + staticShared(kernel) > kMaxSharedBytesOptIn)
      return makeError(cudaErrorInvalidValue,
                       absl::StrCat(value, " bytes of dynamic shared memory "
                                           "exceed the opt-in maximum of ",
                                    kMaxSharedBytesOptIn, " less ",
                                    staticShared(kernel), " static"));
    settings.maxDynamicSharedBytes = value;
    break;
  case kPreferredSharedMemoryCarveout:
    if (value < -1 || value > 100)
      return makeError(cudaErrorInvalidValue,
                       "a carveout is a percentage, or -1");
    settings.preferredCarveout = value;
    break;
  case kClusterSizeMustBeSet:
  case kRequiredClusterWidth:
  case kRequiredClusterHeight:
  case kRequiredClusterDepth:
  case kNonPortableClusterSizeAllowed:
  case kClusterSchedulingPolicyPreference:
    return makeError(cudaErrorNotSupported,
                     "thread block clusters need compute capability 9.0");
  default:
    return makeError(cudaErrorInvalidValue,
                     absl::StrCat("function attribute ", attribute,
                                  " cannot be set"));
  }
  rt.setKernelSettings(kernel.info, settings);
  return absl::OkStatus();
}

absl::StatusOr<int> occupancyBlocksPerCore(Runtime &rt,
                                           const ResolvedKernel &kernel,
                                           int blockSize,
                                           size_t dynamicShared) {
  if (blockSize <= 0 || blockSize > 1024)
    return makeError(cudaErrorInvalidValue,
                     absl::StrCat("block size ", blockSize));
  if (dynamicShared > maxDynamicShared(*kernel.info,
                                       rt.kernelSettings(kernel.info)))
    return 0;
  int warps = (blockSize + kWarpSize - 1) / kWarpSize;
  int blocks = std::min(kBlocksPerCore, kThreadsPerCore / (warps * kWarpSize));
  size_t shared = staticShared(kernel) + dynamicShared;
  if (shared > 0)
    blocks = std::min<size_t>(blocks, kSharedPerCore / shared);
  return blocks;
}

size_t availableDynamicShared(const ResolvedKernel &kernel, int blocks,
                              int blockSize) {
  if (blocks <= 0 || blockSize <= 0)
    return 0;
  size_t perBlock = std::min(kSharedPerCore / size_t(blocks),
                             kMaxSharedBytesOptIn);
  return perBlock > staticShared(kernel) ? perBlock - staticShared(kernel) : 0;
}

} // namespace lingqu::rt
