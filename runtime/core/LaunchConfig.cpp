//===- LaunchConfig.cpp - Launch geometry and its validation --------------===//

#include "core/LaunchConfig.h"

#include "absl/strings/str_format.h"
#include "core/Status.h"
#include "lingqu/ABI/FatBinary.h"

using namespace lingqu::rt;

namespace {
bool exceeds(const Dim3 &value, const Dim3 &limit) {
  return value.x > limit.x || value.y > limit.y || value.z > limit.z;
}
bool hasZero(const Dim3 &value) {
  return value.x == 0 || value.y == 0 || value.z == 0;
}
} // namespace

absl::Status lingqu::rt::validateLaunchDims(const LaunchConfig &config,
                                            const DeviceLimits &limits) {
  const Dim3 &g = config.grid, &b = config.block;
  if (hasZero(b) || exceeds(b, limits.maxBlockDim) ||
      b.volume() > limits.maxThreadsPerBlock)
    return makeError(cudaErrorInvalidConfiguration,
                     absl::StrFormat("block (%u, %u, %u) is empty or over the "
                                     "limits (%u, %u, %u; %u threads)",
                                     b.x, b.y, b.z, limits.maxBlockDim.x,
                                     limits.maxBlockDim.y, limits.maxBlockDim.z,
                                     limits.maxThreadsPerBlock));
  if (hasZero(g) || exceeds(g, limits.maxGridDim))
    return makeError(cudaErrorInvalidConfiguration,
                     absl::StrFormat("grid (%u, %u, %u) is empty or over the "
                                     "limits (%u, %u, %u)",
                                     g.x, g.y, g.z, limits.maxGridDim.x,
                                     limits.maxGridDim.y, limits.maxGridDim.z));
  return absl::OkStatus();
}

absl::Status lingqu::rt::validateSharedMemory(uint32_t staticBytes,
                                              size_t dynamicBytes,
                                              const DeviceLimits &limits) {
  // The dynamic part starts at the static size rounded up (launch ABI).
  uint64_t staticPart = (uint64_t(staticBytes) + LINGQU_SHARED_ALIGN - 1) /
                        LINGQU_SHARED_ALIGN * LINGQU_SHARED_ALIGN;
  if (dynamicBytes > limits.maxSharedBytesPerBlock ||
      staticPart + dynamicBytes > limits.maxSharedBytesPerBlock)
    return makeError(cudaErrorInvalidValue,
                     absl::StrFormat("%u bytes of static and %u of dynamic "
                                     "shared memory exceed the %u-byte limit",
                                     staticBytes, dynamicBytes,
                                     limits.maxSharedBytesPerBlock));
  return absl::OkStatus();
}
