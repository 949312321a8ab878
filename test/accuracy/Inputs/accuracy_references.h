// accuracy_references.h: part of math-accuracy.cu. The exact result of each
// function, computed with MPFR; the functions MPFR lacks are built from its
// functions at the same precision.
#ifndef LINGQU_TEST_ACCURACY_REFERENCES_H
#define LINGQU_TEST_ACCURACY_REFERENCES_H

#include "accuracy_formats.h"

/*===--- References -------------------------------------------------------===*/

// What a reference computes for one input: up to two values at the
// reference precision (or, for exact functions, already rounded to the
// format) and an integer.
struct Ref {
  const Format *f;
  mpfr_t v[2], x[kArgs], t;
  long long i = 0;
  Ref() {
    for (auto &m : v)
      mpfr_init2(m, 128);
    for (auto &m : x)
      mpfr_init2(m, 64);
    mpfr_init2(t, 128);
  }
  ~Ref() {
    for (auto &m : v)
      mpfr_clear(m);
    for (auto &m : x)
      mpfr_clear(m);
    mpfr_clear(t);
  }
  int prec() const { return refPrecision(*f); }
};
using RefFn = void (*)(Ref &, const double *);

static void setArgs(Ref &r, const double *a, int n) {
  for (int k = 0; k < n; ++k)
    mpfr_set_d(r.x[k], a[k], MPFR_RNDN);
}

template <int (*F)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t)>
static void m1(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec());
  F(r.v[0], r.x[0], MPFR_RNDN);
}
template <int (*F)(mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t)>
static void m2(Ref &r, const double *a) {
  setArgs(r, a, 2);
  mpfr_set_prec(r.v[0], r.prec());
  F(r.v[0], r.x[0], r.x[1], MPFR_RNDN);
}

// Exact functions: the operation rounded once, as the format rounds.
template <typename Op> static void rounded(Ref &r, int k, Op op) {
  mpfr_set_prec(r.v[k], r.f->p);
  FormatRange range(*r.f);
  int inex = op(r.v[k]);
  inex = mpfr_check_range(r.v[k], inex, MPFR_RNDN);
  mpfr_subnormalize(r.v[k], inex, MPFR_RNDN);
}
#define EXACT1(name, call)                                                     \
  static void name(Ref &r, const double *a) {                                  \
    setArgs(r, a, 3);                                                          \
    rounded(r, 0, [&](mpfr_ptr v) { return call; });                           \
  }
