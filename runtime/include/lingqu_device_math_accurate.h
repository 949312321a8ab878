/*===- lingqu_device_math_accurate.h - Where libm misses CUDA --------------===*
 * Written for Lingqu. Part of lingqu_device_math.h, which defines the
 * macros it uses and includes it; not to be included on its own.
 *
 * The functions for which glibc misses the error bound CUDA documents,
 * computed accurately in double-double; the library's result is kept
 * wherever it is within the bound.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_MATH_ACCURATE_H
#define LINGQU_DEVICE_MATH_ACCURATE_H
#ifndef LINGQU_MATH
#error "include lingqu_device_math.h (or cuda_runtime.h), not its parts"
#endif

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

#endif /* LINGQU_DEVICE_MATH_ACCURATE_H */
