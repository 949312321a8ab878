// The checks the half-precision and bfloat16 tests share: the same for
// both types but for CUDA's names and the format's numbers, so written once
// here, for the type the test describes before including this:
//   Scalar, Pair          the type and its pair (__half, __half2);
//   TYPE_NAME             the name in CUDA's function names (half);
//   TEST_NAME             the name in the verdict ("half-precision");
//   CUDART(name)          CUDA's constant: CUDART(INF) is CUDART_INF_FP16;
//   kEBits, kMBits        the exponent and fraction widths;
//   kTenth, kTwoTenths    the bits of 0.1f converted, and h + h as a float;
//   kFloatSpecials, kNans floats to convert: near the format's boundaries,
//                         and NaNs;
//   kIntEdges, kUnsignedEdges  integers to convert, near the boundaries;
//   kEdges                operands of every kind for the arithmetic;
//   kFmaTies              {a, b, c}: a * b exactly on a tie, c tiny;
//   kCount                how many atomicAdds of 1 a counter takes (exact);
// and, after including this, the functions declared below.
// run_checks() runs every check and prints "<TEST_NAME>: PASS" or FAIL.
#ifndef LINGQU_TEST_FLOAT16_TESTS_H
#define LINGQU_TEST_FLOAT16_TESTS_H

#include <cfloat>
#include <climits>
#include <type_traits>

#include "float16_reference.h"

// CUDA's function names for the type: FN(__float2, _rn) is __float2half_rn
// or __float2bfloat16_rn, FN2(make_, ) make_half2 or make_bfloat162.
#define PASTE_(a, b, c) a##b##c
#define PASTE(a, b, c) PASTE_(a, b, c)
#define FN(prefix, suffix) PASTE(prefix, TYPE_NAME, suffix)
#define FN2(prefix, suffix) PASTE(prefix, TYPE_NAME, 2##suffix)
#define STRING_(x) #x
#define STRING(x) STRING_(x)

// The test's own, where the formats differ in how values are drawn and
// checked. random_float: a float to convert, or false to skip the draw;
// float_is_exact: whether f is the float of bits b; near_exponents: b and c
// with exponents near a's and a^2's; cell_step: what atomicAdd adds to
// cells[cell], so that every partial sum is exact.
static bool random_float(float *x);
static bool float_is_exact(unsigned b, float f);
static void near_exponents(u16 a, u16 *b, u16 *c);
__host__ __device__ float cell_step(int cell);

static const Reference16 R(kEBits, kMBits);
// The bits of 1, 0.5 and -1.
constexpr u16 kOne = ((1u << (kEBits - 1)) - 1) << kMBits;
constexpr u16 kHalf = kOne - (1u << kMBits);
constexpr u16 kMinusOne = kOne | 0x8000u;

__host__ __device__ u16 bits(Scalar h) { return FN(__, _as_ushort)(h); }
__host__ __device__ Scalar from(u16 b) { return FN(__ushort_as_, )(b); }
static dim3 grid(int n) { return dim3((n + 255) / 256); }

/*===--- Conversions ------------------------------------------------------===*/

__host__ __device__ void float_to_h16(float x, u16 *o) {
  o[0] = bits(FN(__float2, )(x));
  o[1] = bits(FN(__float2, _rn)(x));
  o[2] = bits(FN(__float2, _rz)(x));
  o[3] = bits(FN(__float2, _ru)(x));
  o[4] = bits(FN(__float2, _rd)(x));
  o[5] = bits(Scalar(x)); // the implicit conversion
}
__global__ void float_to_h16_kernel(const float *x, u16 *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    float_to_h16(x[i], out + 6 * i);
}
static void check_float_to_h16() {
  std::vector<float> xs;
  for (unsigned b = 0; b < R.inf; ++b) {
    // (Above the largest bfloat16 comes 2^128, no float: the last interval
    // ends at infinity, its tie is 0x1.ffp127.)
    bool last = R.table[b + 1] > FLT_MAX;
    float lo = (float)R.table[b], hi = last ? INFINITY : (float)R.table[b + 1];
    float mid = last ? 0x1.ffp127f : (float)((R.table[b] + R.table[b + 1]) / 2);
    float inside = last ? 0x1.ff8p127f
                        : lo + (hi - lo) * (float)((rnd() >> 11) * 0x1p-53);
    for (float x : {lo, mid, std::nextafter(mid, 0.0f),
                    std::nextafter(mid, INFINITY), std::nextafter(lo, INFINITY),
                    std::nextafter(hi, 0.0f), inside}) {
      xs.push_back(x);
      xs.push_back(-x);
    }
  }
  for (float s : kFloatSpecials) {
    xs.push_back(s);
    xs.push_back(-s);
  }
  for (int i = 0; i < (1 << 18); ++i) {
    float x;
    if (random_float(&x))
      xs.push_back(x);
  }
  int n = (int)xs.size();
  float *x;
  u16 *out;
  cudaMallocManaged(&x, n * sizeof(float));
  cudaMallocManaged(&out, 6 * n * sizeof(u16));
  std::memcpy(x, xs.data(), n * sizeof(float));
  float_to_h16_kernel<<<grid(n), 256>>>(x, out, n);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  for (int i = 0; i < n; ++i) {
    u16 want[6] = {R.round(x[i], RN), R.round(x[i], RN), R.round(x[i], RZ),
                   R.round(x[i], RU), R.round(x[i], RD), R.round(x[i], RN)};
    u16 host[6];
    float_to_h16(x[i], host);
    for (int k = 0; k < 6; ++k)
      if (out[6 * i + k] != want[k] || host[k] != want[k])
        MISMATCH("float2" STRING(TYPE_NAME) " #%d of %a: device %04x host "
                 "%04x, want %04x\n",
                 k, x[i], out[6 * i + k], host[k], want[k]);
  }
  // NaN gives the canonical NaN in every mode.
  for (unsigned nb : kNans) {
    float v;
    std::memcpy(&v, &nb, 4);
    u16 o[6];
    float_to_h16(v, o);
    for (int k = 0; k < 6; ++k)
      EXPECT(o[k] == 0x7fff);
  }
  cudaFree(x);
  cudaFree(out);
}

