// accuracy_inputs.h: part of math-accuracy.cu. The inputs each function is
// measured on: edge cases and a dense random sample with a fixed seed.
#ifndef LINGQU_TEST_ACCURACY_INPUTS_H
#define LINGQU_TEST_ACCURACY_INPUTS_H

#include "accuracy_bounds.h"

/*===--- Inputs -----------------------------------------------------------===*/

// SplitMix64: a fixed sequence on every platform.
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double unit() { return (next() >> 11) * 0x1p-53; } // [0, 1)
  int below(int n) { return (int)(next() % (uint64_t)n); }
};

using Args = std::array<double, kArgs>;

struct Sampler {
  const Format &f;
  Rng &rng;
  std::vector<Args> &out;
  int n; // random samples requested

  double fmt(double x) const { return toFormat(f, x); }
  // Arguments in the format (the device converts them to float exactly).
  void add(double a, double b = 0, double c = 0, double d = 0) {
    addRaw(fmt(a), fmt(b), fmt(c), fmt(d));
  }
  // For integer arguments outside float's exact range (ldexp's exponent).
  void addRaw(double a, double b = 0, double c = 0, double d = 0) {
    Args v{};
    v[0] = a;
    v[1] = b;
    v[2] = c;
    v[3] = d;
    out.push_back(v);
  }
  // The format's neighbour of x toward y.
  double next(double x, double y) const {
    return f.p == 24 ? (double)std::nextafterf((float)x, (float)y)
                     : std::nextafter(x, y);
  }
  bool coin() { return rng.next() & 1; }
  double sign(double x) { return coin() ? -x : x; }
  // Uniform on [lo, hi], in the format.
  double uni(double lo, double hi) { return fmt(lo + (hi - lo) * rng.unit()); }
  // Magnitude 2^[e1, e2) with a random significand.
  double mag(double e1, double e2) {
    double e = std::floor(e1 + (e2 - e1) * rng.unit());
    return fmt(std::ldexp(1 + rng.unit(), (int)e));
  }
  // Any value of the format, subnormals included, either sign.
  double wide() { return sign(mag(f.emin - f.p + 1, f.emax)); }
  double maxFinite() const {
    return std::ldexp(2 - std::ldexp(1, 1 - f.p), f.emax - 1);
  }
  double eps() const { return std::ldexp(1, 1 - f.p); }
  // Zeros, subnormals, the ends of the normal range, values around 1,
  // infinities and NaN, each with both signs.
  std::vector<double> edges() const {
    double tiny = std::ldexp(1, f.emin - f.p + 1);
    double least = std::ldexp(1, f.emin), e = eps(), big = maxFinite();
    std::vector<double> pos = {0,         tiny,      2 * tiny, least - tiny,
                               least,     least + tiny, e / 2,  0.5,
                               1 - e / 2, 1,         1 + e,    1.5,
                               2,         3,         10,       100,
                               1e4,       big / 2,   big,      INFINITY};
    std::vector<double> v;
    for (double x : pos) {
      v.push_back(fmt(x));
      v.push_back(-fmt(x));
    }
    v.push_back(NAN);
    return v;
  }
  template <typename F> void random(F draw) {
    for (int k = 0; k < n; ++k)
      draw();
  }
};

struct Gen {
  void (*fn)(Sampler &, const Gen &);
  double lo = 0, hi = 0;
};

// Edges, then a third of the samples anywhere in the format and the rest
// uniform on the interesting interval [lo, hi].
static void unaryFn(Sampler &s, const Gen &g) {
  for (double x : s.edges())
    s.add(x);
  s.random([&] {
    s.add(s.rng.below(3) == 0 ? s.wide() : s.uni(g.lo, g.hi));
  });
}
static Gen gUnary(double lo, double hi) { return {unaryFn, lo, hi}; }

// Logarithms: also values just around 1 and the powers of 2 and 10.
static void logFn(Sampler &s, const Gen &g) {
  for (double x : s.edges())
    s.add(x);
  for (int k = 1; k < 40; ++k) {
    s.add(s.fmt(1 + k * s.eps()));
    s.add(s.fmt(1 - k * s.eps() / 2));
    s.add(s.fmt(std::ldexp(1, k * 3 - 60)));
    s.add(s.fmt(std::pow(10.0, k - 20)));
  }
  s.random([&] {
    int c = s.rng.below(4);
    double near1 = 1 + s.sign(std::ldexp(s.rng.unit(), -s.rng.below(30)));
    double x = c == 0   ? std::fabs(s.wide())
               : c == 1 ? s.fmt(near1)
                        : s.uni(g.lo, g.hi);
    s.add(x);
  });
}
static Gen gLog(double lo, double hi) { return {logFn, lo, hi}; }

