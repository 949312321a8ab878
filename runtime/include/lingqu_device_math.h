/*===- lingqu_device_math.h - The CUDA Math API in device code -------------===*
 * Written for Lingqu. On a CPU device, kernels run on the host's cores, so
 * the C library's functions are the device's: every function the C math
 * library has is bound to it here (glibc's are within CUDA's documented
 * bounds, most within 1 ulp), correctly rounded operations go to compiler
 * builtins (which lower to single instructions and vectorise), and the
 * functions only CUDA has are written here. Each comes as CUDA declares
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
LINGQU_LIBM_1(sinh)
LINGQU_LIBM_1(cosh)
LINGQU_LIBM_1(tanh)
LINGQU_LIBM_1(asinh)
LINGQU_LIBM_1(acosh)
LINGQU_LIBM_1(atanh)
LINGQU_LIBM_1(exp)
LINGQU_LIBM_1(exp2)
LINGQU_LIBM_1(exp10)
LINGQU_LIBM_1(expm1)
LINGQU_LIBM_1(log)
LINGQU_LIBM_1(log2)
LINGQU_LIBM_1(log10)
LINGQU_LIBM_1(log1p)
LINGQU_LIBM_1(logb)
LINGQU_LIBM_1(cbrt)
LINGQU_LIBM_1(erf)
LINGQU_LIBM_1(erfc)
LINGQU_LIBM_1(lgamma)
LINGQU_LIBM_1(tgamma)
LINGQU_LIBM_1(j0)
LINGQU_LIBM_1(j1)
LINGQU_LIBM_1(y0)
LINGQU_LIBM_1(y1)
LINGQU_LIBM_2(pow)
LINGQU_LIBM_2(atan2)
LINGQU_LIBM_2(hypot)
LINGQU_LIBM_2(fmod)
LINGQU_LIBM_2(remainder)
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
LINGQU_MATH double jn(int n, double x) { return __lingqu_jn(n, x); }
LINGQU_MATH float jnf(int n, float x) { return __lingqu_jnf(n, x); }
LINGQU_MATH double yn(int n, double x) { return __lingqu_yn(n, x); }
LINGQU_MATH float ynf(int n, float x) { return __lingqu_ynf(n, x); }
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

/*===--- Functions only CUDA has -------------------------------------------===*/

/* Reciprocals. The float forms are computed in double and rounded once. */
LINGQU_MATH float rsqrtf(float x) {
  return (float)(1.0 / __builtin_sqrt((double)x));
}
LINGQU_MATH double rsqrt(double x) { return 1.0 / __builtin_sqrt(x); }
LINGQU_MATH float rcbrtf(float x) { return (float)(1.0 / cbrt((double)x)); }
LINGQU_MATH double rcbrt(double x) { return 1.0 / cbrt(x); }

/* sinpi/cospi: the argument is reduced exactly to [-1, 1] first. */
LINGQU_MATH double __lingqu_reduce_pi(double x) {
  return x - 2.0 * __builtin_rint(x * 0.5);
}
LINGQU_MATH double sinpi(double x) {
  if (__builtin_isinf(x))
    return __builtin_nan("");
  if (x == __builtin_trunc(x)) /* exact zeros, signed as x */
    return __builtin_copysign(0.0, x);
  return sin(3.141592653589793 * __lingqu_reduce_pi(x));
}
LINGQU_MATH double cospi(double x) {
  if (__builtin_isinf(x))
    return __builtin_nan("");
  double r = __lingqu_reduce_pi(__builtin_fabs(x));
  if (__builtin_fabs(r) == 0.5)
    return 0.0;
  return cos(3.141592653589793 * r);
}
LINGQU_MATH float sinpif(float x) {
  if (__builtin_isinf(x))
    return __builtin_nanf("");
  if (x == __builtin_truncf(x))
    return __builtin_copysignf(0.0f, x);
  return (float)sin(3.141592653589793 * __lingqu_reduce_pi((double)x));
}
LINGQU_MATH float cospif(float x) {
  if (__builtin_isinf(x))
    return __builtin_nanf("");
  double r = __lingqu_reduce_pi(__builtin_fabs((double)x));
  if (__builtin_fabs(r) == 0.5)
    return 0.0f;
  return (float)cos(3.141592653589793 * r);
}
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

/* Norms. */
LINGQU_MATH double rhypot(double x, double y) { return 1.0 / hypot(x, y); }
LINGQU_MATH float rhypotf(float x, float y) {
  return (float)(1.0 / hypot((double)x, (double)y));
}
LINGQU_MATH double norm3d(double a, double b, double c) {
  return hypot(hypot(a, b), c);
}
LINGQU_MATH float norm3df(float a, float b, float c) {
  double x = a, y = b, z = c; /* no overflow: the squares fit a double */
  return (float)__builtin_sqrt(x * x + y * y + z * z);
}
LINGQU_MATH double rnorm3d(double a, double b, double c) {
  return 1.0 / norm3d(a, b, c);
}
LINGQU_MATH float rnorm3df(float a, float b, float c) {
  double x = a, y = b, z = c;
  return (float)(1.0 / __builtin_sqrt(x * x + y * y + z * z));
}
LINGQU_MATH double norm4d(double a, double b, double c, double d) {
  return hypot(hypot(a, b), hypot(c, d));
}
LINGQU_MATH float norm4df(float a, float b, float c, float d) {
  double x = a, y = b, z = c, w = d;
  return (float)__builtin_sqrt(x * x + y * y + z * z + w * w);
}
LINGQU_MATH double rnorm4d(double a, double b, double c, double d) {
  return 1.0 / norm4d(a, b, c, d);
}
LINGQU_MATH float rnorm4df(float a, float b, float c, float d) {
  double x = a, y = b, z = c, w = d;
  return (float)(1.0 / __builtin_sqrt(x * x + y * y + z * z + w * w));
}
LINGQU_MATH double norm(int dim, const double *p) {
  double r = 0.0;
  for (int i = 0; i < dim; ++i)
    r = hypot(r, p[i]);
  return r;
}
LINGQU_MATH float normf(int dim, const float *p) {
  double r = 0.0;
  for (int i = 0; i < dim; ++i)
    r += (double)p[i] * p[i];
  return (float)__builtin_sqrt(r);
}
LINGQU_MATH double rnorm(int dim, const double *p) { return 1.0 / norm(dim, p); }
LINGQU_MATH float rnormf(int dim, const float *p) {
  double r = 0.0;
  for (int i = 0; i < dim; ++i)
    r += (double)p[i] * p[i];
  return (float)(1.0 / __builtin_sqrt(r));
}

