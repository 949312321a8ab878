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

#include "lingqu_device_atomics.h"
#include "lingqu_device_sync.h"
#include "lingqu_device_warp.h"

/* The <<<...>>> syntax lowers to this call (CUDA 9.2+ launch ABI). */
extern "C" unsigned __cudaPushCallConfiguration(dim3 gridDim, dim3 blockDim,
                                                size_t sharedMem = 0,
                                                void *stream = 0);

#if defined(__cplusplus)
template <typename T>
static __inline__ __host__ cudaError_t
cudaLaunchCooperativeKernel(T *func, dim3 gridDim, dim3 blockDim, void **args,
                            size_t sharedMem = 0, cudaStream_t stream = 0) {
  return ::cudaLaunchCooperativeKernel((const void *)func, gridDim, blockDim,
                                       args, sharedMem, stream);
}
/* cudaLaunchKernel for a typed kernel pointer, as CUDA's C++ API offers. */
template <typename T>
static __inline__ __host__ cudaError_t
cudaLaunchKernel(T *func, dim3 gridDim, dim3 blockDim, void **args,
                 size_t sharedMem = 0, cudaStream_t stream = 0) {
  return ::cudaLaunchKernel((const void *)func, gridDim, blockDim, args,
                            sharedMem, stream);
}
#endif
#endif /* __CUDA__ */

#endif /* LINGQU_CUDA_RUNTIME_H */