// Trigonometry: [-pi, pi], arguments up to 1e5 and anywhere, and values
// next to multiples of pi/2, where reduction must be exact.
static void trigFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = 1; k < 64; ++k) {
    double m = s.fmt(k * M_PI_2 * (k > 32 ? 1e5 : 1));
    s.add(m);
    s.add(s.next(m, 0.0));
    s.add(-s.next(m, INFINITY));
  }
  s.random([&] {
    int c = s.rng.below(4);
    s.add(c == 0 ? s.wide() : c == 1 ? s.uni(-1e5, 1e5) : s.uni(-M_PI, M_PI));
  });
}
static Gen gTrig() { return {trigFn}; }

// sinpi, cospi: integers, halves, quarters, the end of the fractions.
static void piFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = -20; k <= 20; ++k) {
    s.add(k * 0.25);
    s.add(s.fmt(k * 0.5 + s.eps()));
    s.add(s.fmt(k * 0.5 - s.eps()));
  }
  for (int k = 0; k < 8; ++k)
    s.add(s.sign(std::ldexp(1.0 + k, s.f.p - 3 + k / 2)));
  s.random([&] {
    int c = s.rng.below(4);
    s.add(c == 0 ? s.wide() : c == 1 ? s.uni(-1e6, 1e6) : s.uni(-2, 2));
  });
}
static Gen gPi() { return {piFn}; }

// Two arguments: all pairs of edges, then pairs anywhere or in [lo, hi].
static void binaryFn(Sampler &s, const Gen &g) {
  auto e = s.edges();
  for (double x : e)
    for (double y : e)
      s.add(x, y);
  s.random([&] {
    if (s.coin())
      s.add(s.wide(), s.wide());
    else
      s.add(s.uni(g.lo, g.hi), s.uni(g.lo, g.hi));
  });
}
static Gen gBinary(double lo, double hi) { return {binaryFn, lo, hi}; }

// Arithmetic: also cancellation and results in the subnormal range.
static void arithFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  for (double x : e)
    for (double y : e)
      s.add(x, y);
  s.random([&] {
    int c = s.rng.below(4);
    double x = s.wide();
    if (c == 0)
      s.add(x, s.wide());
    else if (c == 1) // nearly equal
      s.add(x, x * (1 + s.sign(std::ldexp(s.rng.unit(), -s.rng.below(s.f.p)))));
    else if (c == 2) // tiny operands
      s.add(s.sign(s.mag(s.f.emin - s.f.p, s.f.emin + 4)),
            s.sign(s.mag(-30, 30)));
    else
      s.add(s.uni(-100, 100), s.uni(-100, 100));
  });
}
static Gen gArith() { return {arithFn}; }

static void fmaFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  for (int k = 0; k < 3000; ++k)
    s.add(e[s.rng.below(e.size())], e[s.rng.below(e.size())],
          e[s.rng.below(e.size())]);
  s.random([&] {
    int c = s.rng.below(3);
    double x = s.sign(s.mag(-20, 20)), y = s.sign(s.mag(-20, 20));
    if (c == 0)
      s.add(s.wide(), s.wide(), s.wide());
    else if (c == 1) // x * y + z cancels nearly to zero
      s.add(x, y, -(x * y) * (1 + s.sign(std::ldexp(s.rng.unit(), -s.f.p))));
    else
      s.add(x, y, s.sign(s.mag(-60, 60)));
  });
}
static Gen gFma() { return {fmaFn}; }