/* The error function's relatives. */
LINGQU_MATH double normcdf(double x) {
  return 0.5 * erfc(-x * 0.7071067811865476);
}
LINGQU_MATH float normcdff(float x) {
  return (float)(0.5 * erfc(-(double)x * 0.7071067811865476));
}
/* erfcx(x) = exp(x^2) erfc(x): directly while erfc does not underflow,
 * else its asymptotic series (relative error below 2^-60 there). */
LINGQU_MATH double erfcx(double x) {
  if (x < 25.0)
    return exp(x * x) * erfc(x);
  if (__builtin_isinf(x))
    return 0.0;
  double t = 1.0 / (x * x), s = 1.0, term = 1.0;
  for (int k = 1; k < 8; ++k) {
    term *= -(2 * k - 1) * 0.5 * t;
    s += term;
  }
  return s / (x * 1.7724538509055160);
}
LINGQU_MATH float erfcxf(float x) { return (float)erfcx((double)x); }

/* erfinv and erfcinv: a first guess refined by Newton's method on erf or
 * erfc, whichever keeps the residual relative. */
LINGQU_MATH double __lingqu_erfinv_guess(double x) {
  /* Giles, "Approximating the erfinv function" (single precision). */
  double w = -log((1.0 - x) * (1.0 + x)), p;
  if (w < 5.0) {
    w -= 2.5;
    p = 2.81022636e-08;
    p = 3.43273939e-07 + p * w;
    p = -3.5233877e-06 + p * w;
    p = -4.39150654e-06 + p * w;
    p = 0.00021858087 + p * w;
    p = -0.00125372503 + p * w;
    p = -0.00417768164 + p * w;
    p = 0.246640727 + p * w;
    p = 1.50140941 + p * w;
  } else {
    w = __builtin_sqrt(w) - 3.0;
    p = -0.000200214257;
    p = 0.000100950558 + p * w;
    p = 0.00134934322 + p * w;
    p = -0.00367342844 + p * w;
    p = 0.00573950773 + p * w;
    p = -0.0076224613 + p * w;
    p = 0.00943887047 + p * w;
    p = 1.00167406 + p * w;
    p = 2.83297682 + p * w;
  }
  return p * x;
}
LINGQU_MATH double erfinv(double x) {
  if (x == 1.0 || x == -1.0)
    return __builtin_copysign(__builtin_inf(), x);
  if (!(x > -1.0 && x < 1.0))
    return __builtin_nan("");
  if (x == 0.0)
    return x;
  double y = __lingqu_erfinv_guess(x);
  for (int i = 0; i < 3; ++i) /* quadratic: 3 steps from ~1e-7 */
    y -= (erf(y) - x) / (1.1283791670955126 * exp(-y * y));
  return y;
}
LINGQU_MATH double erfcinv(double x) {
  if (x == 0.0)
    return __builtin_inf();
  if (x == 2.0)
    return -__builtin_inf();
  if (!(x > 0.0 && x < 2.0))
    return __builtin_nan("");
  if (x > 0.0625 && x < 1.9375)
    return erfinv(1.0 - x);
  /* Tails: the guess from erfinv of the nearer end, refined on erfc. */
  double tail = x < 1.0 ? x : 2.0 - x;
  double y = __builtin_sqrt(-log(tail));
  y = y - (log(y) + 0.5723649429247001) / (2.0 * y); /* asymptotic */
  for (int i = 0; i < 5; ++i)
    y -= (erfc(y) - tail) / (-1.1283791670955126 * exp(-y * y));
  return x < 1.0 ? y : -y;
}
LINGQU_MATH float erfinvf(float x) { return (float)erfinv((double)x); }
LINGQU_MATH float erfcinvf(float x) { return (float)erfcinv((double)x); }
LINGQU_MATH double normcdfinv(double x) {
  return -1.4142135623730951 * erfcinv(2.0 * x);
}
LINGQU_MATH float normcdfinvf(float x) {
  return (float)normcdfinv((double)x);
}

/* Modified Bessel functions of the first kind: their power series, whose
 * terms are all positive, so it loses nothing to cancellation. */
LINGQU_MATH double cyl_bessel_i0(double x) {
  double q = 0.25 * x * x, term = 1.0, sum = 1.0;
  for (int k = 1; k < 1000 && term > sum * 1e-17; ++k) {
    term *= q / ((double)k * k);
    sum += term;
  }
  return sum;
}
LINGQU_MATH double cyl_bessel_i1(double x) {
  double q = 0.25 * x * x, term = 0.5 * x, sum = term;
  for (int k = 1; k < 1000 && __builtin_fabs(term) > __builtin_fabs(sum) * 1e-17;
       ++k) {
    term *= q / ((double)k * (k + 1));
    sum += term;
  }
  return sum;
}
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
