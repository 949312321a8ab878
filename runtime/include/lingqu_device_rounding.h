/*===- lingqu_device_rounding.h - Operations with a rounding direction ----===*
 * Written for Lingqu. CUDA's __fadd_rz, __dmul_ru, __fma_rd, ... round one
 * operation in the direction their suffix names; a GPU has an instruction
 * for each. A CPU has one rounding mode per thread, shared by every CUDA
 * thread a core runs and assumed to be round-to-nearest by the compiler,
 * so it is never changed here. Each operation is done in round-to-nearest,
 * the sign of its exact error comes from an error-free transformation
 * (TwoSum for sums, fma for the error of a product, the remainder of a
 * quotient or of a square root), and the result steps one ulp in the
 * suffix's direction when the error says the exact value lies beyond it.
 * Where those transformations stop being exact (results near the
 * underflow threshold, a double fma's extremes) the operands are scaled or
 * the operation is done in 128-bit integers. Every result is correctly
 * rounded; the _rn forms are the plain operations, never contracted.
 *
 * Float operations are done in double: a product of floats is exact there,
 * and for the rest the sign of the double's own error settles the one case
 * where rounding twice could go wrong (the double is a float).
 *
 * Subnormals are kept: lqcc has no -ftz, so the __fmaf_ieee_* forms (which
 * ignore -ftz) are the __fmaf_* ones. NaN results are the host's NaN, not
 * CUDA's canonical one.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_ROUNDING_H
#define LINGQU_DEVICE_ROUNDING_H

#if defined(__CUDA__) && defined(__cplusplus)

#define LINGQU_RND static __device__ __inline__ __attribute__((always_inline))
/* Error-free transformations hold only as written: a product must not be
 * fused into the sum after it, which CUDA's default -ffp-contract=fast
 * allows. Scoped to the function body it opens. */
#define LINGQU_EXACT _Pragma("clang fp contract(off)")

/* The directions, as the helpers below take them. */
enum { __lingqu_rz = 0, __lingqu_ru = 1, __lingqu_rd = 2 };

/*===--- Neighbours -------------------------------------------------------===*/

LINGQU_RND unsigned __lingqu_f32_bits(float x) {
  return __builtin_bit_cast(unsigned, x);
}
LINGQU_RND float __lingqu_f32_from(unsigned u) {
  return __builtin_bit_cast(float, u);
}
LINGQU_RND unsigned long long __lingqu_f64_bits(double x) {
  return __builtin_bit_cast(unsigned long long, x);
}
LINGQU_RND double __lingqu_f64_from(unsigned long long u) {
  return __builtin_bit_cast(double, u);
}

/* The next value up: both zeros go to the least subnormal, the largest
 * finite value to infinity, -inf to the most negative finite value. */
LINGQU_RND float __lingqu_next_upf(float x) {
  if (x != x || x == __builtin_inff())
    return x;
  if (x == 0.0f)
    return __lingqu_f32_from(1u);
  unsigned u = __lingqu_f32_bits(x);
  return __lingqu_f32_from(x > 0.0f ? u + 1 : u - 1);
}
LINGQU_RND float __lingqu_next_downf(float x) {
  return -__lingqu_next_upf(-x);
}
LINGQU_RND double __lingqu_next_up(double x) {
  if (x != x || x == __builtin_inf())
    return x;
  if (x == 0.0)
    return __lingqu_f64_from(1ull);
  unsigned long long u = __lingqu_f64_bits(x);
  return __lingqu_f64_from(x > 0.0 ? u + 1 : u - 1);
}
LINGQU_RND double __lingqu_next_down(double x) {
  return -__lingqu_next_up(-x);
}

/*===--- Rounding an exact value given as s + err --------------------------===*/

/* The exact value x rounded in direction `mode`, where s is one of the two
 * doubles around x (x rounded to nearest, in practice) and err has the sign
 * of x - s; only its sign counts (0: s is exact; NaN: s is exact and
 * special). A finite x past the largest double comes as s = +-inf with err
 * of the other sign. */
LINGQU_RND double __lingqu_round_dir(double s, double err, int mode) {
  if (mode == __lingqu_ru || (mode == __lingqu_rz && __builtin_signbit(s)))
    return err > 0.0 ? __lingqu_next_up(s) : s;
  return err < 0.0 ? __lingqu_next_down(s) : s;
}

