/*===- lingqu_device_math.h - The CUDA Math API in device code -------------===*
 * Written for Lingqu. On a CPU device, kernels run on the host's cores, so
 * the C library's functions are the device's: every function the C math
 * library has is bound to it here, correctly rounded operations go to
 * compiler builtins (which lower to single instructions and vectorise), and
 * the functions only CUDA has are written here, as are the few where glibc
 * misses CUDA's documented bounds (test/accuracy/math-accuracy.cu measures
 * every function against them; docs/math-accuracy.md has the results).
 * Each comes as CUDA declares
 * it: `sinf(float)`, `sin(double)`, the C++ overload `sin(float)` and
 * `std::sin`, callable from __device__ and __host__ __device__ code.
 *
 * The fast intrinsics (__sinf, __expf, ...) are the accurate functions:
 * CUDA bounds their error from above only.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_MATH_H
#define LINGQU_DEVICE_MATH_H

#if defined(__CUDA__) && defined(__cplusplus)

#include <cmath>
#include <math.h>

#define LINGQU_MATH static __device__ __inline__ __attribute__((always_inline))
/* A library function without side effects in device code (no errno there):
 * the vectoriser may widen calls to it in thread loops (to SLEEF). */
#define LINGQU_LIBCALL __attribute__((const, noconvergent))

/* One function of the C library, both precisions: the device-side names
 * bind to the library's symbols. */
