/*===- lingqu_half_ops.h - The half and bfloat16 API both types share ------===*
 * Written for Lingqu. Private to cuda_fp16.h and cuda_bf16.h: included by
 * lingqu_half_types.h, once per type, with no include guard. CUDA gives
 * __half and __nv_bfloat16 the same functions under the same names (__hadd,
 * __hfma2, hsqrt, ...), so they are written once here, for the type that
 * lingqu_half_types.h has just defined (its comment lists the macros):
 * LINGQU_T and LINGQU_T2, LINGQU_T_MAKE(bits), LINGQU_T_ROUND(x) (a double
 * rounded to nearest-even), LINGQU_T_INF and LINGQU_T_ONE (bits), the
 * overloads __lingqu_h16_bits and __lingqu_h16_float, and
 * LINGQU_T_NO_OPERATORS and LINGQU_T2_NO_OPERATORS.
 *
 * Arithmetic is correctly rounded, to nearest-even: the operands are exact
 * in double, and a sum, difference, product, quotient or square root of
 * numbers of p <= 11 bits rounded to double (53 >= 2p + 2 bits) and then to
 * p bits is the correctly rounded result (the double rounding is
 * innocuous). The fused multiply-add rounds the double sum to odd first
 * (__lingqu_h16_fma_odd), which makes its second rounding correct as well.
 * The other functions are the C library's in double (within a couple of
 * ulp of double), rounded once: a result can differ from the correctly
 * rounded one only if the exact value lies within about 2^-40 ulp of a
 * half-way point. With glibc, none does: every one of the 65536 arguments
 * of each function, half and bfloat16, gives the correctly rounded result
 * (the tests check them all).
 *===----------------------------------------------------------------------===*/

LINGQU_HALF double __lingqu_h16_double(const LINGQU_T a) {
  return (double)__lingqu_h16_float(a);
}
LINGQU_HALF bool __lingqu_h16_isnan(const LINGQU_T a) {
  return (__lingqu_h16_bits(a) & 0x7fffu) > LINGQU_T_INF;
}
LINGQU_HALF LINGQU_T __lingqu_h16_clamp_sat(const LINGQU_T r) {
  /* [0, 1]; NaN and -0 become +0. */
  const unsigned short b = __lingqu_h16_bits(r);
  if ((b & 0x8000u) || __lingqu_h16_isnan(r))
    return LINGQU_T_MAKE(0);
  return __lingqu_h16_float(r) > 1.0f ? LINGQU_T_MAKE(LINGQU_T_ONE) : r;
}

/*===--- Arithmetic -------------------------------------------------------===*/

LINGQU_HALF LINGQU_T __hadd(const LINGQU_T a, const LINGQU_T b) {
  return LINGQU_T_ROUND(__lingqu_h16_double(a) + __lingqu_h16_double(b));
}
LINGQU_HALF LINGQU_T __hsub(const LINGQU_T a, const LINGQU_T b) {
  return LINGQU_T_ROUND(__lingqu_h16_double(a) - __lingqu_h16_double(b));
}
LINGQU_HALF LINGQU_T __hmul(const LINGQU_T a, const LINGQU_T b) {
  return LINGQU_T_ROUND(__lingqu_h16_double(a) * __lingqu_h16_double(b));
}
LINGQU_HALF LINGQU_T __hdiv(const LINGQU_T a, const LINGQU_T b) {
  return LINGQU_T_ROUND(__lingqu_h16_double(a) / __lingqu_h16_double(b));
}
/* The _rn forms promise no contraction into an fma; there is none to
 * promise against. */