/* The same to float, from s = x rounded to nearest double. When s is not a
 * float, x lies on the same side as s of the float f nearest s (no double
 * lies between x and s, and f is a double), so err matters only when s is
 * a float. Overflow needs no case: f is then infinite, and s below it. */
LINGQU_RND float __lingqu_round_dirf(double s, double err, int mode) {
  LINGQU_EXACT
  float f = (float)s;
  double d = s - (double)f; /* exact: the bits of s below f's last */
  if (d == 0.0)
    d = err;
  if (mode == __lingqu_ru || (mode == __lingqu_rz && __builtin_signbit(f)))
    return d > 0.0 ? __lingqu_next_upf(f) : f;
  return d < 0.0 ? __lingqu_next_downf(f) : f;
}

/* a + b - s exactly, for s = a + b rounded to nearest and finite (Dekker's
 * Fast2Sum with the operands ordered, which cannot overflow then). */
LINGQU_RND double __lingqu_add_err(double a, double b, double s) {
  LINGQU_EXACT
  bool aBig = __builtin_fabs(a) >= __builtin_fabs(b);
  double big = aBig ? a : b, small = aBig ? b : a;
  return small - (s - big);
}

/* Knuth's TwoSum: a + b - s exactly, with no condition on the order. */
LINGQU_RND double __lingqu_two_sum_err(double a, double b, double s) {
  LINGQU_EXACT
  double bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

/*===--- Scaling helpers ---------------------------------------------------===*/

/* 2^e for e in [-1022, 1023]. */
LINGQU_RND double __lingqu_pow2(int e) {
  return __lingqu_f64_from((unsigned long long)(e + 1023) << 52);
}
/* |x| = m 2^e with m in [1, 2), for finite nonzero x; returns m. */
LINGQU_RND double __lingqu_unit(double x, int *e) {
  LINGQU_EXACT
  double y = __builtin_fabs(x);
  int adjust = 0;
  if (y < 0x1p-1022) { /* subnormal: normalise first */
    y *= 0x1p64;
    adjust = 64;
  }
  unsigned long long u = __lingqu_f64_bits(y);
  *e = (int)(u >> 52) - 1023 - adjust;
  return __lingqu_f64_from((u & 0xfffffffffffffull) | 0x3ff0000000000000ull);
}
/* x 2^e rounded once to nearest, for finite x with |x| < 4 where e < -1022;
 * the steps before the last are exact. */
LINGQU_RND double __lingqu_ldexp_rn(double x, int e) {
  LINGQU_EXACT
  if (e > 1023) {
    x *= 0x1p1023;
    e -= 1023;
    if (e > 1023) /* overflows whatever x is: no 2^e to build */
      e = 1023;
  }
  if (e >= -1022)
    return x * __lingqu_pow2(e);
  if (e < -1130) /* below half the least subnormal */
    return 0.0;
  return x * __lingqu_pow2(e + 200) * 0x1p-200;
}

/*===--- Double fma in integers --------------------------------------------===*/

LINGQU_RND int __lingqu_bit_length(unsigned __int128 x) {
  unsigned long long hi = (unsigned long long)(x >> 64);
  unsigned long long lo = (unsigned long long)x;
  return hi ? 128 - __builtin_clzll(hi) : (lo ? 64 - __builtin_clzll(lo) : 0);
}

/* a * b + c rounded in direction `mode`, for finite operands: the product
 * is exact in 128 bits, c is aligned to it with the bits shifted out kept
 * as a sticky bit (both operands start with two zero bits on top, so a sum
 * cannot carry out, and a difference that loses bits to the sticky one
 * cancels at most one bit), and the sum is cut to 53 bits or to the
 * subnormal grid. The path for results where the floating-point error
 * terms underflow or overflow. */
LINGQU_RND double __lingqu_dfma_soft(double a, double b, double c, int mode) {
  typedef unsigned __int128 u128;
  unsigned long long ua = __lingqu_f64_bits(a), ub = __lingqu_f64_bits(b),
                     uc = __lingqu_f64_bits(c);
  int neg = (int)((ua ^ ub) >> 63), negC = (int)(uc >> 63);
  /* |x| = m 2^e, subnormals included. */
#define LINGQU_DECODE(u, m, e)                                                 \
  int e##_field = (int)((u >> 52) & 0x7ff);                                    \
  unsigned long long m = (u & 0xfffffffffffffull) |                            \
                         (e##_field ? 1ull << 52 : 0ull);                      \
  int e = (e##_field ? e##_field : 1) - 1075;
  LINGQU_DECODE(ua, ma, ea)
  LINGQU_DECODE(ub, mb, eb)
  LINGQU_DECODE(uc, mc, ec)
#undef LINGQU_DECODE
  u128 R = (u128)ma * mb;
  int eR = ea + eb;
  if (R == 0) {
    if (mc != 0)
      return c;
    /* (+-0) + (+-0): the operands' sign if they agree, else the mode's. */
    return (neg == negC ? neg : mode == __lingqu_rd) ? -0.0 : 0.0;
  }
  if (mc != 0) {
    /* Both with their leading one at bit 125. */
    int shiftP = 126 - __lingqu_bit_length(R);
    int shiftC = 126 - __lingqu_bit_length(mc);
    u128 X = R << shiftP, Y = (u128)mc << shiftC;
    int eX = eR - shiftP, eY = ec - shiftC, negY = negC;
    if (eY > eX) {
      u128 t = X;
      X = Y;
      Y = t;
      int te = eX;
      eX = eY;
      eY = te;
      negY = neg;
      neg = negC;
    }
    /* Y's lost bits jam into its last one: X has at least 20 zero bits
     * there, so the sum's bits above them and whether any bit below them
     * is set come out as the exact sum's. */
    int d = eX - eY;
    if (d >= 128)
      Y = 1;
    else if (d > 0)
      Y = (Y >> d) | (u128)((Y & (((u128)1 << d) - 1)) != 0);
    if (neg == negY) {
      R = X + Y;
    } else if (X >= Y) {
      R = X - Y;
    } else {
      R = Y - X;
      neg = negY;
    }
    if (R == 0) /* exact cancellation */
      return mode == __lingqu_rd ? -0.0 : 0.0;
    eR = eX;
  }
  /* value = R 2^eR: keep the bits from `lsb` up. */
  int lsb = eR + __lingqu_bit_length(R) - 53;
  if (lsb < -1074)
    lsb = -1074;
  int shift = lsb - eR;
  u128 M;
  bool inexact;
  if (shift <= 0) {
    M = R << -shift;
    inexact = false;
  } else if (shift >= 128) {
    M = 0;
    inexact = true;
  } else {
    M = R >> shift;
    inexact = (R & (((u128)1 << shift) - 1)) != 0;
  }
  bool away = (mode == __lingqu_ru && !neg) || (mode == __lingqu_rd && neg);
  if (inexact && away)
    M += 1;
  if (M >> 53) { /* rounded up to the next binade */
    M >>= 1;
    lsb += 1;
  }
  unsigned long long bits = (unsigned long long)M; /* subnormal or zero */
  if (M >> 52) {
    int biased = lsb + 1075;
    if (biased >= 2047)
      bits = away ? 0x7ff0000000000000ull : 0x7fefffffffffffffull;
    else
      bits = ((unsigned long long)biased << 52) | (bits & 0xfffffffffffffull);
  }
  return __lingqu_f64_from(bits | ((unsigned long long)neg << 63));
}

/*===--- The operations, by direction --------------------------------------===*/

LINGQU_RND float __lingqu_fadd(float a, float b, int mode) {
  LINGQU_EXACT
  double x = a, y = b, s = x + y;
  if (s == 0.0) /* exact: the sign of a zero sum is the mode's */
    return mode == __lingqu_rd ? -(-a - b) : a + b;
  return __lingqu_round_dirf(s, __lingqu_add_err(x, y, s), mode);
}
LINGQU_RND float __lingqu_fmul(float a, float b, int mode) {
  LINGQU_EXACT
  return __lingqu_round_dirf((double)a * (double)b, 0.0, mode);
}
LINGQU_RND float __lingqu_fdiv(float a, float b, int mode) {
  LINGQU_EXACT
  double x = a, y = b, q = x / y;
  /* The remainder x - q y is exact (no quotient of floats nears the ends
   * of the double range); a/b - q has the sign of r / y. */
  double r = __builtin_fma(-q, y, x);
  return __lingqu_round_dirf(q, y > 0.0 ? r : -r, mode);
}
LINGQU_RND float __lingqu_fsqrt(float a, int mode) {
  LINGQU_EXACT
  double x = a, s = __builtin_sqrt(x);
  return __lingqu_round_dirf(s, __builtin_fma(-s, s, x), mode);
}
LINGQU_RND float __lingqu_fmaf(float a, float b, float c, int mode) {
  LINGQU_EXACT
  double p = (double)a * (double)b, y = c, s = p + y;
  if (s == 0.0)
    return mode == __lingqu_rd ? (float)-(-p - y) : (float)s;
  return __lingqu_round_dirf(s, __lingqu_add_err(p, y, s), mode);
}

LINGQU_RND double __lingqu_dadd(double a, double b, int mode) {
  LINGQU_EXACT
  double s = a + b;
  if (s == 0.0)
    return mode == __lingqu_rd ? -(-a - b) : s;
  if (__builtin_isinf(s) && __builtin_isfinite(a) && __builtin_isfinite(b))
    return __lingqu_round_dir(s, -s, mode); /* overflow */
  return __lingqu_round_dir(s, __lingqu_add_err(a, b, s), mode);
}
LINGQU_RND double __lingqu_dmul(double a, double b, int mode) {
  LINGQU_EXACT
  double s = a * b;
  if (__builtin_fabs(s) >= 0x1p-968) {
    if (__builtin_isinf(s) && __builtin_isfinite(a) && __builtin_isfinite(b))
      return __lingqu_round_dir(s, -s, mode); /* overflow */
    /* The product's error is exact above 2^-968 (NaN for infinities). */
    return __lingqu_round_dir(s, __builtin_fma(a, b, -s), mode);
  }
  if (s != s || a == 0.0 || b == 0.0)
    return s;
  return __lingqu_dfma_soft(a, b, 0.0, mode); /* near or in underflow */
}
/* a / b for tiny a: from a and b scaled to [1, 2). */
LINGQU_RND double __lingqu_ddiv_scaled(double a, double b, int mode) {
  LINGQU_EXACT
  bool neg = __builtin_signbit(a) != __builtin_signbit(b);
  if (neg && mode != __lingqu_rz) /* round the magnitude */
    mode = mode == __lingqu_ru ? __lingqu_rd : __lingqu_ru;
  int ea, eb;
  double ma = __lingqu_unit(a, &ea), mb = __lingqu_unit(b, &eb);
  double q = ma / mb;                   /* in (1/2, 2) */
  double r = __builtin_fma(-q, mb, ma); /* exact */
  int e = ea - eb;
  double s = __lingqu_ldexp_rn(q, e); /* may round again, when subnormal */
  /* |a/b| - s = 2^e (d + r / mb), d = q - s 2^-e exact (s is q cut to a
   * coarser grid), and d mb + r is a multiple of 2^-105: its fma has the
   * exact sign. */
  double d = s == 0.0 ? q : q - __lingqu_ldexp_rn(s, -e);
  double res = __lingqu_round_dir(s, __builtin_fma(d, mb, r), mode);
  return neg ? -res : res;
}
LINGQU_RND double __lingqu_ddiv(double a, double b, int mode) {
  LINGQU_EXACT
  double q = a / b;
  if (__builtin_isinf(q)) {
    if (__builtin_isfinite(a) && b != 0.0)
      return __lingqu_round_dir(q, -q, mode); /* overflow */
    return q;
  }
  if (q != q || __builtin_isinf(b))
    return q;
  /* For |a| >= 2^-960 the remainder a - q b is exact. */
  if (__builtin_fabs(a) >= 0x1p-960 || a == 0.0) {
    double r = __builtin_fma(-q, b, a);
    return __lingqu_round_dir(q, b > 0.0 ? r : -r, mode);
  }
  return __lingqu_ddiv_scaled(a, b, mode);
}
LINGQU_RND double __lingqu_dsqrt(double a, int mode) {
  LINGQU_EXACT
  if (!(a > 0.0) || __builtin_isinf(a)) /* zeros, negatives, NaN, inf */
    return __builtin_sqrt(a);
  double s, err;
  if (a >= 0x1p-960) {
    s = __builtin_sqrt(a);
    err = __builtin_fma(-s, s, a); /* exact remainder */
  } else { /* scaled by an even power, so that the remainder is exact */
    double y = a * 0x1p200, t = __builtin_sqrt(y);
    err = __builtin_fma(-t, t, y);
    s = t * 0x1p-100;
  }
  return __lingqu_round_dir(s, err, mode);
}
LINGQU_RND double __lingqu_dfma(double a, double b, double c, int mode) {
  LINGQU_EXACT
  double r = __builtin_fma(a, b, c), p = a * b;
  double ap = __builtin_fabs(p), ac = __builtin_fabs(c), ar = __builtin_fabs(r);
  if (ap >= 0x1p-960 && ap <= 0x1p1000 && ac <= 0x1p1000 && ar <= 0x1p1000 &&
      ar != 0.0) {
    /* a b = p + e exactly, and the sign of p + e + c - r is that of the
     * largest nonzero term of the same sum as a nonoverlapping expansion:
     * Shewchuk's Grow-Expansion adds c, then -r. No term can overflow. */
    double e = __builtin_fma(a, b, -p);
    double q, h0, h1, g0, g1, g2, t;
    t = c + e;
    h0 = __lingqu_two_sum_err(c, e, t);
    q = t + p;
    h1 = __lingqu_two_sum_err(t, p, q);
    /* expansion: h0, h1, q */
    t = -r + h0;
    g0 = __lingqu_two_sum_err(-r, h0, t);
    double u = t + h1;
    g1 = __lingqu_two_sum_err(t, h1, u);
    double v = u + q;
    g2 = __lingqu_two_sum_err(u, q, v);
    double sign = v != 0.0 ? v : (g2 != 0.0 ? g2 : (g1 != 0.0 ? g1 : g0));
    return __lingqu_round_dir(r, sign, mode);
  }
  if (!__builtin_isfinite(a) || !__builtin_isfinite(b) ||
      !__builtin_isfinite(c))
    return r; /* exact: infinite or NaN */
  if (__builtin_isinf(r))
    return __lingqu_round_dir(r, -r, mode); /* overflow */
  return __lingqu_dfma_soft(a, b, c, mode);
}

/* An integer's nearest double and the sign of what it misses. */
LINGQU_RND double __lingqu_ll_err(long long x, double d) {
  if (d >= 0x1p63) /* x < 2^63 */
    return -1.0;
  long long back = (long long)d;
  return x > back ? 1.0 : (x < back ? -1.0 : 0.0);
}
LINGQU_RND double __lingqu_ull_err(unsigned long long x, double d) {
  if (d >= 0x1p64)
    return -1.0;
  unsigned long long back = (unsigned long long)d;
  return x > back ? 1.0 : (x < back ? -1.0 : 0.0);
}

/*===--- CUDA's names ------------------------------------------------------===*/

/* Round to nearest: the operations themselves, never fused. */
LINGQU_RND float __fadd_rn(float a, float b) { LINGQU_EXACT return a + b; }
LINGQU_RND float __fsub_rn(float a, float b) { LINGQU_EXACT return a - b; }
LINGQU_RND float __fmul_rn(float a, float b) { LINGQU_EXACT return a * b; }
LINGQU_RND float __fdiv_rn(float a, float b) { return a / b; }
LINGQU_RND float __frcp_rn(float a) { return 1.0f / a; }
LINGQU_RND float __fsqrt_rn(float a) { return __builtin_sqrtf(a); }
LINGQU_RND float __fmaf_rn(float a, float b, float c) {
  return __builtin_fmaf(a, b, c);
}
LINGQU_RND float __fmaf_ieee_rn(float a, float b, float c) {
  return __builtin_fmaf(a, b, c);
}
LINGQU_RND double __dadd_rn(double a, double b) { LINGQU_EXACT return a + b; }
LINGQU_RND double __dsub_rn(double a, double b) { LINGQU_EXACT return a - b; }
LINGQU_RND double __dmul_rn(double a, double b) { LINGQU_EXACT return a * b; }
LINGQU_RND double __ddiv_rn(double a, double b) { return a / b; }
LINGQU_RND double __drcp_rn(double a) { return 1.0 / a; }
LINGQU_RND double __dsqrt_rn(double a) { return __builtin_sqrt(a); }
LINGQU_RND double __fma_rn(double a, double b, double c) {
  return __builtin_fma(a, b, c);
}

#define LINGQU_DIRECTED(suffix, mode)                                          \
  LINGQU_RND float __fadd_##suffix(float a, float b) {                         \
    return __lingqu_fadd(a, b, mode);                                          \
  }                                                                            \
  LINGQU_RND float __fsub_##suffix(float a, float b) {                         \
    return __lingqu_fadd(a, -b, mode);                                         \
  }                                                                            \
  LINGQU_RND float __fmul_##suffix(float a, float b) {                         \
    return __lingqu_fmul(a, b, mode);                                          \
  }                                                                            \
  LINGQU_RND float __fdiv_##suffix(float a, float b) {                         \
    return __lingqu_fdiv(a, b, mode);                                          \
  }                                                                            \
  LINGQU_RND float __frcp_##suffix(float a) {                                  \
    return __lingqu_fdiv(1.0f, a, mode);                                       \
  }                                                                            \
  LINGQU_RND float __fsqrt_##suffix(float a) {                                 \
    return __lingqu_fsqrt(a, mode);                                            \
  }                                                                            \
  LINGQU_RND float __fmaf_##suffix(float a, float b, float c) {                \
    return __lingqu_fmaf(a, b, c, mode);                                       \
  }                                                                            \
  LINGQU_RND float __fmaf_ieee_##suffix(float a, float b, float c) {           \
    return __lingqu_fmaf(a, b, c, mode);                                       \
  }                                                                            \
  LINGQU_RND double __dadd_##suffix(double a, double b) {                      \
    return __lingqu_dadd(a, b, mode);                                          \
  }                                                                            \
  LINGQU_RND double __dsub_##suffix(double a, double b) {                      \
    return __lingqu_dadd(a, -b, mode);                                         \
  }                                                                            \
  LINGQU_RND double __dmul_##suffix(double a, double b) {                      \
    return __lingqu_dmul(a, b, mode);                                          \
  }                                                                            \
  LINGQU_RND double __ddiv_##suffix(double a, double b) {                      \
    return __lingqu_ddiv(a, b, mode);                                          \
  }                                                                            \
  LINGQU_RND double __drcp_##suffix(double a) {                                \
    return __lingqu_ddiv(1.0, a, mode);                                        \
  }                                                                            \
  LINGQU_RND double __dsqrt_##suffix(double a) {                               \
    return __lingqu_dsqrt(a, mode);                                            \
  }                                                                            \
  LINGQU_RND double __fma_##suffix(double a, double b, double c) {             \
    return __lingqu_dfma(a, b, c, mode);                                       \
  }                                                                            \
  /* Conversions (the _rn forms are in lingqu_device_math.h). */               \
  LINGQU_RND float __double2float_##suffix(double x) {                         \
    return __lingqu_round_dirf(x, 0.0, mode);                                  \
  }                                                                            \
  LINGQU_RND float __int2float_##suffix(int x) {                               \
    return __lingqu_round_dirf((double)x, 0.0, mode);                          \
  }                                                                            \
  LINGQU_RND float __uint2float_##suffix(unsigned x) {                         \
    return __lingqu_round_dirf((double)x, 0.0, mode);                          \
  }                                                                            \
  LINGQU_RND float __ll2float_##suffix(long long x) {                          \
    double d = (double)x;                                                      \
    return __lingqu_round_dirf(d, __lingqu_ll_err(x, d), mode);                \
  }                                                                            \
  LINGQU_RND float __ull2float_##suffix(unsigned long long x) {                \
    double d = (double)x;                                                      \
    return __lingqu_round_dirf(d, __lingqu_ull_err(x, d), mode);               \
  }                                                                            \
  LINGQU_RND double __ll2double_##suffix(long long x) {                        \
    double d = (double)x;                                                      \
    return __lingqu_round_dir(d, __lingqu_ll_err(x, d), mode);                 \
  }                                                                            \
  LINGQU_RND double __ull2double_##suffix(unsigned long long x) {              \
    double d = (double)x;                                                      \
    return __lingqu_round_dir(d, __lingqu_ull_err(x, d), mode);                \
  }
LINGQU_DIRECTED(rz, __lingqu_rz)
LINGQU_DIRECTED(ru, __lingqu_ru)
LINGQU_DIRECTED(rd, __lingqu_rd)
#undef LINGQU_DIRECTED

#undef LINGQU_EXACT
#undef LINGQU_RND
#endif /* __CUDA__ && __cplusplus */

#endif /* LINGQU_DEVICE_ROUNDING_H */
