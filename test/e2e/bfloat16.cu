// cuda_bf16.h against a reference written here (Inputs/include/
// float16_reference.h), on the device and, for the same functions, on the
// host: every bfloat16 to float and back; float to bfloat16 in all four
// rounding modes at both neighbours, the tie and either side of it of every
// pair of adjacent bfloat16 values, at the overflow and underflow
// boundaries and on random floats of every kind; double to bfloat16 next to
// every tie; integers to bfloat16 (64-bit ones next to ties that rounding
// through double gets wrong) and every bfloat16 to integers; every
// arithmetic operation and comparison on a large sample of operands,
// against the exact result rounded once; every math function on all 65536
// arguments; operators, packing, conversions to and from half, warp
// shuffles and atomicAdd. The checks are Inputs/include/float16_tests.h,
// shared with half-precision.cu; what is particular to bfloat16 is here.
// RUN: %lqcc -I %S/Inputs/include %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: bfloat16: PASS
#include <cuda_bf16.h>

#include <climits>

#include "float16_reference.h"

typedef __nv_bfloat16 Scalar;
typedef __nv_bfloat162 Pair;
#define TYPE_NAME bfloat16
#define TEST_NAME "bfloat16"
#define CUDART(name) CUDART_##name##_BF16
constexpr int kEBits = 8, kMBits = 7;
constexpr u16 kTenth = 0x3dcd;
constexpr float kTwoTenths = 0.2001953125f;

// Overflow at 0x1.ffp127, underflow below 2^-134, float subnormals.
const float kFloatSpecials[] = {
    0.0f,           INFINITY,        0x1.fep127f,      0x1.feffffp127f,
    0x1.ffp127f,    0x1.ff0002p127f, 0x1.fffffep127f,  1.0f,
    0x1.01p0f,      0x1.03p0f,       0x1.010002p0f,    0x1p-133f,
    0x1p-134f,      0x1.000002p-134f, 0x1.fffffep-135f, 0x1p-149f,
    0x1p-126f,      0x1.fep-127f,    0x1.ffp-127f,     0x1.fffffep-127f};
// A payload only in the low 16 bits must not round a NaN to infinity.
const unsigned kNans[] = {0x7fc00000u, 0x7f800001u, 0xffc00001u,
                          0x7fbfffffu, 0xff80ffffu, 0x7f808000u};
// 2^60 + 2^52 is halfway between two bfloat16 values: 1 more is closer
// to the upper one, but rounds to the tie (then down, to even) in double.
constexpr long long kTie = (1LL << 60) + (1LL << 52);
const long long kIntEdges[] = {LLONG_MIN, LLONG_MAX, 257LL, 259LL, -259LL,
                               65535LL, kTie, kTie + 1, kTie - 1, -kTie - 1,
                               2 * kTie + (1LL << 52),
                               -(1LL << 62) - (1LL << 54) - 1};
const unsigned long long kUnsignedEdges[] = {~0ull,
                                             (1ull << 63) + (1ull << 55) + 1};
const u16 kEdges[] = {0x0000, 0x8000, 0x0001, 0x8001, 0x007f, 0x0080, 0x3f80,
                      0xbf80, 0x3f81, 0x3f7f, 0x7f7f, 0xff7f, 0x7f80, 0xff80,
                      0x7fc0, 0xffc1, 0x7f81, 0x3f00, 0x3eab, 0x4000, 0x4380,
                      0x4381, 0x5f7f, 0x0040, 0x3fc0, 0xc040};
// 7 * 37 = 259, between 258 and 260: a double sum rounds 259 - 2^-100 to
// the tie.
const float kFmaTies[][3] = {{7.0f, 37.0f, 0x1p-100f},
                             {7.0f, 37.0f, -0x1p-100f},
                             {7.0f, 37.0f, 0x1p-133f},
                             {7.0f, 37.0f, -0x1p-133f}};
// Beyond 256, adding 1 is no longer exact.
constexpr int kCount = 256;

#include "float16_tests.h"

// Random floats of every kind but NaN.
static bool random_float(float *x) {
  unsigned b = (unsigned)rnd();
  std::memcpy(x, &b, 4);
  return *x == *x;
}
// The top half of the float, a NaN's payload too.
static bool float_is_exact(unsigned b, float f) {
  unsigned wide = b << 16;
  float w;
  std::memcpy(&w, &wide, 4);
  return same_float(f, w) && (std::isnan(w) || w == (float)R.value((u16)b));
}
static void near_exponents(u16 a, u16 *b, u16 *c) {
  unsigned ea = (a >> 7) & 0xff;
  unsigned eb = (ea + (unsigned)(rnd() % 9) - 4) & 0xff;
  *b = (u16)((*b & 0x807f) | ((eb == 0xff ? 0xfe : eb) << 7));
  unsigned ec = (2 * ea + (unsigned)(rnd() % 9) - 131) & 0xff;
  *c = (u16)((*c & 0x807f) | ((ec == 0xff ? 0xfe : ec) << 7));
}
// Powers of two: 128 adds of 1 + cell % 8 would not all be exact.
__host__ __device__ float cell_step(int cell) { return (float)(1 << cell % 4); }

// To and from half, explicitly as in CUDA: exact in float, rounded once.
static void check_half_conversions() {
  EXPECT(__half_as_ushort(__half(__nv_bfloat16(0.1f))) == 0x2e68);
  EXPECT(bits(__nv_bfloat16(__float2half(0.1f))) == 0x3dcd);
  EXPECT(__half_as_ushort(__half(CUDART_MAX_NORMAL_BF16)) == 0x7c00);
}

static_assert(sizeof(nv_bfloat16) == 2 && sizeof(nv_bfloat162) == 4, "");

int main() {
  check_half_conversions();
  return run_checks();
}