// pow: the special pairs, then x near 1 with large y, negative x with
// integer y, and results across the whole range.
static void powFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  std::vector<double> ys = e;
  for (double y : {0.5, 1.5, 3.0, 5.0, 0x1p24, 0x1p24 + 2, 0x1p53, 0x1p53 + 2,
                   1e10, 127.0, 1023.0, -149.0, -1074.0, 0.1})
    for (double sy : {y, -y})
      ys.push_back(s.fmt(sy));
  for (double x : e)
    for (double y : ys)
      s.add(x, y);
  s.random([&] {
    int c = s.rng.below(5);
    if (c == 0)
      s.add(s.mag(-20, 20), s.uni(-60, 60));
    else if (c == 1)
      s.add(-s.mag(-10, 10), std::round(s.uni(-100, 100)));
    else if (c == 2)
      s.add(s.fmt(1 + s.sign(std::ldexp(s.rng.unit(), -s.rng.below(s.f.p)))),
            s.sign(s.mag(0, 60)));
    else if (c == 3)
      s.add(std::fabs(s.wide()), s.uni(-2, 2));
    else
      s.add(s.uni(0, 4), s.uni(-20, 20));
  });
}
static Gen gPow() { return {powFn}; }

// Norms: the coordinate count rides in the last slot. Coordinates come
// from the edges or anywhere, or share a scale so that none is negligible.
static void normFn(Sampler &s, const Gen &g) {
  int n = (int)g.lo;
  auto e = s.edges();
  auto put = [&](const double *p) {
    Args v{};
    for (int k = 0; k < n; ++k)
      v[k] = p[k];
    v[kArgs - 1] = n;
    s.out.push_back(v);
  };
  double p[4];
  if (n == 2)
    for (double x : e)
      for (double y : e) {
        p[0] = x;
        p[1] = y;
        put(p);
      }
  else
    for (int k = 0; k < 3000; ++k) {
      for (int j = 0; j < n; ++j)
        p[j] = e[s.rng.below(e.size())];
      put(p);
    }
  s.random([&] {
    int c = s.rng.below(3);
    double scale = s.rng.below(s.f.emax * 2 + s.f.p) - s.f.emax - s.f.p;
    for (int j = 0; j < n; ++j)
      p[j] = c == 0   ? s.wide()
             : c == 1 ? s.sign(s.mag(scale, scale + 3))
                      : s.uni(-10, 10);
    put(p);
  });
}
static Gen gNorm(int n) { return {normFn, (double)n}; }

// norm(dim, p): dim in the first slot, coordinates after it.
static void normNFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  for (int k = 0; k < 2000; ++k) {
    int n = 1 + s.rng.below(kArgs - 1);
    Args v{};
    v[0] = n;
    for (int j = 0; j < n; ++j)
      v[1 + j] = e[s.rng.below(e.size())];
    s.out.push_back(v);
  }
  s.random([&] {
    int n = 1 + s.rng.below(kArgs - 1), c = s.rng.below(3);
    double scale = s.rng.below(s.f.emax * 2 + s.f.p) - s.f.emax - s.f.p;
    Args v{};
    v[0] = n;
    for (int j = 0; j < n; ++j)
      v[1 + j] = c == 0   ? s.wide()
                 : c == 1 ? s.sign(s.mag(scale, scale + 3))
                          : s.uni(-10, 10);
    s.out.push_back(v);
  });
}
static Gen gNormN() { return {normNFn}; }

// Remainders: all pairs of edges, quotients large and small, and exact
// halves, where the quotient's parity decides.
static void remainderFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  for (double x : e)
    for (double y : e)
      s.add(x, y);
  s.random([&] {
    int c = s.rng.below(3);
    if (c == 0) {
      s.add(s.wide(), s.wide());
    } else if (c == 1) {
      double y = s.sign(s.mag(-10, 10));
      double q = std::round(s.uni(-1000, 1000));
      s.add(s.fmt((q + 0.5) * y), y);
    } else {
      s.add(s.uni(-100, 100), s.sign(s.mag(-8, 8)));
    }
  });
}
static Gen gRemainder() { return {remainderFn}; }

// Rounding to integers: halves, values around 2^p, edges.
static void roundFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = -10; k <= 10; ++k)
    s.add(k + 0.5);
  s.random([&] {
    int c = s.rng.below(3);
    if (c == 0)
      s.add(s.wide());
    else if (c == 1)
      s.add(s.sign(s.mag(-2, s.f.p + 2)));
    else
      s.add(s.fmt(std::round(s.uni(-1e6, 1e6)) + 0.5));
  });
}
static Gen gRound() { return {roundFn}; }