__global__ void double_to_h16_kernel(const double *x, u16 *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = bits(FN(__double2, )(x[i]));
}
// Next to a tie a double differs from it by far less than a float ulp:
// rounding through float would land on the tie and round to even.
static void check_double_to_h16() {
  std::vector<double> xs;
  for (unsigned b = 0; b < R.inf; ++b) {
    double mid = (double)((R.table[b] + R.table[b + 1]) / 2);
    double d = std::ldexp(mid, -40);
    for (double v : {mid, mid + d, mid - d, (double)R.table[b] + d}) {
      xs.push_back(v);
      xs.push_back(-v);
    }
  }
  int n = (int)xs.size();
  double *x;
  u16 *out;
  cudaMallocManaged(&x, n * sizeof(double));
  cudaMallocManaged(&out, n * sizeof(u16));
  std::memcpy(x, xs.data(), n * sizeof(double));
  double_to_h16_kernel<<<grid(n), 256>>>(x, out, n);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  for (int i = 0; i < n; ++i) {
    u16 want = R.round(x[i], RN), host = bits(FN(__double2, )(x[i]));
    if (out[i] != want || host != want)
      MISMATCH("double2" STRING(TYPE_NAME) "(%a): device %04x host %04x, "
               "want %04x\n",
               x[i], out[i], host, want);
  }
  cudaFree(x);
  cudaFree(out);
}

// Every value: to float exactly, and back unchanged in every mode.
__global__ void all_h16_kernel(float *f, u16 *back, int *cls) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  Scalar h = from((u16)i);
  float v = FN(__, 2float)(h);
  f[i] = v;
  back[4 * i + 0] = bits(FN(__float2, _rn)(v));
  back[4 * i + 1] = bits(FN(__float2, _rz)(v));
  back[4 * i + 2] = bits(FN(__float2, _ru)(v));
  back[4 * i + 3] = bits(FN(__float2, _rd)(v));
  cls[i] = (__hisnan(h) ? 4 : 0) + __hisinf(h) + 1;
}
static void check_all_h16() {
  float *f;
  u16 *back;
  int *cls;
  cudaMallocManaged(&f, 65536 * sizeof(float));
  cudaMallocManaged(&back, 4 * 65536 * sizeof(u16));
  cudaMallocManaged(&cls, 65536 * sizeof(int));
  all_h16_kernel<<<256, 256>>>(f, back, cls);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  for (unsigned b = 0; b < 65536; ++b) {
    long double v = R.value((u16)b);
    bool nan = std::isnan(v);
    float host = FN(__, 2float)(from((u16)b));
    bool ok = float_is_exact(b, f[b]) && float_is_exact(b, host);
    for (int k = 0; k < 4; ++k)
      ok = ok && back[4 * b + k] == (nan ? 0x7fff : b);
    int want_cls = nan ? 5 : (std::isinf(v) ? (v > 0 ? 2 : 0) : 1);
    if (!ok || cls[b] != want_cls)
      MISMATCH(STRING(TYPE_NAME) " %04x: float %a, back %04x %04x %04x %04x, "
               "class %d\n",
               b, f[b], back[4 * b], back[4 * b + 1], back[4 * b + 2],
               back[4 * b + 3], cls[b]);
  }
  cudaFree(f);
  cudaFree(back);
  cudaFree(cls);
}

/*===--- Integers ---------------------------------------------------------===*/

