/*===- lingqu_half_common.h - What cuda_fp16.h and cuda_bf16.h share -------===*
 * Written for Lingqu. Private to cuda_fp16.h and cuda_bf16.h: the bit-level
 * conversions both 16-bit formats are built on. binary16 (half) has 5
 * exponent and 10 fraction bits, bfloat16 8 and 7; both keep the sign in
 * bit 15, so one rounding routine, parameterised by the two widths, serves
 * both.
 *
 * Every rounding to a 16-bit format goes through __lingqu_h16_round_bits, in
 * integer arithmetic: it needs no 16-bit floating-point type, no FP16
 * hardware and no particular floating-point environment, and it gives the
 * same bits on the host and on the device.
 *
 * The headers also work in plain C++ (a .cpp compiled by the host
 * compiler): __host__ and __device__ are then empty, and only the warp and
 * atomic functions, which need a device, are left out.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_HALF_COMMON_H
#define LINGQU_HALF_COMMON_H

#if defined(__cplusplus)

#include "lingqu_cuda_defines.h"
#include "vector_types.h"

#include <math.h>

/* Most of the API is __host__ __device__, as in CUDA; warp and atomic
 * functions are device-only. */
#define LINGQU_HALF                                                            \
  static __host__ __device__ __inline__ __attribute__((always_inline))
#define LINGQU_HALF_DEVICE                                                     \
  static __device__ __inline__ __attribute__((always_inline))
/* Members cannot be static. */
#define LINGQU_HALF_MEMBER                                                     \
  __host__ __device__ __inline__ __attribute__((always_inline))

/* The four IEEE rounding directions of the _rn, _rz, _ru and _rd forms. */
enum __lingqu_h16_rounding {
  __lingqu_h16_rn, /* to nearest, ties to even */
  __lingqu_h16_rz, /* toward zero */
  __lingqu_h16_ru, /* toward +infinity */
  __lingqu_h16_rd  /* toward -infinity */
};

/* CUDA's canonical NaN, for half as for bfloat16. */
#define LINGQU_HALF_CANONICAL_NAN ((unsigned short)0x7fffu)

/* (-1)^neg * sig * 2^exp rounded to the format with EBits exponent and MBits
 * fraction bits, in `mode`; returns its bits. Subnormal results and
 * overflow are handled: an overflow gives infinity or the largest finite
 * value, whichever the rounding direction calls for. */
template <int EBits, int MBits>
LINGQU_HALF unsigned short
__lingqu_h16_round_bits(bool neg, unsigned long long sig, int exp, int mode) {
  const unsigned short sign = neg ? 0x8000u : 0u;
  if (sig == 0)
    return sign;
  const int bias = (1 << (EBits - 1)) - 1;
  const int qmin = 1 - bias - MBits; /* weight of a subnormal's last bit */
  const unsigned long long inf = ((1ull << EBits) - 1) << MBits;
  /* Normalise so the leading 1 is bit 63: the value is sig * 2^exp. */
  const int lz = __builtin_clzll(sig);
  sig <<= lz;
  exp -= lz;
  /* The weight of the result's last bit: MBits below the leading bit, or
   * the subnormal one. The dropped bits number at least 63 - MBits. */
  int q = exp + 63 - MBits;
  if (q < qmin)
    q = qmin;
  const int shift = q - exp;
  /* kept: the retained significand; rest: the dropped bits, scaled so that
   * 1 << 63 is exactly half a unit of the last retained bit. */
  unsigned long long kept, rest;
  if (shift < 64) {
    kept = sig >> shift;
    rest = sig << (64 - shift);
  } else {
    kept = 0;
    rest = shift == 64 ? sig : 1; /* below half a unit: only sticky */
  }
  const unsigned long long halfway = 1ull << 63;
  bool up;
  switch (mode) {
  case __lingqu_h16_rz:
    up = false;
    break;
  case __lingqu_h16_ru:
    up = rest != 0 && !neg;
    break;
  case __lingqu_h16_rd:
    up = rest != 0 && neg;
    break;
  default:
    up = rest > halfway || (rest == halfway && (kept & 1));
    break;
  }
  /* Exponent and significand add up: a normal's leading 1 lands in the
   * exponent field, and a carry out of the significand bumps the exponent
   * (or turns the largest subnormal into the smallest normal). */
  unsigned long long bits =
      ((unsigned long long)(q - qmin) << MBits) + kept + (up ? 1 : 0);
  if (bits >= inf) {
    const bool to_inf = mode == __lingqu_h16_rn ||
                        (mode == __lingqu_h16_ru && !neg) ||
                        (mode == __lingqu_h16_rd && neg);
    bits = to_inf ? inf : inf - 1;
  }
  return (unsigned short)(sign | bits);
}

/* A double (so any float too, exactly) rounded to the format. NaN gives the
 * canonical NaN, as CUDA's conversions do. */
template <int EBits, int MBits>
LINGQU_HALF unsigned short __lingqu_h16_from_double(double x, int mode) {
  const unsigned long long b = __builtin_bit_cast(unsigned long long, x);
  const bool neg = (b >> 63) != 0;
  const unsigned e = (unsigned)(b >> 52) & 0x7ffu;
  const unsigned long long f = b & ((1ull << 52) - 1);
  if (e == 0x7ffu) {
    if (f != 0)
      return LINGQU_HALF_CANONICAL_NAN;
    return (unsigned short)((neg ? 0x8000u : 0u) |
                            (((1u << EBits) - 1) << MBits));
  }
  if (e == 0)
    return __lingqu_h16_round_bits<EBits, MBits>(neg, f, -1074, mode);
  return __lingqu_h16_round_bits<EBits, MBits>(neg, f | (1ull << 52),
                                               (int)e - 1075, mode);
}

