/*===- cuda_runtime.h - the CUDA runtime API and device built-ins ---------===*
 * Written for Lingqu. lqcc includes this header implicitly in every .cu file,
 * as nvcc does, so user code may include it or not.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_CUDA_RUNTIME_H
#define LINGQU_CUDA_RUNTIME_H

#include "lingqu_cuda_defines.h"
#include "vector_types.h"
#include "vector_functions.h"
#include "driver_types.h"
#include "driver_functions.h"
#include "cuda_runtime_api.h"
#include "channel_descriptor.h"

#if defined(__cplusplus)
/* Typed overloads of the C API, as CUDA's C++ API offers them: pointers of
 * any type, and symbols named by the variable itself. */
template <typename T>
static __inline__ __host__ cudaError_t cudaMalloc(T **devPtr, size_t size) {
  return ::cudaMalloc((void **)(void *)devPtr, size);
}
template <typename T>
static __inline__ __host__ cudaError_t cudaMallocHost(T **ptr, size_t size,
                                                      unsigned int flags = 0) {
  return ::cudaHostAlloc((void **)(void *)ptr, size, flags);
}
template <typename T>
static __inline__ __host__ cudaError_t cudaHostAlloc(T **ptr, size_t size,
                                                     unsigned int flags) {
  return ::cudaHostAlloc((void **)(void *)ptr, size, flags);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaHostGetDevicePointer(T **pDevice, void *pHost, unsigned int flags) {
  return ::cudaHostGetDevicePointer((void **)(void *)pDevice, pHost, flags);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaMallocManaged(T **devPtr, size_t size,
                  unsigned int flags = cudaMemAttachGlobal) {
  return ::cudaMallocManaged((void **)(void *)devPtr, size, flags);
}
template <typename T>
static __inline__ __host__ cudaError_t cudaMallocPitch(T **devPtr,
                                                       size_t *pitch,
                                                       size_t width,
                                                       size_t height) {
  return ::cudaMallocPitch((void **)(void *)devPtr, pitch, width, height);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaMemcpyToSymbol(const T &symbol, const void *src, size_t count,
                   size_t offset = 0,
                   enum cudaMemcpyKind kind = cudaMemcpyHostToDevice) {
  return ::cudaMemcpyToSymbol((const void *)&symbol, src, count, offset, kind);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaMemcpyToSymbolAsync(const T &symbol, const void *src, size_t count,
                        size_t offset = 0,
                        enum cudaMemcpyKind kind = cudaMemcpyHostToDevice,
                        cudaStream_t stream = 0) {
  return ::cudaMemcpyToSymbolAsync((const void *)&symbol, src, count, offset,
                                   kind, stream);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaMemcpyFromSymbol(void *dst, const T &symbol, size_t count,
                     size_t offset = 0,
                     enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost) {
  return ::cudaMemcpyFromSymbol(dst, (const void *)&symbol, count, offset,
                                kind);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaMemcpyFromSymbolAsync(void *dst, const T &symbol, size_t count,
                          size_t offset = 0,
                          enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost,
                          cudaStream_t stream = 0) {
  return ::cudaMemcpyFromSymbolAsync(dst, (const void *)&symbol, count, offset,
                                     kind, stream);
}
template <typename T>
static __inline__ __host__ cudaError_t cudaGetSymbolAddress(void **devPtr,
                                                            const T &symbol) {
  return ::cudaGetSymbolAddress(devPtr, (const void *)&symbol);
}
template <typename T>
static __inline__ __host__ cudaError_t cudaGetSymbolSize(size_t *size,
                                                         const T &symbol) {
  return ::cudaGetSymbolSize(size, (const void *)&symbol);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaStreamAttachMemAsync(cudaStream_t stream, T *devPtr, size_t length = 0,
                         unsigned int flags = cudaMemAttachSingle) {
  return ::cudaStreamAttachMemAsync(stream, (void *)devPtr, length, flags);
}
static __inline__ __host__ cudaError_t cudaEventCreate(cudaEvent_t *event,
                                                       unsigned int flags) {
  return ::cudaEventCreateWithFlags(event, flags);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaFuncGetAttributes(struct cudaFuncAttributes *attr, T *entry) {
  return ::cudaFuncGetAttributes(attr, (const void *)entry);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaFuncSetAttribute(T *entry, enum cudaFuncAttribute attr, int value) {
  return ::cudaFuncSetAttribute((const void *)entry, attr, value);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaFuncSetCacheConfig(T *func, enum cudaFuncCache cacheConfig) {
  return ::cudaFuncSetCacheConfig((const void *)func, cacheConfig);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaOccupancyMaxActiveBlocksPerMultiprocessor(int *numBlocks, T func,
                                              int blockSize,
                                              size_t dynamicSMemSize) {
  return ::cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
      numBlocks, (const void *)func, blockSize, dynamicSMemSize,
      cudaOccupancyDefault);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
    int *numBlocks, T func, int blockSize, size_t dynamicSMemSize,
    unsigned int flags) {
  return ::cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
      numBlocks, (const void *)func, blockSize, dynamicSMemSize, flags);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaOccupancyAvailableDynamicSMemPerBlock(size_t *dynamicSmemSize, T func,
                                          int numBlocks, int blockSize) {
  return ::cudaOccupancyAvailableDynamicSMemPerBlock(
      dynamicSmemSize, (const void *)func, numBlocks, blockSize);
}
/* The block size with the most resident threads per multiprocessor, and
 * the grid that fills every multiprocessor with it. `blockSizeToSMem` gives
 * the dynamic shared memory a block size needs. */
template <typename UnaryFunction, typename T>
static __inline__ __host__ cudaError_t
cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
    int *minGridSize, int *blockSize, T func, UnaryFunction blockSizeToSMem,
    int blockSizeLimit = 0, unsigned int flags = 0) {
  if (!minGridSize || !blockSize || !func)
    return cudaErrorInvalidValue;
  int device = 0, processors = 0, maxThreads = 0;
  cudaError_t status;
  if ((status = ::cudaGetDevice(&device)) != cudaSuccess ||
      (status = ::cudaDeviceGetAttribute(
           &processors, cudaDevAttrMultiProcessorCount, device)) !=
          cudaSuccess)
    return status;
  struct cudaFuncAttributes attributes;
  if ((status = ::cudaFuncGetAttributes(&attributes, (const void *)func)) !=
      cudaSuccess)
    return status;
  maxThreads = attributes.maxThreadsPerBlock;
  if (blockSizeLimit > 0 && blockSizeLimit < maxThreads)
    maxThreads = blockSizeLimit;
  int bestSize = 0, bestThreads = 0, bestBlocks = 0;
  for (int size = maxThreads; size > 0; size -= 32) {
    int blocks = 0;
    status = ::cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
        &blocks, (const void *)func, size, blockSizeToSMem(size), flags);
    if (status != cudaSuccess)
      return status;
    if (blocks * size > bestThreads) {
      bestThreads = blocks * size;
      bestSize = size;
      bestBlocks = blocks;
    }
  }
  *blockSize = bestSize;
  *minGridSize = bestBlocks * processors;
  return cudaSuccess;
}
template <typename UnaryFunction, typename T>
static __inline__ __host__ cudaError_t
cudaOccupancyMaxPotentialBlockSizeVariableSMem(int *minGridSize,
                                               int *blockSize, T func,
                                               UnaryFunction blockSizeToSMem,
                                               int blockSizeLimit = 0) {
  return cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
      minGridSize, blockSize, func, blockSizeToSMem, blockSizeLimit, 0);
}
namespace lingqu_detail {
struct ConstantSMem {
  size_t bytes;
  size_t operator()(int) const { return bytes; }
};
} // namespace lingqu_detail
template <typename T>
static __inline__ __host__ cudaError_t cudaOccupancyMaxPotentialBlockSize(
    int *minGridSize, int *blockSize, T func, size_t dynamicSMemSize = 0,
    int blockSizeLimit = 0) {
  return cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
      minGridSize, blockSize, func,
      lingqu_detail::ConstantSMem{dynamicSMemSize}, blockSizeLimit, 0);
}
template <typename T>
static __inline__ __host__ cudaError_t cudaOccupancyMaxPotentialBlockSizeWithFlags(
    int *minGridSize, int *blockSize, T func, size_t dynamicSMemSize = 0,
    int blockSizeLimit = 0, unsigned int flags = 0) {
  return cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
      minGridSize, blockSize, func,
      lingqu_detail::ConstantSMem{dynamicSMemSize}, blockSizeLimit, flags);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaLaunchKernel(T *func, dim3 gridDim, dim3 blockDim, void **args,
                 size_t sharedMem = 0, cudaStream_t stream = 0) {
  return ::cudaLaunchKernel((const void *)func, gridDim, blockDim, args,
                            sharedMem, stream);
}
/* A launch with attributes, the arguments passed as the kernel takes them. */
template <typename... ExpTypes, typename... ActTypes>
static __inline__ __host__ cudaError_t
cudaLaunchKernelEx(const cudaLaunchConfig_t *config,
                   void (*kernel)(ExpTypes...), ActTypes &&...args) {
  return [&](ExpTypes... coerced) {
    void *pArgs[] = {&coerced..., nullptr};
    return ::cudaLaunchKernelExC(config, (const void *)kernel, pArgs);
  }(static_cast<ActTypes &&>(args)...);
}
template <typename T>
static __inline__ __host__ cudaError_t
cudaLaunchCooperativeKernel(T *func, dim3 gridDim, dim3 blockDim, void **args,
                            size_t sharedMem = 0, cudaStream_t stream = 0) {
  return ::cudaLaunchCooperativeKernel((const void *)func, gridDim, blockDim,
                                       args, sharedMem, stream);
}
#endif

#if defined(__CUDA__)
#ifndef __CUDACC__
#define __CUDACC__
#endif

/* Device-side malloc and free (libc's, on a CPU device). Declared before any
 * C++ header: Clang's <new> wrapper calls them from device code. */
#include <stdlib.h>
extern "C" {
__device__ void *malloc(size_t) __attribute__((nothrow)) __attribute__((malloc));
__device__ void free(void *) __attribute__((nothrow));
/* Clang packs the arguments into a buffer and calls vprintf(format, buffer);
 * lqcc binds that to the runtime's __lingqu_vprintf. */
__device__ int printf(const char *, ...);
}

/* threadIdx, blockIdx, blockDim, gridDim and warpSize come from Clang's own
 * built-in variable header; their conversions are defined here. */
#include <__clang_cuda_builtin_vars.h>

#define LINGQU_BUILTIN_CONVERSIONS(T)                                          \
  __device__ inline T::operator dim3() const { return dim3(x, y, z); }         \
  __device__ inline T::operator uint3() const { return uint3{x, y, z}; }
LINGQU_BUILTIN_CONVERSIONS(__cuda_builtin_threadIdx_t)
LINGQU_BUILTIN_CONVERSIONS(__cuda_builtin_blockIdx_t)
LINGQU_BUILTIN_CONVERSIONS(__cuda_builtin_blockDim_t)
LINGQU_BUILTIN_CONVERSIONS(__cuda_builtin_gridDim_t)
#undef LINGQU_BUILTIN_CONVERSIONS

#include "lingqu_device_assert.h"
#include "lingqu_device_atomics.h"
#include "lingqu_device_math.h"
#include "lingqu_device_memory.h"
#include "lingqu_device_minmax.h"
#include "lingqu_device_rounding.h"
#include "lingqu_device_simd.h"
#include "lingqu_device_sync.h"
#include "lingqu_device_warp.h"
#include "lingqu_texture.h"

/* The <<<...>>> syntax lowers to this call (CUDA 9.2+ launch ABI). */
extern "C" unsigned __cudaPushCallConfiguration(dim3 gridDim, dim3 blockDim,
                                                size_t sharedMem = 0,
                                                void *stream = 0);

#endif /* __CUDA__ */

#endif /* LINGQU_CUDA_RUNTIME_H */
