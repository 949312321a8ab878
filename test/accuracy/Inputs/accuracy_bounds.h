// accuracy_bounds.h: part of math-accuracy.cu. The error bound CUDA documents
// for each function, and how an error is judged against it.
#ifndef LINGQU_TEST_ACCURACY_BOUNDS_H
#define LINGQU_TEST_ACCURACY_BOUNDS_H

#include "accuracy_references.h"

/*===--- Bounds -----------------------------------------------------------===*/

// How a result is judged, input by input.
enum RuleKind { kUlp, kAbs, kNone };
struct Rule {
  RuleKind kind;
  double bound;
};

enum BoundKind {
  bUlp,       // ulp everywhere
  bExact,     // correctly rounded (0 ulp) or exact
  bOwn,       // CUDA documents no number; Lingqu's own bound, in ulp
  bDerived,   // CUDA derives it from other intrinsics; held to `note`'s
  bBessel,    // ulp for |x| < 8, else absolute
  bJn,        // absolute
  bYnF,       // ceil(2 + 2.5n) ulp for |x| < n, else absolute
  bYnD,       // absolute for |x| > 1.5n, else none
  bLgamma,    // ulp outside (lo, hi), none inside
  bFastTrig,  // absolute 2^ulp on [-pi, pi], none outside
  bFastSinCos,
  bFastExp,   // 2 + floor(|c x|) ulp
  bFastLog,   // absolute 2^ulp on [0.5, 2], else `abs` ulp
  bFDivide,   // 2 ulp for 2^-126 <= |y| <= 2^126, none outside
};
struct Bound {
  BoundKind kind;
  double ulp = 0, abs = 0, lo = 0, hi = 0;
  const char *note = nullptr;
};
static Bound ulp(double u) { return {bUlp, u}; }
static Bound exact() { return {bExact}; }
static Bound own(double u) { return {bOwn, u}; }
static Bound derived(double u, const char *from) {
  return {bDerived, u, 0, 0, 0, from};
}
static Bound bessel(double u, double a) { return {bBessel, u, a}; }
static Bound jnBound(double a) { return {bJn, 0, a}; }
static Bound ynBoundF() { return {bYnF, 0, 2.2e-6}; }
static Bound ynBoundD() { return {bYnD, 0, 5e-12}; }
static Bound lgammaBound(double u, double lo, double hi) {
  return {bLgamma, u, 0, lo, hi};
}
static Bound fastTrig(double log2Abs) {
  return {bFastTrig, 0, std::exp2(log2Abs)};
}
static Bound fastSinCos() { return {bFastSinCos}; }
static Bound fastExp(double c) { return {bFastExp, 0, 0, c}; }
static Bound fastLog(double log2Abs, double u) {
  return {bFastLog, u, std::exp2(log2Abs)};
}
static Bound fdivideBound() { return {bFDivide, 2}; }

// The rule for one input; sincos's second result (k = 1) may differ.
static Rule ruleAt(const Bound &b, const double *a, int k) {
  double x = a[0];
  switch (b.kind) {
  case bUlp:
  case bOwn:
  case bDerived:
    return {kUlp, b.ulp};
  case bExact:
    return {kUlp, 0};
  case bBessel:
    return std::fabs(x) < 8 ? Rule{kUlp, b.ulp} : Rule{kAbs, b.abs};
  case bJn:
    return {kAbs, b.abs};
  // yn(0, x) is y0(x), whose values near 0 are too large for an absolute
  // bound: y0's own rule applies (9 and 7 ulp for |x| < 8).
  case bYnF:
    if (a[0] == 0 && std::fabs(a[1]) < 8)
      return {kUlp, 9};
    return std::fabs(a[1]) < a[0] ? Rule{kUlp, std::ceil(2 + 2.5 * a[0])}
                                  : Rule{kAbs, b.abs};
  case bYnD:
    if (a[0] == 0 && std::fabs(a[1]) < 8)
      return {kUlp, 7};
    return std::fabs(a[1]) > 1.5 * a[0] ? Rule{kAbs, b.abs} : Rule{kNone, 0};
  case bLgamma:
    return x > b.lo && x < b.hi ? Rule{kNone, 0} : Rule{kUlp, b.ulp};
  case bFastTrig:
    return std::fabs(x) <= M_PI ? Rule{kAbs, b.abs} : Rule{kNone, 0};
  case bFastSinCos:
    return std::fabs(x) <= M_PI
               ? Rule{kAbs, std::exp2(k == 0 ? -21.41 : -21.19)}
               : Rule{kNone, 0};
  case bFastExp:
    return {kUlp, std::isfinite(x) ? 2 + std::floor(std::fabs(b.lo * x)) : 2};
  case bFastLog:
    return x >= 0.5 && x <= 2 ? Rule{kAbs, b.abs} : Rule{kUlp, b.ulp};
  case bFDivide: {
    double y = std::fabs(a[1]);
    return y >= 0x1p-126 && y <= 0x1p126 ? Rule{kUlp, 2} : Rule{kNone, 0};
  }
  }
  return {kNone, 0};
}

static std::string fmtNum(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// The bound as the table states it.
static std::string describe(const Bound &b) {
  switch (b.kind) {
  case bUlp:
    return fmtNum(b.ulp);
  case bExact:
    return "0";
  case bOwn:
    return "none documented; " + fmtNum(b.ulp) + " here";
  case bDerived:
    return std::string("derived; ") + b.note + "'s " + fmtNum(b.ulp) + " here";
  case bBessel:
    return fmtNum(b.ulp) + " for \\|x\\| < 8, else abs " + fmtNum(b.abs);
  case bJn:
    return "abs " + fmtNum(b.abs);
  case bYnF:
    return "⌈2 + 2.5n⌉ for \\|x\\| < n, else abs " + fmtNum(b.abs) +
           " (n = 0: y0f's)";
  case bYnD:
    return "abs " + fmtNum(b.abs) + " for \\|x\\| > 1.5n (n = 0: y0's)";
  case bLgamma:
    return fmtNum(b.ulp) + " outside [" + fmtNum(b.lo) + ", " + fmtNum(b.hi) +
           "]";
  case bFastTrig:
    return "abs 2^" + fmtNum(std::log2(b.abs)) + " on [-π, π]";
  case bFastSinCos:
    return "abs 2^-21.41 (sin), 2^-21.19 (cos) on [-π, π]";
  case bFastExp:
    return "2 + ⌊\\|" + fmtNum(b.lo) + " x\\|⌋";
  case bFastLog:
    return "abs 2^" + fmtNum(std::log2(b.abs)) + " on [0.5, 2], else " +
           fmtNum(b.ulp);
  case bFDivide:
    return "2 for 2^-126 ≤ \\|y\\| ≤ 2^126";
  }
  return "";
}

#endif