#define LINGQU_LIBM_1(name)                                                    \
  extern "C" __device__ double __lingqu_##name(double) __asm__(#name)          \
      LINGQU_LIBCALL;                                                          \
  extern "C" __device__ float __lingqu_##name##f(float) __asm__(#name "f")     \
      LINGQU_LIBCALL;                                                          \
  LINGQU_MATH double name(double x) { return __lingqu_##name(x); }             \
  LINGQU_MATH float name##f(float x) { return __lingqu_##name##f(x); }         \
  LINGQU_MATH float name(float x) { return __lingqu_##name##f(x); }
#define LINGQU_LIBM_2(name)                                                    \
  extern "C" __device__ double __lingqu_##name(double, double) __asm__(#name)  \
      LINGQU_LIBCALL;                                                          \
  extern "C" __device__ float __lingqu_##name##f(float, float)                 \
      __asm__(#name "f") LINGQU_LIBCALL;                                       \
  LINGQU_MATH double name(double x, double y) {                                \
    return __lingqu_##name(x, y);                                              \
  }                                                                            \
  LINGQU_MATH float name##f(float x, float y) {                                \
    return __lingqu_##name##f(x, y);                                           \
  }                                                                            \
  LINGQU_MATH float name(float x, float y) { return __lingqu_##name##f(x, y); }
/* The library's symbols only, for functions defined further down. */
#define LINGQU_LIBM_DECL_1(name)                                               \
  extern "C" __device__ double __lingqu_##name(double) __asm__(#name)          \
      LINGQU_LIBCALL;                                                          \
  extern "C" __device__ float __lingqu_##name##f(float) __asm__(#name "f")     \
      LINGQU_LIBCALL;
#define LINGQU_LIBM_FLOAT_1(name)                                              \
  LINGQU_LIBM_DECL_1(name)                                                     \
  LINGQU_MATH float name##f(float x) { return __lingqu_##name##f(x); }         \
  LINGQU_MATH float name(float x) { return __lingqu_##name##f(x); }
/* SLEEF's vector forms, which the vectoriser puts in thread loops, give up
 * short of the end of the range for some functions. sinh, cosh, asinh,
 * acosh and log1p are kept in the range they handle further down; where
 * nothing vectorises that would do (double tgamma at its overflow
 * threshold, double pow near overflow, fmod by a subnormal), the library's
 * function is called by its _Float64 or _Float32 name, which the
 * vectoriser does not know. */
#define LINGQU_LIBM_SCALAR_2(name)                                             \
  extern "C" __device__ double __lingqu_##name(double, double)                 \
      __asm__(#name "f64") LINGQU_LIBCALL;                                     \
  extern "C" __device__ float __lingqu_##name##f(float, float)                 \
      __asm__(#name "f32") LINGQU_LIBCALL;                                     \
  LINGQU_MATH double name(double x, double y) {                                \
    return __lingqu_##name(x, y);                                              \
  }                                                                            \
  LINGQU_MATH float name##f(float x, float y) {                                \
    return __lingqu_##name##f(x, y);                                           \
  }                                                                            \
  LINGQU_MATH float name(float x, float y) { return __lingqu_##name##f(x, y); }
/* A correctly rounded operation: the compiler's builtin. */
#define LINGQU_BUILTIN_1(name)                                                 \
  LINGQU_MATH double name(double x) { return __builtin_##name(x); }            \
  LINGQU_MATH float name##f(float x) { return __builtin_##name##f(x); }        \
  LINGQU_MATH float name(float x) { return __builtin_##name##f(x); }
#define LINGQU_BUILTIN_2(name)                                                 \
  LINGQU_MATH double name(double x, double y) {                                \
    return __builtin_##name(x, y);                                             \
  }                                                                            \
  LINGQU_MATH float name##f(float x, float y) {                                \
    return __builtin_##name##f(x, y);                                          \
  }                                                                            \
  LINGQU_MATH float name(float x, float y) { return __builtin_##name##f(x, y); }

LINGQU_LIBM_1(sin)
LINGQU_LIBM_1(cos)
LINGQU_LIBM_1(tan)
LINGQU_LIBM_1(asin)
LINGQU_LIBM_1(acos)
LINGQU_LIBM_1(atan)
LINGQU_LIBM_1(atanh)
LINGQU_LIBM_1(exp)
LINGQU_LIBM_1(exp2)
LINGQU_LIBM_1(expm1)
LINGQU_LIBM_1(log)
LINGQU_LIBM_1(log2)
LINGQU_LIBM_1(logb)
LINGQU_LIBM_1(erf)
LINGQU_LIBM_1(erfc)
LINGQU_LIBM_1(lgamma)
LINGQU_LIBM_2(atan2)
LINGQU_LIBM_2(hypot)
LINGQU_LIBM_SCALAR_2(fmod)
extern "C" __device__ double __lingqu_pow(double, double) __asm__("powf64")
    LINGQU_LIBCALL;
extern "C" __device__ float __lingqu_powf(float, float) __asm__("powf")
    LINGQU_LIBCALL;
LINGQU_MATH double pow(double x, double y) { return __lingqu_pow(x, y); }
LINGQU_MATH float powf(float x, float y) { return __lingqu_powf(x, y); }
LINGQU_MATH float pow(float x, float y) { return __lingqu_powf(x, y); }
LINGQU_LIBM_2(remainder)
/* The double forms of these (and both of the Bessel functions) are further
 * down: the library's miss CUDA's bounds. */
LINGQU_LIBM_FLOAT_1(tanh)
LINGQU_LIBM_FLOAT_1(exp10)
LINGQU_LIBM_FLOAT_1(log10)
LINGQU_LIBM_FLOAT_1(cbrt)
LINGQU_LIBM_DECL_1(j0)
LINGQU_LIBM_DECL_1(j1)
LINGQU_LIBM_DECL_1(y0)
LINGQU_LIBM_DECL_1(y1)
/* The range-kept ones, and tgammaf (double tgamma by its scalar name). */
LINGQU_LIBM_DECL_1(sinh)
LINGQU_LIBM_DECL_1(cosh)
LINGQU_LIBM_DECL_1(asinh)
LINGQU_LIBM_DECL_1(acosh)
LINGQU_LIBM_DECL_1(log1p)
extern "C" __device__ double __lingqu_tgamma(double) __asm__("tgammaf64")
    LINGQU_LIBCALL;
extern "C" __device__ float __lingqu_tgammaf(float) __asm__("tgammaf")
    LINGQU_LIBCALL;
/* For tgammaf, in whose range SLEEF's vector double tgamma is right. */
extern "C" __device__ double __lingqu_tgamma_vec(double) __asm__("tgamma")
    LINGQU_LIBCALL;
LINGQU_MATH double tgamma(double x) { return __lingqu_tgamma(x); }
LINGQU_LIBM_2(fdim)
LINGQU_LIBM_2(nextafter)

LINGQU_BUILTIN_1(sqrt)
LINGQU_BUILTIN_1(fabs)
LINGQU_BUILTIN_1(floor)
LINGQU_BUILTIN_1(ceil)
LINGQU_BUILTIN_1(trunc)
LINGQU_BUILTIN_1(round)
LINGQU_BUILTIN_1(rint)
LINGQU_BUILTIN_1(nearbyint)
LINGQU_BUILTIN_2(fmin)
LINGQU_BUILTIN_2(fmax)
LINGQU_BUILTIN_2(copysign)

LINGQU_MATH double fma(double x, double y, double z) {
  return __builtin_fma(x, y, z);
}
LINGQU_MATH float fmaf(float x, float y, float z) {
  return __builtin_fmaf(x, y, z);
}
LINGQU_MATH float fma(float x, float y, float z) {
  return __builtin_fmaf(x, y, z);
}

/* Functions with integer or pointer arguments, bound one by one. */
extern "C" __device__ double __lingqu_ldexp(double, int) __asm__("ldexp") LINGQU_LIBCALL;
extern "C" __device__ float __lingqu_ldexpf(float, int) __asm__("ldexpf") LINGQU_LIBCALL;
extern "C" __device__ double __lingqu_scalbn(double, int) __asm__("scalbn") LINGQU_LIBCALL;
extern "C" __device__ float __lingqu_scalbnf(float, int) __asm__("scalbnf") LINGQU_LIBCALL;
extern "C" __device__ double __lingqu_scalbln(double, long) __asm__("scalbln") LINGQU_LIBCALL;
extern "C" __device__ float __lingqu_scalblnf(float, long) __asm__("scalblnf") LINGQU_LIBCALL;
extern "C" __device__ double __lingqu_frexp(double, int *) __asm__("frexp");
extern "C" __device__ float __lingqu_frexpf(float, int *) __asm__("frexpf");
extern "C" __device__ double __lingqu_modf(double, double *) __asm__("modf");
extern "C" __device__ float __lingqu_modff(float, float *) __asm__("modff");
extern "C" __device__ double __lingqu_remquo(double, double, int *)
    __asm__("remquo");
extern "C" __device__ float __lingqu_remquof(float, float, int *)
    __asm__("remquof");
extern "C" __device__ int __lingqu_ilogb(double) __asm__("ilogb") LINGQU_LIBCALL;
extern "C" __device__ int __lingqu_ilogbf(float) __asm__("ilogbf") LINGQU_LIBCALL;
extern "C" __device__ double __lingqu_jn(int, double) __asm__("jn") LINGQU_LIBCALL;
extern "C" __device__ float __lingqu_jnf(int, float) __asm__("jnf") LINGQU_LIBCALL;
extern "C" __device__ double __lingqu_yn(int, double) __asm__("yn") LINGQU_LIBCALL;
extern "C" __device__ float __lingqu_ynf(int, float) __asm__("ynf") LINGQU_LIBCALL;
extern "C" __device__ void __lingqu_sincos(double, double *, double *)
    __asm__("sincos");
extern "C" __device__ void __lingqu_sincosf(float, float *, float *)
    __asm__("sincosf");
extern "C" __device__ double __lingqu_nan(const char *) __asm__("nan");
extern "C" __device__ float __lingqu_nanf(const char *) __asm__("nanf");

LINGQU_MATH double ldexp(double x, int e) { return __lingqu_ldexp(x, e); }
LINGQU_MATH float ldexpf(float x, int e) { return __lingqu_ldexpf(x, e); }
LINGQU_MATH float ldexp(float x, int e) { return __lingqu_ldexpf(x, e); }
LINGQU_MATH double scalbn(double x, int e) { return __lingqu_scalbn(x, e); }
LINGQU_MATH float scalbnf(float x, int e) { return __lingqu_scalbnf(x, e); }
LINGQU_MATH float scalbn(float x, int e) { return __lingqu_scalbnf(x, e); }
LINGQU_MATH double scalbln(double x, long e) { return __lingqu_scalbln(x, e); }
LINGQU_MATH float scalblnf(float x, long e) { return __lingqu_scalblnf(x, e); }
LINGQU_MATH float scalbln(float x, long e) { return __lingqu_scalblnf(x, e); }
LINGQU_MATH double frexp(double x, int *e) { return __lingqu_frexp(x, e); }
LINGQU_MATH float frexpf(float x, int *e) { return __lingqu_frexpf(x, e); }
LINGQU_MATH float frexp(float x, int *e) { return __lingqu_frexpf(x, e); }
LINGQU_MATH double modf(double x, double *i) { return __lingqu_modf(x, i); }
LINGQU_MATH float modff(float x, float *i) { return __lingqu_modff(x, i); }
LINGQU_MATH float modf(float x, float *i) { return __lingqu_modff(x, i); }
LINGQU_MATH double remquo(double x, double y, int *q) {
  return __lingqu_remquo(x, y, q);
}
LINGQU_MATH float remquof(float x, float y, int *q) {
  return __lingqu_remquof(x, y, q);
}
LINGQU_MATH float remquo(float x, float y, int *q) {
  return __lingqu_remquof(x, y, q);
}
LINGQU_MATH int ilogb(double x) { return __lingqu_ilogb(x); }
LINGQU_MATH int ilogbf(float x) { return __lingqu_ilogbf(x); }
LINGQU_MATH int ilogb(float x) { return __lingqu_ilogbf(x); }
LINGQU_MATH void sincos(double x, double *s, double *c) {
  __lingqu_sincos(x, s, c);
}
LINGQU_MATH void sincosf(float x, float *s, float *c) {
  __lingqu_sincosf(x, s, c);
}
LINGQU_MATH void sincos(float x, float *s, float *c) {
  __lingqu_sincosf(x, s, c);
}
LINGQU_MATH double nan(const char *tag) { return __lingqu_nan(tag); }
LINGQU_MATH float nanf(const char *tag) { return __lingqu_nanf(tag); }

/* Rounding to integers. */
LINGQU_MATH long lrint(double x) { return (long)__builtin_rint(x); }
LINGQU_MATH long lrintf(float x) { return (long)__builtin_rintf(x); }
LINGQU_MATH long lrint(float x) { return (long)__builtin_rintf(x); }
LINGQU_MATH long long llrint(double x) { return (long long)__builtin_rint(x); }
LINGQU_MATH long long llrintf(float x) {
  return (long long)__builtin_rintf(x);
}
LINGQU_MATH long long llrint(float x) { return (long long)__builtin_rintf(x); }
LINGQU_MATH long lround(double x) { return (long)__builtin_round(x); }
LINGQU_MATH long lroundf(float x) { return (long)__builtin_roundf(x); }
LINGQU_MATH long lround(float x) { return (long)__builtin_roundf(x); }
LINGQU_MATH long long llround(double x) {
  return (long long)__builtin_round(x);
}
LINGQU_MATH long long llroundf(float x) {
  return (long long)__builtin_roundf(x);
}
LINGQU_MATH long long llround(float x) {
  return (long long)__builtin_roundf(x);
}

/* Classification (CUDA's C spellings; C++ code has std::isnan & co). */
LINGQU_MATH int __isnan(double x) { return __builtin_isnan(x); }
LINGQU_MATH int __isnanf(float x) { return __builtin_isnan(x); }
LINGQU_MATH int __isinf(double x) { return __builtin_isinf(x); }
LINGQU_MATH int __isinff(float x) { return __builtin_isinf(x); }
LINGQU_MATH int __finite(double x) { return __builtin_isfinite(x); }
LINGQU_MATH int __finitef(float x) { return __builtin_isfinite(x); }
LINGQU_MATH int __signbit(double x) { return __builtin_signbit(x); }
LINGQU_MATH int __signbitf(float x) { return __builtin_signbit(x); }
LINGQU_MATH bool isnan(double x) { return __builtin_isnan(x); }
LINGQU_MATH bool isnan(float x) { return __builtin_isnan(x); }
LINGQU_MATH bool isinf(double x) { return __builtin_isinf(x); }
LINGQU_MATH bool isinf(float x) { return __builtin_isinf(x); }
LINGQU_MATH bool isfinite(double x) { return __builtin_isfinite(x); }
LINGQU_MATH bool isfinite(float x) { return __builtin_isfinite(x); }
LINGQU_MATH bool signbit(double x) { return __builtin_signbit(x); }
LINGQU_MATH bool signbit(float x) { return __builtin_signbit(x); }

/*===--- Double-double arithmetic ------------------------------------------===*
 * For results that need more than double precision on the way: a value
 * hi + lo, with lo within half an ulp of hi. fma gives a product's rounding
 * error exactly.
 *===----------------------------------------------------------------------===*/
struct __lingqu_dd {
  double hi, lo;
};
/* m 2^k. (Results come back in structs, not through pointers: lqcc rejects
 * address-taken locals of inlined functions in some kernels.) */
struct __lingqu_dd_exp {
  __lingqu_dd m;
  int k;
};
LINGQU_MATH __lingqu_dd __lingqu_fast_sum(double a, double b) { // |a| >= |b|
  double s = a + b;
  return {s, b - (s - a)};
}
LINGQU_MATH __lingqu_dd __lingqu_two_sum(double a, double b) {
  double s = a + b, v = s - a;
  return {s, (a - (s - v)) + (b - v)};
}
LINGQU_MATH __lingqu_dd __lingqu_two_prod(double a, double b) {
  double p = a * b;
  return {p, __builtin_fma(a, b, -p)};
}
LINGQU_MATH __lingqu_dd __lingqu_dd_add(__lingqu_dd a, __lingqu_dd b) {
  __lingqu_dd s = __lingqu_two_sum(a.hi, b.hi);
  __lingqu_dd t = __lingqu_two_sum(a.lo, b.lo);
  s = __lingqu_fast_sum(s.hi, s.lo + t.hi);
  return __lingqu_fast_sum(s.hi, s.lo + t.lo);
}
LINGQU_MATH __lingqu_dd __lingqu_dd_add_d(__lingqu_dd a, double b) {
  __lingqu_dd s = __lingqu_two_sum(a.hi, b);
  return __lingqu_fast_sum(s.hi, s.lo + a.lo);
}
LINGQU_MATH __lingqu_dd __lingqu_dd_mul(__lingqu_dd a, __lingqu_dd b) {
  __lingqu_dd p = __lingqu_two_prod(a.hi, b.hi);
  return __lingqu_fast_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}
LINGQU_MATH __lingqu_dd __lingqu_dd_mul_d(__lingqu_dd a, double b) {
  __lingqu_dd p = __lingqu_two_prod(a.hi, b);
  return __lingqu_fast_sum(p.hi, p.lo + a.lo * b);
}
LINGQU_MATH __lingqu_dd __lingqu_dd_div_d(__lingqu_dd a, double b) {
  double q = a.hi / b;
  __lingqu_dd p = __lingqu_two_prod(q, b);
  return __lingqu_fast_sum(q, ((a.hi - p.hi) - p.lo + a.lo) / b);
}
LINGQU_MATH __lingqu_dd __lingqu_dd_div(__lingqu_dd a, __lingqu_dd b) {
  double q1 = a.hi / b.hi;
  __lingqu_dd r = __lingqu_dd_add(a, __lingqu_dd_mul_d(b, -q1));
  double q2 = r.hi / b.hi;
  r = __lingqu_dd_add(r, __lingqu_dd_mul_d(b, -q2));
  return __lingqu_dd_add_d(__lingqu_fast_sum(q1, q2), r.hi / b.hi);
}
LINGQU_MATH __lingqu_dd __lingqu_dd_recip(double b) { // 1/b
  double q = 1.0 / b;
  return __lingqu_fast_sum(q, __builtin_fma(-q, b, 1.0) / b);
}

/* x 2^k for |k| < 2044, rounding once: two scalings by powers of 2 in
 * range (the first exact for the arguments used here). Bit operations, not
 * library calls (ldexp, ilogb), so that code using them vectorises. */
LINGQU_MATH double __lingqu_exp2i(int k) { // -1022 <= k <= 1023
  return __builtin_bit_cast(double, (unsigned long long)(k + 1023) << 52);
}
LINGQU_MATH double __lingqu_scale(double x, int k) {
  int h = k / 2;
  return x * __lingqu_exp2i(h) * __lingqu_exp2i(k - h);
}
/* floor(log2 |x|) for finite x != 0. */
LINGQU_MATH int __lingqu_exponent(double x) {
  double a = __builtin_fabs(x);
  bool subnormal = a < 0x1p-1022;
  a = subnormal ? a * 0x1p54 : a;
  int e = (int)(__builtin_bit_cast(unsigned long long, a) >> 52) - 1023;
  return subnormal ? e - 54 : e;
}

/* ln 2 in three parts, the first with 42 bits so that k times it is exact
 * for |k| < 2^11; and in two parts of 53. */
#define LINGQU_LN2_42 0x1.62e42fefa38p-1
#define LINGQU_LN2_42B 0x1.ef35793c7673p-45
#define LINGQU_LN2_42C 0x1.f97b57a079a19p-103
#define LINGQU_LN2_HI 0x1.62e42fefa39efp-1
#define LINGQU_LN2_LO 0x1.abc9e3b39803fp-56

/* e^r - 1 for |r| < 0.35, to 2^-100 of itself: q = e^(r/256) - 1 by its
 * Taylor series to the 11th power (r/256 < 2^-9.5, the rest below 2^-120),
 * then 8 squarings as q <- 2q + q^2, which keep q's relative accuracy.
 * Straight-line code, so that a thread loop calling this vectorises. */
LINGQU_MATH __lingqu_dd __lingqu_expm1_reduced(__lingqu_dd r) {
  r.hi *= 0x1p-8;
  r.lo *= 0x1p-8;
  __lingqu_dd p = {1.0, 0.0};
#define LINGQU_TAYLOR(i) /* p = 1 + r p / i */                                 \
  p = __lingqu_dd_add_d(__lingqu_dd_div_d(__lingqu_dd_mul(r, p), i), 1.0);
  LINGQU_TAYLOR(11) LINGQU_TAYLOR(10) LINGQU_TAYLOR(9) LINGQU_TAYLOR(8)
  LINGQU_TAYLOR(7) LINGQU_TAYLOR(6) LINGQU_TAYLOR(5) LINGQU_TAYLOR(4)
  LINGQU_TAYLOR(3) LINGQU_TAYLOR(2)
#undef LINGQU_TAYLOR
  __lingqu_dd q = __lingqu_dd_mul(r, p);
#define LINGQU_SQUARE                                                          \
  q = __lingqu_dd_add(__lingqu_dd_mul_d(q, 2.0), __lingqu_dd_mul(q, q));
  LINGQU_SQUARE LINGQU_SQUARE LINGQU_SQUARE LINGQU_SQUARE
  LINGQU_SQUARE LINGQU_SQUARE LINGQU_SQUARE LINGQU_SQUARE
#undef LINGQU_SQUARE
  return q;
}
/* e^x = m 2^k for |x| < 746, m a double-double near 1: x less k ln 2 (its
 * first part exact), then e^r. */
LINGQU_MATH __lingqu_dd_exp __lingqu_exp_dd(__lingqu_dd x) {
  double kd = __builtin_rint(x.hi * 0x1.71547652b82fep+0);
  __lingqu_dd r = __lingqu_two_sum(x.hi - kd * LINGQU_LN2_42, x.lo);
  r = __lingqu_dd_add(r, __lingqu_two_prod(-kd, LINGQU_LN2_42B));
  r = __lingqu_dd_add_d(r, -kd * LINGQU_LN2_42C);
  return {__lingqu_dd_add_d(__lingqu_expm1_reduced(r), 1.0), (int)kd};
}

/* ln x for finite x > 0: x = m 2^e with m in [sqrt(1/2), sqrt 2), and one
 * Newton step on exp from the library's y = ln m: ln m = y + ln(m e^-y),
 * where m e^-y - 1 is of the order of y's error (its square negligible). */
LINGQU_MATH __lingqu_dd __lingqu_log_dd(double x) {
  int e = __lingqu_exponent(x);
  double m = __lingqu_scale(x, -e); // [1, 2)
  if (m > 0x1.6a09e667f3bcdp+0) {
    m *= 0.5;
    ++e;
  }
  double y = __lingqu_log(m); // |y| < ln(2)/2
  // m e^-y - 1 = m (e^-y - 1) + (m - 1), the last exact: relative to
  // itself even where ln m is tiny.
  __lingqu_dd d = __lingqu_dd_add_d(
      __lingqu_dd_mul_d(__lingqu_expm1_reduced({-y, 0.0}), m), m - 1.0);
  __lingqu_dd l = __lingqu_dd_add(d, {y, 0.0});
  __lingqu_dd el = __lingqu_two_prod((double)e, LINGQU_LN2_HI);
  el = __lingqu_dd_add_d(el, e * LINGQU_LN2_LO);
  return __lingqu_dd_add(el, l);
}

/* Whether the library's g is within n ulps of the accurate v. The functions
 * below keep the library's result when it is within CUDA's bound, so that
 * device and host agree wherever the host's library meets the bound. */
LINGQU_MATH bool __lingqu_within(double g, double v, int n) {
  if (g == v)
    return true;
  if (!__builtin_isfinite(g) || !__builtin_isfinite(v) ||
      __builtin_signbit(g) != __builtin_signbit(v))
    return false;
  long long a, b;
  __builtin_memcpy(&a, &g, 8);
  __builtin_memcpy(&b, &v, 8);
  return (a > b ? a - b : b - a) <= n;
}
LINGQU_MATH bool __lingqu_within(float g, float v, int n) {
  if (g == v)
    return true;
  if (!__builtin_isfinite(g) || !__builtin_isfinite(v) ||
      __builtin_signbit(g) != __builtin_signbit(v))
    return false;
  int a, b;
  __builtin_memcpy(&a, &g, 4);
  __builtin_memcpy(&b, &v, 4);
  return (a > b ? a - b : b - a) <= n;
}

/*===--- Where the C library misses CUDA's bounds --------------------------===*
 * glibc 2.36's double cbrt (3 ulp), tanh, exp10, log10 and cosh near
 * overflow (2 ulp) exceed CUDA's 1 ulp, its j0, j1, y0 and y1 lose all
 * precision near their zeros below 8 (CUDA: 7 ulp), and tgammaf reaches
 * 7 ulp (CUDA: 5); its float j0f, j1f, y0f and y1f reach CUDA's 9 ulp.
 * Each is computed accurately here, and the library's result is kept
 * where it is within the bound.
 *===----------------------------------------------------------------------===*/

/* cbrt: x = m 2^(3q) with m in [1, 8), then one Newton step on the
 * library's c = cbrt(x) / 2^q with the residual c^3 - m in double-double:
 * c + d is cbrt(m) to far below an ulp. */
LINGQU_MATH __lingqu_dd_exp __lingqu_cbrt_dd(double x, double c) {
  int e = __lingqu_exponent(x), r = ((e % 3) + 3) % 3, q = (e - r) / 3;
  double m = __lingqu_scale(x, -3 * q); // [1, 8)
  c = __lingqu_scale(c, -q);
  __lingqu_dd c2 = __lingqu_two_prod(c, c);
  __lingqu_dd res = __lingqu_dd_add_d(__lingqu_dd_mul_d(c2, c), -m);
  return {__lingqu_fast_sum(c, -res.hi / (3.0 * c2.hi)), q};
}
LINGQU_MATH double cbrt(double x) {
  double g = __lingqu_cbrt(x);
  if (!__builtin_isfinite(x) || x == 0)
    return g;
  __lingqu_dd_exp c = __lingqu_cbrt_dd(x, g);
  double v = __lingqu_scale(c.m.hi, c.k);
  return __lingqu_within(g, v, 1) ? g : v;
}

/* Where SLEEF's vector forms give up. log1p, asinh and acosh of huge
 * arguments: of x 2^-k, plus k ln 2 (log1p(x) and log(x), asinh(x) and
 * log(2x) agree to far below an ulp there). sinh and cosh from |x| = 709,
 * where e^|x| overflows but they do not until 710.48, and where glibc's
 * cosh reaches 2 ulp: e^|x| / 2 in double-double. The float forms there:
 * e^|x| / 2 in double. Each has one call of the library function, so that
 * it still vectorises. */
LINGQU_MATH double log1p(double x) {
  bool big = x > 0x1p1000;
  double r = __lingqu_log1p(big ? x * 0x1p-512 : x);
  return big ? r + 512 * LINGQU_LN2_HI : r;
}
LINGQU_MATH float log1pf(float x) {
  bool big = x > 0x1p100f;
  float r = __lingqu_log1pf(big ? x * 0x1p-64f : x);
  return big ? (float)((double)r + 64 * LINGQU_LN2_HI) : r;
}
LINGQU_MATH float log1p(float x) { return log1pf(x); }
/* asinh and acosh: beyond 2^500 (2^60 for float), x 2^-k in [2^100, 2^101)
 * ([2^30, 2^31)), and k ln 2 as k ln2_42 (exact) + k ln2_42b. */
LINGQU_MATH double __lingqu_arc_hyperbolic(bool cosine, double x) {
  double a = __builtin_fabs(x);
  bool big = a > 0x1p500 && a < __builtin_inf();
  int k = big ? __lingqu_exponent(a) - 100 : 0;
  double y = big ? __lingqu_scale(x, -k) : x;
  double r = cosine ? __lingqu_acosh(y) : __lingqu_asinh(y);
  double add =
      __builtin_fma(k, LINGQU_LN2_42B, __builtin_fabs(r)) + k * LINGQU_LN2_42;
  return big ? __builtin_copysign(add, r) : r;
}
LINGQU_MATH float __lingqu_arc_hyperbolicf(bool cosine, float x) {
  float a = __builtin_fabs(x);
  bool big = a > 0x1p60f && a < __builtin_inff();
  int k = big ? __lingqu_exponent(a) - 30 : 0;
  float y = big ? (float)__lingqu_scale(x, -k) : x;
  float r = cosine ? __lingqu_acoshf(y) : __lingqu_asinhf(y);
  double add = (double)__builtin_fabs(r) + k * LINGQU_LN2_HI;
  return big ? __builtin_copysignf((float)add, r) : r;
}
LINGQU_MATH double asinh(double x) { return __lingqu_arc_hyperbolic(false, x); }
LINGQU_MATH double acosh(double x) { return __lingqu_arc_hyperbolic(true, x); }
LINGQU_MATH float asinhf(float x) { return __lingqu_arc_hyperbolicf(false, x); }
LINGQU_MATH float acoshf(float x) { return __lingqu_arc_hyperbolicf(true, x); }
LINGQU_MATH float asinh(float x) { return asinhf(x); }
LINGQU_MATH float acosh(float x) { return acoshf(x); }
LINGQU_MATH double __lingqu_half_exp(double a) { // e^a / 2, a < 746
  __lingqu_dd_exp e = __lingqu_exp_dd({a, 0.0});
  return __lingqu_scale(e.m.hi, e.k - 1);
}
LINGQU_MATH double sinh(double x) {
  double a = __builtin_fabs(x), r = __lingqu_sinh(x);
  return a > 709.0 && a < 711.0 ? __builtin_copysign(__lingqu_half_exp(a), x)
                                 : r;
}
LINGQU_MATH double cosh(double x) {
  double a = __builtin_fabs(x), r = __lingqu_cosh(x);
  return a > 709.0 && a < 711.0 ? __lingqu_half_exp(a) : r;
}
LINGQU_MATH float sinhf(float x) {
  float a = __builtin_fabs(x), r = __lingqu_sinhf(x);
  float big = (float)(0.5 * __lingqu_exp((double)a));
  return a > 88.0f ? __builtin_copysignf(big, x) : r;
}
LINGQU_MATH float coshf(float x) {
  float a = __builtin_fabs(x), r = __lingqu_coshf(x);
  return a > 88.0f ? (float)(0.5 * __lingqu_exp((double)a)) : r;
}
LINGQU_MATH float sinh(float x) { return sinhf(x); }
LINGQU_MATH float cosh(float x) { return coshf(x); }

/* tanh = (e^2|x| - 1) / (e^2|x| + 1) in double-double; its Taylor series
 * below 2^-10; +-1 from 20 on (1 - tanh 20 < 2^-57). */
LINGQU_MATH double tanh(double x) {
  // Both branches computed and selected: straight-line code vectorises.
  double g = __lingqu_tanh(x), a = __builtin_fabs(x), z = x * x;
  double small = x + x * (z * (-1.0 / 3 + z * (2.0 / 15 + z * (-17.0 / 315))));
  __lingqu_dd_exp x2 = __lingqu_exp_dd({a < 20 ? 2 * a : 0.0, 0.0});
  __lingqu_dd e = {__lingqu_scale(x2.m.hi, x2.k),
                   __lingqu_scale(x2.m.lo, x2.k)};
  double big = __builtin_copysign(
      __lingqu_dd_div(__lingqu_dd_add_d(e, -1.0), __lingqu_dd_add_d(e, 1.0)).hi,
      x);
  double v = x == 0 ? x : a < 0x1p-10 ? small : big;
  return !(a < 20) || __lingqu_within(g, v, 1) ? g : v;
}

/* exp10 x = e^(x ln 10), x ln 10 in double-double. */
LINGQU_MATH double exp10(double x) {
  double g = __lingqu_exp10(x);
  if (!(x > -330 && x < 310))
    return g;
  __lingqu_dd y = __lingqu_two_prod(x, 0x1.26bb1bbb55516p+1);
  y = __lingqu_dd_add_d(y, x * -0x1.f48ad494ea3e9p-53);
  __lingqu_dd_exp e = __lingqu_exp_dd(y);
  double v = __lingqu_scale(e.m.hi, e.k);
  return __lingqu_within(g, v, 1) ? g : v;
}

/* log10 x = ln x / ln 10 in double-double. */
LINGQU_MATH double log10(double x) {
  double g = __lingqu_log10(x);
  if (!(x > 0 && x < __builtin_inf()))
    return g;
  double v = __lingqu_dd_mul(__lingqu_log_dd(x),
                             {0x1.bcb7b1526e50ep-2, 0x1.95355baaafad3p-57})
                 .hi;
  return __lingqu_within(g, v, 1) ? g : v;
}

/* J0, J1, Y0, Y1 below 8 (kind 0 to 3). The power series in double-double,
 *   J0 = sum (-q)^k / k!^2, J1 = (x/2) sum (-q)^k / (k!(k+1)!), q = x^2/4,
 *   Y0 = (2/pi) ((ln(x/2) + gamma) J0 - sum H_k t_k),
 *   Y1 = (2/pi) ((ln(x/2) + gamma) J1 - 1/x - sum (H_k + H_k+1) t_k / 2),
 * with t_k the terms of J0 or J1 and H_k the harmonic numbers; they cancel
 * to within 2^-92 or so. Within 2^-12 of a zero z, where that is not
 * enough, the Taylor series in t = x - z (z in three parts, so t is exact
 * to an ulp), its coefficients from Bessel's equation and f'(z).
 *
 * The zero z of a kind within 2^-12 of x, if any: z in three parts, f'(z). */
struct __lingqu_bessel_zero {
  double z, zm, zl, d;
};
LINGQU_MATH __lingqu_bessel_zero __lingqu_bessel_zero_near(int kind, double x) {
#define LINGQU_ZERO(k, h, m, l, dv)                                            \
  if (kind == k && __builtin_fabs(x - h) < 0x1p-12)                            \
    return {h, m, l, dv};
  LINGQU_ZERO(0, 0x1.33d152e971b4p+1, -0x1.0f539d7da258ep-53,
              -0x1.646effa90e9e4p-107, -0x1.09cdb3655128p-1)
  LINGQU_ZERO(0, 0x1.6148f5b2c2e45p+2, 0x1.75054cd60a517p-54,
              -0x1.2c78a130dfed1p-112, 0x1.5c6e60a097823p-2)
  LINGQU_ZERO(1, 0x1.ea75575af6f09p+1, -0x1.60155a9d1b256p-53,
              -0x1.fb72b16a8f55ep-108, -0x1.9c6cf582cbf7fp-2)
  LINGQU_ZERO(1, 0x1.c0ff5f3b4725p+2, -0x1.b226d9d243827p-54,
              -0x1.3ceb4a3a76e2cp-109, 0x1.33518b3874e8ap-2)
  LINGQU_ZERO(2, 0x1.c982eb8d417eap-1, 0x1.ea9d270347f83p-56,
              -0x1.2c2f4d6e99a1fp-112, 0x1.c24371844b88ap-1)
  LINGQU_ZERO(2, 0x1.fa9534d98569cp+1, -0x1.f06ae7804384ep-54,
              0x1.a02d2e779d6a4p-109, -0x1.9c34256a12a0cp-2)
  LINGQU_ZERO(2, 0x1.c581dc4e72103p+2, -0x1.9774a495f56cfp-54,
              0x1.acc2b9cf914d1p-113, 0x1.334cca0697a5bp-2)
  LINGQU_ZERO(3, 0x1.193bed4dff243p+1, -0x1.bd1e50d219bfdp-55,
              -0x1.eaabce933bf64p-114, 0x1.0aa48442f014bp-1)
  LINGQU_ZERO(3, 0x1.5b7fe4e87b02ep+2, 0x1.dfe7bac228e8cp-52,
              -0x1.11f731cc08f3p-108, -0x1.5c7c556f0c19ap-2)
#undef LINGQU_ZERO
  return {0.0, 0.0, 0.0, 0.0};
}
/* Near a zero z of a solution of x^2 f'' + x f' + (x^2 - n^2) f = 0 with
 * f'(z) = d: f(z + t) = sum a_k t^k, a_0 = 0, a_1 = d, and
 * a_m+2 = -(z (m+1)(2m+1) a_m+1 + (m^2 + z^2 - n^2) a_m + 2z a_m-1 + a_m-2)
 *         / (z^2 (m+2)(m+1)). */
LINGQU_MATH double __lingqu_bessel_near_zero(int n, double x,
                                             __lingqu_bessel_zero z0) {
  double z = z0.z;
  __lingqu_dd t = __lingqu_two_sum(x - z, -z0.zm); // x - z is exact
  double tt = t.hi + (t.lo - z0.zl);
  double v = z * z - n * n, w = z * z;
  double a1 = z0.d, a2 = -a1 / (2 * z);
  double a3 = -(6 * z * a2 + (1 + v) * a1) / (6 * w);
  double a4 = -(15 * z * a3 + (4 + v) * a2 + 2 * z * a1) / (12 * w);
  double a5 = -(28 * z * a4 + (9 + v) * a3 + 2 * z * a2 + a1) / (20 * w);
  return tt * (a1 + tt * (a2 + tt * (a3 + tt * (a4 + tt * a5))));
}
LINGQU_MATH double __lingqu_bessel_small(int kind, double x) { // 0 < x < 8
  int n = kind & 1;
  __lingqu_bessel_zero z0 = __lingqu_bessel_zero_near(kind, x);
  if (z0.z != 0.0)
    return __lingqu_bessel_near_zero(n, x, z0);
  if (kind == 3 && x < 0x1p-30) // -2/(pi x), the rest below 2^-58 of it
    return -0x1.45f306dc9c883p-1 / x;
  __lingqu_dd q = __lingqu_two_prod(x, x);
  q.hi *= 0.25;
  q.lo *= 0.25;
  __lingqu_dd t = {n ? 0.5 * x : 1.0, 0.0}, j = t, h = {0.0, 0.0},
              w = {0.0, 0.0};
  if (n)
    w = __lingqu_dd_mul_d(t, 0.5); // (H_0 + H_1) / 2 t_0
  for (int k = 1; k < 64; ++k) {
    t = __lingqu_dd_div_d(__lingqu_dd_mul(t, q), -(double)(k * (k + n)));
    j = __lingqu_dd_add(j, t);
    if (kind >= 2) {
      h = __lingqu_dd_add(h, __lingqu_dd_recip(k)); // H_k
      __lingqu_dd weight = h;
      if (n) // (H_k + H_k+1) / 2
        weight = __lingqu_dd_mul_d(__lingqu_dd_add(__lingqu_dd_mul_d(h, 2.0),
                                                   __lingqu_dd_recip(k + 1)),
                                   0.5);
      w = __lingqu_dd_add(w, __lingqu_dd_mul(weight, t));
    }
    if (k > 4 && __builtin_fabs(t.hi) < 0x1p-110 * (n ? x : 1.0))
      break;
  }
  if (kind < 2)
    return j.hi;
  // (ln(x/2) + gamma) J - w, and - 1/x for Y1; times 2/pi.
  __lingqu_dd l = __lingqu_dd_add(__lingqu_log_dd(x),
                                  {-LINGQU_LN2_HI, -LINGQU_LN2_LO});
  l = __lingqu_dd_add(l, {0x1.2788cfc6fb619p-1, -0x1.6cb90701fbfabp-58});
  __lingqu_dd y = __lingqu_dd_add(__lingqu_dd_mul(l, j), {-w.hi, -w.lo});
  if (n) {
    __lingqu_dd r = __lingqu_dd_recip(x);
    y = __lingqu_dd_add(y, {-r.hi, -r.lo});
  }
  return __lingqu_dd_mul(y, {0x1.45f306dc9c883p-1, -0x1.6b01ec5417056p-55}).hi;
}
/* CUDA bounds these by 7 ulp below 8 and absolutely beyond, where the
 * library's are within. Kept: the library's result within 4 ulps of the
 * accurate one (which is within 2 of the correctly rounded one). */
LINGQU_MATH double j0(double x) {
  double g = __lingqu_j0(x), a = __builtin_fabs(x);
  if (!(a < 8))
    return g;
  double v = __lingqu_bessel_small(0, a);
  return __lingqu_within(g, v, 4) ? g : v;
}
LINGQU_MATH double j1(double x) {
  double g = __lingqu_j1(x), a = __builtin_fabs(x);
  if (!(a < 8) || x == 0)
    return g;
  double v = __lingqu_bessel_small(1, a);
  v = x < 0 ? -v : v;
  return __lingqu_within(g, v, 4) ? g : v;
}
LINGQU_MATH double y0(double x) {
  double g = __lingqu_y0(x);
  if (!(x > 0 && x < 8))
    return g;
  double v = __lingqu_bessel_small(2, x);
  return __lingqu_within(g, v, 4) ? g : v;
}
LINGQU_MATH double y1(double x) {
  double g = __lingqu_y1(x);
  if (!(x > 0 && x < 8))
    return g;
  double v = __lingqu_bessel_small(3, x);
  return __lingqu_within(g, v, 4) ? g : v;
}
/* glibc's float forms reach CUDA's 9 ulp below 8 (measured over every
 * float in [2, 8)): the double computation rounded to float instead where
 * the library's is more than 7 ulps from it. */
LINGQU_MATH float __lingqu_bessel_f(int kind, float x, float g) {
  float a = __builtin_fabs(x);
  if (!(a < 8.0f) || (kind < 2 ? x == 0.0f : !(x > 0.0f)))
    return g;
  float v = (float)__lingqu_bessel_small(kind, a);
  v = kind == 1 && x < 0 ? -v : v;
  return __lingqu_within(g, v, 7) ? g : v;
}
LINGQU_MATH float j0f(float x) {
  return __lingqu_bessel_f(0, x, __lingqu_j0f(x));
}
LINGQU_MATH float j1f(float x) {
  return __lingqu_bessel_f(1, x, __lingqu_j1f(x));
}
LINGQU_MATH float y0f(float x) {
  return __lingqu_bessel_f(2, x, __lingqu_y0f(x));
}
LINGQU_MATH float y1f(float x) {
  return __lingqu_bessel_f(3, x, __lingqu_y1f(x));
}
LINGQU_MATH float j0(float x) { return j0f(x); }
LINGQU_MATH float j1(float x) { return j1f(x); }
LINGQU_MATH float y0(float x) { return y0f(x); }
LINGQU_MATH float y1(float x) { return y1f(x); }

/* jn and yn: orders 0 and 1 are j0, j1, y0 and y1 above (the library's
 * are its j0 ... y1). CUDA's are NaN for a negative order (the C library's
 * follow J-n = (-1)^n Jn). */
LINGQU_MATH double jn(int n, double x) {
  return n < 0    ? __builtin_nan("")
         : n == 0 ? j0(x)
         : n == 1 ? j1(x)
                  : __lingqu_jn(n, x);
}
LINGQU_MATH float jnf(int n, float x) {
  return n < 0    ? __builtin_nanf("")
         : n == 0 ? j0f(x)
         : n == 1 ? j1f(x)
                  : __lingqu_jnf(n, x);
}
LINGQU_MATH double yn(int n, double x) {
  return n < 0    ? __builtin_nan("")
         : n == 0 ? y0(x)
         : n == 1 ? y1(x)
                  : __lingqu_yn(n, x);
}
LINGQU_MATH float ynf(int n, float x) {
  return n < 0    ? __builtin_nanf("")
         : n == 0 ? y0f(x)
         : n == 1 ? y1f(x)
                  : __lingqu_ynf(n, x);
}

/* tgammaf through tgamma, whose error (a few double ulps) is far below a
 * float's; the library's kept within 4 ulps of it. */
LINGQU_MATH float tgammaf(float x) {
  float g = __lingqu_tgammaf(x), v = (float)__lingqu_tgamma_vec((double)x);
  return __lingqu_within(g, v, 4) ? g : v;
}
LINGQU_MATH float tgamma(float x) { return tgammaf(x); }

/*===--- Functions only CUDA has -------------------------------------------===*/

/* Reciprocals. The float forms are computed in double and rounded once. */
LINGQU_MATH float rsqrtf(float x) {
  return (float)(1.0 / __builtin_sqrt((double)x));
}
LINGQU_MATH double rsqrt(double x) { return 1.0 / __builtin_sqrt(x); }
LINGQU_MATH float rcbrtf(float x) { return (float)(1.0 / cbrt((double)x)); }
/* 1 / (c + d), with c + d = cbrt(x) from cbrt's Newton step. */
LINGQU_MATH double rcbrt(double x) {
  if (!__builtin_isfinite(x) || x == 0)
    return 1.0 / x;
  __lingqu_dd_exp c = __lingqu_cbrt_dd(x, __lingqu_cbrt(x));
  double r = 1.0 / c.m.hi;
  double e = __builtin_fma(-r, c.m.hi, 1.0) - r * c.m.lo;
  return __lingqu_scale(__builtin_fma(r, e, r), -c.k);
}

/* sinpi/cospi: the argument is reduced exactly to [0, 1/4] and pi r taken
 * in double-double: sin(p + e) = sin p + e cos p, cos(p + e) = cos p -
 * e sin p. The float forms round the double ones. */
LINGQU_MATH double __lingqu_sinpi_quarter(double r) {
  __lingqu_dd p = __lingqu_two_prod(0x1.921fb54442d18p+1, r);
  double e = p.lo + 0x1.1a62633145c07p-53 * r;
  return __builtin_fma(e, __lingqu_cos(p.hi), __lingqu_sin(p.hi));
}
LINGQU_MATH double __lingqu_cospi_quarter(double r) {
  __lingqu_dd p = __lingqu_two_prod(0x1.921fb54442d18p+1, r);
  double e = p.lo + 0x1.1a62633145c07p-53 * r;
  return __builtin_fma(-e, __lingqu_sin(p.hi), __lingqu_cos(p.hi));
}
/* x less the nearest even integer, in [-1, 1]: exact. */
LINGQU_MATH double __lingqu_reduce_pi(double x) {
  return x - 2.0 * __builtin_rint(x * 0.5);
}
LINGQU_MATH double sinpi(double x) {
  if (__builtin_isinf(x))
    return __builtin_nan("");
  if (x == __builtin_trunc(x)) /* exact zeros, signed as x */
    return __builtin_copysign(0.0, x);
  double r = __lingqu_reduce_pi(x), a = __builtin_fabs(r);
  if (a > 0.5) // sin(pi a) = sin(pi (1 - a))
    a = 1.0 - a;
  double v = a <= 0.25 ? __lingqu_sinpi_quarter(a)
                       : __lingqu_cospi_quarter(0.5 - a);
  return __builtin_copysign(v, r);
}
LINGQU_MATH double cospi(double x) {
  if (__builtin_isinf(x))
    return __builtin_nan("");
  double a = __builtin_fabs(__lingqu_reduce_pi(__builtin_fabs(x))), s = 1.0;
  if (a > 0.5) { // cos(pi a) = -cos(pi (1 - a))
    a = 1.0 - a;
    s = -1.0;
  }
  if (a == 0.5)
    return 0.0;
  return s * (a <= 0.25 ? __lingqu_cospi_quarter(a)
                        : __lingqu_sinpi_quarter(0.5 - a));
}
LINGQU_MATH float sinpif(float x) { return (float)sinpi((double)x); }
LINGQU_MATH float cospif(float x) { return (float)cospi((double)x); }
LINGQU_MATH float sinpi(float x) { return sinpif(x); }
LINGQU_MATH float cospi(float x) { return cospif(x); }
LINGQU_MATH void sincospi(double x, double *s, double *c) {
  *s = sinpi(x);
  *c = cospi(x);
}
LINGQU_MATH void sincospif(float x, float *s, float *c) {
  *s = sinpif(x);
  *c = cospif(x);
}
LINGQU_MATH void sincospi(float x, float *s, float *c) { sincospif(x, s, c); }

/* Norms. An infinite coordinate gives +inf (+0 for the reciprocals) even
 * beside a NaN, as CUDA documents. The double forms scale the coordinates
 * by a power of 2 to the largest's binade and sum the squares in
 * double-double, so that neither overflow nor underflow happens before the
 * end and the result is rounded once; the float forms sum in double. */
/* Coordinates come from an array (norm) or as arguments (norm3d: then p is
 * null and the coordinates are a..d). */
LINGQU_MATH double __lingqu_coord(const double *p, int i, double a, double b,
                                  double c, double d) {
  return p ? p[i] : i == 0 ? a : i == 1 ? b : i == 2 ? c : d;
}
#define LINGQU_COORD(i) __lingqu_coord(p, i, a, b, c, d)
/* 2 for an infinite coordinate, 1 for a NaN, else 0. */
LINGQU_MATH int __lingqu_norm_special(int n, const double *p, double a,
                                      double b, double c, double d) {
  int nan = 0;
  for (int i = 0; i < n; ++i) {
    double x = LINGQU_COORD(i);
    if (__builtin_isinf(x))
      return 2;
    nan |= x != x;
  }
  return nan;
}
/* sqrt of the sum of squares as m 2^k, m a double-double. */
LINGQU_MATH __lingqu_dd_exp __lingqu_norm_dd(int n, const double *p, double a,
                                             double b, double c, double d) {
  double big = 0.0;
  for (int i = 0; i < n; ++i)
    big = __builtin_fmax(big, __builtin_fabs(LINGQU_COORD(i)));
  int e = big == 0.0 ? 0 : __lingqu_exponent(big);
  __lingqu_dd s = {0.0, 0.0};
  for (int i = 0; i < n; ++i) {
    double x = __lingqu_scale(LINGQU_COORD(i), -e);
    s = __lingqu_dd_add(s, __lingqu_two_prod(x, x));
  }
  double h = __builtin_sqrt(s.hi);
  double l = h == 0.0 ? 0.0 : (__builtin_fma(-h, h, s.hi) + s.lo) / (2.0 * h);
  return {__lingqu_fast_sum(h, l), e};
}
LINGQU_MATH double __lingqu_norm(int n, const double *p, double a = 0,
                                 double b = 0, double c = 0, double d = 0) {
  int special = __lingqu_norm_special(n, p, a, b, c, d);
  if (special)
    return special == 2 ? __builtin_inf() : __builtin_nan("");
  __lingqu_dd_exp m = __lingqu_norm_dd(n, p, a, b, c, d);
  return __lingqu_scale(m.m.hi, m.k);
}
LINGQU_MATH double __lingqu_rnorm(int n, const double *p, double a = 0,
                                  double b = 0, double c = 0, double d = 0) {
  int special = __lingqu_norm_special(n, p, a, b, c, d);
  if (special)
    return special == 2 ? 0.0 : __builtin_nan("");
  __lingqu_dd_exp m = __lingqu_norm_dd(n, p, a, b, c, d);
  if (m.m.hi == 0.0)
    return __builtin_inf();
  double r = 1.0 / m.m.hi;
  double e = __builtin_fma(-r, m.m.hi, 1.0) - r * m.m.lo;
  return __lingqu_scale(__builtin_fma(r, e, r), -m.k);
}
#undef LINGQU_COORD
/* Floats: exact squares summed in double, which cannot overflow. */
LINGQU_MATH float __lingqu_normf(int n, const float *p, bool reciprocal,
                                 float a = 0, float b = 0, float c = 0,
                                 float d = 0) {
  double sum = 0.0;
  bool nan = false;
  for (int i = 0; i < n; ++i) {
    double x = p ? p[i] : i == 0 ? a : i == 1 ? b : i == 2 ? c : d;
    if (__builtin_isinf(x))
      return reciprocal ? 0.0f : __builtin_inff();
    nan |= x != x;
    sum += x * x;
  }
  if (nan)
    return __builtin_nanf("");
  double r = __builtin_sqrt(sum);
  return (float)(reciprocal ? 1.0 / r : r);
}
LINGQU_MATH double rhypot(double x, double y) {
  return __lingqu_rnorm(2, nullptr, x, y);
}
LINGQU_MATH float rhypotf(float x, float y) {
  return __lingqu_normf(2, nullptr, true, x, y);
}
LINGQU_MATH double norm3d(double a, double b, double c) {
  return __lingqu_norm(3, nullptr, a, b, c);
}
LINGQU_MATH float norm3df(float a, float b, float c) {
  return __lingqu_normf(3, nullptr, false, a, b, c);
}
LINGQU_MATH double rnorm3d(double a, double b, double c) {
  return __lingqu_rnorm(3, nullptr, a, b, c);
}
LINGQU_MATH float rnorm3df(float a, float b, float c) {
  return __lingqu_normf(3, nullptr, true, a, b, c);
}
LINGQU_MATH double norm4d(double a, double b, double c, double d) {
  return __lingqu_norm(4, nullptr, a, b, c, d);
}
LINGQU_MATH float norm4df(float a, float b, float c, float d) {
  return __lingqu_normf(4, nullptr, false, a, b, c, d);
}
LINGQU_MATH double rnorm4d(double a, double b, double c, double d) {
  return __lingqu_rnorm(4, nullptr, a, b, c, d);
}
LINGQU_MATH float rnorm4df(float a, float b, float c, float d) {
  return __lingqu_normf(4, nullptr, true, a, b, c, d);
}
LINGQU_MATH double norm(int dim, const double *p) {
  return __lingqu_norm(dim, p);
}
LINGQU_MATH float normf(int dim, const float *p) {
  return __lingqu_normf(dim, p, false);
}
LINGQU_MATH double rnorm(int dim, const double *p) {
  return __lingqu_rnorm(dim, p);
}
LINGQU_MATH float rnormf(int dim, const float *p) {
  return __lingqu_normf(dim, p, true);
}

/* The error function's relatives. The float forms round the double ones. */

/* erfcx(x) = exp(x^2) erfc(x) with x^2 = s + e in double-double:
 * exp(s) erfc(x) (1 + e), the product in double-double, up to 26, where
 * erfc nears the subnormals; beyond, the asymptotic series
 * 1/(x sqrt(pi)) sum (-1)^k (2k-1)!! / (2x^2)^k, 10 terms (below 2^-60). */
LINGQU_MATH double erfcx(double x) {
  if (x != x)
    return x;
  if (x < 26.0) {
    __lingqu_dd s = __lingqu_two_prod(x, x);
    double e = __lingqu_exp(s.hi);
    if (__builtin_isinf(e))
      return e;
    __lingqu_dd p = __lingqu_two_prod(e, __lingqu_erfc(x));
    if (__builtin_isinf(p.hi))
      return p.hi;
    return p.hi + (p.lo + p.hi * s.lo);
  }
  if (__builtin_isinf(x))
    return 0.0;
  double t = 0.5 / x / x, term = 1.0, sum = 1.0;
  for (int k = 1; k <= 10; ++k) {
    term *= -(2 * k - 1) * t;
    sum += term;
  }
  return sum / x * 0x1.20dd750429b6dp-1; // 1/sqrt(pi)
}
LINGQU_MATH float erfcxf(float x) { return (float)erfcx((double)x); }

/* normcdf(x) = erfc(t)/2, t = -x/sqrt 2 = th + tl in double-double:
 * erfc(th + tl) = erfc(th) - tl (2/sqrt pi) exp(-th^2), the last factor
 * erfc(th)/erfcx(th) where exp(-th^2) would underflow. */
LINGQU_MATH double normcdf(double x) {
  if (__builtin_isinf(x) || x != x)
    return x != x ? x : (x > 0 ? 1.0 : 0.0);
  __lingqu_dd t = __lingqu_two_prod(-x, 0x1.6a09e667f3bcdp-1);
  double tl = t.lo - x * -0x1.bdd3413b26456p-55;
  double c = __lingqu_erfc(t.hi), g;
  if (t.hi <= 0.0)
    g = __lingqu_exp(-t.hi * t.hi);
  else
    g = c / erfcx(t.hi);
  return 0.5 * (c - tl * 0x1.20dd750429b6dp+0 * g);
}
LINGQU_MATH float normcdff(float x) { return (float)normcdf((double)x); }

/* erfinv and erfcinv by Newton's method, each where the function it
 * inverts is known to relative accuracy: erf for |x| <= 1/2 (from Giles's
 * single-precision approximation), else the tails, erfc(y) = t <= 1/2,
 * solved as log erfc(y) = log erfcx(y) - y^2 = log t, which stays in range
 * where erfc(y) underflows (t subnormal). */
LINGQU_MATH double __lingqu_erfinv_small(double x) { // |x| <= 1/2
  /* Giles, "Approximating the erfinv function" (single precision). */
  double w = -__lingqu_log((1.0 - x) * (1.0 + x)) - 2.5, p;
  p = 2.81022636e-08;
  p = 3.43273939e-07 + p * w;
  p = -3.5233877e-06 + p * w;
  p = -4.39150654e-06 + p * w;
  p = 0.00021858087 + p * w;
  p = -0.00125372503 + p * w;
  p = -0.00417768164 + p * w;
  p = 0.246640727 + p * w;
  p = 1.50140941 + p * w;
  double y = p * x;
  for (int i = 0; i < 3; ++i) // quadratic: 3 steps from ~1e-7
    y -= (__lingqu_erf(y) - x) /
         (0x1.20dd750429b6dp+0 * __lingqu_exp(-y * y));
  return y;
}
LINGQU_MATH double __lingqu_erfc_tail_inverse(double t) { // 0 < t <= 1/2
  double lt = __lingqu_log(t);
  // start: erfc(y) ~ exp(-y^2) / (y sqrt(pi)), within 15%
  double y = __builtin_sqrt(-lt);
  double u = -lt - __lingqu_log(y * 0x1.c5bf891b4ef6bp+0);
  y = __builtin_sqrt(u > 0.2 ? u : 0.2);
  for (int i = 0; i < 8; ++i) {
    __lingqu_dd y2 = __lingqu_two_prod(y, y);
    double ex = erfcx(y);
    double g = ((__lingqu_log(ex) - lt) - y2.hi) - y2.lo;
    double step = g * 0x1.c5bf891b4ef6bp-1 * ex; // g sqrt(pi)/2 erfcx(y)
    y += step;
    if (__builtin_fabs(step) < 0x1p-60 * y)
      break;
  }
  return y;
}
LINGQU_MATH double erfinv(double x) {
  double a = __builtin_fabs(x);
  if (!(a < 1.0))
    return a == 1.0 ? __builtin_copysign(__builtin_inf(), x)
                    : __builtin_nan("");
  if (a <= 0.5)
    return a == 0.0 ? x : __lingqu_erfinv_small(x);
  return __builtin_copysign(__lingqu_erfc_tail_inverse(1.0 - a), x);
}
LINGQU_MATH double erfcinv(double x) {
  if (!(x > 0.0 && x < 2.0))
    return x == 0.0   ? __builtin_inf()
           : x == 2.0 ? -__builtin_inf()
                      : __builtin_nan("");
  if (x < 0.5)
    return __lingqu_erfc_tail_inverse(x);
  if (x > 1.5) // 2 - x is exact
    return -__lingqu_erfc_tail_inverse(2.0 - x);
  return erfinv(1.0 - x); // exact
}
LINGQU_MATH float erfinvf(float x) { return (float)erfinv((double)x); }
LINGQU_MATH float erfcinvf(float x) { return (float)erfcinv((double)x); }
/* normcdfinv(p) = -sqrt(2) erfcinv(2p); + 0 makes normcdfinv(1/2) +0. */
LINGQU_MATH double normcdfinv(double x) {
  return -0x1.6a09e667f3bcdp+0 * erfcinv(2.0 * x) + 0.0;
}
LINGQU_MATH float normcdfinvf(float x) {
  return (float)normcdfinv((double)x);
}

/* Modified Bessel functions of the first kind. Below 40 their power series
 * sum (x/2)^(2k+n) / (k!(k+n)!), all terms positive, in double-double; from
 * 40 on e^x / sqrt(2 pi x) sum t_k, t_k = -t_k-1 (4n^2 - (2k-1)^2) / (8kx),
 * e^x in double-double and scaled last, so that it overflows only where
 * the result does. */
LINGQU_MATH double __lingqu_bessel_i(int n, double x) {
  double a = __builtin_fabs(x);
  if (!(a < 40.0)) {
    if (a != a)
      return x;
    if (a > 714.0) // both overflow beyond 713.99
      return n && x < 0 ? -__builtin_inf() : __builtin_inf();
    double s = 1.0, t = 1.0;
    for (int k = 1; k < 40; ++k) {
      t *= -(4.0 * n * n - (2.0 * k - 1) * (2.0 * k - 1)) / (8.0 * k * a);
      s += t;
    }
    __lingqu_dd_exp e = __lingqu_exp_dd({a, 0.0});
    double r = __lingqu_scale(
        e.m.hi * (s / __builtin_sqrt(0x1.921fb54442d18p+2 * a)), e.k);
    return n && x < 0 ? -r : r;
  }
  if (x == 0.0) // I1(±0) = ±0
    return n ? x : 1.0;
  __lingqu_dd q = __lingqu_two_prod(x, x);
  q.hi *= 0.25;
  q.lo *= 0.25;
  __lingqu_dd t = {n ? 0.5 * x : 1.0, 0.0}, sum = t;
  for (int k = 1; k < 200; ++k) {
    t = __lingqu_dd_div_d(__lingqu_dd_mul(t, q), (double)(k * (k + n)));
    sum = __lingqu_dd_add(sum, t);
    if (__builtin_fabs(t.hi) <= 0x1p-106 * __builtin_fabs(sum.hi))
      break;
  }
  return sum.hi;
}
LINGQU_MATH double cyl_bessel_i0(double x) { return __lingqu_bessel_i(0, x); }
LINGQU_MATH double cyl_bessel_i1(double x) { return __lingqu_bessel_i(1, x); }
LINGQU_MATH float cyl_bessel_i0f(float x) {
  return (float)cyl_bessel_i0((double)x);
}
LINGQU_MATH float cyl_bessel_i1f(float x) {
  return (float)cyl_bessel_i1((double)x);
}

/* Division and clamping. */
LINGQU_MATH float fdividef(float x, float y) { return x / y; }
LINGQU_MATH double fdivide(double x, double y) { return x / y; }

/*===--- Intrinsics --------------------------------------------------------===*/

/* Fast-math intrinsics: the accurate functions, within every CUDA bound. */
LINGQU_MATH float __sinf(float x) { return sinf(x); }
LINGQU_MATH float __cosf(float x) { return cosf(x); }
LINGQU_MATH float __tanf(float x) { return tanf(x); }
LINGQU_MATH void __sincosf(float x, float *s, float *c) { sincosf(x, s, c); }
LINGQU_MATH float __expf(float x) { return expf(x); }
LINGQU_MATH float __exp10f(float x) { return exp10f(x); }
LINGQU_MATH float __logf(float x) { return logf(x); }
LINGQU_MATH float __log2f(float x) { return log2f(x); }
LINGQU_MATH float __log10f(float x) { return log10f(x); }
LINGQU_MATH float __powf(float x, float y) { return powf(x, y); }
LINGQU_MATH float __fdividef(float x, float y) { return x / y; }
LINGQU_MATH float __saturatef(float x) {
  /* NaN goes to 0, as on NVIDIA hardware. */
  return x >= 1.0f ? 1.0f : (x > 0.0f ? x : 0.0f);
}
LINGQU_MATH float __frsqrt_rn(float x) { return rsqrtf(x); }

/* Reinterpretation. */
LINGQU_MATH int __float_as_int(float x) {
  int i;
  __builtin_memcpy(&i, &x, 4);
  return i;
}
LINGQU_MATH unsigned __float_as_uint(float x) {
  unsigned i;
  __builtin_memcpy(&i, &x, 4);
  return i;
}
LINGQU_MATH float __int_as_float(int i) {
  float x;
  __builtin_memcpy(&x, &i, 4);
  return x;
}
LINGQU_MATH float __uint_as_float(unsigned i) {
  float x;
  __builtin_memcpy(&x, &i, 4);
  return x;
}
LINGQU_MATH long long __double_as_longlong(double x) {
  long long i;
  __builtin_memcpy(&i, &x, 8);
  return i;
}
LINGQU_MATH double __longlong_as_double(long long i) {
  double x;
  __builtin_memcpy(&x, &i, 8);
  return x;
}
LINGQU_MATH int __double2hiint(double x) {
  return (int)(__double_as_longlong(x) >> 32);
}
LINGQU_MATH int __double2loint(double x) {
  return (int)(unsigned)__double_as_longlong(x);
}
LINGQU_MATH double __hiloint2double(int hi, int lo) {
  return __longlong_as_double((long long)(((unsigned long long)(unsigned)hi
                                           << 32) |
                                          (unsigned)lo));
}

/* Conversions with a rounding mode; out-of-range values saturate and NaN
 * gives 0, as NVIDIA's cvt instructions do. */
#define LINGQU_CVT(from, F, to, T, lo, hi)                                     \
  LINGQU_MATH T __lingqu_##from##2##to(F x) {                                  \
    if (x != x)                                                                \
      return 0;                                                                \
    if (x <= (F)(lo))                                                          \
      return (T)(lo);                                                          \
    if (x >= (F)(hi))                                                          \
      return (T)(hi);                                                          \
    return (T)x;                                                               \
  }                                                                            \
  LINGQU_MATH T __##from##2##to##_rn(F x) {                                    \
    return __lingqu_##from##2##to(__builtin_rint(x));                          \
  }                                                                            \
  LINGQU_MATH T __##from##2##to##_rz(F x) {                                    \
    return __lingqu_##from##2##to(__builtin_trunc(x));                         \
  }                                                                            \
  LINGQU_MATH T __##from##2##to##_ru(F x) {                                    \
    return __lingqu_##from##2##to(__builtin_ceil(x));                          \
  }                                                                            \
  LINGQU_MATH T __##from##2##to##_rd(F x) {                                    \
    return __lingqu_##from##2##to(__builtin_floor(x));                         \
  }
LINGQU_CVT(float, float, int, int, -2147483648.0, 2147483647.0)
LINGQU_CVT(float, float, uint, unsigned, 0.0, 4294967295.0)
LINGQU_CVT(float, float, ll, long long, -9223372036854775808.0,
           9223372036854775807.0)
LINGQU_CVT(float, float, ull, unsigned long long, 0.0, 18446744073709551615.0)
LINGQU_CVT(double, double, int, int, -2147483648.0, 2147483647.0)
LINGQU_CVT(double, double, uint, unsigned, 0.0, 4294967295.0)
LINGQU_CVT(double, double, ll, long long, -9223372036854775808.0,
           9223372036854775807.0)
LINGQU_CVT(double, double, ull, unsigned long long, 0.0,
           18446744073709551615.0)
#undef LINGQU_CVT
LINGQU_MATH int __float2int(float x) { return __float2int_rz(x); }
LINGQU_MATH float __int2float_rn(int x) { return (float)x; }
LINGQU_MATH float __uint2float_rn(unsigned x) { return (float)x; }
LINGQU_MATH double __int2double_rn(int x) { return (double)x; }
LINGQU_MATH double __uint2double_rn(unsigned x) { return (double)x; }
LINGQU_MATH float __ll2float_rn(long long x) { return (float)x; }
LINGQU_MATH float __ull2float_rn(unsigned long long x) { return (float)x; }
LINGQU_MATH double __ll2double_rn(long long x) { return (double)x; }
LINGQU_MATH double __ull2double_rn(unsigned long long x) { return (double)x; }
LINGQU_MATH float __double2float_rn(double x) { return (float)x; }

/* Integer intrinsics. */
LINGQU_MATH int __popc(unsigned x) { return __builtin_popcount(x); }
LINGQU_MATH int __popcll(unsigned long long x) {
  return __builtin_popcountll(x);
}
LINGQU_MATH int __clz(int x) {
  return x == 0 ? 32 : __builtin_clz((unsigned)x);
}
LINGQU_MATH int __clzll(long long x) {
  return x == 0 ? 64 : __builtin_clzll((unsigned long long)x);
}
LINGQU_MATH int __ffs(int x) { return __builtin_ffs(x); }
LINGQU_MATH int __ffsll(long long x) { return __builtin_ffsll(x); }
LINGQU_MATH unsigned __brev(unsigned x) { return __builtin_bitreverse32(x); }
LINGQU_MATH unsigned long long __brevll(unsigned long long x) {
  return __builtin_bitreverse64(x);
}
LINGQU_MATH unsigned __byte_perm(unsigned x, unsigned y, unsigned s) {
  unsigned long long bytes = ((unsigned long long)y << 32) | x, r = 0;
  for (int i = 0; i < 4; ++i)
    r |= ((bytes >> (8 * ((s >> (4 * i)) & 7))) & 0xff) << (8 * i);
  return (unsigned)r;
}
LINGQU_MATH unsigned long long __lingqu_funnel(unsigned lo, unsigned hi) {
  return ((unsigned long long)hi << 32) | lo;
}
/* Shifts of hi:lo by s mod 32 (plain) or min(s, 32) (clamped). */
LINGQU_MATH unsigned __funnelshift_l(unsigned lo, unsigned hi, unsigned s) {
  return (unsigned)((__lingqu_funnel(lo, hi) << (s & 31)) >> 32);
}
LINGQU_MATH unsigned __funnelshift_lc(unsigned lo, unsigned hi, unsigned s) {
  return (unsigned)((__lingqu_funnel(lo, hi) << (s > 32 ? 32 : s)) >> 32);
}
LINGQU_MATH unsigned __funnelshift_r(unsigned lo, unsigned hi, unsigned s) {
  return (unsigned)(__lingqu_funnel(lo, hi) >> (s & 31));
}
LINGQU_MATH unsigned __funnelshift_rc(unsigned lo, unsigned hi, unsigned s) {
  return (unsigned)(__lingqu_funnel(lo, hi) >> (s > 32 ? 32 : s));
}
LINGQU_MATH int __mulhi(int x, int y) {
  return (int)(((long long)x * y) >> 32);
}
LINGQU_MATH unsigned __umulhi(unsigned x, unsigned y) {
  return (unsigned)(((unsigned long long)x * y) >> 32);
}
LINGQU_MATH long long __mul64hi(long long x, long long y) {
  return (long long)(((__int128)x * y) >> 64);
}
LINGQU_MATH unsigned long long __umul64hi(unsigned long long x,
                                          unsigned long long y) {
  return (unsigned long long)(((unsigned __int128)x * y) >> 64);
}
/* The low 24 bits of each operand, signed or not, multiplied. */
LINGQU_MATH int __mul24(int x, int y) {
  return (int)((long long)((x << 8) >> 8) * ((y << 8) >> 8));
}
LINGQU_MATH unsigned __umul24(unsigned x, unsigned y) {
  return (x & 0xffffffu) * (y & 0xffffffu);
}
LINGQU_MATH unsigned __sad(int x, int y, unsigned z) {
  return z + (unsigned)(x > y ? (long long)x - y : (long long)y - x);
}
LINGQU_MATH unsigned __usad(unsigned x, unsigned y, unsigned z) {
  return z + (x > y ? x - y : y - x);
}
LINGQU_MATH int __hadd(int x, int y) {
  return (int)(((long long)x + y) >> 1);
}
LINGQU_MATH int __rhadd(int x, int y) {
  return (int)(((long long)x + y + 1) >> 1);
}
LINGQU_MATH unsigned __uhadd(unsigned x, unsigned y) {
  return (unsigned)(((unsigned long long)x + y) >> 1);
}
LINGQU_MATH unsigned __urhadd(unsigned x, unsigned y) {
  return (unsigned)(((unsigned long long)x + y + 1) >> 1);
}

#undef LINGQU_LIBM_1
#undef LINGQU_LIBCALL
#undef LINGQU_LIBM_2
#undef LINGQU_LIBM_DECL_1
#undef LINGQU_LIBM_FLOAT_1
#undef LINGQU_LIBM_SCALAR_2
#undef LINGQU_LN2_42
#undef LINGQU_LN2_42B
#undef LINGQU_LN2_42C
#undef LINGQU_LN2_HI
#undef LINGQU_LN2_LO
#undef LINGQU_BUILTIN_1
#undef LINGQU_BUILTIN_2

/* std:: spellings: the device overloads join the host ones. */
namespace std {
using ::acos; using ::acosh; using ::asin; using ::asinh; using ::atan;
using ::atan2; using ::atanh; using ::cbrt; using ::ceil; using ::copysign;
using ::cos; using ::cosh; using ::erf; using ::erfc; using ::exp;
using ::exp2; using ::expm1; using ::fabs; using ::fdim; using ::floor;
using ::fma; using ::fmax; using ::fmin; using ::fmod; using ::frexp;
using ::hypot; using ::ilogb; using ::isfinite; using ::isinf; using ::isnan;
using ::ldexp; using ::lgamma; using ::llrint; using ::llround; using ::log;
using ::log10; using ::log1p; using ::log2; using ::logb; using ::lrint;
using ::lround; using ::modf; using ::nearbyint; using ::nextafter;
using ::pow; using ::remainder; using ::remquo; using ::rint; using ::round;
using ::scalbln; using ::scalbn; using ::signbit; using ::sin; using ::sinh;
using ::sqrt; using ::tan; using ::tanh; using ::tgamma; using ::trunc;
} // namespace std

#undef LINGQU_MATH
#endif /* __CUDA__ && __cplusplus */

#endif /* LINGQU_DEVICE_MATH_H */
