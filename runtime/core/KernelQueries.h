//===- KernelQueries.h - Kernel attributes and occupancy --------*- C++ -*-===//
//
// cudaFuncGetAttributes / cuFuncGetAttribute, cudaFuncSetAttribute /
// cuFuncSetAttribute and the occupancy calculators, on a resolved kernel.
// The attribute numbers are CUfunction_attribute's, which cudaFuncAttribute
// shares from 8 on. A CPU block has no register file: numRegs is 0 and
// occupancy is limited by threads, blocks and shared memory per core.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_KERNELQUERIES_H
#define LINGQU_RUNTIME_CORE_KERNELQUERIES_H

#include <cstddef>

#include "absl/status/statusor.h"
#include "core/Registry.h"

namespace lingqu::rt {

class Runtime;

/// Settings a kernel keeps between launches.
struct KernelSettings {
  /// cudaFuncAttributeMaxDynamicSharedMemorySize; -1: not set (48 KiB minus
  /// the static part).
  int maxDynamicSharedBytes = -1;
  int preferredCarveout = -1;
  int cacheConfig = 0;
};

/// The alignment a parameter of `size` bytes gets when a kernel descriptor
/// has no alignments (hand-written test modules): the largest power of two
/// dividing the size, at most 16.
size_t parameterAlignment(size_t size);

/// Where parameter `index` of `info` starts in a packed buffer (at the
/// alignment the compiler recorded), and its size; cudaErrorInvalidValue
/// past the last parameter.
absl::Status parameterLayout(const lingqu_kernel_info &info, size_t index,
                             size_t *offset, size_t *size);

/// The largest dynamic shared memory a launch of `info` may ask for.
size_t maxDynamicShared(const lingqu_kernel_info &info,
                        const KernelSettings &settings);

/// The value of CUfunction_attribute `attribute`; cudaErrorInvalidValue for
/// an unknown one.
absl::StatusOr<int> kernelAttribute(Runtime &rt, const ResolvedKernel &kernel,
                                    int attribute);
/// Sets a settable attribute: the dynamic shared memory (up to the opt-in
/// maximum minus the static part) and the carveout (-1 ... 100); cluster
/// attributes are cudaErrorNotSupported (no clusters on sm_80).
absl::Status setKernelAttribute(Runtime &rt, const ResolvedKernel &kernel,
                                int attribute, int value);

/// Resident blocks of `blockSize` threads per multiprocessor (core).
absl::StatusOr<int> occupancyBlocksPerCore(Runtime &rt,
                                           const ResolvedKernel &kernel,
                                           int blockSize, size_t dynamicShared);
/// The dynamic shared memory each of `blocks` resident blocks may have.
size_t availableDynamicShared(const ResolvedKernel &kernel, int blocks,
                              int blockSize);

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_KERNELQUERIES_H