LINGQU_HALF LINGQU_T __hadd_rn(const LINGQU_T a, const LINGQU_T b) {
  return __hadd(a, b);
}
LINGQU_HALF LINGQU_T __hsub_rn(const LINGQU_T a, const LINGQU_T b) {
  return __hsub(a, b);
}
LINGQU_HALF LINGQU_T __hmul_rn(const LINGQU_T a, const LINGQU_T b) {
  return __hmul(a, b);
}
LINGQU_HALF LINGQU_T __hfma(const LINGQU_T a, const LINGQU_T b,
                            const LINGQU_T c) {
  return LINGQU_T_ROUND(__lingqu_h16_fma_odd(__lingqu_h16_double(a),
                                             __lingqu_h16_double(b),
                                             __lingqu_h16_double(c)));
}
/* _sat: clamped to [0, 1], NaN to +0. */
LINGQU_HALF LINGQU_T __hadd_sat(const LINGQU_T a, const LINGQU_T b) {
  return __lingqu_h16_clamp_sat(__hadd(a, b));
}
LINGQU_HALF LINGQU_T __hsub_sat(const LINGQU_T a, const LINGQU_T b) {
  return __lingqu_h16_clamp_sat(__hsub(a, b));
}
LINGQU_HALF LINGQU_T __hmul_sat(const LINGQU_T a, const LINGQU_T b) {
  return __lingqu_h16_clamp_sat(__hmul(a, b));
}
LINGQU_HALF LINGQU_T __hfma_sat(const LINGQU_T a, const LINGQU_T b,
                                const LINGQU_T c) {
  return __lingqu_h16_clamp_sat(__hfma(a, b, c));
}
/* ReLU: a negative result (-0 included) becomes +0; NaN stays NaN. */
LINGQU_HALF LINGQU_T __hfma_relu(const LINGQU_T a, const LINGQU_T b,
                                 const LINGQU_T c) {
  const LINGQU_T r = __hfma(a, b, c);
  if (__lingqu_h16_isnan(r))
    return LINGQU_T_MAKE(LINGQU_HALF_CANONICAL_NAN);
  return (__lingqu_h16_bits(r) & 0x8000u) ? LINGQU_T_MAKE(0) : r;
}
/* Sign operations act on the bits alone, NaN included. */
LINGQU_HALF LINGQU_T __hneg(const LINGQU_T a) {
  return LINGQU_T_MAKE((unsigned short)(__lingqu_h16_bits(a) ^ 0x8000u));
}
LINGQU_HALF LINGQU_T __habs(const LINGQU_T a) {
  return LINGQU_T_MAKE((unsigned short)(__lingqu_h16_bits(a) & 0x7fffu));
}

/* max and min: a NaN operand loses to a number (both NaN: canonical NaN);
 * the _nan forms return the canonical NaN if either is NaN. +0 > -0. */
LINGQU_HALF LINGQU_T __lingqu_h16_maxmin(const LINGQU_T a, const LINGQU_T b,
                                         bool max, bool nan_wins) {
  const bool na = __lingqu_h16_isnan(a), nb = __lingqu_h16_isnan(b);
  if ((na && nb) || (nan_wins && (na || nb)))
    return LINGQU_T_MAKE(LINGQU_HALF_CANONICAL_NAN);
  if (na)
    return b;
  if (nb)
    return a;
  const float x = __lingqu_h16_float(a), y = __lingqu_h16_float(b);
  if (x == y) { /* only zeros differ: pick by sign */
    const bool a_neg = (__lingqu_h16_bits(a) & 0x8000u) != 0;
    return (a_neg == max) ? b : a;
  }
  return ((x > y) == max) ? a : b;
}
LINGQU_HALF LINGQU_T __hmax(const LINGQU_T a, const LINGQU_T b) {
  return __lingqu_h16_maxmin(a, b, true, false);
}
LINGQU_HALF LINGQU_T __hmin(const LINGQU_T a, const LINGQU_T b) {
  return __lingqu_h16_maxmin(a, b, false, false);
}
LINGQU_HALF LINGQU_T __hmax_nan(const LINGQU_T a, const LINGQU_T b) {
  return __lingqu_h16_maxmin(a, b, true, true);
}
LINGQU_HALF LINGQU_T __hmin_nan(const LINGQU_T a, const LINGQU_T b) {
  return __lingqu_h16_maxmin(a, b, false, true);
}

/* The pair forms apply the scalar operation to .x and to .y. */
#define LINGQU_H16_PAIR_1(name2, name)                                         \
  LINGQU_HALF LINGQU_T2 name2(const LINGQU_T2 a) {                             \
    return LINGQU_T2(name(a.x), name(a.y));                                    \
  }
#define LINGQU_H16_PAIR_2(name2, name)                                         \
  LINGQU_HALF LINGQU_T2 name2(const LINGQU_T2 a, const LINGQU_T2 b) {          \
    return LINGQU_T2(name(a.x, b.x), name(a.y, b.y));                          \
  }
#define LINGQU_H16_PAIR_3(name2, name)                                         \
  LINGQU_HALF LINGQU_T2 name2(const LINGQU_T2 a, const LINGQU_T2 b,            \
                              const LINGQU_T2 c) {                             \
    return LINGQU_T2(name(a.x, b.x, c.x), name(a.y, b.y, c.y));                \
  }
