// cuda_fp16.h against a reference written here (Inputs/include/
// float16_reference.h), on the device and, for the same functions, on the
// host: every half to float and back; float to half in all four rounding
// modes at both neighbours, the tie and either side of it of every pair of
// adjacent halves, at the overflow and underflow boundaries and on random
// floats; double to half next to every tie; integers to half and every half
// to integers; every arithmetic operation and comparison on a large sample
// of operands, against the exact result rounded once; every math function
// on all 65536 arguments; operators, packing, warp shuffles and atomicAdd.
// The checks are Inputs/include/float16_tests.h, shared with bfloat16.cu;
// what is particular to half is here.
// RUN: %lqcc -I %S/Inputs/include %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: half-precision: PASS
#include <cuda_fp16.h>

#include <climits>

#include "float16_reference.h"

typedef __half Scalar;
typedef __half2 Pair;
#define TYPE_NAME half
#define TEST_NAME "half-precision"
#define CUDART(name) CUDART_##name##_FP16
constexpr int kEBits = 5, kMBits = 10;
constexpr u16 kTenth = 0x2e66;
constexpr float kTwoTenths = 0.199951171875f;

// Overflow at 65520, underflow below 2^-25, and float subnormals.
const float kFloatSpecials[] = {0.0f, INFINITY, 65504.0f, 65519.99f, 65520.0f,
                                65520.004f, 65536.0f, 1e5f, 1e10f, 3.4e38f,
                                0x1p-25f, 0x1.000002p-25f, 0x1.fffffep-26f,
                                0x1p-26f, 0x1p-149f, 0x1p-126f, 0x1.8p-25f,
                                0x1.ffcp-15f, 0x1.ffep-15f};
const unsigned kNans[] = {0x7fc00000u, 0x7f800001u, 0xffc00001u, 0x7fbfffffu};
const long long kIntEdges[] = {LLONG_MIN, LLONG_MAX, 65504LL, 65519LL,
                               65520LL,   -65520LL,  2049LL,  2051LL,
                               -2051LL};
const unsigned long long kUnsignedEdges[] = {~0ull};
const u16 kEdges[] = {0x0000, 0x8000, 0x0001, 0x8001, 0x03ff, 0x0400, 0x3c00,
                      0xbc00, 0x3c01, 0x3bff, 0x7bff, 0xfbff, 0x7c00, 0xfc00,
                      0x7e00, 0xfe01, 0x7c01, 0x3800, 0x3555, 0x4000, 0x6800,
                      0x6801, 0x5bff, 0x0200, 0x3e00, 0xc200};
// 3 * 683 = 2049, between 2048 and 2050; 2^-24 is the smallest half.
const float kFmaTies[][3] = {{3.0f, 683.0f, 0x1p-24f},
                             {3.0f, 683.0f, -0x1p-24f}};
constexpr int kCount = 2048;

#include "float16_tests.h"

// Random floats around half's range.
static bool random_float(float *x) {
  unsigned long long r = rnd();
  unsigned e = 127 - 30 + (unsigned)(r % 48);
  unsigned b = ((unsigned)(r >> 8) & 0x807fffffu) | (e << 23);
  std::memcpy(x, &b, 4);
  return true;
}
// A NaN keeps its sign.
static bool float_is_exact(unsigned b, float f) {
  long double v = R.value((u16)b);
  return std::isnan(v) ? std::isnan(f) && std::signbit(f) == (b >> 15)
                       : same_float(f, (float)v);
}
static void near_exponents(u16 a, u16 *b, u16 *c) {
  unsigned ea = (a >> 10) & 0x1f;
  unsigned eb = (ea + (unsigned)(rnd() % 5)) % 31;
  *b = (u16)((*b & 0x83ff) | (eb << 10));
  unsigned ec = (2 * ea + (unsigned)(rnd() % 3)) % 31;
  *c = (u16)((*c & 0x83ff) | (ec << 10));
}
__host__ __device__ float cell_step(int cell) { return (float)(1 + cell % 8); }

static_assert(sizeof(half) == 2 && sizeof(half2) == 4, "");

int main() { return run_checks(); }
