/*===- cuda_bf16.h - CUDA's bfloat16 type and intrinsics -------------------===*
 * Written for Lingqu. __nv_bfloat16 is bfloat16 (1 sign, 8 exponent and 7
 * fraction bits: the top half of a float) stored as its bits;
 * __nv_bfloat162 is a pair, .x in the low 16 bits. Each operation gives its
 * exact result rounded once to nearest-even (lingqu_half_ops.h says how),
 * conversions round in integer arithmetic (lingqu_half_common.h), so host
 * and device agree to the bit; NaN results are CUDA's canonical 0x7fff.
 * Subnormals are kept, not flushed. As in cuda_fp16.h, everything but the
 * warp, atomic and cache-hinted memory functions is __host__ __device__.
 *
 * As in CUDA, __CUDA_NO_BFLOAT16_CONVERSIONS__ removes the implicit
 * conversions to and from the built-in types, and
 * __CUDA_NO_BFLOAT16_OPERATORS__ and __CUDA_NO_BFLOAT162_OPERATORS__ the C++
 * operators. This header includes cuda_fp16.h, which converts between the
 * two 16-bit types.
 *===----------------------------------------------------------------------===*/
#ifndef __CUDA_BF16_H__
#define __CUDA_BF16_H__

#include "cuda_fp16.h"

#if defined(__cplusplus)

#define __CUDA_BF16_TYPES_EXIST__

/* The class, its pair and the API: lingqu_half_types.h. */
#define LINGQU_T __nv_bfloat16
#define LINGQU_T_NAME bfloat16
#define LINGQU_T_EBITS 8
#define LINGQU_T_MBITS 7
#define LINGQU_T_BITS_TO_FLOAT __lingqu_h16_bf16_to_float
#define LINGQU_T_OTHER __half
#if defined(__CUDA_NO_BFLOAT16_CONVERSIONS__)
#define LINGQU_T_NO_CONVERSIONS
#endif
#if defined(__CUDA_NO_BFLOAT16_OPERATORS__)
#define LINGQU_T_NO_OPERATORS
#endif
#if defined(__CUDA_NO_BFLOAT162_OPERATORS__)
#define LINGQU_T2_NO_OPERATORS
#endif
#include "lingqu_half_types.h"

typedef __nv_bfloat16 nv_bfloat16;
typedef __nv_bfloat162 nv_bfloat162;

/* The explicit conversions between the two types, declared in the classes:
 * exact in float, rounded once. */
#if !defined(__CUDA_NO_HALF_CONVERSIONS__)
LINGQU_HALF_MEMBER __half::__half(const __nv_bfloat16 f)
    : __x(__lingqu_h16_from_double<5, 10>((double)__lingqu_h16_float(f),
                                          __lingqu_h16_rn)) {}
#endif
#if !defined(__CUDA_NO_BFLOAT16_CONVERSIONS__)
LINGQU_HALF_MEMBER __nv_bfloat16::__nv_bfloat16(const __half f)
    : __x(__lingqu_h16_from_double<8, 7>((double)__lingqu_h16_float(f),
                                         __lingqu_h16_rn)) {}
#endif

/* CUDA's constants. */
#define CUDART_INF_BF16 __ushort_as_bfloat16((unsigned short)0x7f80u)
#define CUDART_NAN_BF16 __ushort_as_bfloat16((unsigned short)0x7fffu)
#define CUDART_MIN_DENORM_BF16 __ushort_as_bfloat16((unsigned short)0x0001u)
#define CUDART_MAX_NORMAL_BF16 __ushort_as_bfloat16((unsigned short)0x7f7fu)
#define CUDART_NEG_ZERO_BF16 __ushort_as_bfloat16((unsigned short)0x8000u)
#define CUDART_ZERO_BF16 __ushort_as_bfloat16((unsigned short)0x0000u)
#define CUDART_ONE_BF16 __ushort_as_bfloat16((unsigned short)0x3f80u)

#endif /* __cplusplus */
#endif /* __CUDA_BF16_H__ */
