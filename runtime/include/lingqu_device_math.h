/*===- lingqu_device_math.h - The CUDA Math API in device code -------------===*
 * Written for Lingqu. On a CPU device, kernels run on the host's cores, so
 * the C library's functions are the device's: every function the C math
 * library has is bound to it here and correctly rounded operations go to
 * compiler builtins (which lower to single instructions and vectorise).
 * Its parts, included at the end, have the rest: the functions only CUDA
 * has (_cuda.h), the few where glibc misses CUDA's documented bounds
 * (_accurate.h, on the double-double arithmetic of _dd.h) and the
 * intrinsics (_intrinsics.h). test/accuracy/math-accuracy.cu measures every
 * function against CUDA's bounds; docs/math-accuracy.md has the results.
 * Each comes as CUDA declares it: `sinf(float)`, `sin(double)`, the C++
 * overload `sin(float)` and `std::sin`, callable from __device__ and
 * __host__ __device__ code.
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

#include "lingqu_device_math_dd.h"
#include "lingqu_device_math_accurate.h"
#include "lingqu_device_math_cuda.h"
#include "lingqu_device_math_intrinsics.h"

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