LINGQU_H16_PAIR_2(__hadd2, __hadd)
LINGQU_H16_PAIR_2(__hsub2, __hsub)
LINGQU_H16_PAIR_2(__hmul2, __hmul)
LINGQU_H16_PAIR_2(__h2div, __hdiv)
LINGQU_H16_PAIR_2(__hadd2_rn, __hadd)
LINGQU_H16_PAIR_2(__hsub2_rn, __hsub)
LINGQU_H16_PAIR_2(__hmul2_rn, __hmul)
LINGQU_H16_PAIR_2(__hadd2_sat, __hadd_sat)
LINGQU_H16_PAIR_2(__hsub2_sat, __hsub_sat)
LINGQU_H16_PAIR_2(__hmul2_sat, __hmul_sat)
LINGQU_H16_PAIR_3(__hfma2, __hfma)
LINGQU_H16_PAIR_3(__hfma2_sat, __hfma_sat)
LINGQU_H16_PAIR_3(__hfma2_relu, __hfma_relu)
LINGQU_H16_PAIR_1(__hneg2, __hneg)
LINGQU_H16_PAIR_1(__habs2, __habs)
LINGQU_H16_PAIR_2(__hmax2, __hmax)
LINGQU_H16_PAIR_2(__hmin2, __hmin)
LINGQU_H16_PAIR_2(__hmax2_nan, __hmax_nan)
LINGQU_H16_PAIR_2(__hmin2_nan, __hmin_nan)

/* Complex multiply-accumulate, (a.x + i a.y)(b.x + i b.y) + (c.x + i c.y),
 * as CUDA defines it: two fused operations per component. */
LINGQU_HALF LINGQU_T2 __hcmadd(const LINGQU_T2 a, const LINGQU_T2 b,
                               const LINGQU_T2 c) {
  return LINGQU_T2(__hfma(__hneg(a.y), b.y, __hfma(a.x, b.x, c.x)),
                   __hfma(a.y, b.x, __hfma(a.x, b.y, c.y)));
}

/*===--- Comparisons ------------------------------------------------------===*/

/* Each comparison in four forms: on scalars (bool), on pairs giving 1.0 or
 * 0.0 per half, on pairs true when both are (__hb...), and on pairs giving
 * a 0xffff mask per half (.x in the low 16 bits). Ordered comparisons are
 * false with a NaN operand, unordered ones (u) true. */
#define LINGQU_H16_COMPARE(name, name2, bname2, mask2, test)                   \
  LINGQU_HALF bool name(const LINGQU_T a, const LINGQU_T b) {                  \
    const float x = __lingqu_h16_float(a);                                     \
    const float y = __lingqu_h16_float(b);                                     \
    return test;                                                               \
  }                                                                            \
  LINGQU_HALF LINGQU_T2 name2(const LINGQU_T2 a, const LINGQU_T2 b) {          \
    return LINGQU_T2(LINGQU_T_MAKE(name(a.x, b.x) ? LINGQU_T_ONE : 0),         \
                     LINGQU_T_MAKE(name(a.y, b.y) ? LINGQU_T_ONE : 0));        \
  }                                                                            \
  LINGQU_HALF bool bname2(const LINGQU_T2 a, const LINGQU_T2 b) {              \
    return name(a.x, b.x) && name(a.y, b.y);                                   \
  }                                                                            \
  LINGQU_HALF unsigned mask2(const LINGQU_T2 a, const LINGQU_T2 b) {           \
    return (name(a.x, b.x) ? 0xffffu : 0u) |                                   \
           (name(a.y, b.y) ? 0xffff0000u : 0u);                                \
  }
LINGQU_H16_COMPARE(__heq, __heq2, __hbeq2, __heq2_mask, x == y)
LINGQU_H16_COMPARE(__hne, __hne2, __hbne2, __hne2_mask, x < y || x > y)
LINGQU_H16_COMPARE(__hle, __hle2, __hble2, __hle2_mask, x <= y)
LINGQU_H16_COMPARE(__hge, __hge2, __hbge2, __hge2_mask, x >= y)
LINGQU_H16_COMPARE(__hlt, __hlt2, __hblt2, __hlt2_mask, x < y)
LINGQU_H16_COMPARE(__hgt, __hgt2, __hbgt2, __hgt2_mask, x > y)
LINGQU_H16_COMPARE(__hequ, __hequ2, __hbequ2, __hequ2_mask, !(x < y || x > y))
LINGQU_H16_COMPARE(__hneu, __hneu2, __hbneu2, __hneu2_mask, x != y)
LINGQU_H16_COMPARE(__hleu, __hleu2, __hbleu2, __hleu2_mask, !(x > y))
LINGQU_H16_COMPARE(__hgeu, __hgeu2, __hbgeu2, __hgeu2_mask, !(x < y))
LINGQU_H16_COMPARE(__hltu, __hltu2, __hbltu2, __hltu2_mask, !(x >= y))
LINGQU_H16_COMPARE(__hgtu, __hgtu2, __hbgtu2, __hgtu2_mask, !(x <= y))
#undef LINGQU_H16_COMPARE

