/*===- cuda_fp16.h - CUDA's half-precision type and intrinsics -------------===*
 * Written for Lingqu. __half is IEEE binary16 (1 sign, 5 exponent and 10
 * fraction bits) stored as its bits; __half2 is a pair, .x in the low 16
 * bits. There is no 16-bit arithmetic underneath: each operation gives its
 * exact result rounded once to nearest-even, as CUDA's instructions do
 * (lingqu_half_ops.h says how). Conversions round in integer arithmetic
 * (lingqu_half_common.h), so the host and the device agree to the bit; NaN
 * results are CUDA's canonical NaN, 0x7fff.
 *
 * Everything is __host__ __device__ except the warp shuffles, atomicAdd and
 * the cache-hinted loads and stores; CUDA has some conversions and the math
 * functions (__hfma, hsqrt, __half2int_rn, ...) on the device only.
 *
 * As in CUDA, __CUDA_NO_HALF_CONVERSIONS__ removes the implicit conversions
 * to and from the built-in types, and __CUDA_NO_HALF_OPERATORS__ and
 * __CUDA_NO_HALF2_OPERATORS__ the C++ operators.
 *===----------------------------------------------------------------------===*/
#ifndef __CUDA_FP16_H__
#define __CUDA_FP16_H__

#include "lingqu_half_common.h"

#if defined(__cplusplus)

#define __CUDA_FP16_TYPES_EXIST__

struct __nv_bfloat16; /* cuda_bf16.h converts between the two */

/* The class, its pair and the API: lingqu_half_types.h. */
#define LINGQU_T __half
#define LINGQU_T_NAME half
#define LINGQU_T_EBITS 5
#define LINGQU_T_MBITS 10
#define LINGQU_T_BITS_TO_FLOAT __lingqu_h16_fp16_to_float
#define LINGQU_T_OTHER __nv_bfloat16
#if defined(__CUDA_NO_HALF_CONVERSIONS__)
#define LINGQU_T_NO_CONVERSIONS
#endif
#if defined(__CUDA_NO_HALF_OPERATORS__)
#define LINGQU_T_NO_OPERATORS
#endif
#if defined(__CUDA_NO_HALF2_OPERATORS__)
#define LINGQU_T2_NO_OPERATORS
#endif
#include "lingqu_half_types.h"

typedef __half half;
typedef __half2 half2;
typedef __half __nv_half;
typedef __half2 __nv_half2;
typedef __half_raw __nv_half_raw;
typedef __half2_raw __nv_half2_raw;
typedef __half nv_half;
typedef __half2 nv_half2;

/* CUDA's constants. */
#define CUDART_INF_FP16 __ushort_as_half((unsigned short)0x7c00u)
#define CUDART_NAN_FP16 __ushort_as_half((unsigned short)0x7fffu)
#define CUDART_MIN_DENORM_FP16 __ushort_as_half((unsigned short)0x0001u)
#define CUDART_MAX_NORMAL_FP16 __ushort_as_half((unsigned short)0x7bffu)
#define CUDART_NEG_ZERO_FP16 __ushort_as_half((unsigned short)0x8000u)
#define CUDART_ZERO_FP16 __ushort_as_half((unsigned short)0x0000u)
#define CUDART_ONE_FP16 __ushort_as_half((unsigned short)0x3c00u)

#endif /* __cplusplus */
#endif /* __CUDA_FP16_H__ */
