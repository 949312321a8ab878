// The CUDA Math API in device code: every C library function in both
// precisions (bit for bit what the host's library gives, since on a CPU
// device it is the same library), the C++ overloads and std:: spellings,
// the functions only CUDA has against identities they must satisfy, the
// fast intrinsics, reinterpretations, rounding conversions and integer
// intrinsics. A __host__ __device__ function gets each side's library.
// RUN: %lqcc -I %S/Inputs/include %s -o %t
// RUN: %exec %t | FileCheck %s
// CHECK: device-math: PASS
#include <cmath>
#include <cstdio>
#include <cstring>

#include "expect.h"

constexpr int kInputs = 8;
__constant__ float inputs[kInputs] = {0.3f,  -1.7f, 2.5f,   1e-3f,
                                      12.0f, -0.5f, 100.5f, 0.75f};

// Results per input: float and double for each unary function.
constexpr int kUnary = 30;
__global__ void unary(float *f, double *d) {
  int i = threadIdx.x;
  float x = inputs[i];
  double y = x;
  float *fo = f + i * kUnary;
  double *dout = d + i * kUnary;
  int k = 0;
#define ONE(name)                                                              \
  fo[k] = name##f(x);                                                          \
  dout[k] = name(y);                                                           \
  ++k;
  ONE(sin) ONE(cos) ONE(tan) ONE(asin) ONE(acos) ONE(atan) ONE(sinh)
  ONE(cosh) ONE(tanh) ONE(asinh) ONE(acosh) ONE(atanh) ONE(exp) ONE(exp2)
  ONE(exp10) ONE(expm1) ONE(log) ONE(log2) ONE(log10) ONE(log1p) ONE(logb)
  ONE(cbrt) ONE(erf) ONE(erfc) ONE(lgamma) ONE(tgamma) ONE(j0) ONE(j1)
  ONE(y0) ONE(y1)
#undef ONE
}

__global__ void binary(float *f, double *d) {
  int i = threadIdx.x;
  float x = inputs[i], z = inputs[(i + 3) % kInputs];
  f[i * 8 + 0] = powf(fabsf(x), z);
  f[i * 8 + 1] = atan2f(x, z);
  f[i * 8 + 2] = hypotf(x, z);
  f[i * 8 + 3] = fmodf(x, z);
  f[i * 8 + 4] = remainderf(x, z);
  f[i * 8 + 5] = fdimf(x, z);
  f[i * 8 + 6] = nextafterf(x, z);
  f[i * 8 + 7] = fmaf(x, z, x);
  double a = x, b = z;
  d[i * 8 + 0] = pow(fabs(a), b);
  d[i * 8 + 1] = atan2(a, b);
  d[i * 8 + 2] = hypot(a, b);
  d[i * 8 + 3] = fmod(a, b);
  d[i * 8 + 4] = remainder(a, b);
  d[i * 8 + 5] = fdim(a, b);
  d[i * 8 + 6] = nextafter(a, b);
  d[i * 8 + 7] = fma(a, b, a);
}

// C++ spellings: overloads on float and std::.
__global__ void overloads(float *out) {
  float x = 0.6f;
  out[0] = sin(x);         // sin(float)
  out[1] = std::exp(x);    // std::exp(float)
  out[2] = std::sqrt(x);   // builtin
  out[3] = std::pow(x, 2.0f);
  int e = 0;
  out[4] = frexp(x, &e) + e;
  float ip = 0;
  out[5] = modf(2.75f, &ip) + ip * 10;
  out[6] = std::isnan(out[0]) ? 1.0f : 0.0f;
  out[7] = ldexpf(x, 3);
}

// Functions only CUDA has.
__global__ void cudaOnly(double *d, float *f) {
  d[0] = rsqrt(4.0);
  d[1] = rcbrt(27.0);
  d[2] = sinpi(0.5);
  d[3] = cospi(1.0);
  d[4] = sinpi(1e15 + 0.5); // exact reduction of a huge argument
  d[5] = sinpi(3.0);        // exactly zero
  d[6] = erfinv(erf(0.8));
  d[7] = erfcinv(erfc(3.5));
  d[8] = erfcx(30.0) * 30.0 * 1.7724538509055160;
  d[9] = normcdf(0.0);
  d[10] = normcdfinv(normcdf(-1.25));
  d[11] = norm3d(2.0, 3.0, 6.0);
  d[12] = rnorm4d(1.0, 1.0, 1.0, 1.0);
  d[13] = cyl_bessel_i0(1.0);
  d[14] = cyl_bessel_i1(2.0);
  double v[3] = {3.0, 4.0, 12.0};
  d[15] = norm(3, v);
  d[16] = erfcinv(1e-300);
  d[17] = rhypot(3.0, 4.0);
  f[0] = rsqrtf(0.25f);
  f[1] = sinpif(-2.5f);
  f[2] = cospif(0.5f);
  f[3] = erfinvf(0.5f);
  f[4] = normcdff(1.0f);
  f[5] = cyl_bessel_i0f(0.5f);
  f[6] = __saturatef(1.5f) + __saturatef(-2.0f) + __saturatef(0.25f);
  f[7] = __expf(1.0f);
  f[8] = __fdividef(1.0f, 8.0f);
  float s = 0, c = 0;
  sincospif(0.25f, &s, &c);
  f[9] = s - c;
}

