/*===- lingqu_device_math_dd.h - Double-double arithmetic ------------------===*
 * Written for Lingqu. Part of lingqu_device_math.h, which defines the
 * macros it uses and includes it; not to be included on its own.
 *
 * The exact sums and products the accurate functions are built on: values
 * hi + lo carried at twice double precision, exp and log in it, and the
 * test of whether the C library's result is within n ulps.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_MATH_DD_H
#define LINGQU_DEVICE_MATH_DD_H
#ifndef LINGQU_MATH
#error "include lingqu_device_math.h (or cuda_runtime.h), not its parts"
#endif

/*===--- Double-double arithmetic ------------------------------------------===*
 * For results that need more than double precision on the way: a value
 * hi + lo, with lo within half an ulp of hi. fma gives a product's rounding
 * error exactly.
 *===----------------------------------------------------------------------===*/
struct __lingqu_dd {
  double hi, lo;
};
/* m 2^k. Results come back in structs, not through pointers, so that
 * nothing needs a local's address (which would keep it in memory). */
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

#endif /* LINGQU_DEVICE_MATH_DD_H */
