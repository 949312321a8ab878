// accuracy_formats.h: part of math-accuracy.cu. Floating-point formats, ulp
// errors, and the MPFR scratch values the measurement uses.
#ifndef LINGQU_TEST_ACCURACY_FORMATS_H
#define LINGQU_TEST_ACCURACY_FORMATS_H

#include <cstdint> // before mpfr.h, for mpfr_get_sj
#include <mpfr.h>

#include <cmath>
#include <cstring>
#include <string>

// Per input: up to 4 scalars, or a norm's vector.
constexpr int kArgs = 8;

/*===--- Formats and errors -----------------------------------------------===*/

struct Format {
  int p, emin, emax; // precision, least normal exponent, 2^emax overflows
  const char *type;
};
static const Format F32{24, -126, 128, "float"}, F64{53, -1022, 1024, "double"};

// Reference precision: far beyond the format, so that rounding the
// reference once more to the format is the correct rounding.
static int refPrecision(const Format &f) { return f.p == 24 ? 80 : 128; }

// Within its scope MPFR rounds as the format does, subnormals included.
struct FormatRange {
  mpfr_exp_t emin = mpfr_get_emin(), emax = mpfr_get_emax();
  explicit FormatRange(const Format &f) {
    mpfr_set_emin(f.emin - f.p + 2);
    mpfr_set_emax(f.emax);
  }
  ~FormatRange() {
    mpfr_set_emin(emin);
    mpfr_set_emax(emax);
  }
};

static double toFormat(const Format &f, double x) {
  return f.p == 24 ? (double)(float)x : x;
}

// The correctly rounded value of v in format f.
static double roundTo(const Format &f, mpfr_srcptr v, mpfr_ptr tmp) {
  mpfr_set_prec(tmp, f.p);
  int inex = mpfr_set(tmp, v, MPFR_RNDN);
  FormatRange range(f);
  inex = mpfr_check_range(tmp, inex, MPFR_RNDN);
  mpfr_subnormalize(tmp, inex, MPFR_RNDN);
  return mpfr_get_d(tmp, MPFR_RNDN);
}

// log2 of one ulp at v in format f; values at or past 2^emax (an overflow
// taken as 2^emax) get the ulp of that binade.
static long ulpExponent(const Format &f, mpfr_srcptr v) {
  long e = mpfr_zero_p(v) ? f.emin : (long)mpfr_get_exp(v) - 1;
  e = std::max<long>(e, f.emin);
  e = std::min<long>(e, f.emax);
  return e - f.p + 1;
}

// A result as a number: infinities become ±2^emax, one ulp past the largest
// finite value, so an overflow near the boundary measures as a few ulps.
static void extended(const Format &f, mpfr_ptr out, double x) {
  if (std::isinf(x))
    mpfr_set_si_2exp(out, x > 0 ? 1 : -1, f.emax, MPFR_RNDN);
  else
    mpfr_set_d(out, x, MPFR_RNDN);
}

enum Problem { kOk, kNaN, kZeroSign, kInfinity, kInteger };
static const char *problemText[] = {"", "NaN mismatch", "sign of zero",
                                    "infinity mismatch", "integer mismatch"};

// The errors of one result.
struct Error {
  double cr = 0;   // ulps from the correctly rounded result (CUDA's measure)
  double real = 0; // ulps from the exact result
  double abs = 0;  // absolute error
  int problem = kOk;
  bool overflow = false; // one of result and reference is infinite
};

struct Scratch {
  mpfr_t t1, t2, t3;
  Scratch() {
    mpfr_init2(t1, 256);
    mpfr_init2(t2, 256);
    mpfr_init2(t3, 256);
  }
  ~Scratch() {
    mpfr_clear(t1);
    mpfr_clear(t2);
    mpfr_clear(t3);
  }
};

static void measure(Error &e, const Format &f, double got, mpfr_srcptr ref,
                    bool zeroSign, Scratch &s) {
  if (mpfr_nan_p(ref) || std::isnan(got)) {
    if (!(mpfr_nan_p(ref) && std::isnan(got)))
      e.problem = kNaN;
    return;
  }
  double cr = roundTo(f, ref, s.t3);
  if (zeroSign && got == 0 && mpfr_zero_p(ref) &&
      std::signbit(got) != (mpfr_signbit(ref) != 0)) {
    e.problem = kZeroSign;
    return;
  }
  if (got == cr && std::isinf(got))
    return;
  // Exact infinities (poles, infinite arguments) must be met exactly; an
  // overflow is measured like any other error.
  if (mpfr_inf_p(ref)) {
    e.problem = kInfinity;
    return;
  }
  e.overflow = std::isinf(cr) != std::isinf(got);
  extended(f, s.t1, got);
  extended(f, s.t2, cr);
  mpfr_sub(s.t3, s.t1, s.t2, MPFR_RNDN);
  mpfr_abs(s.t3, s.t3, MPFR_RNDN);
  mpfr_mul_2si(s.t3, s.t3, -ulpExponent(f, s.t2), MPFR_RNDN);
  e.cr = mpfr_get_d(s.t3, MPFR_RNDU);
  mpfr_sub(s.t3, s.t1, ref, MPFR_RNDN);
  mpfr_abs(s.t3, s.t3, MPFR_RNDN);
  e.abs = std::isinf(got) ? INFINITY : mpfr_get_d(s.t3, MPFR_RNDU);
  mpfr_mul_2si(s.t3, s.t3, -ulpExponent(f, ref), MPFR_RNDN);
  e.real = mpfr_get_d(s.t3, MPFR_RNDU);
}

#endif