__global__ void bits(unsigned *u, long long *ll, int *i) {
  u[0] = __popc(0xF0F0u);
  u[1] = __brev(1u);
  u[2] = __byte_perm(0x33221100u, 0x77665544u, 0x7531);
  u[3] = __funnelshift_l(0x80000000u, 0x1u, 1);
  u[4] = __funnelshift_rc(0x0u, 0x1u, 40);
  u[5] = __umulhi(0x80000000u, 4u);
  u[6] = __usad(3u, 10u, 1u);
  u[7] = __urhadd(3u, 4u);
  u[8] = __float_as_uint(1.0f);
  u[9] = __umul24(0x1000001u, 3u);
  ll[0] = __double_as_longlong(2.0);
  ll[1] = __mul64hi(-1LL, 5LL);
  ll[2] = __popcll(~0ULL);
  ll[3] = __float2ll_rd(-2.5f);
  i[0] = __clz(1);
  i[1] = __ffs(0x10);
  i[2] = __float2int_rn(2.5f);
  i[3] = __float2int_ru(2.1f);
  i[4] = __float2int_rz(-2.9f);
  i[5] = __float2int_rn(3e9f); // saturates
  i[6] = __double2int_rd(-0.5);
  i[7] = __mulhi(-2, 0x40000000);
  i[8] = __hadd(-3, 0);
  i[9] = __double2hiint(__hiloint2double(7, 9));
}

__host__ __device__ float twice(float x) { return 2.0f * sinf(x); }
__global__ void hostDevice(float *out) { out[0] = twice(0.5f); }

static bool same(float a, float b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (a != a && b != b);
}
static bool same(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (a != a && b != b);
}
static bool near(double a, double b, double rel) {
  return std::fabs(a - b) <= rel * std::fabs(b);
}