LINGQU_HALF bool __hisnan(const LINGQU_T a) { return __lingqu_h16_isnan(a); }
LINGQU_HALF LINGQU_T2 __hisnan2(const LINGQU_T2 a) {
  return LINGQU_T2(LINGQU_T_MAKE(__lingqu_h16_isnan(a.x) ? LINGQU_T_ONE : 0),
                   LINGQU_T_MAKE(__lingqu_h16_isnan(a.y) ? LINGQU_T_ONE : 0));
}
/* -1 for -infinity, 1 for +infinity, else 0. */
LINGQU_HALF int __hisinf(const LINGQU_T a) {
  const unsigned short b = __lingqu_h16_bits(a);
  if ((b & 0x7fffu) != LINGQU_T_INF)
    return 0;
  return (b & 0x8000u) ? -1 : 1;
}

/*===--- Functions --------------------------------------------------------===*/

#define LINGQU_H16_MATH(name, name2, expr)                                     \
  LINGQU_HALF LINGQU_T name(const LINGQU_T a) {                                \
    const double x = __lingqu_h16_double(a);                                   \
    return LINGQU_T_ROUND(expr);                                               \
  }                                                                            \
  LINGQU_H16_PAIR_1(name2, name)
/* Correctly rounded (hrsqrt's two roundings in double come nowhere near
 * deciding a 16-bit result: 1/sqrt(x) is never a half-way point). */
LINGQU_H16_MATH(hsqrt, h2sqrt, __builtin_sqrt(x))
LINGQU_H16_MATH(hrcp, h2rcp, 1.0 / x)
LINGQU_H16_MATH(hrsqrt, h2rsqrt, 1.0 / __builtin_sqrt(x))
/* Exact: the result is an integer the type holds. */
LINGQU_H16_MATH(htrunc, h2trunc, __builtin_trunc(x))
LINGQU_H16_MATH(hceil, h2ceil, __builtin_ceil(x))
LINGQU_H16_MATH(hfloor, h2floor, __builtin_floor(x))
LINGQU_H16_MATH(hrint, h2rint, __builtin_rint(x))
/* The C library's double functions, rounded once (see the top). */
LINGQU_H16_MATH(hexp, h2exp, ::exp(x))
LINGQU_H16_MATH(hexp2, h2exp2, ::exp2(x))
LINGQU_H16_MATH(hexp10, h2exp10, ::exp10(x))
LINGQU_H16_MATH(hlog, h2log, ::log(x))
LINGQU_H16_MATH(hlog2, h2log2, ::log2(x))
LINGQU_H16_MATH(hlog10, h2log10, ::log10(x))
LINGQU_H16_MATH(hsin, h2sin, ::sin(x))
LINGQU_H16_MATH(hcos, h2cos, ::cos(x))
LINGQU_H16_MATH(htanh, h2tanh, ::tanh(x))
/* The approximation is allowed to be exact. */
LINGQU_H16_MATH(htanh_approx, h2tanh_approx, ::tanh(x))
#undef LINGQU_H16_MATH

/*===--- Packing ----------------------------------------------------------===*/

LINGQU_HALF float __low2float(const LINGQU_T2 a) {
  return __lingqu_h16_float(a.x);
}
LINGQU_HALF float __high2float(const LINGQU_T2 a) {
  return __lingqu_h16_float(a.y);
}
LINGQU_HALF LINGQU_T2 __lowhigh2highlow(const LINGQU_T2 a) {
  return LINGQU_T2(a.y, a.x);
}
/* A pair as one 32-bit word, .x in the low half, and back. */
LINGQU_HALF unsigned __lingqu_h16_pack(const LINGQU_T2 a) {
  return (unsigned)__lingqu_h16_bits(a.x) |
         ((unsigned)__lingqu_h16_bits(a.y) << 16);
}
LINGQU_HALF LINGQU_T2 __lingqu_h16_unpack(unsigned w, const LINGQU_T2 *) {
  return LINGQU_T2(LINGQU_T_MAKE((unsigned short)w),
                   LINGQU_T_MAKE((unsigned short)(w >> 16)));
}

