/*===- cuda_runtime_api.h - the CUDA runtime API (C) ----------------------===*
 * Written for Lingqu. Declares the entry points Lingqu's libcudart.so exports.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_CUDA_RUNTIME_API_H
#define LINGQU_CUDA_RUNTIME_API_H

#include <stddef.h>

#include "driver_types.h"
#include "vector_types.h"

#define CUDART_VERSION 12080
#define __CUDART_API_VERSION CUDART_VERSION

#ifdef __cplusplus
extern "C" {
#endif

extern __host__ cudaError_t cudaMalloc(void **devPtr, size_t size);
extern __host__ cudaError_t cudaFree(void *devPtr);
extern __host__ cudaError_t cudaMemcpy(void *dst, const void *src, size_t count,
                                       enum cudaMemcpyKind kind);
extern __host__ cudaError_t cudaMemset(void *devPtr, int value, size_t count);
extern __host__ cudaError_t cudaDeviceSynchronize(void);
extern __host__ __device__ cudaError_t cudaGetLastError(void);
extern __host__ cudaError_t cudaPeekAtLastError(void);
extern __host__ __device__ const char *cudaGetErrorString(cudaError_t error);
extern __host__ __device__ const char *cudaGetErrorName(cudaError_t error);
extern __host__ cudaError_t cudaLaunchKernel(const void *func, dim3 gridDim,
                                             dim3 blockDim, void **args,
                                             size_t sharedMem,
                                             cudaStream_t stream);

extern __host__ cudaError_t
cudaLaunchCooperativeKernel(const void *func, dim3 gridDim, dim3 blockDim,
                            void **args, size_t sharedMem, cudaStream_t stream);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* LINGQU_CUDA_RUNTIME_API_H */
