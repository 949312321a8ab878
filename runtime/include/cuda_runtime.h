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
#include "cuda_runtime_api.h"

#if defined(__cplusplus)
/* Typed overloads of the C API, as CUDA's C++ API offers them. */
template <typename T>
static __inline__ __host__ cudaError_t cudaMalloc(T **devPtr, size_t size) {
  return ::cudaMalloc((void **)(void *)devPtr, size);
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