/*===--- C++ operators ----------------------------------------------------===*/

/* The operators of T, the scalar or the pair, on CUDA's functions of it:
 * arithmetic, compound assignment, sign, increment by `one` (T's 1) and
 * comparison. */
#define LINGQU_H16_OPERATORS(T, add, sub, mul, div, neg, one, eq, ne, lt, gt,  \
                             le, ge)                                           \
  LINGQU_HALF T operator+(const T &a, const T &b) { return add(a, b); }       \
  LINGQU_HALF T operator-(const T &a, const T &b) { return sub(a, b); }       \
  LINGQU_HALF T operator*(const T &a, const T &b) { return mul(a, b); }       \
  LINGQU_HALF T operator/(const T &a, const T &b) { return div(a, b); }       \
  LINGQU_HALF T &operator+=(T &a, const T &b) { return a = add(a, b); }       \
  LINGQU_HALF T &operator-=(T &a, const T &b) { return a = sub(a, b); }       \
  LINGQU_HALF T &operator*=(T &a, const T &b) { return a = mul(a, b); }       \
  LINGQU_HALF T &operator/=(T &a, const T &b) { return a = div(a, b); }       \
  LINGQU_HALF T operator+(const T &a) { return a; }                           \
  LINGQU_HALF T operator-(const T &a) { return neg(a); }                      \
  LINGQU_HALF T &operator++(T &a) { return a = add(a, one); }                 \
  LINGQU_HALF T &operator--(T &a) { return a = sub(a, one); }                 \
  LINGQU_HALF T operator++(T &a, int) {                                       \
    const T old = a;                                                           \
    ++a;                                                                       \
    return old;                                                                \
  }                                                                            \
  LINGQU_HALF T operator--(T &a, int) {                                       \
    const T old = a;                                                           \
    --a;                                                                       \
    return old;                                                                \
  }                                                                            \
  LINGQU_HALF bool operator==(const T &a, const T &b) { return eq(a, b); }    \
  LINGQU_HALF bool operator!=(const T &a, const T &b) { return ne(a, b); }    \
  LINGQU_HALF bool operator<(const T &a, const T &b) { return lt(a, b); }     \
  LINGQU_HALF bool operator>(const T &a, const T &b) { return gt(a, b); }     \
  LINGQU_HALF bool operator<=(const T &a, const T &b) { return le(a, b); }    \
  LINGQU_HALF bool operator>=(const T &a, const T &b) { return ge(a, b); }

#if !defined(LINGQU_T_NO_OPERATORS)
/* != is the unordered comparison, so that NaN != NaN, as for float. */
LINGQU_H16_OPERATORS(LINGQU_T, __hadd, __hsub, __hmul, __hdiv, __hneg,
                     LINGQU_T_MAKE(LINGQU_T_ONE), __heq, __hneu, __hlt, __hgt,
                     __hle, __hge)
#endif /* LINGQU_T_NO_OPERATORS */

#if !defined(LINGQU_T2_NO_OPERATORS)
/* Comparisons are true when true of both halves. */
LINGQU_H16_OPERATORS(LINGQU_T2, __hadd2, __hsub2, __hmul2, __h2div, __hneg2,
                     LINGQU_T2(LINGQU_T_MAKE(LINGQU_T_ONE),
                               LINGQU_T_MAKE(LINGQU_T_ONE)),
                     __hbeq2, __hbneu2, __hblt2, __hbgt2, __hble2, __hbge2)
#endif /* LINGQU_T2_NO_OPERATORS */
#undef LINGQU_H16_OPERATORS

#undef LINGQU_H16_PAIR_1
#undef LINGQU_H16_PAIR_2
#undef LINGQU_H16_PAIR_3

/*===--- Device only: warp shuffles, atomics, cache-hinted loads ----------===*/

#if defined(__CUDA__)
/* Shuffles move the bits through the 32-bit shuffles. The lane argument is
 * an int, as in lingqu_device_warp.h (CUDA has unsigned for the up and down
 * deltas): with the same type as the built-in overloads, a call with an int
 * literal is not ambiguous. */
