/*===- lingqu_device_math_intrinsics.h - Math intrinsics -------------------===*
 * Written for Lingqu. Part of lingqu_device_math.h, which defines the
 * macros it uses and includes it; not to be included on its own.
 *
 * CUDA's __-prefixed intrinsics: the fast-math functions, conversions
 * with a rounding mode, reinterpretation, and integer arithmetic.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_MATH_INTRINSICS_H
#define LINGQU_DEVICE_MATH_INTRINSICS_H
#ifndef LINGQU_MATH
#error "include lingqu_device_math.h (or cuda_runtime.h), not its parts"
#endif

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
/* Correctly rounded: in double, rounded once (exhaustively checked by
 * test/accuracy/math-accuracy.cu). */
LINGQU_MATH float __frsqrt_rn(float x) {
  return (float)(1.0 / __builtin_sqrt((double)x));
}

/* Reinterpretation. */
LINGQU_MATH int __float_as_int(float x) {
  return __builtin_bit_cast(int, x);
}
LINGQU_MATH unsigned __float_as_uint(float x) {
  return __builtin_bit_cast(unsigned, x);
}
LINGQU_MATH float __int_as_float(int i) {
  return __builtin_bit_cast(float, i);
}
LINGQU_MATH float __uint_as_float(unsigned i) {
  return __builtin_bit_cast(float, i);
}
LINGQU_MATH long long __double_as_longlong(double x) {
  return __builtin_bit_cast(long long, x);
}
LINGQU_MATH double __longlong_as_double(long long i) {
  return __builtin_bit_cast(double, i);
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

#endif /* LINGQU_DEVICE_MATH_INTRINSICS_H */