#define TO_H16(I, prefix)                                                      \
  __host__ __device__ void to_h16(I i, u16 *o) {                               \
    o[0] = bits(FN(prefix##2, _rn)(i));                                        \
    o[1] = bits(FN(prefix##2, _rz)(i));                                        \
    o[2] = bits(FN(prefix##2, _ru)(i));                                        \
    o[3] = bits(FN(prefix##2, _rd)(i));                                        \
  }
TO_H16(int, __int)
TO_H16(unsigned, __uint)
TO_H16(short, __short)
TO_H16(unsigned short, __ushort)
TO_H16(long long, __ll)
TO_H16(unsigned long long, __ull)
#undef TO_H16

template <typename I>
__global__ void int_to_h16_kernel(const I *in, u16 *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    to_h16(in[i], out + 4 * i);
}
template <typename I> static void check_int_to_h16(const std::vector<I> &v) {
  int n = (int)v.size();
  I *in;
  u16 *out;
  cudaMallocManaged(&in, n * sizeof(I));
  cudaMallocManaged(&out, 4 * n * sizeof(u16));
  std::memcpy(in, v.data(), n * sizeof(I));
  int_to_h16_kernel<<<grid(n), 256>>>(in, out, n);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  for (int i = 0; i < n; ++i) {
    u16 host[4];
    to_h16(in[i], host);
    for (int k = 0; k < 4; ++k) {
      u16 want = R.round((long double)in[i], (Mode)k); // exact in long double
      if (out[4 * i + k] != want || host[k] != want)
        MISMATCH("%lld to " STRING(TYPE_NAME) " mode %d: device %04x host "
                 "%04x, want %04x\n",
                 (long long)in[i], k, out[4 * i + k], host[k], want);
    }
  }
  cudaFree(in);
  cudaFree(out);
}
static void check_integers_to_h16() {
  std::vector<int> ints;
  for (int i = -70000; i <= 70000; ++i)
    ints.push_back(i);
  for (int i = 0; i < 65536; ++i)
    ints.push_back((int)rnd());
  ints.push_back(INT_MIN);
  ints.push_back(INT_MAX);
  check_int_to_h16(ints);
  std::vector<unsigned> uints;
  for (unsigned i = 0; i <= 140000; ++i)
    uints.push_back(i);
  for (int i = 0; i < 65536; ++i)
    uints.push_back((unsigned)rnd() >> (rnd() % 32));
  uints.push_back(UINT_MAX);
  check_int_to_h16(uints);
  std::vector<short> shorts;
  std::vector<unsigned short> ushorts;
  for (int i = 0; i < 65536; ++i) {
    shorts.push_back((short)i);
    ushorts.push_back((unsigned short)i);
  }
  check_int_to_h16(shorts);
  check_int_to_h16(ushorts);
  std::vector<long long> lls;
  std::vector<unsigned long long> ulls;
  for (int i = 0; i < 65536; ++i) {
    unsigned long long r = rnd() >> (rnd() % 64);
    lls.push_back((rnd() & 1) ? (long long)r : -(long long)(r >> 1));
    ulls.push_back(r);
  }
  for (long long e : kIntEdges) {
    lls.push_back(e);
    ulls.push_back((unsigned long long)e);
  }
  for (unsigned long long e : kUnsignedEdges)
    ulls.push_back(e);
  check_int_to_h16(lls);
  check_int_to_h16(ulls);
}

// Every value to every integer type in every mode.
struct ToInts {
  int i[4];
  unsigned u[4];
  short s[4];
  unsigned short us[4];
  long long ll[4];
  unsigned long long ull[4];
  signed char c;
  unsigned char uc;
};
__host__ __device__ void h16_to_ints(Scalar h, ToInts *o) {
#define MODES(field, type)                                                     \
  o->field[0] = FN(__, 2##type##_rn)(h);                                       \
  o->field[1] = FN(__, 2##type##_rz)(h);                                       \
  o->field[2] = FN(__, 2##type##_ru)(h);                                       \
  o->field[3] = FN(__, 2##type##_rd)(h);
  MODES(i, int)
  MODES(u, uint)
  MODES(s, short)
  MODES(us, ushort)
  MODES(ll, ll)
  MODES(ull, ull)
#undef MODES
  o->c = FN(__, 2char_rz)(h);
  o->uc = FN(__, 2uchar_rz)(h);
}
__global__ void h16_to_ints_kernel(ToInts *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  h16_to_ints(from((u16)i), out + i);
}
static void check_h16_to_integers() {
  ToInts *out;
  cudaMallocManaged(&out, 65536 * sizeof(ToInts));
  h16_to_ints_kernel<<<256, 256>>>(out);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  for (unsigned b = 0; b < 65536; ++b) {
    ToInts want, host;
    for (int k = 0; k < 4; ++k) {
      want.i[k] = R.to_int<int>((u16)b, (Mode)k);
      want.u[k] = R.to_int<unsigned>((u16)b, (Mode)k);
      want.s[k] = R.to_int<short>((u16)b, (Mode)k);
      want.us[k] = R.to_int<unsigned short>((u16)b, (Mode)k);
      want.ll[k] = R.to_int<long long>((u16)b, (Mode)k);
      want.ull[k] = R.to_int<unsigned long long>((u16)b, (Mode)k);
    }
    want.c = R.to_int<signed char>((u16)b, RZ);
    want.uc = R.to_int<unsigned char>((u16)b, RZ);
    h16_to_ints(from((u16)b), &host);
    const ToInts &d = out[b];
    bool ok = d.c == want.c && d.uc == want.uc && host.c == want.c &&
              host.uc == want.uc;
    for (int k = 0; k < 4; ++k)
      ok = ok && d.i[k] == want.i[k] && host.i[k] == want.i[k] &&
           d.u[k] == want.u[k] && host.u[k] == want.u[k] &&
           d.s[k] == want.s[k] && host.s[k] == want.s[k] &&
           d.us[k] == want.us[k] && host.us[k] == want.us[k] &&
           d.ll[k] == want.ll[k] && host.ll[k] == want.ll[k] &&
           d.ull[k] == want.ull[k] && host.ull[k] == want.ull[k];
    if (!ok)
      MISMATCH(STRING(TYPE_NAME) " %04x to integers: int %d %d %d %d, "
               "ushort %u %u %u %u\n",
               b, d.i[0], d.i[1], d.i[2], d.i[3], d.us[0], d.us[1], d.us[2],
               d.us[3]);
  }
  cudaFree(out);
}

/*===--- Arithmetic -------------------------------------------------------===*/

constexpr int kOps = 17;
// a op b (and c for the fused forms) on scalars, then the same through the
// pair forms on (a, c) op (b, a) (and (c, b)).
__host__ __device__ void arith(Scalar a, Scalar b, Scalar c, u16 *o,
                               unsigned *cmp, u16 *o2, unsigned *cmp2) {
  const Scalar r[kOps] = {
      __hadd(a, b),     __hsub(a, b),     __hmul(a, b),
      __hdiv(a, b),     __hfma(a, b, c),  __hadd_sat(a, b),
      __hsub_sat(a, b), __hmul_sat(a, b), __hfma_sat(a, b, c),
      __hfma_relu(a, b, c), __hmax(a, b), __hmin(a, b),
      __hmax_nan(a, b), __hmin_nan(a, b), __hneg(a),
      __habs(a),        __hadd_rn(a, b)};
  for (int k = 0; k < kOps; ++k)
    o[k] = bits(r[k]);
  const bool c12[12] = {__heq(a, b),  __hne(a, b),  __hle(a, b),
                        __hge(a, b),  __hlt(a, b),  __hgt(a, b),
                        __hequ(a, b), __hneu(a, b), __hleu(a, b),
                        __hgeu(a, b), __hltu(a, b), __hgtu(a, b)};
  *cmp = 0;
  for (int k = 0; k < 12; ++k)
    *cmp |= (unsigned)c12[k] << k;
  const Pair x = FN2(__halves2, )(a, c), y = FN2(__halves2, )(b, a);
  const Pair z = FN2(__halves2, )(c, b);
  const Pair r2[kOps] = {
      __hadd2(x, y),     __hsub2(x, y),     __hmul2(x, y),
      __h2div(x, y),     __hfma2(x, y, z),  __hadd2_sat(x, y),
      __hsub2_sat(x, y), __hmul2_sat(x, y), __hfma2_sat(x, y, z),
      __hfma2_relu(x, y, z), __hmax2(x, y), __hmin2(x, y),
      __hmax2_nan(x, y), __hmin2_nan(x, y), __hneg2(x),
      __habs2(x),        __hadd2_rn(x, y)};
  for (int k = 0; k < kOps; ++k) {
    o2[2 * k] = bits(FN(__low2, )(r2[k]));
    o2[2 * k + 1] = bits(FN(__high2, )(r2[k]));
  }
  // Comparisons of pairs: 1.0/0.0 halves, masks, and "both" booleans.
  const Pair h2[12] = {__heq2(x, y),  __hne2(x, y),  __hle2(x, y),
                       __hge2(x, y),  __hlt2(x, y),  __hgt2(x, y),
                       __hequ2(x, y), __hneu2(x, y), __hleu2(x, y),
                       __hgeu2(x, y), __hltu2(x, y), __hgtu2(x, y)};
  const unsigned m2[12] = {
      __heq2_mask(x, y),  __hne2_mask(x, y),  __hle2_mask(x, y),
      __hge2_mask(x, y),  __hlt2_mask(x, y),  __hgt2_mask(x, y),
      __hequ2_mask(x, y), __hneu2_mask(x, y), __hleu2_mask(x, y),
      __hgeu2_mask(x, y), __hltu2_mask(x, y), __hgtu2_mask(x, y)};
  const bool b2[12] = {__hbeq2(x, y),  __hbne2(x, y),  __hble2(x, y),
                       __hbge2(x, y),  __hblt2(x, y),  __hbgt2(x, y),
                       __hbequ2(x, y), __hbneu2(x, y), __hbleu2(x, y),
                       __hbgeu2(x, y), __hbltu2(x, y), __hbgtu2(x, y)};
  // Per comparison: bits 0 and 1 the halves of the 1.0/0.0 result, bit 2
  // "both"; bit 3 flags a value other than 1.0 or 0.0, or a wrong mask.
  for (int k = 0; k < 12; ++k) {
    unsigned lo = bits(FN(__low2, )(h2[k])), hi = bits(FN(__high2, )(h2[k]));
    unsigned f = (lo == kOne) | (hi == kOne) << 1 | b2[k] << 2;
    if ((lo != kOne && lo != 0) || (hi != kOne && hi != 0) ||
        m2[k] != ((lo ? 0xffffu : 0u) | (hi ? 0xffff0000u : 0u)))
      f |= 8;
    cmp2[k] = f;
  }
}
__global__ void arith_kernel(const u16 *in, u16 *o, unsigned *cmp, u16 *o2,
                             unsigned *cmp2, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    arith(from(in[3 * i]), from(in[3 * i + 1]), from(in[3 * i + 2]),
          o + kOps * i, cmp + i, o2 + 2 * kOps * i, cmp2 + 12 * i);
}

// The reference results of arith() for (a, b, c): the exact result rounded
// once; for the quotient and the fma, the long double result and the sign
// of its exact error.
static void ref_arith(u16 a, u16 b, u16 c, u16 *o, unsigned *cmp) {
  long double x = R.value(a), y = R.value(b), z = R.value(c);
  long double p = x * y; // exact
  o[0] = R.round(x + y, RN, sum_tail(x, y));
  o[1] = R.round(x - y, RN, sum_tail(x, -y));
  o[2] = R.round(p, RN);
  o[3] = R.round(x / y, RN, div_tail(x, y));
  o[4] = R.round(p + z, RN, sum_tail(p, z));
  o[5] = R.sat(o[0]);
  o[6] = R.sat(o[1]);
  o[7] = R.sat(o[2]);
  o[8] = R.sat(o[4]);
  long double f = R.value(o[4]); // ReLU: negative (and -0) to +0
  o[9] = std::isnan(f) ? 0x7fff : (std::signbit(f) ? 0 : o[4]);
  o[10] = R.maxmin(a, b, true, false);
  o[11] = R.maxmin(a, b, false, false);
  o[12] = R.maxmin(a, b, true, true);
  o[13] = R.maxmin(a, b, false, true);
  o[14] = a ^ 0x8000;
  o[15] = a & 0x7fff;
  o[16] = o[0];
  bool un = std::isnan(x) || std::isnan(y);
  bool c12[12] = {x == y,       !un && x != y, x <= y,       x >= y,
                  x < y,        x > y,         un || x == y, x != y,
                  un || x <= y, un || x >= y,  un || x < y,  un || x > y};
  *cmp = 0;
  for (int k = 0; k < 12; ++k)
    *cmp |= (unsigned)c12[k] << k;
}

static void check_arithmetic() {
  // Operands: boundary values of every kind, all pairs, then random bit
  // patterns, half of them with exponents close together so that sums
  // cancel and round in every way.
  const u16 *edge = kEdges;
  const int ne = sizeof kEdges / sizeof kEdges[0];
  std::vector<u16> v;
  for (int i = 0; i < ne; ++i)
    for (int j = 0; j < ne; ++j)
      for (u16 c : {edge[(i * 7 + j) % ne], (u16)rnd()}) {
        v.push_back(edge[i]);
        v.push_back(edge[j]);
        v.push_back(c);
      }
  for (int i = 0; i < (1 << 18); ++i) {
    u16 a = (u16)rnd(), b = (u16)rnd(), c = (u16)rnd();
    if (i & 1) // b and c within a few binades of a and of a^2
      near_exponents(a, &b, &c);
    v.push_back(a);
    v.push_back(b);
    v.push_back(c);
  }
  // Exact products on a tie plus a tiny c: only a correctly rounded fma
  // gets these right.
  for (const float *t : kFmaTies)
    for (int k = 0; k < 3; ++k)
      v.push_back(bits(FN(__float2, )(t[k])));
  int n = (int)v.size() / 3;
  u16 *in, *o, *o2;
  unsigned *cmp, *cmp2;
  cudaMallocManaged(&in, v.size() * sizeof(u16));
  cudaMallocManaged(&o, kOps * n * sizeof(u16));
  cudaMallocManaged(&o2, 2 * kOps * n * sizeof(u16));
  cudaMallocManaged(&cmp, n * sizeof(unsigned));
  cudaMallocManaged(&cmp2, 12 * n * sizeof(unsigned));
  std::memcpy(in, v.data(), v.size() * sizeof(u16));
  arith_kernel<<<grid(n), 256>>>(in, o, cmp, o2, cmp2, n);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  static const char *names[kOps] = {
      "add",     "sub",     "mul",     "div",      "fma",     "add_sat",
      "sub_sat", "mul_sat", "fma_sat", "fma_relu", "max",     "min",
      "max_nan", "min_nan", "neg",     "abs",      "add_rn"};
  for (int i = 0; i < n; ++i) {
    u16 a = in[3 * i], b = in[3 * i + 1], c = in[3 * i + 2];
    u16 want[kOps], want_hi[kOps];
    unsigned wcmp, wcmp_hi;
    ref_arith(a, b, c, want, &wcmp);
    ref_arith(c, a, b, want_hi, &wcmp_hi); // the pairs' high halves
    const u16 *d = o + kOps * i, *d2 = o2 + 2 * kOps * i;
    for (int k = 0; k < kOps; ++k) {
      if (d[k] != want[k])
        MISMATCH("%s(%04x, %04x, %04x) = %04x, want %04x\n", names[k], a, b,
                 c, d[k], want[k]);
      if (d2[2 * k] != want[k] || d2[2 * k + 1] != want_hi[k])
        MISMATCH("%s2 of (%04x, %04x, %04x) = %04x %04x, want %04x %04x\n",
                 names[k], a, b, c, d2[2 * k], d2[2 * k + 1], want[k],
                 want_hi[k]);
    }
    if (cmp[i] != wcmp)
      MISMATCH("compare(%04x, %04x) = %03x, want %03x\n", a, b, cmp[i], wcmp);
    for (int k = 0; k < 12; ++k) {
      unsigned lo = (wcmp >> k) & 1, hi = (wcmp_hi >> k) & 1;
      unsigned w = lo | hi << 1 | (lo & hi) << 2;
      if (cmp2[12 * i + k] != w)
        MISMATCH("pair compare %d of (%04x, %04x) = %x, want %x\n", k, a, b,
                 cmp2[12 * i + k], w);
    }
    if (i % 64 == 0) { // the host side of the same functions
      u16 ho[kOps], ho2[2 * kOps];
      unsigned hc, hc2[12];
      arith(from(a), from(b), from(c), ho, &hc, ho2, hc2);
      EXPECT(std::memcmp(ho, d, sizeof ho) == 0 && hc == cmp[i]);
      EXPECT(std::memcmp(ho2, d2, sizeof ho2) == 0);
      EXPECT(std::memcmp(hc2, cmp2 + 12 * i, sizeof hc2) == 0);
    }
  }
  cudaFree(in);
  cudaFree(o);
  cudaFree(o2);
  cudaFree(cmp);
  cudaFree(cmp2);
}

/*===--- Math functions ---------------------------------------------------===*/

constexpr int kFns = 17;
__host__ __device__ void math(Scalar h, u16 *o) {
  const Scalar r[kFns] = {hsqrt(h),  hrsqrt(h), hrcp(h),   hexp(h),
                          hexp2(h),  hexp10(h), hlog(h),   hlog2(h),
                          hlog10(h), hsin(h),   hcos(h),   htanh(h),
                          htrunc(h), hceil(h),  hfloor(h), hrint(h),
                          htanh_approx(h)};
  for (int k = 0; k < kFns; ++k)
    o[k] = bits(r[k]);
  // The pair forms on (h, -h).
  const Pair p = FN2(__halves2, )(h, __hneg(h));
  const Pair r2[kFns] = {h2sqrt(p),  h2rsqrt(p), h2rcp(p),   h2exp(p),
                            h2exp2(p),  h2exp10(p), h2log(p),   h2log2(p),
                            h2log10(p), h2sin(p),   h2cos(p),   h2tanh(p),
                            h2trunc(p), h2ceil(p),  h2floor(p), h2rint(p),
                            h2tanh_approx(p)};
  for (int k = 0; k < kFns; ++k) {
    o[kFns + 2 * k] = bits(FN(__low2, )(r2[k]));
    o[kFns + 2 * k + 1] = bits(FN(__high2, )(r2[k]));
  }
}
__global__ void math_kernel(u16 *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  math(from((u16)i), out + 3 * kFns * i);
}
// The long double function, correctly rounded where its error's sign is
// known (sqrt, 1/x); elsewhere a result within 2^-60 of a midpoint could
// go either way, and is reported as undecided (none is, in practice).
static bool ref_math(int k, long double x, u16 *want) {
  long double y;
  switch (k) {
  case 0: {
    y = sqrtl(x);
    long double r = std::isfinite(y) && y > 0 ? fmal(-y, y, x) : 0; // exact
    *want = R.round(y, RN, r > 0 ? 1 : (r < 0 ? -1 : 0));
    return true;
  }
  case 2:
    *want = R.round(1 / x, RN, div_tail(1, x));
    return true;
  case 1: y = 1 / sqrtl(x); break;
  case 3: y = expl(x); break;
  case 4: y = exp2l(x); break;
  case 5: y = exp10l(x); break;
  case 6: y = logl(x); break;
  case 7: y = log2l(x); break;
  case 8: y = log10l(x); break;
  case 9: y = sinl(x); break;
  case 10: y = cosl(x); break;
  case 11: case 16: y = tanhl(x); break;
  case 12: y = truncl(x); break;
  case 13: y = ceill(x); break;
  case 14: y = floorl(x); break;
  default: y = rintl(x); break;
  }
  *want = R.round(y, RN);
  if (!std::isfinite(y) || y == 0)
    return true;
  u16 below = R.round(y, RZ), above = R.round(y, y > 0 ? RU : RD);
  if (below == above || std::isinf(R.value(above)))
    return true;
  long double m = (R.value(below) + R.value(above)) / 2;
  return y == m || fabsl(y - m) > fabsl(m) * 0x1p-60L;
}
static void check_math() {
  u16 *out;
  cudaMallocManaged(&out, 3 * kFns * 65536 * sizeof(u16));
  math_kernel<<<256, 256>>>(out);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  static const char *names[kFns] = {
      "hsqrt",  "hrsqrt", "hrcp",   "hexp",  "hexp2", "hexp10",
      "hlog",   "hlog2",  "hlog10", "hsin",  "hcos",  "htanh",
      "htrunc", "hceil",  "hfloor", "hrint", "htanh_approx"};
  int undecided = 0;
  for (unsigned b = 0; b < 65536; ++b) {
    const u16 *o = out + 3 * kFns * b;
    for (int k = 0; k < kFns; ++k) {
      u16 want, want_neg;
      if (!ref_math(k, R.value((u16)b), &want) ||
          !ref_math(k, R.value((u16)(b ^ 0x8000)), &want_neg)) {
        ++undecided;
        continue;
      }
      if (o[k] != want)
        MISMATCH("%s(%04x) = %04x, want %04x\n", names[k], b, o[k], want);
      if (o[kFns + 2 * k] != want || o[kFns + 2 * k + 1] != want_neg)
        MISMATCH("h2 %s(%04x) = %04x %04x, want %04x %04x\n", names[k], b,
                 o[kFns + 2 * k], o[kFns + 2 * k + 1], want, want_neg);
    }
    if (b % 251 == 0) { // the host side
      u16 host[3 * kFns];
      math(from((u16)b), host);
      EXPECT(std::memcmp(host, o, sizeof host) == 0);
    }
  }
  EXPECT(undecided < 16);
  cudaFree(out);
}

/*===--- Operators, packing, constants ------------------------------------===*/

__global__ void operators_kernel(float *f, int *i) {
  // The float and int constructors.
  Scalar a = 1.5f, b = FN(__float2, )(2.25f), c = 3;
  Scalar nan = CUDART(NAN);
  int k = 0;
  f[k++] = a + b; // 3.75
  f[k++] = a - b; // -0.75
  f[k++] = a * b; // 3.375
  f[k++] = b / a; // 1.5
  f[k++] = -a;    // -1.5
  f[k++] = +a;    // 1.5
  Scalar d = a;
  d += b;
  d *= c;
  d -= a;
  d /= Scalar(2.0);
  f[k++] = d; // ((1.5 + 2.25) * 3 - 1.5) / 2 = 4.875
  Scalar e = a;
  Scalar old = e++;
  f[k++] = old; // 1.5
  f[k++] = e;   // 2.5
  f[k++] = --e; // 1.5
  f[k++] = e--; // 1.5
  f[k++] = e;   // 0.5
  Pair p = FN2(make_, )(a, b);
  Pair q = FN2(__floats2, _rn)(0.5f, -1.0f);
  Pair s = p + q, t = p * q;
  s -= q;
  s /= q;
  ++s;
  f[k++] = __low2float(s);                    // 1.5 / 0.5 + 1 = 4
  f[k++] = __high2float(s);                   // 2.25 / -1 + 1 = -1.25
  f[k++] = __low2float(t) + __high2float(-t); // 0.75 + 2.25 = 3
  float2 ff = FN2(__, 2float2)(__lowhigh2highlow(p));
  f[k++] = ff.x - ff.y; // 2.25 - 1.5 = 0.75
  int j = 0;
  i[j++] = a < b;
  i[j++] = a > b;
  i[j++] = a <= a;
  i[j++] = b >= a;
  i[j++] = a == Scalar(1.5);
  i[j++] = a != b;
  i[j++] = nan == nan;                                 // 0: ordered
  i[j++] = nan != nan;                                 // 1: as for float
  i[j++] = nan < a || nan > a || nan <= a || nan >= a; // 0
  i[j++] = p == p;
  i[j++] = p != q;
  i[j++] = p < FN2(make_, )(b, b); // not both: 2.25 < 2.25 is false
  i[j++] = (int)Scalar(-2.75f);           // truncated: -2
  i[j++] = (unsigned char)Scalar(300.0f); // saturated: 255
  i[j++] = (bool)Scalar(-0.0f);           // false
  i[j++] = (bool)nan;                     // true
  i[j++] = FN(__, _as_short)(CUDART(NEG_ZERO));
  i[j++] = bits(CUDART(INF)) + bits(CUDART(ONE));
  i[j++] = bits(FN(__short_as_, )((short)-1));
  Pair lo = FN2(__lows2, )(p, q), hi = FN2(__highs2, )(p, q);
  i[j++] = bits(FN(__low2, )(lo)) == bits(a) &&
           bits(FN(__high2, )(lo)) == kHalf &&
           bits(FN(__low2, )(hi)) == bits(b) &&
           bits(FN(__high2, )(hi)) == kMinusOne;
  Pair l2 = FN2(__low2, )(p), h2 = FN2(__high2, )(p);
  Pair d2 = FN2(FN(__, 2), )(b); // __half2half2, __bfloat162bfloat162
  Pair f2 = FN2(__float2, _rn)(0.1f);
  Pair g2 = FN2(__float22, _rn)(make_float2(1, 2));
  i[j++] = __hbeq2(l2, FN2(__halves2, )(a, a)) && __hbeq2(h2, d2) &&
           bits(FN(__low2, )(f2)) == kTenth &&
           bits(FN(__high2, )(f2)) == kTenth &&
           __high2float(g2) == 2.0f;
  // (1 + 2i)(3 + 4i) + (5 + 6i) = 16i
  Pair cm = __hcmadd(FN2(make_, )(1, 2), FN2(make_, )(3, 4),
                     FN2(make_, )(5, 6));
  i[j++] = __low2float(cm) == 0.0f && __high2float(cm) == 16.0f;
  i[j++] = __hisinf(-CUDART(INF)) == -1 && __hisnan(nan) &&
           __hbeq2(__hisnan2(FN2(__halves2, )(nan, a)), FN2(make_, )(1, 0));
  // Cache-hinted loads and stores.
  Scalar buf[2] = {a, a};
  Pair pb = p;
  __stcs(&buf[0], b);
  __stwt(&pb, q);
  i[j++] = __heq(__ldg(&buf[0]), b) && __heq(__ldcv(&buf[1]), a) &&
           __hbeq2(__ldcg(&pb), q) && __hbeq2(__ldcv(&pb), q);
}
static void check_operators() {
  float *f;
  int *i;
  cudaMallocManaged(&f, 32 * sizeof(float));
  cudaMallocManaged(&i, 32 * sizeof(int));
  operators_kernel<<<1, 1>>>(f, i);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  const float wf[] = {3.75f, -0.75f, 3.375f, 1.5f, -1.5f, 1.5f,  4.875f, 1.5f,
                      2.5f,  1.5f,   1.5f,   0.5f, 4.0f,  -1.25f, 3.0f, 0.75f};
  for (int k = 0; k < (int)(sizeof wf / sizeof wf[0]); ++k)
    if (f[k] != wf[k])
      MISMATCH("operators: f[%d] = %g, want %g\n", k, f[k], wf[k]);
  const int wi[] = {1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, -2, 255, 0, 1, -32768,
                    (int)(R.inf + R.one), 0xffff, 1, 1, 1, 1, 1};
  for (int k = 0; k < (int)(sizeof wi / sizeof wi[0]); ++k)
    if (i[k] != wi[k])
      MISMATCH("operators: i[%d] = %d, want %d\n", k, i[k], wi[k]);
  // The host side: conversions, operators and comparisons.
  Scalar h = 0.1f;
  EXPECT(bits(h) == kTenth);
  EXPECT((float)(h + h) == kTwoTenths);
  EXPECT(__hlt(h, FN(__float2, )(0.2f)) && !__hisnan(h) && h != -h);
  EXPECT(FN(__, 2float)(from(R.inf - 1)) == (float)R.table[R.inf - 1]);
  cudaFree(f);
  cudaFree(i);
}

/*===--- Warp shuffles and atomics ----------------------------------------===*/

__global__ void shuffle_kernel(unsigned *out) {
  int lane = threadIdx.x;
  Pair v = FN2(__floats2, _rn)((float)lane, -0.5f * lane);
  Scalar s = FN(__float2, )((float)(lane * 3));
  Pair r[4] = {__shfl_sync(0xffffffffu, v, 7),
               __shfl_up_sync(0xffffffffu, v, 3),
               __shfl_down_sync(0xffffffffu, v, 5, 16),
               __shfl_xor_sync(0xffffffffu, v, 9)};
  unsigned *o = out + lane * 6;
  for (int k = 0; k < 4; ++k)
    o[k] = bits(FN(__low2, )(r[k])) |
           (unsigned)bits(FN(__high2, )(r[k])) << 16;
  o[4] = bits(__shfl_xor_sync(0xffffffffu, s, 1));
  o[5] = bits(__shfl_down_sync(0xffffffffu, s, 2)) |
         (unsigned)bits(__shfl_sync(0xffffffffu, s, 3, 8)) << 16;
}
static void check_shuffles() {
  unsigned *out;
  cudaMallocManaged(&out, 32 * 6 * sizeof(unsigned));
  shuffle_kernel<<<1, 32>>>(out);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  auto pair = [](int l) {
    return bits(FN(__float2, )((float)l)) |
           (unsigned)bits(FN(__float2, )(-0.5f * l)) << 16;
  };
  auto scalar = [](int l) { return (unsigned)bits(FN(__float2, )(l * 3.0f)); };
  for (int l = 0; l < 32; ++l) {
    int down = (l % 16) + 5 < 16 ? l + 5 : l;
    int src[4] = {7, l >= 3 ? l - 3 : l, down, l ^ 9};
    const unsigned *o = out + l * 6;
    for (int k = 0; k < 4; ++k)
      if (o[k] != pair(src[k]))
        MISMATCH("shuffle %d lane %d: %08x, want %08x\n", k, l, o[k],
                 pair(src[k]));
    EXPECT(o[4] == scalar(l ^ 1));
    EXPECT(o[5] ==
           (scalar(l + 2 < 32 ? l + 2 : l) | scalar((l & ~7) + 3) << 16));
  }
  cudaFree(out);
}

// Two threads of every block adding +1 and -1 to one word, for long enough
// that blocks on different cores contend: the total is 0 unless an update
// was lost. Partial sums are at most twice the number of blocks running at
// once, so exact.
__global__ void hammer_kernel(Pair *pair, Scalar *two) {
  if (threadIdx.x >= 2)
    return;
  for (int j = 0; j < 4096; ++j) {
    atomicAdd(pair, FN2(__floats2, _rn)(1.0f, -0.5f));
    atomicAdd(&two[threadIdx.x], FN(__float2, )(1.0f));
    atomicAdd(pair, FN2(__floats2, _rn)(-1.0f, 0.5f));
    atomicAdd(&two[threadIdx.x], FN(__float2, )(-1.0f));
  }
}
// Sums of exact values: every partial sum is exact in the type (cell_step
// sees to it), so any order gives
// the same total. Old values of a counter go to one thread each.
constexpr int kBlocks = 64, kCells = 1024, kSweep = 8;
constexpr int kPerCell = kBlocks * 256 * kSweep / kCells; // 128 adds
__global__ void sums_kernel(Pair *pairs, Scalar *cells, Scalar *counter,
                            Scalar *seen) {
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  for (int j = 0; j < kSweep; ++j) {
    int cell = (threadIdx.x * kSweep + j) % kCells;
    atomicAdd(&pairs[cell], FN2(__floats2, _rn)(1.0f, 0.5f));
    // Neighbouring halves, updated at once, must not disturb each other.
    atomicAdd(&cells[cell], FN(__float2, )(cell_step(cell)));
  }
  if (t < kCount) {
    Scalar old = atomicAdd(counter, FN(__float2, )(1.0f));
    seen[FN(__, 2int_rz)(old)] = FN(__float2, )(1.0f);
  }
}
static void check_atomics() {
  Pair *pair, *pairs;
  Scalar *two, *cells, *counter, *seen;
  cudaMallocManaged(&pair, sizeof(Pair));
  cudaMallocManaged(&two, 2 * sizeof(Scalar));
  cudaMallocManaged(&pairs, kCells * sizeof(Pair));
  cudaMallocManaged(&cells, kCells * sizeof(Scalar));
  cudaMallocManaged(&counter, sizeof(Scalar));
  cudaMallocManaged(&seen, kCount * sizeof(Scalar));
  *pair = FN2(__floats2, _rn)(0.0f, 0.0f);
  two[0] = two[1] = *counter = FN(__float2, )(0.0f);
  for (int k = 0; k < kCells; ++k) {
    pairs[k] = *pair;
    cells[k] = *counter;
  }
  for (int k = 0; k < kCount; ++k)
    seen[k] = *counter;
  hammer_kernel<<<64, 32>>>(pair, two);
  sums_kernel<<<kBlocks, 256>>>(pairs, cells, counter, seen);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  EXPECT(__low2float(*pair) == 0.0f && __high2float(*pair) == 0.0f);
  EXPECT(FN(__, 2float)(two[0]) == 0.0f && FN(__, 2float)(two[1]) == 0.0f);
  for (int k = 0; k < kCells; ++k)
    if (__low2float(pairs[k]) != kPerCell ||
        __high2float(pairs[k]) != kPerCell / 2 ||
        FN(__, 2float)(cells[k]) != kPerCell * cell_step(k))
      MISMATCH("atomic cell %d: %g %g %g\n", k, __low2float(pairs[k]),
               __high2float(pairs[k]), FN(__, 2float)(cells[k]));
  EXPECT(FN(__, 2float)(*counter) == kCount);
  int distinct = 0;
  for (int k = 0; k < kCount; ++k)
    distinct += FN(__, 2float)(seen[k]) == 1.0f;
  EXPECT(distinct == kCount);
  cudaFree(pair);
  cudaFree(two);
  cudaFree(pairs);
  cudaFree(cells);
  cudaFree(counter);
  cudaFree(seen);
}

// Layouts, as CUDA's; and, unlike CUDA's, the pair is trivially copyable.
static_assert(sizeof(Scalar) == 2 && alignof(Scalar) == 2, "");
static_assert(sizeof(Pair) == 4 && alignof(Pair) == 4, "");
static_assert(std::is_trivially_copyable<Pair>::value, "");

// Every check, then the verdict.
static int run_checks() {
  check_all_h16();
  check_float_to_h16();
  check_double_to_h16();
  check_integers_to_h16();
  check_h16_to_integers();
  check_arithmetic();
  check_math();
  check_operators();
  check_shuffles();
  check_atomics();
  if (failures)
    std::printf("%d failures\n", failures);
  std::printf("%s: %s\n", TEST_NAME, failures ? "FAIL" : "PASS");
  return failures != 0;
}

#endif // LINGQU_TEST_FLOAT16_TESTS_H
