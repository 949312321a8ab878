// The reference the half-precision and bfloat16 tests check against, for a
// 16-bit format with `ebits` exponent and `mbits` fraction bits. It rounds
// by binary search in a table of every finite value (built from the
// definition), comparing with the exact midpoint of the two neighbours, in
// long double: a different method from the headers' bit manipulation.
// Where a long double value is only an approximation, the caller passes
// the sign of its error (`tail`), which decides a tie.
#ifndef LINGQU_TEST_FLOAT16_REFERENCE_H
#define LINGQU_TEST_FLOAT16_REFERENCE_H

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <vector>

#include "expect.h"

typedef unsigned short u16;
enum Mode { RN, RZ, RU, RD };

struct Reference16 {
  unsigned inf, one;              // bit patterns
  std::vector<long double> table; // [inf] is the next binade's first value

  Reference16(int ebits, int mbits) {
    inf = ((1u << ebits) - 1) << mbits;
    int bias = (1 << (ebits - 1)) - 1;
    one = (unsigned)bias << mbits;
    for (unsigned b = 0; b <= inf; ++b) {
      unsigned e = b >> mbits, f = b & ((1u << mbits) - 1);
      table.push_back(e ? ldexpl((1u << mbits) + f, (int)e - bias - mbits)
                        : ldexpl(f, 1 - bias - mbits));
    }
  }

  long double value(u16 b) const {
    unsigned m = b & 0x7fff;
    if (m > inf)
      return NAN;
    long double v = m == inf ? (long double)INFINITY : table[m];
    return (b & 0x8000) ? -v : v;
  }

  // x rounded in `mode`; `tail` is the sign of (exact value - x).
  u16 round(long double x, Mode mode, int tail = 0) const {
    if (std::isnan(x))
      return 0x7fff;
    unsigned sign = std::signbit(x) ? 0x8000 : 0;
    long double a = fabsl(x);
    int t = sign ? -tail : tail;
    if (std::isinf(a))
      return (u16)(sign | inf);
    bool away = (mode == RU && !sign) || (mode == RD && sign);
    bool toward = mode == RZ || (mode == RU && sign) || (mode == RD && !sign);
    if (a >= table[inf]) // beyond overflow, whatever the tie rule
      return (u16)(sign | (toward ? inf - 1 : inf));
    unsigned lo = 0, hi = inf; // table[lo] <= a < table[hi]
    while (hi - lo > 1) {
      unsigned mid = (lo + hi) / 2;
      (table[mid] <= a ? lo : hi) = mid;
    }
    if (table[lo] == a && t == 0)
      return (u16)(sign | lo);
    unsigned r;
    if (toward)
      r = lo;
    else if (away)
      r = hi;
    else {
      long double m = (table[lo] + table[hi]) / 2; // exact
      if (a != m)
        r = a < m ? lo : hi;
      else if (t != 0)
        r = t > 0 ? hi : lo;
      else
        r = (lo & 1) ? hi : lo;
    }
    return (u16)(sign | r);
  }

  // A 16-bit value to the integer type I in `mode`, saturating; NaN gives
  // 0, or bit 63 for the 64-bit types.
  template <typename I> I to_int(u16 h, Mode mode) const {
    long double x = value(h);
    if (std::isnan(x))
      return sizeof(I) == 8 ? (I)(1ull << 63) : (I)0;
    long double r = x;
    if (std::isfinite(x)) {
      long double f = floorl(x), d = x - f;
      switch (mode) {
      case RZ: r = x < 0 ? ceill(x) : f; break;
      case RU: r = ceill(x); break;
      case RD: r = f; break;
      default:
        r = d != 0.5L ? (d < 0.5L ? f : f + 1) : (fmodl(f, 2) == 0 ? f : f + 1);
      }
    }
    if (r <= (long double)std::numeric_limits<I>::min())
      return std::numeric_limits<I>::min();
    if (r >= (long double)std::numeric_limits<I>::max())
      return std::numeric_limits<I>::max();
    return (I)r;
  }

  // Saturation to [0, 1]: NaN and -0 give +0.
  u16 sat(u16 r) const {
    long double v = value(r);
    if (std::isnan(v) || v <= 0)
      return 0;
    return v > 1 ? (u16)one : r;
  }

  // max/min: a NaN loses to a number (both NaN: canonical NaN), or with
  // nan_wins any NaN gives the canonical NaN; +0 > -0.
  u16 maxmin(u16 a, u16 b, bool max, bool nan_wins) const {
    long double x = value(a), y = value(b);
    bool na = std::isnan(x), nb = std::isnan(y);
    if ((na && nb) || (nan_wins && (na || nb)))
      return 0x7fff;
    if (na || nb)
      return na ? b : a;
    if (x == y && x == 0)
      return (max ? (a == 0 || b == 0) : (a == 0 && b == 0)) ? 0 : 0x8000;
    return (max ? x >= y : x <= y) ? a : b;
  }
};

// The sign of the exact error of the long double sum x + y (TwoSum).
static int sum_tail(long double x, long double y) {
  long double s = x + y;
  if (!std::isfinite(s))
    return 0;
  long double bv = s - x, e = (x - (s - bv)) + (y - bv);
  return e > 0 ? 1 : (e < 0 ? -1 : 0);
}
// The sign of the exact error of the long double quotient x / y.
static int div_tail(long double x, long double y) {
  long double q = x / y;
  if (!std::isfinite(q) || q == 0)
    return 0;
  long double rem = fmal(-q, y, x); // exact
  return rem == 0 ? 0 : ((rem > 0) == (y > 0) ? 1 : -1);
}

static unsigned long long rng_state = 0x9e3779b97f4a7c15ull;
static unsigned long long rnd() { // splitmix64
  unsigned long long z = (rng_state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

static bool same_float(float a, float b) {
  return std::memcmp(&a, &b, 4) == 0;
}

// A few failures in full, then only a count.
static int reported = 0;
#define MISMATCH(...)                                                          \
  do {                                                                         \
    if (reported++ < 20)                                                       \
      std::printf(__VA_ARGS__);                                                \
    ++failures;                                                                \
  } while (0)

#endif // LINGQU_TEST_FLOAT16_REFERENCE_H