// Conversions to integers, within the range of long long.
static void toIntFn(Sampler &s, const Gen &) {
  for (double x : {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0x1p52, -0x1p62})
    s.add(s.fmt(x));
  s.random([&] {
    if (s.coin())
      s.add(s.sign(s.mag(-4, 62)));
    else
      s.add(s.fmt(std::round(s.uni(-1e6, 1e6)) + 0.5));
  });
}
static Gen gToInt() { return {toIntFn}; }

// ldexp and scalbn: exponents across the range and past it, subnormal
// results (which round), overflow.
static void ldexpFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  int span = s.f.emax - s.f.emin + s.f.p + 8;
  for (double x : e)
    for (int k : {0, 1, -1, span, -span, s.f.emax, s.f.emin, INT_MAX, INT_MIN})
      s.addRaw(x, k);
  s.random([&] {
    double x = s.coin() ? s.wide() : s.uni(-10, 10);
    s.addRaw(x, s.rng.below(2 * span) - span);
  });
}
static Gen gLdexp() { return {ldexpFn}; }

// fdividef: y over the whole range and the bound's interval.
static void divideFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  for (double x : e)
    for (double y : e)
      s.add(x, y);
  s.random([&] {
    if (s.coin())
      s.add(s.wide(), s.wide());
    else
      s.add(s.uni(-100, 100), s.sign(s.mag(-126, 126)));
  });
}
static Gen gDivide() { return {divideFn}; }

static void erfinvFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = 1; k < 30; ++k) {
    s.add(s.fmt(1 - k * s.eps() / 2));
    s.add(s.fmt(-1 + k * s.eps() / 2));
  }
  s.random([&] {
    int c = s.rng.below(3);
    s.add(c == 0   ? s.uni(-1, 1)
          : c == 1 ? s.sign(s.fmt(1 - s.mag(-s.f.p, -1)))
                   : s.sign(s.mag(s.f.emin - s.f.p, 0)));
  });
}
static Gen gErfinv() { return {erfinvFn}; }

static void erfcinvFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = 1; k < 30; ++k) {
    s.add(s.fmt(2 - k * s.eps()));
    s.add(s.fmt(1 + k * s.eps()));
    s.add(s.fmt(1 - k * s.eps() / 2));
  }
  s.random([&] {
    int c = s.rng.below(3);
    s.add(c == 0   ? s.uni(0, 2)
          : c == 1 ? s.mag(s.f.emin - s.f.p + 1, 0)
                   : s.fmt(2 - s.mag(-s.f.p, 0)));
  });
}
static Gen gErfcinv() { return {erfcinvFn}; }

static void normcdfinvFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = 1; k < 30; ++k) {
    s.add(s.fmt(1 - k * s.eps() / 2));
    s.add(s.fmt(0.5 + k * s.eps() / 2));
  }
  s.random([&] {
    int c = s.rng.below(3);
    s.add(c == 0   ? s.uni(0, 1)
          : c == 1 ? s.mag(s.f.emin - s.f.p + 1, -1)
                   : s.fmt(1 - s.mag(-s.f.p, -1)));
  });
}
static Gen gNormcdfinv() { return {normcdfinvFn}; }

// Gamma functions: poles, the overflow threshold, the zeros of lgamma at 1
// and 2, negative arguments.
static void gammaFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = 1; k <= 30; ++k) {
    s.add(-k);
    s.add(s.fmt(-k + 0.5));
    s.add(s.fmt(-k + k * s.eps() * 4));
    s.add(s.fmt(-k - k * s.eps() * 4));
  }
  for (double x : {1.0, 2.0, 1.4616321449683622, 35.04, 171.6243769563027}) {
    double v = s.fmt(x);
    for (int k = 0; k < 4; ++k) {
      s.add(v);
      s.add(s.next(v, -INFINITY));
      v = s.next(v, INFINITY);
    }
  }
  s.random([&] {
    int c = s.rng.below(4);
    s.add(c == 0   ? s.wide()
          : c == 1 ? s.uni(-40, 0)
          : c == 2 ? s.uni(0, s.f.p == 24 ? 36 : 172)
                   : s.uni(0, 4));
  });
}
static Gen gGamma() { return {gammaFn}; }