/* 64-bit integers, rounded directly (through double they would be rounded
 * twice). */
template <int EBits, int MBits>
LINGQU_HALF unsigned short __lingqu_h16_from_ll(long long i, int mode) {
  const bool neg = i < 0;
  const unsigned long long m =
      neg ? 0ull - (unsigned long long)i : (unsigned long long)i;
  return __lingqu_h16_round_bits<EBits, MBits>(neg, m, 0, mode);
}
template <int EBits, int MBits>
LINGQU_HALF unsigned short __lingqu_h16_from_ull(unsigned long long i,
                                                 int mode) {
  return __lingqu_h16_round_bits<EBits, MBits>(false, i, 0, mode);
}

/* half bits to float, exactly. A NaN keeps its sign and payload and comes
 * back quiet. */
LINGQU_HALF float __lingqu_h16_fp16_to_float(unsigned short h) {
  const unsigned sign = (unsigned)(h & 0x8000u) << 16;
  const unsigned e = (h >> 10) & 0x1fu, f = h & 0x3ffu;
  if (e == 0x1fu)
    return __builtin_bit_cast(float, sign | 0x7f800000u | (f << 13) |
                                             (f != 0 ? 0x400000u : 0u));
  if (e == 0) { /* zero or subnormal: f * 2^-24, exact in float */
    const float v = (float)f * 0x1p-24f;
    return sign ? -v : v;
  }
  return __builtin_bit_cast(float, sign | ((e + 112u) << 23) | (f << 13));
}

/* bfloat16 is the top half of a float. */
LINGQU_HALF float __lingqu_h16_bf16_to_float(unsigned short h) {
  return __builtin_bit_cast(float, (unsigned)h << 16);
}

/* A float rounded to an integral value in `mode` (still a float). */
LINGQU_HALF float __lingqu_h16_round_integral(float x, int mode) {
  switch (mode) {
  case __lingqu_h16_rz:
    return __builtin_truncf(x);
  case __lingqu_h16_ru:
    return __builtin_ceilf(x);
  case __lingqu_h16_rd:
    return __builtin_floorf(x);
  default:
    return __builtin_rintf(x);
  }
}

/* A float rounded in `mode` to the integer type I, saturating at I's range
 * as NVIDIA's cvt instructions do; NaN gives `nan_value` (0, or bit 63 for
 * the 64-bit types, as CUDA documents). */
template <typename I>
LINGQU_HALF I __lingqu_h16_to_integer(float x, int mode, I nan_value) {
  const bool is_signed = (I)-1 < (I)0;
  const int bits = (int)sizeof(I) * 8;
  const unsigned long long top_bit = 1ull << (bits - 1);
  /* The exclusive upper bound and the lowest value, both exact in float. */
  const float above = is_signed ? (float)top_bit : 2.0f * (float)top_bit;
  const float lowest = is_signed ? -(float)top_bit : 0.0f;
  if (x != x)
    return nan_value;
  const float r = __lingqu_h16_round_integral(x, mode);
  if (r >= above)
    return is_signed ? (I)(top_bit - 1) : (I)~0ull;
  if (r <= lowest)
    return is_signed ? (I)(0ull - top_bit) : (I)0;
  return (I)r;
}

/* a*b + c rounded once to double, then to odd: when inexact, the last bit
 * is forced to 1 by stepping towards the exact value. Needs a*b exact in
 * double (true of half and bfloat16 operands), which also makes the result
 * the same whether or not the compiler contracts a*b + c into an fma.
 * Rounding an odd-rounded value again, to a format at least 2 bits
 * narrower, is a single correct rounding; a plain double sum would round
 * twice. */
LINGQU_HALF double __lingqu_h16_fma_odd(double a, double b, double c) {
#if defined(__clang__)
#pragma clang fp contract(off) /* not needed (a*b is exact), but plainer */
#endif
  const double p = a * b;
  const double s = p + c;
  if (!__builtin_isfinite(s))
    return s;
  /* TwoSum: e = (p + c) - s exactly. */
  const double bv = s - p;
  const double e = (p - (s - bv)) + (c - bv);
  unsigned long long bits = __builtin_bit_cast(unsigned long long, s);
  if (e != 0 && (bits & 1) == 0) {
    /* s is not zero (an inexact sum is not): a step of its bit pattern
     * moves its magnitude to the adjacent double on e's side, an odd one. */
    if ((e > 0) == (s > 0))
      ++bits;
    else
      --bits;
    return __builtin_bit_cast(double, bits);
  }
  return s;
}

/* Memory seen through these types may be any object (a __half2 updated as a
 * 32-bit word), so they carry no type-based aliasing. */
typedef unsigned short __attribute__((__may_alias__)) __lingqu_h16_u16_alias;
typedef unsigned int __attribute__((__may_alias__)) __lingqu_h16_u32_alias;

#endif /* __cplusplus */
#endif /* LINGQU_HALF_COMMON_H */
