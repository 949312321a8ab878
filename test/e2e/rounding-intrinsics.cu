// The IEEE operations with a rounding direction (__fadd_rz, __dmul_ru,
// __fma_rd, the directed conversions, ...) against the host's own
// arithmetic under fesetround, bit for bit (signed zeros included; any NaN
// matches any NaN): random operands of every kind, operands built to hit
// the hard cases (cancellation, ties, exact results, overflow, subnormal
// and underflowing results, fma whose product nearly cancels its addend or
// over- or underflows on its own), and a list of cases picked by hand. The
// integer path behind the double fma's extremes is also checked on its own
// over every input.
// RUN: %lqcc -I %S/Inputs/include %s -o %t
// RUN: %exec %t | FileCheck %s
// CHECK: rounding-intrinsics: PASS
#include <cfenv>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "expect.h"

enum FloatOp {
  F_ADD, F_SUB, F_MUL, F_DIV, F_RCP, F_SQRT, F_FMA, F_FMA_IEEE,
  F_D2F, F_I2F, F_U2F, F_LL2F, F_ULL2F, F_OPS
};
static const char *floatNames[F_OPS] = {
    "__fadd", "__fsub", "__fmul", "__fdiv", "__frcp", "__fsqrt", "__fmaf",
    "__fmaf_ieee", "__double2float", "__int2float", "__uint2float",
    "__ll2float", "__ull2float"};
enum DoubleOp {
  D_ADD, D_SUB, D_MUL, D_DIV, D_RCP, D_SQRT, D_FMA, D_LL2D, D_ULL2D,
  D_SOFT_FMA, D_OPS
};
static const char *doubleNames[D_OPS] = {
    "__dadd", "__dsub", "__dmul", "__ddiv", "__drcp", "__dsqrt", "__fma",
    "__ll2double", "__ull2double", "__lingqu_dfma_soft"};
static const char *modeNames[4] = {"rn", "rz", "ru", "rd"};
static const int hostModes[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_UPWARD,
                                 FE_DOWNWARD};

// out[(op * 4 + mode) * n + i]
#define ALL_MODES(op, fn, ...)                                                 \
  o[((op) * 4 + 0) * n] = fn##_rn(__VA_ARGS__);                                \
  o[((op) * 4 + 1) * n] = fn##_rz(__VA_ARGS__);                                \
  o[((op) * 4 + 2) * n] = fn##_ru(__VA_ARGS__);                                \
  o[((op) * 4 + 3) * n] = fn##_rd(__VA_ARGS__);

__global__ void floatOps(const float *fa, const float *fb, const float *fc,
                         const double *dd, const long long *ll, int n,
                         float *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float a = fa[i], b = fb[i], c = fc[i];
  double d = dd[i];
  long long l = ll[i];
  float *o = out + i;
  ALL_MODES(F_ADD, __fadd, a, b)
  ALL_MODES(F_SUB, __fsub, a, b)
  ALL_MODES(F_MUL, __fmul, a, b)
  ALL_MODES(F_DIV, __fdiv, a, b)
  ALL_MODES(F_RCP, __frcp, b)
  ALL_MODES(F_SQRT, __fsqrt, a)
  ALL_MODES(F_FMA, __fmaf, a, b, c)
  ALL_MODES(F_FMA_IEEE, __fmaf_ieee, a, b, c)
  ALL_MODES(F_D2F, __double2float, d)
  ALL_MODES(F_I2F, __int2float, (int)l)
  ALL_MODES(F_U2F, __uint2float, (unsigned)l)
  ALL_MODES(F_LL2F, __ll2float, l)
  ALL_MODES(F_ULL2F, __ull2float, (unsigned long long)l)
}