#define LINGQU_H16_SHFL(name)                                                  \
  LINGQU_HALF_DEVICE LINGQU_T name(unsigned mask, LINGQU_T var, int arg,       \
                                   int width = 32) {                           \
    const unsigned bits = __lingqu_h16_bits(var);                              \
    return LINGQU_T_MAKE((unsigned short)name(mask, bits, arg, width));        \
  }                                                                            \
  LINGQU_HALF_DEVICE LINGQU_T2 name(unsigned mask, LINGQU_T2 var, int arg,     \
                                    int width = 32) {                          \
    const unsigned bits = __lingqu_h16_pack(var);                              \
    return __lingqu_h16_unpack(name(mask, bits, arg, width),                   \
                               (const LINGQU_T2 *)0);                          \
  }
LINGQU_H16_SHFL(__shfl_sync)
LINGQU_H16_SHFL(__shfl_up_sync)
LINGQU_H16_SHFL(__shfl_down_sync)
LINGQU_H16_SHFL(__shfl_xor_sync)
#undef LINGQU_H16_SHFL

/* atomicAdd: a compare-and-swap loop, on the 16 bits of a scalar (CPUs
 * have 16-bit compare-and-swap, so the neighbouring half is not touched)
 * and on the 32-bit word of a pair, whose halves are added together. */
LINGQU_HALF_DEVICE LINGQU_T atomicAdd(LINGQU_T *const address,
                                      const LINGQU_T val) {
  __lingqu_h16_u16_alias *bits = (__lingqu_h16_u16_alias *)address;
  unsigned short old = __atomic_load_n(bits, __ATOMIC_RELAXED);
  while (!__atomic_compare_exchange_n(
      bits, &old, __lingqu_h16_bits(__hadd(LINGQU_T_MAKE(old), val)), true,
      __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
  }
  return LINGQU_T_MAKE(old);
}
LINGQU_HALF_DEVICE LINGQU_T2 atomicAdd(LINGQU_T2 *const address,
                                       const LINGQU_T2 val) {
  __lingqu_h16_u32_alias *word = (__lingqu_h16_u32_alias *)address;
  unsigned old = __atomic_load_n(word, __ATOMIC_RELAXED);
  while (!__atomic_compare_exchange_n(
      word, &old,
      __lingqu_h16_pack(
          __hadd2(__lingqu_h16_unpack(old, (const LINGQU_T2 *)0), val)),
      true, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
  }
  return __lingqu_h16_unpack(old, (const LINGQU_T2 *)0);
}

/* Cache hints mean nothing to a CPU: plain loads and stores, as in
 * lingqu_device_memory.h, except __ldcv ("fetch again"), a volatile load so
 * that a loop polling memory reads it on every turn. */
#define LINGQU_H16_LOAD(name)                                                  \
  LINGQU_HALF_DEVICE LINGQU_T name(const LINGQU_T *const ptr) { return *ptr; } \
  LINGQU_HALF_DEVICE LINGQU_T2 name(const LINGQU_T2 *const ptr) { return *ptr; }
#define LINGQU_H16_STORE(name)                                                 \
  LINGQU_HALF_DEVICE void name(LINGQU_T *const ptr, const LINGQU_T value) {    \
    *ptr = value;                                                              \
  }                                                                            \
  LINGQU_HALF_DEVICE void name(LINGQU_T2 *const ptr, const LINGQU_T2 value) {  \
    *ptr = value;                                                              \
  }
LINGQU_H16_LOAD(__ldg)
LINGQU_H16_LOAD(__ldcg)
LINGQU_H16_LOAD(__ldca)
LINGQU_H16_LOAD(__ldcs)
LINGQU_H16_LOAD(__ldlu)
LINGQU_HALF_DEVICE LINGQU_T __ldcv(const LINGQU_T *const ptr) {
  return LINGQU_T_MAKE(*(const volatile __lingqu_h16_u16_alias *)ptr);
}
LINGQU_HALF_DEVICE LINGQU_T2 __ldcv(const LINGQU_T2 *const ptr) {
  return __lingqu_h16_unpack(*(const volatile __lingqu_h16_u32_alias *)ptr,
                             (const LINGQU_T2 *)0);
}
LINGQU_H16_STORE(__stwb)
LINGQU_H16_STORE(__stcg)
LINGQU_H16_STORE(__stcs)
LINGQU_H16_STORE(__stwt)
#undef LINGQU_H16_LOAD
#undef LINGQU_H16_STORE
#endif /* __CUDA__ */
