//===- CudartFunctions.cpp - Kernel attributes and occupancy --------------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#define LINGQU_CUDA_TYPES_ONLY 1
#include "cuda.h" // CUfunction_attribute, which the core numbers by

#include "core/KernelQueries.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

namespace {
/// The kernel behind a host stub (cudaErrorInvalidDeviceFunction if none).
absl::StatusOr<rt::ResolvedKernel> kernelOf(const void *func) {
  return runtime().registry().resolveKernel(func);
}
} // namespace

absl::Status cudart::impl::cudaFuncGetAttributes(struct cudaFuncAttributes *attr,
                                                 const void *func) {
  absl::StatusOr<rt::ResolvedKernel> k = kernelOf(func);
  if (!k.ok())
    return k.status();
  auto get = [&](int a) { return *rt::kernelAttribute(runtime(), *k, a); };
  cudaFuncAttributes out{};
  out.sharedSizeBytes = get(CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES);
  out.constSizeBytes = get(CU_FUNC_ATTRIBUTE_CONST_SIZE_BYTES);
  out.localSizeBytes = get(CU_FUNC_ATTRIBUTE_LOCAL_SIZE_BYTES);
  out.maxThreadsPerBlock = get(CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK);
  out.numRegs = get(CU_FUNC_ATTRIBUTE_NUM_REGS);
  out.ptxVersion = get(CU_FUNC_ATTRIBUTE_PTX_VERSION);
  out.binaryVersion = get(CU_FUNC_ATTRIBUTE_BINARY_VERSION);
  out.cacheModeCA = get(CU_FUNC_ATTRIBUTE_CACHE_MODE_CA);
  out.maxDynamicSharedSizeBytes =
      get(CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES);
  out.preferredShmemCarveout =
      get(CU_FUNC_ATTRIBUTE_PREFERRED_SHARED_MEMORY_CARVEOUT);
  *attr = out;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaFuncSetAttribute(const void *func,
                                                enum cudaFuncAttribute attr,
                                                int value) {
  absl::StatusOr<rt::ResolvedKernel> k = kernelOf(func);
  if (!k.ok())
    return k.status();
  return rt::setKernelAttribute(runtime(), *k, attr, value);
}

absl::Status cudart::impl::cudaFuncSetCacheConfig(const void *func,
                                                  enum cudaFuncCache cacheConfig) {
  absl::StatusOr<rt::ResolvedKernel> k = kernelOf(func);
  if (!k.ok())
    return k.status();
  rt::KernelSettings settings = runtime().kernelSettings(k->info);
  settings.cacheConfig = cacheConfig;
  runtime().setKernelSettings(k->info, settings);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaFuncGetName(const char **name,
                                           const void *func) {
  absl::StatusOr<rt::ResolvedKernel> k = kernelOf(func);
  if (!k.ok())
    return k.status();
  *name = runtime().registry().kernelName(func);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaFuncGetParamInfo(const void *func,
                                                size_t paramIndex,
                                                size_t *paramOffset,
                                                size_t *paramSize) {
  absl::StatusOr<rt::ResolvedKernel> k = kernelOf(func);
  if (!k.ok())
    return k.status();
  return rt::parameterLayout(*k->info, paramIndex, paramOffset,
                             paramSize);
}

absl::Status cudart::impl::cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
    int *numBlocks, const void *func, int blockSize, size_t dynamicSMemSize,
    unsigned int flags) {
  absl::StatusOr<rt::ResolvedKernel> k = kernelOf(func);
  if (!k.ok())
    return k.status();
  absl::StatusOr<int> blocks =
      rt::occupancyBlocksPerCore(runtime(), *k, blockSize, dynamicSMemSize);
  if (!blocks.ok())
    return blocks.status();
  *numBlocks = *blocks;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaOccupancyMaxActiveBlocksPerMultiprocessor(
    int *numBlocks, const void *func, int blockSize, size_t dynamicSMemSize) {
  return impl::cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
      numBlocks, func, blockSize, dynamicSMemSize, cudaOccupancyDefault);
}

absl::Status cudart::impl::cudaOccupancyAvailableDynamicSMemPerBlock(
    size_t *dynamicSmemSize, const void *func, int numBlocks, int blockSize) {
  absl::StatusOr<rt::ResolvedKernel> k = kernelOf(func);
  if (!k.ok())
    return k.status();
  *dynamicSmemSize = rt::availableDynamicShared(*k, numBlocks, blockSize);
  return absl::OkStatus();
}