__global__ void doubleOps(const double *da, const double *db, const double *dc,
                          const long long *ll, int n, double *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  double a = da[i], b = db[i], c = dc[i];
  long long l = ll[i];
  double *o = out + i;
  ALL_MODES(D_ADD, __dadd, a, b)
  ALL_MODES(D_SUB, __dsub, a, b)
  ALL_MODES(D_MUL, __dmul, a, b)
  ALL_MODES(D_DIV, __ddiv, a, b)
  ALL_MODES(D_RCP, __drcp, b)
  ALL_MODES(D_SQRT, __dsqrt, a)
  ALL_MODES(D_FMA, __fma, a, b, c)
  ALL_MODES(D_LL2D, __ll2double, l)
  ALL_MODES(D_ULL2D, __ull2double, (unsigned long long)l)
  // The integer fma on its own, for finite operands (its domain).
  bool finite = std::isfinite(a) && std::isfinite(b) && std::isfinite(c);
  o[(D_SOFT_FMA * 4 + 0) * n] = __fma_rn(a, b, c);
  o[(D_SOFT_FMA * 4 + 1) * n] =
      finite ? __lingqu_dfma_soft(a, b, c, __lingqu_rz) : __fma_rz(a, b, c);
  o[(D_SOFT_FMA * 4 + 2) * n] =
      finite ? __lingqu_dfma_soft(a, b, c, __lingqu_ru) : __fma_ru(a, b, c);
  o[(D_SOFT_FMA * 4 + 3) * n] =
      finite ? __lingqu_dfma_soft(a, b, c, __lingqu_rd) : __fma_rd(a, b, c);
}

//===--- The host's reference, under its own rounding mode -----------------===//

static void floatReference(const float *fa, const float *fb, const float *fc,
                           const double *dd, const long long *ll, int n,
                           float *out) {
#ifndef __CUDA_ARCH__
#pragma STDC FENV_ACCESS ON
#endif
  for (int m = 0; m < 4; ++m) {
    std::fesetround(hostModes[m]);
    for (int i = 0; i < n; ++i) {
      volatile float a = fa[i], b = fb[i], c = fc[i];
      volatile double d = dd[i];
      volatile long long l = ll[i];
      float *o = out + m * n + i;
      o[F_ADD * 4 * n] = a + b;
      o[F_SUB * 4 * n] = a - b;
      o[F_MUL * 4 * n] = a * b;
      o[F_DIV * 4 * n] = a / b;
      o[F_RCP * 4 * n] = 1.0f / b;
      o[F_SQRT * 4 * n] = std::sqrt((float)a);
      o[F_FMA * 4 * n] = std::fma((float)a, (float)b, (float)c);
      o[F_FMA_IEEE * 4 * n] = std::fma((float)a, (float)b, (float)c);
      o[F_D2F * 4 * n] = (float)d;
      // Through long double, which holds any 64-bit integer exactly: the
      // one rounding is the x87 unit's, under the same mode.
      o[F_I2F * 4 * n] = (float)(long double)(int)l;
      o[F_U2F * 4 * n] = (float)(long double)(unsigned)l;
      o[F_LL2F * 4 * n] = (float)(long double)(long long)l;
      o[F_ULL2F * 4 * n] = (float)(long double)(unsigned long long)l;
    }
  }
  std::fesetround(FE_TONEAREST);
}

static void doubleReference(const double *da, const double *db,
                            const double *dc, const long long *ll, int n,
                            double *out) {
#ifndef __CUDA_ARCH__
#pragma STDC FENV_ACCESS ON
#endif
  for (int m = 0; m < 4; ++m) {
    std::fesetround(hostModes[m]);
    for (int i = 0; i < n; ++i) {
      volatile double a = da[i], b = db[i], c = dc[i];
      volatile long long l = ll[i];
      double *o = out + m * n + i;
      o[D_ADD * 4 * n] = a + b;
      o[D_SUB * 4 * n] = a - b;
      o[D_MUL * 4 * n] = a * b;
      o[D_DIV * 4 * n] = a / b;
      o[D_RCP * 4 * n] = 1.0 / b;
      o[D_SQRT * 4 * n] = std::sqrt((double)a);
      o[D_FMA * 4 * n] = std::fma((double)a, (double)b, (double)c);
      o[D_LL2D * 4 * n] = (double)(long double)(long long)l;
      o[D_ULL2D * 4 * n] = (double)(long double)(unsigned long long)l;
      o[D_SOFT_FMA * 4 * n] = std::fma((double)a, (double)b, (double)c);
    }
  }
  std::fesetround(FE_TONEAREST);
}

