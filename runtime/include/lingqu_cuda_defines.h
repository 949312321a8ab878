/*===- lingqu_cuda_defines.h - CUDA execution-space keywords -------------===*
 * Lingqu's own definitions of the CUDA keywords as Clang attributes.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_CUDA_DEFINES_H
#define LINGQU_CUDA_DEFINES_H

#if defined(__CUDA__)
#define __host__ __attribute__((host))
#define __device__ __attribute__((device))
#define __global__ __attribute__((global))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
#define __managed__ __attribute__((managed))
#define __launch_bounds__(...) __attribute__((launch_bounds(__VA_ARGS__)))
#else
#define __host__
#define __device__
#define __global__
#define __shared__
#define __constant__
#define __managed__
#define __launch_bounds__(...)
#endif

#define __forceinline__ __inline__ __attribute__((always_inline))
#define __align__(n) __attribute__((aligned(n)))
#define __restrict__ __restrict
#define __device_builtin__
#define CUDARTAPI
#define __CUDA_ALIGN__(n) __attribute__((aligned(n)))

#endif /* LINGQU_CUDA_DEFINES_H */