EXACT1(opAdd, mpfr_add(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opSub, mpfr_sub(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opMul, mpfr_mul(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opDiv, mpfr_div(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opRcp, mpfr_ui_div(v, 1, r.x[0], MPFR_RNDN))
EXACT1(opSqrt, mpfr_sqrt(v, r.x[0], MPFR_RNDN))
EXACT1(opFma, mpfr_fma(v, r.x[0], r.x[1], r.x[2], MPFR_RNDN))
EXACT1(opAbs, mpfr_abs(v, r.x[0], MPFR_RNDN))
EXACT1(opCopysign, mpfr_copysign(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opMin, mpfr_min(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opMax, mpfr_max(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opDim, mpfr_dim(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opFmod, mpfr_fmod(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opRemainder, mpfr_remainder(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opLdexp, mpfr_mul_2si(v, r.x[0], (long)a[1], MPFR_RNDN))
EXACT1(opFloor, mpfr_floor(v, r.x[0]))
EXACT1(opCeil, mpfr_ceil(v, r.x[0]))
EXACT1(opTrunc, mpfr_trunc(v, r.x[0]))
EXACT1(opRound, mpfr_round(v, r.x[0]))
EXACT1(opRint, mpfr_rint(v, r.x[0], MPFR_RNDN))
#undef EXACT1

// IEEE 754's rSqrt: rsqrt(-0) is -inf, where MPFR's rec_sqrt gives +inf.
static void opRsqrt(Ref &r, const double *a) {
  setArgs(r, a, 1);
  rounded(r, 0,
          [&](mpfr_ptr v) { return mpfr_rec_sqrt(v, r.x[0], MPFR_RNDN); });
  if (a[0] == 0)
    mpfr_set_inf(r.v[0], std::signbit(a[0]) ? -1 : 1);
}
static void refRsqrt(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec());
  mpfr_rec_sqrt(r.v[0], r.x[0], MPFR_RNDN);
  if (a[0] == 0)
    mpfr_set_inf(r.v[0], std::signbit(a[0]) ? -1 : 1);
}
static void refRcbrt(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec() + 16);
  mpfr_cbrt(r.v[0], r.x[0], MPFR_RNDN);
  mpfr_ui_div(r.v[0], 1, r.v[0], MPFR_RNDN);
}

// Norms: an infinite coordinate wins over NaN, as CUDA documents.
static bool normSpecial(Ref &r, const double *p, int n, bool reciprocal) {
  bool inf = false, nan = false;
  for (int k = 0; k < n; ++k) {
    inf |= std::isinf(p[k]);
    nan |= std::isnan(p[k]);
  }
  mpfr_set_prec(r.v[0], r.prec());
  if (inf)
    reciprocal ? mpfr_set_zero(r.v[0], 1) : mpfr_set_inf(r.v[0], 1);
  else if (nan)
    mpfr_set_nan(r.v[0]);
  return inf || nan;
}
static void sumOfSquares(Ref &r, const double *p, int n) {
  mpfr_set_prec(r.t, 2 * r.prec() + 64);
  mpfr_set_zero(r.t, 1);
  for (int k = 0; k < n; ++k) {
    mpfr_set_d(r.x[0], p[k], MPFR_RNDN);
    mpfr_fma(r.t, r.x[0], r.x[0], r.t, MPFR_RNDN);
  }
}
static int normDims(const double *a) {
  return (int)a[kArgs - 1]; // the generators record each norm's dimension
}
static void normOf(Ref &r, const double *p, int n) {
  if (normSpecial(r, p, n, false))
    return;
  sumOfSquares(r, p, n);
  mpfr_sqrt(r.v[0], r.t, MPFR_RNDN);
}
static void rnormOf(Ref &r, const double *p, int n) {
  if (normSpecial(r, p, n, true))
    return;
  sumOfSquares(r, p, n);
  mpfr_rec_sqrt(r.v[0], r.t, MPFR_RNDN);
}
static void refNorm(Ref &r, const double *a) { normOf(r, a, normDims(a)); }
static void refRnorm(Ref &r, const double *a) { rnormOf(r, a, normDims(a)); }
static void refNormN(Ref &r, const double *a) { normOf(r, a + 1, (int)a[0]); }
static void refRnormN(Ref &r, const double *a) { rnormOf(r, a + 1, (int)a[0]); }

static void refSinCos(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec());
  mpfr_set_prec(r.v[1], r.prec());
  mpfr_sin_cos(r.v[0], r.v[1], r.x[0], MPFR_RNDN);
}
static void refSinCosPi(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec());
  mpfr_set_prec(r.v[1], r.prec());
  mpfr_sinpi(r.v[0], r.x[0], MPFR_RNDN);
  mpfr_cospi(r.v[1], r.x[0], MPFR_RNDN);
}

static void refLgamma(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec());
  int sign;
  mpfr_lgamma(r.v[0], &sign, r.x[0], MPFR_RNDN);
}

// j1(±inf) is ±0 by CUDA's documentation (MPFR gives +0 for both).
static void refJ1(Ref &r, const double *a) {
  m1<mpfr_j1>(r, a);
  if (std::isinf(a[0]))
    mpfr_set_zero(r.v[0], a[0] > 0 ? 1 : -1);
}

// CUDA's jn and yn are NaN for a negative order.
// jn(n, -inf) is (-1)^n 0, as jn(n, -x) = (-1)^n jn(n, x) (MPFR: +0).
static void refJn(Ref &r, const double *a) {
  setArgs(r, a + 1, 1);
  mpfr_set_prec(r.v[0], r.prec());
  if (a[0] < 0)
    mpfr_set_nan(r.v[0]);
  else if (a[1] == -INFINITY)
    mpfr_set_zero(r.v[0], (long)a[0] % 2 ? -1 : 1);
  else
    mpfr_jn(r.v[0], (long)a[0], r.x[0], MPFR_RNDN);
}
static void refYn(Ref &r, const double *a) {
  setArgs(r, a + 1, 1);
  mpfr_set_prec(r.v[0], r.prec());
  if (a[0] < 0)
    mpfr_set_nan(r.v[0]);
  else
    mpfr_yn(r.v[0], (long)a[0], r.x[0], MPFR_RNDN);
}

// I0 and I1 by their power series, sum over k of (x/2)^(2k+n) / (k!(k+n)!),
// whose terms are all positive; past the format's overflow only the order
// of magnitude matters, which the leading asymptotic term gives.
static void besselI(Ref &r, const double *a, int n) {
  setArgs(r, a, 1);
  int p = r.prec() + 32;
  mpfr_set_prec(r.v[0], r.prec());
  double x = std::fabs(a[0]);
  if (std::isnan(a[0]) || x == 0) { // NaN; I0(±0) = 1, I1(±0) = ±0
    mpfr_set_d(r.v[0], n || std::isnan(a[0]) ? a[0] : 1.0, MPFR_RNDN);
    return;
  }
  if (std::isinf(x)) {
    mpfr_set_d(r.v[0], n ? a[0] : x, MPFR_RNDN);
    return;
  }
  if (x > (r.f->p == 24 ? 100 : 760)) { // e^x / sqrt(2 pi x)
    mpfr_set_prec(r.t, p);
    mpfr_abs(r.x[0], r.x[0], MPFR_RNDN);
    mpfr_exp(r.v[0], r.x[0], MPFR_RNDN);
    mpfr_const_pi(r.t, MPFR_RNDN);
    mpfr_mul_d(r.t, r.t, x, MPFR_RNDN);
    mpfr_mul_2ui(r.t, r.t, 1, MPFR_RNDN);
    mpfr_sqrt(r.t, r.t, MPFR_RNDN);
    mpfr_div(r.v[0], r.v[0], r.t, MPFR_RNDN);
    if (n && a[0] < 0)
      mpfr_neg(r.v[0], r.v[0], MPFR_RNDN);
    return;
  }
  mpfr_t q, term, sum;
  mpfr_inits2(p, q, term, sum, (mpfr_ptr)0);
  mpfr_set_d(q, a[0], MPFR_RNDN);
  mpfr_sqr(q, q, MPFR_RNDN);
  mpfr_div_2ui(q, q, 2, MPFR_RNDN); // x^2 / 4
  mpfr_set_d(term, n ? a[0] : 2.0, MPFR_RNDN);
  mpfr_div_2ui(term, term, 1, MPFR_RNDN); // x/2 or 1, exactly
  mpfr_set(sum, term, MPFR_RNDN);
  for (long k = 1;; ++k) {
    mpfr_mul(term, term, q, MPFR_RNDN);
    mpfr_div_ui(term, term, k * (k + n), MPFR_RNDN);
    mpfr_add(sum, sum, term, MPFR_RNDN);
    if (k > x && (mpfr_zero_p(term) ||
                  mpfr_get_exp(sum) - mpfr_get_exp(term) > p))
      break;
  }
  mpfr_set(r.v[0], sum, MPFR_RNDN);
  mpfr_clears(q, term, sum, (mpfr_ptr)0);
}
static void refI0(Ref &r, const double *a) { besselI(r, a, 0); }
static void refI1(Ref &r, const double *a) { besselI(r, a, 1); }

// erfcx(x) = exp(x^2) erfc(x); past x = 1e4 its asymptotic series, whose
// terms fall by x^2 each: (1 / (x sqrt(pi))) sum (-1)^k (2k-1)!! / (2x^2)^k.
static void refErfcx(Ref &r, const double *a) {
  int p = r.prec() + 32;
  mpfr_set_prec(r.v[0], r.prec());
  double x = a[0];
  if (std::isnan(x))
    return mpfr_set_nan(r.v[0]);
  if (x < -30) // exp(x^2) alone overflows
    return mpfr_set_inf(r.v[0], 1);
  mpfr_t s, t, u;
  mpfr_inits2(p, s, t, u, (mpfr_ptr)0);
  if (std::isinf(x)) {
    mpfr_set_zero(r.v[0], 1);
  } else if (x < 1e4) {
    mpfr_set_d(s, x, MPFR_RNDN);
    mpfr_sqr(t, s, MPFR_RNDN);
    mpfr_exp(t, t, MPFR_RNDN);
    mpfr_erfc(u, s, MPFR_RNDN);
    mpfr_mul(r.v[0], t, u, MPFR_RNDN);
  } else {
    mpfr_set_d(u, 2 * x * x, MPFR_RNDN); // exact enough: x is huge
    mpfr_set_ui(s, 1, MPFR_RNDN);
    mpfr_set_ui(t, 1, MPFR_RNDN);
    for (int k = 1; k < 12; ++k) {
      mpfr_mul_si(t, t, -(2 * k - 1), MPFR_RNDN);
      mpfr_div(t, t, u, MPFR_RNDN);
      mpfr_add(s, s, t, MPFR_RNDN);
    }
    mpfr_const_pi(t, MPFR_RNDN);
    mpfr_sqrt(t, t, MPFR_RNDN);
    mpfr_mul_d(t, t, x, MPFR_RNDN);
    mpfr_div(r.v[0], s, t, MPFR_RNDN);
  }
  mpfr_clears(s, t, u, (mpfr_ptr)0);
}

static void refNormcdf(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec());
  mpfr_set_prec(r.t, r.prec() + 32);
  mpfr_sqrt_ui(r.t, 2, MPFR_RNDN);
  mpfr_div(r.t, r.x[0], r.t, MPFR_RNDN);
  mpfr_neg(r.t, r.t, MPFR_RNDN);
  mpfr_erfc(r.v[0], r.t, MPFR_RNDN);
  mpfr_div_2ui(r.v[0], r.v[0], 1, MPFR_RNDN);
}

// y with erf(y) = x (complementary: erfc(y) = x) by Newton's method in
// MPFR, y -= (erf(y) - x) / (2/sqrt(pi) exp(-y^2)), from a start found by
// bisection in double; where erfc(y) underflows double, from the
// asymptotic solution of x = exp(-y^2) / (y sqrt(pi)). Each function is
// solved where its value is relative to the target: erf for |x| <= 1/2,
// erfc for its tails.
static void solve(mpfr_ptr y, mpfr_srcptr x, bool complementary, int p) {
  double xd = mpfr_get_d(x, MPFR_RNDN), y0;
  if (complementary && xd < 1e-300) {
    long e;
    double m = mpfr_get_d_2exp(&e, x, MPFR_RNDN);
    double lx = std::log(m) + e * std::log(2.0);
    y0 = std::sqrt(-lx);
    for (int k = 0; k < 8; ++k)
      y0 = std::sqrt(-lx - std::log(y0 * std::sqrt(M_PI)));
  } else {
    double lo = -30, hi = 30;
    for (int k = 0; k < 2000; ++k) {
      double mid = lo / 2 + hi / 2;
      if (mid <= lo || mid >= hi)
        break;
      bool below = complementary ? std::erfc(mid) > xd : std::erf(mid) < xd;
      (below ? lo : hi) = mid;
    }
    y0 = lo / 2 + hi / 2;
  }
  mpfr_t f, d, k;
  mpfr_inits2(p + 16, f, d, k, (mpfr_ptr)0);
  mpfr_set_prec(y, p + 16);
  mpfr_set_d(y, y0, MPFR_RNDN);
  mpfr_const_pi(k, MPFR_RNDN);
  mpfr_sqrt(k, k, MPFR_RNDN);
  mpfr_ui_div(k, 2, k, MPFR_RNDN); // 2 / sqrt(pi)
  for (int it = 0; it < 60; ++it) {
    (complementary ? mpfr_erfc : mpfr_erf)(f, y, MPFR_RNDN);
    mpfr_sub(f, f, x, MPFR_RNDN);
    mpfr_sqr(d, y, MPFR_RNDN);
    mpfr_neg(d, d, MPFR_RNDN);
    mpfr_exp(d, d, MPFR_RNDN);
    mpfr_mul(d, d, k, MPFR_RNDN);
    mpfr_div(f, f, d, MPFR_RNDN);
    if (complementary)
      mpfr_add(y, y, f, MPFR_RNDN);
    else
      mpfr_sub(y, y, f, MPFR_RNDN);
    if (mpfr_zero_p(f) || mpfr_get_exp(y) - mpfr_get_exp(f) > p + 8)
      break;
  }
  mpfr_clears(f, d, k, (mpfr_ptr)0);
}

// erfcinv(c) for 0 < c < 2, scaled by `scale` (-sqrt(2) for normcdfinv).
static void inverseErfc(Ref &r, double c, double scale) {
  mpfr_t y, t, s;
  mpfr_init(y);
  mpfr_inits2(256, t, s, (mpfr_ptr)0);
  mpfr_set_d(t, c, MPFR_RNDN);
  if (c < 0.5) {
    solve(y, t, true, r.prec());
  } else if (c > 1.5) { // erfcinv(c) = -erfcinv(2 - c), 2 - c exact
    mpfr_ui_sub(t, 2, t, MPFR_RNDN);
    solve(y, t, true, r.prec());
    mpfr_neg(y, y, MPFR_RNDN);
  } else { // erfcinv(c) = erfinv(1 - c), 1 - c exact
    mpfr_ui_sub(t, 1, t, MPFR_RNDN);
    solve(y, t, false, r.prec());
  }
  mpfr_set_prec(s, r.prec() + 32);
  if (scale == 1)
    mpfr_set_ui(s, 1, MPFR_RNDN);
  else
    mpfr_sqrt_ui(s, 2, MPFR_RNDN), mpfr_neg(s, s, MPFR_RNDN);
  mpfr_mul(r.v[0], y, s, MPFR_RNDN);
  mpfr_clears(y, t, s, (mpfr_ptr)0);
}
static void refErfinv(Ref &r, const double *a) {
  double x = a[0];
  mpfr_set_prec(r.v[0], r.prec());
  if (std::isnan(x) || std::fabs(x) > 1)
    return mpfr_set_nan(r.v[0]);
  if (std::fabs(x) == 1)
    return mpfr_set_inf(r.v[0], x > 0 ? 1 : -1);
  if (x == 0) // erfinv(±0) = ±0
    return (void)mpfr_set_d(r.v[0], x, MPFR_RNDN);
  if (std::fabs(x) <= 0.5) {
    setArgs(r, a, 1);
    mpfr_t y;
    mpfr_init(y);
    solve(y, r.x[0], false, r.prec());
    mpfr_set(r.v[0], y, MPFR_RNDN);
    mpfr_clear(y);
    return;
  }
  inverseErfc(r, 1 - std::fabs(x), 1); // exact: |x| > 1/2
  if (x < 0)
    mpfr_neg(r.v[0], r.v[0], MPFR_RNDN);
}
static void refErfcinv(Ref &r, const double *a) {
  double c = a[0];
  mpfr_set_prec(r.v[0], r.prec());
  if (std::isnan(c) || c < 0 || c > 2)
    return mpfr_set_nan(r.v[0]);
  if (c == 0 || c == 2) // erfcinv(±0) = +inf
    return mpfr_set_inf(r.v[0], c == 0 ? 1 : -1);
  if (c == 1)
    return mpfr_set_zero(r.v[0], 1);
  inverseErfc(r, c, 1);
}
// normcdfinv(p) = -sqrt(2) erfcinv(2p); 2p is exact.
static void refNormcdfinv(Ref &r, const double *a) {
  double c = 2 * a[0];
  mpfr_set_prec(r.v[0], r.prec());
  if (std::isnan(c) || c < 0 || c > 2)
    return mpfr_set_nan(r.v[0]);
  if (c == 0 || c == 2)
    return mpfr_set_inf(r.v[0], c == 0 ? -1 : 1);
  if (c == 1)
    return mpfr_set_zero(r.v[0], 1);
  inverseErfc(r, c, -1);
}

static void opModf(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.f->p);
  mpfr_set_prec(r.v[1], r.f->p);
  if (std::isinf(a[0])) { // fraction ±0, integral part ±inf
    mpfr_set_zero(r.v[0], a[0] > 0 ? 1 : -1);
    mpfr_set_d(r.v[1], a[0], MPFR_RNDN);
    return;
  }
  mpfr_modf(r.v[1], r.v[0], r.x[0], MPFR_RNDN);
}
static void opFrexp(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.f->p);
  mpfr_exp_t e = 0;
  if (std::isfinite(a[0]) && a[0] != 0)
    mpfr_frexp(&e, r.v[0], r.x[0], MPFR_RNDN);
  else
    mpfr_set(r.v[0], r.x[0], MPFR_RNDN);
  r.i = e;
}
static void opRemquo(Ref &r, const double *a) {
  setArgs(r, a, 2);
  long q = 0;
  rounded(r, 0, [&](mpfr_ptr v) {
    return mpfr_remquo(v, &q, r.x[0], r.x[1], MPFR_RNDN);
  });
  r.i = q;
}
static void opLogb(Ref &r, const double *a) {
  mpfr_set_prec(r.v[0], r.f->p);
  double x = a[0];
  if (std::isnan(x))
    mpfr_set_nan(r.v[0]);
  else if (std::isinf(x))
    mpfr_set_inf(r.v[0], 1);
  else if (x == 0)
    mpfr_set_inf(r.v[0], -1);
  else
    mpfr_set_si(r.v[0], std::ilogb(x), MPFR_RNDN);
}
// ilogb per CUDA: INT_MIN for zero and NaN, INT_MAX for infinities.
static void opIlogb(Ref &r, const double *a) {
  double x = a[0];
  if (std::isnan(x) || x == 0)
    r.i = INT_MIN;
  else if (std::isinf(x))
    r.i = INT_MAX;
  else {
    setArgs(r, a, 1);
    r.i = (long long)mpfr_get_exp(r.x[0]) - 1;
  }
}
// The neighbour of x toward y, stepping the format's encoding.
static void opNextafter(Ref &r, const double *a) {
  double x = a[0], y = a[1], n;
  mpfr_set_prec(r.v[0], r.f->p);
  if (std::isnan(x) || std::isnan(y))
    return mpfr_set_nan(r.v[0]);
  if (x == y) {
    n = y;
  } else if (r.f->p == 24) {
    float fx = (float)x;
    uint32_t b;
    std::memcpy(&b, &fx, 4);
    if (fx == 0)
      b = (y > 0 ? 0u : 0x80000000u) | 1u;
    else
      b += ((y > x) == (fx > 0)) ? 1 : -1;
    std::memcpy(&fx, &b, 4);
    n = fx;
  } else {
    uint64_t b;
    std::memcpy(&b, &x, 8);
    if (x == 0)
      b = (y > 0 ? 0ull : 0x8000000000000000ull) | 1ull;
    else
      b += ((y > x) == (x > 0)) ? 1 : -1;
    std::memcpy(&n, &b, 8);
  }
  mpfr_set_d(r.v[0], n, MPFR_RNDN);
}
static void opLrint(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_rint(r.t, r.x[0], MPFR_RNDN);
  r.i = (long long)mpfr_get_sj(r.t, MPFR_RNDN);
}
static void opLround(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_round(r.t, r.x[0]);
  r.i = (long long)mpfr_get_sj(r.t, MPFR_RNDN);
}
static void opIsnan(Ref &r, const double *a) { r.i = std::isnan(a[0]); }
static void opIsinf(Ref &r, const double *a) { r.i = std::isinf(a[0]); }
static void opIsfinite(Ref &r, const double *a) { r.i = std::isfinite(a[0]); }
static void opSignbit(Ref &r, const double *a) { r.i = std::signbit(a[0]); }
static void refNan(Ref &r, const double *) { mpfr_set_nan(r.v[0]); }
// __saturatef clamps to [+0, 1]; NaN gives +0.
static void opSaturate(Ref &r, const double *a) {
  double x = a[0];
  mpfr_set_prec(r.v[0], r.f->p);
  mpfr_set_d(r.v[0], std::isnan(x) || x <= 0 ? 0.0 : x >= 1 ? 1.0 : x,
             MPFR_RNDN);
}

#endif