//===--- Inputs ------------------------------------------------------------===//

#ifndef SEED
#define SEED 0x9e3779b97f4a7c15ull
#endif
static uint64_t state = SEED;
static uint64_t next64() { // splitmix64
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
static int range(int lo, int hi) { return lo + (int)(next64() % (hi - lo + 1)); }
static float bitsF(uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}
static uint32_t fBits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}
static double bitsD(uint64_t u) {
  double d;
  std::memcpy(&d, &u, 8);
  return d;
}
static uint64_t dBits(double d) {
  uint64_t u;
  std::memcpy(&u, &d, 8);
  return u;
}
// A random float with its exponent in [lo, hi] (subnormal below -126).
static float randF(int lo, int hi) {
  float m = 1.0f + (float)(next64() >> 41) * 0x1p-23f;
  float x = std::ldexp(m, range(lo, hi));
  return (next64() & 1) ? -x : x;
}
static double randD(int lo, int hi) {
  double m = 1.0 + (double)(next64() >> 12) * 0x1p-52;
  double x = std::ldexp(m, range(lo, hi));
  return (next64() & 1) ? -x : x;
}
// A few ulps from x, either way, the sign kept.
static float nearF(float x) {
  uint32_t u = fBits(x);
  int delta = range(-3, 3);
  return bitsF(u + delta);
}
static double nearD(double x) {
  uint64_t u = dBits(x);
  int delta = range(-3, 3);
  return bitsD(u + delta);
}
static long long randInt() {
  switch (next64() % 4) {
  case 0: return (long long)next64();
  case 1: return (long long)(next64() >> range(0, 63));
  case 2: return -(long long)(next64() >> range(1, 63));
  default: { // near a power of two, where floats and doubles run out of bits
    long long p = 1ll << range(23, 62);
    return (next64() & 1 ? p : -p) + range(-3, 3);
  }
  }
}

struct FloatCase { float a, b, c; };
struct DoubleCase { double a, b, c; };

static FloatCase floatCase(int kind) {
  float a, b, c;
  switch (kind) {
  case 0: // any bits at all: NaN, infinities, subnormals
    return {bitsF((uint32_t)next64()), bitsF((uint32_t)next64()),
            bitsF((uint32_t)next64())};
  case 1: // overlapping operands
    return {randF(-4, 4), randF(-4, 4), randF(-4, 4)};
  case 2: // cancellation, zero sums included
    a = randF(-20, 20);
    return {a, -nearF(a), randF(-30, 30)};
  case 3: // fma whose addend nearly cancels the product
    a = randF(-10, 10);
    b = randF(-10, 10);
    return {a, b, -nearF(a * b)};
  case 4: // overflow
    return {randF(120, 127), randF(0, 127), randF(120, 127)};
  case 5: // subnormal and underflowing results
    a = randF(-100, -40);
    b = randF(-100, -40);
    return {a, b, (next64() & 1) ? randF(-149, -120) : -nearF(a * b)};
  case 6: // quotients of any size
    return {randF(-149, 127), randF(-149, 127), randF(-149, 127)};
  case 7: { // small integers: exact results
    a = (float)range(-64, 64);
    b = (float)range(-64, 64);
    return {a, b, (float)range(-4096, 4096)};
  }
  case 8: { // ties: b is half an ulp of a, or an odd multiple of it
    a = randF(-10, 10);
    int e = std::ilogb(a);
    b = std::ldexp((float)(2 * range(-2, 2) + 1), e - 24);
    return {a, b, std::ldexp((float)(2 * range(-2, 2) + 1), e - 24)};
  }
  default: // fma with a tiny addend: only its sign matters
    return {randF(-10, 10), randF(-10, 10), randF(-149, -60)};
  }
}