// The zero of a Bessel function next to `guess`, by Newton's method in
// MPFR, rounded to the format. J0' = -J1, Y0' = -Y1, J1' = J0 - J1/x,
// Y1' = Y0 - Y1/x.
static double besselZero(const Format &f, int which, double guess) {
  mpfr_t x, v, d, t;
  mpfr_inits2(160, x, v, d, t, (mpfr_ptr)0);
  mpfr_set_d(x, guess, MPFR_RNDN);
  for (int it = 0; it < 8; ++it) {
    bool y = which >= 2;
    if (which % 2 == 0) {
      (y ? mpfr_y0 : mpfr_j0)(v, x, MPFR_RNDN);
      (y ? mpfr_y1 : mpfr_j1)(d, x, MPFR_RNDN);
      mpfr_neg(d, d, MPFR_RNDN);
    } else {
      (y ? mpfr_y1 : mpfr_j1)(v, x, MPFR_RNDN);
      (y ? mpfr_y0 : mpfr_j0)(d, x, MPFR_RNDN);
      mpfr_div(t, v, x, MPFR_RNDN);
      mpfr_sub(d, d, t, MPFR_RNDN);
    }
    mpfr_div(v, v, d, MPFR_RNDN);
    mpfr_sub(x, x, v, MPFR_RNDN);
  }
  Scratch s;
  double z = roundTo(f, x, s.t1);
  mpfr_clears(x, v, d, t, (mpfr_ptr)0);
  return z;
}

// Bessel functions of order 0 and 1 (g.lo: 0 j0, 1 j1, 2 y0, 3 y1): the
// doubles around each zero below 12, [0, 8] densely, beyond it and
// anywhere.
static void besselFn(Sampler &s, const Gen &g) {
  static const double zeros[4][4] = {
      {2.404825557695773, 5.520078110286311, 8.653727912911013,
       11.79153443901428},
      {3.831705970207512, 7.015586669815619, 10.17346813506272, 0},
      {0.8935769662791675, 3.957678419314858, 7.086051060301773,
       10.22234504349642},
      {2.197141326031017, 5.429681040794135, 8.596005868331169, 0}};
  int which = (int)g.lo;
  for (double x : s.edges())
    s.add(x);
  for (double z0 : zeros[which]) {
    if (z0 == 0)
      continue;
    double z = besselZero(s.f, which, z0), lo = z, hi = z;
    s.add(z);
    for (int k = 0; k < 3; ++k) {
      lo = s.next(lo, 0.0);
      hi = s.next(hi, 100.0);
      s.add(lo);
      s.add(hi);
    }
    for (int k = 0; k < 8; ++k) // the neighbourhood, ever closer
      s.add(s.fmt(z + std::ldexp(s.rng.unit() - 0.5, -3 * k)));
  }
  s.random([&] {
    int c = s.rng.below(6);
    double x = c == 0 ? s.wide() : c == 1 ? s.uni(8, 200) : s.uni(0, 8);
    s.add(which < 2 && s.coin() ? -x : x);
  });
}
static Gen gBessel(int which) { return {besselFn, (double)which}; }

// jn and yn: order in the first slot, orders up to 128.
static void besselNFn(Sampler &s, const Gen &g) {
  auto e = s.edges();
  for (int n : {-1, 0, 1, 2, 5, 128})
    for (double x : e)
      s.add(n, x);
  // Orders 0 and 1 next to the zeros of j0 and j1 (g.lo 0) or y0 and y1.
  for (int n = 0; n < 2; ++n) {
    Sampler zs{s.f, s.rng, s.out, 0};
    size_t from = s.out.size();
    besselFn(zs, Gen{besselFn, g.lo + n});
    for (size_t k = from; k < s.out.size(); ++k) {
      double x = s.out[k][0];
      s.out[k][0] = n;
      s.out[k][1] = x;
    }
  }
  s.random([&] {
    int c = s.rng.below(8);
    int n = c == 0 ? 128 : c < 4 ? s.rng.below(20) : s.rng.below(129);
    double x =
        s.rng.below(4) == 0 ? std::fabs(s.wide()) : s.uni(0, 2.0 * n + 20);
    s.add(n, x);
  });
}
static Gen gBesselN(int kind) { return {besselNFn, (double)kind}; }

static void noneFn(Sampler &s, const Gen &) { s.add(0); }
static Gen gNone() { return {noneFn}; }

#endif