int main() {
  float hostInputs[kInputs];
  cudaMemcpyFromSymbol(hostInputs, inputs, sizeof hostInputs);
  float *f;
  double *d;
  cudaMallocManaged(&f, kInputs * kUnary * sizeof(float));
  cudaMallocManaged(&d, kInputs * kUnary * sizeof(double));
  unary<<<1, kInputs>>>(f, d);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  const char *names[kUnary] = {
      "sin",   "cos",  "tan",   "asin",  "acos",   "atan",  "sinh", "cosh",
      "tanh",  "asinh", "acosh", "atanh", "exp",   "exp2",  "exp10", "expm1",
      "log",   "log2", "log10", "log1p", "logb",   "cbrt",  "erf",  "erfc",
      "lgamma", "tgamma", "j0",  "j1",    "y0",    "y1"};
  for (int i = 0; i < kInputs; ++i) {
    float x = hostInputs[i];
    double y = x;
    float hf[kUnary] = {
        sinf(x),   cosf(x),   tanf(x),   asinf(x),  acosf(x),   atanf(x),
        sinhf(x),  coshf(x),  tanhf(x),  asinhf(x), acoshf(x),  atanhf(x),
        expf(x),   exp2f(x),  exp10f(x), expm1f(x), logf(x),    log2f(x),
        log10f(x), log1pf(x), logbf(x),  cbrtf(x),  erff(x),    erfcf(x),
        lgammaf(x), tgammaf(x), j0f(x),  j1f(x),    y0f(x),     y1f(x)};
    double hd[kUnary] = {
        sin(y),   cos(y),   tan(y),   asin(y),  acos(y),   atan(y),
        sinh(y),  cosh(y),  tanh(y),  asinh(y), acosh(y),  atanh(y),
        exp(y),   exp2(y),  exp10(y), expm1(y), log(y),    log2(y),
        log10(y), log1p(y), logb(y),  cbrt(y),  erf(y),    erfc(y),
        lgamma(y), tgamma(y), j0(y),  j1(y),    y0(y),     y1(y)};
    for (int k = 0; k < kUnary; ++k) {
      if (!same(f[i * kUnary + k], hf[k]) || !same(d[i * kUnary + k], hd[k])) {
        std::printf("%s(%g): device %a %a, host %a %a\n", names[k], y,
                    f[i * kUnary + k], d[i * kUnary + k], hf[k], hd[k]);
        ++failures;
      }
    }
  }

  binary<<<1, kInputs>>>(f, d);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  for (int i = 0; i < kInputs; ++i) {
    float x = hostInputs[i], z = hostInputs[(i + 3) % kInputs];
    double a = x, b = z;
    float hf[8] = {powf(fabsf(x), z), atan2f(x, z),    hypotf(x, z),
                   fmodf(x, z),       remainderf(x, z), fdimf(x, z),
                   nextafterf(x, z),  fmaf(x, z, x)};
    double hd[8] = {pow(fabs(a), b), atan2(a, b),    hypot(a, b),
                    fmod(a, b),      remainder(a, b), fdim(a, b),
                    nextafter(a, b), fma(a, b, a)};
    for (int k = 0; k < 8; ++k)
      EXPECT(same(f[i * 8 + k], hf[k]) && same(d[i * 8 + k], hd[k]));
  }

  overloads<<<1, 1>>>(f);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  EXPECT(same(f[0], sinf(0.6f)));
  EXPECT(same(f[1], expf(0.6f)));
  EXPECT(same(f[2], sqrtf(0.6f)));
  EXPECT(same(f[3], powf(0.6f, 2.0f)));
  EXPECT(f[4] == 0.6f + 0.0f); // frexp(0.6) = 0.6 * 2^0
  EXPECT(f[5] == 20.75f);
  EXPECT(f[6] == 0.0f);
  EXPECT(f[7] == 4.8f);

  cudaOnly<<<1, 1>>>(d, f);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  EXPECT(d[0] == 0.5);
  EXPECT(near(d[1], 1.0 / 3.0, 1e-15));
  EXPECT(d[2] == 1.0 && d[3] == -1.0);
  EXPECT(d[4] == 1.0);
  EXPECT(d[5] == 0.0 && !std::signbit(d[5]));
  EXPECT(near(d[6], 0.8, 1e-15));
  EXPECT(near(d[7], 3.5, 1e-13));
  EXPECT(near(d[8], 1.0 - 1.0 / 1800.0 + 3.0 / 3240000.0, 1e-8));
  EXPECT(d[9] == 0.5);
  EXPECT(near(d[10], -1.25, 1e-14));
  EXPECT(d[11] == 7.0);
  EXPECT(d[12] == 0.5);
  EXPECT(near(d[13], 1.2660658777520082, 1e-15));
  EXPECT(near(d[14], 1.5906368546373291, 1e-15));
  EXPECT(d[15] == 13.0);
  EXPECT(near(d[16], 26.209469960516066, 1e-12)); // the far tail
  EXPECT(d[17] == 0.2);
  EXPECT(f[0] == 2.0f);
  EXPECT(f[1] == -1.0f);
  EXPECT(f[2] == 0.0f);
  EXPECT(near(f[3], 0.4769362762044699, 1e-7));
  EXPECT(near(f[4], 0.8413447460685429, 1e-7));
  EXPECT(near(f[5], 1.0634833707413236, 1e-7));
  EXPECT(f[6] == 1.25f);
  EXPECT(same(f[7], expf(1.0f)));
  EXPECT(f[8] == 0.125f);
  EXPECT(std::fabs(f[9]) < 1e-7f);

  unsigned *u;
  long long *ll;
  int *in;
  cudaMallocManaged(&u, 10 * sizeof(unsigned));
  cudaMallocManaged(&ll, 4 * sizeof(long long));
  cudaMallocManaged(&in, 10 * sizeof(int));
  bits<<<1, 1>>>(u, ll, in);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  EXPECT(u[0] == 8 && u[1] == 0x80000000u);
  EXPECT(u[2] == 0x77553311u);
  EXPECT(u[3] == 0x3u);
  EXPECT(u[4] == 0x1u); // the shift clamped to 32 leaves the high word
  EXPECT(u[5] == 2u && u[6] == 8u && u[7] == 4u);
  EXPECT(u[8] == 0x3f800000u);
  EXPECT(u[9] == 3u); // bit 24 is not part of a 24-bit operand
  EXPECT(ll[0] == 0x4000000000000000LL);
  EXPECT(ll[1] == -1LL && ll[2] == 64 && ll[3] == -3);
  EXPECT(in[0] == 31 && in[1] == 5);
  EXPECT(in[2] == 2 && in[3] == 3 && in[4] == -2);
  EXPECT(in[5] == 2147483647 && in[6] == -1);
  EXPECT(in[7] == -1 && in[8] == -2 && in[9] == 7);

  hostDevice<<<1, 1>>>(f);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  EXPECT(same(f[0], twice(0.5f)));

  std::printf("device-math: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