static DoubleCase doubleCase(int kind) {
  double a, b;
  switch (kind) {
  case 0:
    return {bitsD(next64()), bitsD(next64()), bitsD(next64())};
  case 1:
    return {randD(-4, 4), randD(-4, 4), randD(-4, 4)};
  case 2:
    a = randD(-60, 60);
    return {a, -nearD(a), randD(-100, 100)};
  case 3: // fma: c the negated rounded product, so the result is its error
    a = randD(-30, 30);
    b = randD(-30, 30);
    return {a, b, -nearD(a * b)};
  case 4: // overflow, and products that overflow alone but not with c
    a = randD(1000, 1023);
    b = (next64() & 1) ? randD(0, 30) : randD(1015, 1023);
    return {a, b, (next64() & 1) ? -nearD(a * 0.5 * b) * 2 : randD(1000, 1023)};
  case 5: // subnormal and underflowing products and fma results
    a = randD(-600, -400);
    b = randD(-680, -420);
    return {a, b, (next64() & 1) ? randD(-1074, -1000) : -nearD(a * b)};
  case 6: // quotients of any size, tiny dividends included
    return {randD(-1074, 1023), randD(-1074, 1023), randD(-1074, 1023)};
  case 7:
    a = (double)range(-64, 64);
    b = (double)range(-64, 64);
    return {a, b, (double)range(-4096, 4096)};
  case 8: { // ties
    a = randD(-10, 10);
    int e = std::ilogb(a);
    b = std::ldexp((double)(2 * range(-2, 2) + 1), e - 53);
    return {a, b, std::ldexp((double)(2 * range(-2, 2) + 1), e - 53)};
  }
  case 9: // fma: a huge product with a tiny addend, and the reverse
    if (next64() & 1)
      return {randD(400, 600), randD(300, 420), randD(-1074, -900)};
    return {randD(-700, -500), randD(-600, -400), randD(-20, 20)};
  case 10: // tiny dividends and radicands: the scaled paths
    return {randD(-1074, -940), randD(-1074, 1023), randD(-1074, -940)};
  default: // fma results near the subnormal range from normal operands
    a = randD(-520, -450);
    b = randD(-520, -450);
    return {a, b, (next64() & 1) ? randD(-1074, -1010) : -nearD(a * b)};
  }
}

static bool same(float x, float y) {
  return fBits(x) == fBits(y) || (x != x && y != y);
}
static bool same(double x, double y) {
  return dBits(x) == dBits(y) || (x != x && y != y);
}

