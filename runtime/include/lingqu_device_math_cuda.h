/*===- lingqu_device_math_cuda.h - Functions only CUDA has -----------------===*
 * Written for Lingqu. Part of lingqu_device_math.h, which defines the
 * macros it uses and includes it; not to be included on its own.
 *
 * rsqrt, rcbrt, sinpi/cospi, the norms, erfcx, normcdf, erfinv and the
 * rest of the Math API the C library lacks, written here.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_MATH_CUDA_H
#define LINGQU_DEVICE_MATH_CUDA_H
#ifndef LINGQU_MATH
#error "include lingqu_device_math.h (or cuda_runtime.h), not its parts"
#endif

/*===--- Functions only CUDA has -------------------------------------------===*/

/* Reciprocals. rsqrtf is two correctly rounded float operations (within
 * 1 ulp; CUDA allows 2), which vectorise at the float width; the other
 * float forms are computed in double and rounded once. */
LINGQU_MATH float rsqrtf(float x) { return 1.0f / __builtin_sqrtf(x); }
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

#endif /* LINGQU_DEVICE_MATH_CUDA_H */