int main() {
  // Cases picked by hand: (a, b, c) for both precisions.
  const float fInf = INFINITY, fNan = NAN;
  std::vector<FloatCase> fCases = {
      {1.0f, 0x1p-24f, 0.0f},          // tie in a sum
      {1.0f, -0x1p-25f, 1.0f},         // just below 1
      {FLT_MAX, FLT_MAX, -FLT_MAX},    // overflowing sum: rz gives FLT_MAX
      {-FLT_MAX, -FLT_MAX, FLT_MAX},   // ru of a negative overflow: -FLT_MAX
      {FLT_MAX, 2.0f, 0.0f},           // overflowing product
      {FLT_MAX, 0x1p-24f, FLT_MAX},    // inexact sum just past FLT_MAX
      {0x1p-149f, 0.5f, 0.0f},         // half the least subnormal
      {0x1p-149f, -0x1p-149f, 0.0f},   // exact zero sum: -0 under rd
      {-0.0f, 0.0f, -0.0f},            // signed zeros
      {-0.0f, -0.0f, -0.0f},
      {0.0f, 0.0f, 0.0f},
      {0x1p-126f, 0x1p-24f, -0x1p-149f}, // subnormal product, fma sticky
      {3.0f, 1.0f / 3.0f, -1.0f},       // fma with cancellation
      {1.0f + 0x1p-23f, 1.0f - 0x1p-24f, -1.0f},
      {0x1.fffffep+127f, 0x1.fffffep+127f, -fInf},
      {fInf, 0.0f, 1.0f},
      {fInf, -fInf, fInf},
      {fNan, 1.0f, 2.0f},
      {1.0f, fNan, 2.0f},
      {-1.0f, 0.0f, 0.0f},               // sqrt(-1), 1/0
      {-0.0f, -0.0f, 0.0f},              // sqrt(-0), 1/-0
      {0x1.fffffep-1f, 0x1p-149f, 0.0f}, // quotient near the top, underflow
      {2.0f, 3.0f, -6.0f},               // fma: exact zero
      {-2.0f, 3.0f, 6.0f},
      {0x1p-75f, 0x1p-75f, 0.0f},        // product underflows to half ulp
      {0x1.8p-75f, 0x1p-75f, -0.0f},
      {16777217.0f, 1.0f, 0.0f},
  };
  const double dInf = INFINITY, dNan = NAN;
  std::vector<DoubleCase> dCases = {
      {1.0, 0x1p-53, 0.0},
      {1.0, -0x1p-54, 1.0},
      {DBL_MAX, DBL_MAX, -DBL_MAX},
      {-DBL_MAX, -DBL_MAX, DBL_MAX},
      {DBL_MAX, 2.0, 0.0},
      {DBL_MAX, 0x1p-53, DBL_MAX},
      {DBL_MAX, 0x1p970, 0.0},      // sum exactly on the overflow threshold
      {0x1p-1074, 0.5, 0.0},        // half the least subnormal
      {0x1p-1074, -0x1p-1074, 0.0}, // -0 under rd
      {-0.0, 0.0, -0.0},
      {-0.0, -0.0, -0.0},
      {0.0, 0.0, 0.0},
      {0x1p-1022, 0x1p-53, -0x1p-1074}, // subnormal product, fma sticky
      {3.0, 1.0 / 3.0, -1.0},
      {1.0 + 0x1p-52, 1.0 - 0x1p-53, -1.0},
      {0x1p600, 0x1p500, -DBL_MAX}, // product overflows, the sum does not
      {0x1.8p+524, 0x1p500, -DBL_MAX}, // 3 * 2^1023 - DBL_MAX
      {0x1p-600, 0x1p-500, 0x1p-1074}, // product far below c
      {0x1p-600, -0x1p-500, 0x1p-1074},
      {0x1p-1074, 0x1p-1074, 0.0},  // product far below the least subnormal
      {0x1p-1074, -0x1p-1074, -0.0},
      {0x1p-1074, 3.0, 0.0},
      {0x1p-1060, 0x1p-1074, 1.0}, // tiny dividend, the scaled path
      {0x1p-1074, 0x1p-1074, 0.0},
      {0x1.8p-1070, 3.0, 0.0},
      {0x1p-1074, DBL_MAX, 0.0},   // quotient far below the least subnormal
      {4e-320, 0.0, 0.0},          // subnormal radicand
      {dInf, 0.0, 1.0},
      {dInf, -dInf, dInf},
      {dNan, 1.0, 2.0},
      {1.0, dNan, 2.0},
      {-1.0, 0.0, 0.0},
      {-0.0, -0.0, 0.0},
      {2.0, 3.0, -6.0},
      {-2.0, 3.0, 6.0},
      {1e308, 10.0, -dInf},
      {1e308, 10.0, -1e308},
      {9007199254740993.0, 1.0, 0.0},
  };

#ifndef RANDOM_CASES
#define RANDOM_CASES (1 << 16)
#endif
  constexpr int kRandom = RANDOM_CASES;
  std::vector<FloatCase> fAll(fCases);
  std::vector<DoubleCase> dAll(dCases);
  for (int i = 0; i < kRandom; ++i) {
    fAll.push_back(floatCase(i % 10));
    dAll.push_back(doubleCase(i % 12));
  }
  // Integers for the conversions, with some picked by hand.
  const long long hardInts[] = {0, 1, -1, LLONG_MAX, LLONG_MIN, INT_MAX,
                                INT_MIN, (1ll << 53) + 1, -(1ll << 53) - 1,
                                (1ll << 24) + 1, -(1ll << 24) - 1,
                                (long long)0xffffffffffffffffull,
                                (long long)0x8000000000000001ull,
                                (long long)0xfffffe0000000000ull};

  int fn = (int)fAll.size(), dn = (int)dAll.size();
  int n = fn > dn ? fn : dn;
  float *fa, *fb, *fc, *fout;
  double *da, *db, *dc, *dd, *dout;
  long long *ll;
  cudaMallocManaged(&fa, n * sizeof(float));
  cudaMallocManaged(&fb, n * sizeof(float));
  cudaMallocManaged(&fc, n * sizeof(float));
  cudaMallocManaged(&da, n * sizeof(double));
  cudaMallocManaged(&db, n * sizeof(double));
  cudaMallocManaged(&dc, n * sizeof(double));
  cudaMallocManaged(&dd, n * sizeof(double));
  cudaMallocManaged(&ll, n * sizeof(long long));
  cudaMallocManaged(&fout, (size_t)F_OPS * 4 * n * sizeof(float));
  cudaMallocManaged(&dout, (size_t)D_OPS * 4 * n * sizeof(double));
  for (int i = 0; i < n; ++i) {
    FloatCase f = fAll[i % fn];
    DoubleCase d = dAll[i % dn];
    fa[i] = f.a;
    fb[i] = f.b;
    fc[i] = f.c;
    da[i] = d.a;
    db[i] = d.b;
    dc[i] = d.c;
    // Doubles to round to float: the double operands, and some on the
    // float grid's edges.
    dd[i] = i % 3 ? d.a : (double)f.a * (1.0 + (double)range(-4, 4) * 0x1p-30);
    ll[i] = i < (int)(sizeof hardInts / sizeof *hardInts) ? hardInts[i]
                                                           : randInt();
  }

  floatOps<<<(n + 127) / 128, 128>>>(fa, fb, fc, dd, ll, n, fout);
  doubleOps<<<(n + 127) / 128, 128>>>(da, db, dc, ll, n, dout);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);

  std::vector<float> fref((size_t)F_OPS * 4 * n);
  std::vector<double> dref((size_t)D_OPS * 4 * n);
  floatReference(fa, fb, fc, dd, ll, n, fref.data());
  doubleReference(da, db, dc, ll, n, dref.data());

  // The reference really rounds in each direction (not folded to nearest).
  {
#ifndef __CUDA_ARCH__
#pragma STDC FENV_ACCESS ON
#endif
    volatile double one = 1.0, three = 3.0;
    std::fesetround(FE_UPWARD);
    double up = one / three;
    std::fesetround(FE_DOWNWARD);
    double down = one / three;
    std::fesetround(FE_TONEAREST);
    EXPECT(up != down);
  }

  int shown = 0;
  long mismatches = 0;
  for (int op = 0; op < F_OPS; ++op)
    for (int m = 0; m < 4; ++m)
      for (int i = 0; i < n; ++i) {
        size_t k = (size_t)(op * 4 + m) * n + i;
        if (same(fout[k], fref[k]))
          continue;
        ++mismatches;
        if (shown++ < 20)
          std::printf("%s_%s(%a, %a, %a | %a | %lld): got %a, want %a\n",
                      floatNames[op], modeNames[m], fa[i], fb[i], fc[i], dd[i],
                      ll[i], fout[k], fref[k]);
      }
  for (int op = 0; op < D_OPS; ++op)
    for (int m = 0; m < 4; ++m)
      for (int i = 0; i < n; ++i) {
        size_t k = (size_t)(op * 4 + m) * n + i;
        if (same(dout[k], dref[k]))
          continue;
        ++mismatches;
        if (shown++ < 40)
          std::printf("%s_%s(%a, %a, %a | %lld): got %a, want %a\n",
                      doubleNames[op], modeNames[m], da[i], db[i], dc[i],
                      ll[i], dout[k], dref[k]);
      }
  if (mismatches) {
    std::printf("%ld results differ from the host's\n", mismatches);
    ++failures;
  }

  std::printf("rounding-intrinsics: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
