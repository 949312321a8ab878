// CUDA's SIMD intrinsics on 2x16-bit and 4x8-bit lanes, and the CUDA 12
// three-operand ones (__vimax3, __viaddmax, __vibmax, ...), against a
// per-lane reference written here on the host with plain arithmetic on
// int8_t/int16_t lanes: random words, and words made of the lanes' edge
// values (0, 1, -1, the largest and smallest signed and unsigned). The
// CUDA 12 ones are also called from host code, as CUDA allows.
// RUN: %lqcc -I %S/Inputs/include %s -o %t
// RUN: %exec %t | FileCheck %s
// CHECK: simd-intrinsics: PASS
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <vector>

#include "expect.h"

// Every two-operand and one-operand function, both widths.
#define BINARY(X)                                                              \
  X(vadd) X(vsub) X(vaddss) X(vsubss) X(vaddus) X(vsubus) X(vavgs) X(vavgu)    \
  X(vhaddu) X(vabsdiffs) X(vabsdiffu) X(vmaxs) X(vmaxu) X(vmins) X(vminu)      \
  X(vcmpeq) X(vcmpne) X(vcmpges) X(vcmpgeu) X(vcmpgts) X(vcmpgtu) X(vcmples)   \
  X(vcmpleu) X(vcmplts) X(vcmpltu) X(vseteq) X(vsetne) X(vsetges) X(vsetgeu)   \
  X(vsetgts) X(vsetgtu) X(vsetles) X(vsetleu) X(vsetlts) X(vsetltu) X(vsads)   \
  X(vsadu)
#define UNARY(X) X(vabs) X(vabsss) X(vneg) X(vnegss)

enum Op {
#define ENUM(name) op_##name,
  BINARY(ENUM) UNARY(ENUM)
#undef ENUM
  kOps
};
static const char *opNames[kOps] = {
#define NAME(name) #name,
    BINARY(NAME) UNARY(NAME)
#undef NAME
};

// The CUDA 12 functions: results per input.
enum {
  X_MAX3_S32, X_MAX3_S32_RELU, X_MAX3_U32, X_MIN3_S32, X_MIN3_S32_RELU,
  X_MIN3_U32, X_MAX3_S16, X_MAX3_S16_RELU, X_MAX3_U16, X_MIN3_S16,
  X_MIN3_S16_RELU, X_MIN3_U16, X_MAX_S32_RELU, X_MIN_S32_RELU,
  X_MAX_S16_RELU, X_MIN_S16_RELU, X_ADDMAX_S32, X_ADDMAX_S32_RELU,
  X_ADDMAX_U32, X_ADDMIN_S32, X_ADDMIN_S32_RELU, X_ADDMIN_U32, X_ADDMAX_S16,
  X_ADDMAX_S16_RELU, X_ADDMAX_U16, X_ADDMIN_S16, X_ADDMIN_S16_RELU,
  X_ADDMIN_U16, X_BMAX_S32, X_BMAX_U32, X_BMIN_S32, X_BMIN_U32, X_BMAX_S16,
  X_BMAX_U16, X_BMIN_S16, X_BMIN_U16, kNew
};

// The new functions' results as words; the predicates of __vib* go into
// bits 31 and 30 of a second word (pred_hi, pred_lo; pred alone in bit 0).
__host__ __device__ void newOps(unsigned a, unsigned b, unsigned c,
                                unsigned *r, unsigned *p) {
  int sa = (int)a, sb = (int)b, sc = (int)c;
  r[X_MAX3_S32] = __vimax3_s32(sa, sb, sc);
  r[X_MAX3_S32_RELU] = __vimax3_s32_relu(sa, sb, sc);
  r[X_MAX3_U32] = __vimax3_u32(a, b, c);
  r[X_MIN3_S32] = __vimin3_s32(sa, sb, sc);
  r[X_MIN3_S32_RELU] = __vimin3_s32_relu(sa, sb, sc);
  r[X_MIN3_U32] = __vimin3_u32(a, b, c);
  r[X_MAX3_S16] = __vimax3_s16x2(a, b, c);
  r[X_MAX3_S16_RELU] = __vimax3_s16x2_relu(a, b, c);
  r[X_MAX3_U16] = __vimax3_u16x2(a, b, c);
  r[X_MIN3_S16] = __vimin3_s16x2(a, b, c);
  r[X_MIN3_S16_RELU] = __vimin3_s16x2_relu(a, b, c);
  r[X_MIN3_U16] = __vimin3_u16x2(a, b, c);
  r[X_MAX_S32_RELU] = __vimax_s32_relu(sa, sb);
  r[X_MIN_S32_RELU] = __vimin_s32_relu(sa, sb);
  r[X_MAX_S16_RELU] = __vimax_s16x2_relu(a, b);
  r[X_MIN_S16_RELU] = __vimin_s16x2_relu(a, b);
  r[X_ADDMAX_S32] = __viaddmax_s32(sa, sb, sc);
  r[X_ADDMAX_S32_RELU] = __viaddmax_s32_relu(sa, sb, sc);
  r[X_ADDMAX_U32] = __viaddmax_u32(a, b, c);
  r[X_ADDMIN_S32] = __viaddmin_s32(sa, sb, sc);
  r[X_ADDMIN_S32_RELU] = __viaddmin_s32_relu(sa, sb, sc);
  r[X_ADDMIN_U32] = __viaddmin_u32(a, b, c);
  r[X_ADDMAX_S16] = __viaddmax_s16x2(a, b, c);
  r[X_ADDMAX_S16_RELU] = __viaddmax_s16x2_relu(a, b, c);
  r[X_ADDMAX_U16] = __viaddmax_u16x2(a, b, c);
  r[X_ADDMIN_S16] = __viaddmin_s16x2(a, b, c);
  r[X_ADDMIN_S16_RELU] = __viaddmin_s16x2_relu(a, b, c);
  r[X_ADDMIN_U16] = __viaddmin_u16x2(a, b, c);
  bool p1 = false, p2 = false;
  r[X_BMAX_S32] = __vibmax_s32(sa, sb, &p1);
  p[X_BMAX_S32] = p1;
  r[X_BMAX_U32] = __vibmax_u32(a, b, &p1);
  p[X_BMAX_U32] = p1;
  r[X_BMIN_S32] = __vibmin_s32(sa, sb, &p1);
  p[X_BMIN_S32] = p1;
  r[X_BMIN_U32] = __vibmin_u32(a, b, &p1);
  p[X_BMIN_U32] = p1;
  r[X_BMAX_S16] = __vibmax_s16x2(a, b, &p1, &p2);
  p[X_BMAX_S16] = (unsigned)p1 << 31 | (unsigned)p2 << 30;
  r[X_BMAX_U16] = __vibmax_u16x2(a, b, &p1, &p2);
  p[X_BMAX_U16] = (unsigned)p1 << 31 | (unsigned)p2 << 30;
  r[X_BMIN_S16] = __vibmin_s16x2(a, b, &p1, &p2);
  p[X_BMIN_S16] = (unsigned)p1 << 31 | (unsigned)p2 << 30;
  r[X_BMIN_U16] = __vibmin_u16x2(a, b, &p1, &p2);
  p[X_BMIN_U16] = (unsigned)p1 << 31 | (unsigned)p2 << 30;
}

// out[(op * 2 + (width == 8)) * n + i]; new[(k * 2 + pred) * n + i]
__global__ void simd(const unsigned *as, const unsigned *bs,
                     const unsigned *cs, int n, unsigned *out,
                     unsigned *fresh) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  unsigned a = as[i], b = bs[i], c = cs[i];
  unsigned *o = out + i;
#define CALL2(name)                                                            \
  o[(op_##name * 2 + 0) * n] = __##name##2(a, b);                              \
  o[(op_##name * 2 + 1) * n] = __##name##4(a, b);
#define CALL1(name)                                                            \
  o[(op_##name * 2 + 0) * n] = __##name##2(a);                                 \
  o[(op_##name * 2 + 1) * n] = __##name##4(a);
  BINARY(CALL2)
  UNARY(CALL1)
#undef CALL2
#undef CALL1
  unsigned r[kNew], p[kNew] = {};
  newOps(a, b, c, r, p);
  for (int k = 0; k < kNew; ++k) {
    fresh[(k * 2) * n + i] = r[k];
    fresh[(k * 2 + 1) * n + i] = p[k];
  }
}

__global__ void known(unsigned *k) {
  k[0] = __vadd4(0x01ff7f80u, 0x01010101u);
  k[1] = __vaddss4(0x7f7f8080u, 0x01008080u);
  k[2] = __vaddus2(0xfffe0001u, 0x00050001u);
  k[3] = __vavgs2(0xfffd0003u, 0x00000000u);
  k[4] = __vavgu2(0x00030001u, 0x00000000u);
  k[5] = __vcmpgts4(0x01000002u, 0x00000001u);
  k[6] = __vsetgtu4(0x01000002u, 0x00000001u);
  k[7] = __vabs4(0x80810101u);
  k[8] = __vabsss4(0x80810101u);
  k[9] = __vsadu4(0xff010000u, 0x00000000u);
  k[10] = __vabsdiffs4(0x807f0180u, 0x7f80017fu);
  k[11] = __vhaddu2(0x00030001u, 0x00000000u);
  k[12] = __vsads4(0x7f000000u, 0x80000000u);
  bool hi = false, lo = false;
  k[13] = __vibmax_s16x2(0x80000005u, 0x00010005u, &hi, &lo);
  k[14] = (unsigned)hi << 1 | (unsigned)lo;
  k[15] = (unsigned)__viaddmax_s32(0x7fffffff, 1, -5); // the sum wraps
}

//===--- The host's reference: one lane at a time --------------------------===//

static long long lane(int op, long long sa, long long sb, long long ua,
                      long long ub, int width) {
  const long long smax = (1ll << (width - 1)) - 1, smin = -(1ll << (width - 1));
  const long long umax = (1ll << width) - 1;
  switch (op) {
  case op_vadd: return ua + ub;
  case op_vsub: return ua - ub;
  case op_vaddss: return std::clamp(sa + sb, smin, smax);
  case op_vsubss: return std::clamp(sa - sb, smin, smax);
  case op_vaddus: return std::min(ua + ub, umax);
  case op_vsubus: return std::max(ua - ub, 0ll);
  case op_vavgs: return (long long)std::round((double)(sa + sb) / 2.0);
  case op_vavgu: return (long long)std::ceil((double)(ua + ub) / 2.0);
  case op_vhaddu: return (ua + ub) / 2;
  case op_vabsdiffs: return std::llabs(sa - sb);
  case op_vabsdiffu: return std::llabs(ua - ub);
  case op_vmaxs: return std::max(sa, sb);
  case op_vmaxu: return std::max(ua, ub);
  case op_vmins: return std::min(sa, sb);
  case op_vminu: return std::min(ua, ub);
  case op_vcmpeq: return ua == ub ? umax : 0;
  case op_vcmpne: return ua != ub ? umax : 0;
  case op_vcmpges: return sa >= sb ? umax : 0;
  case op_vcmpgeu: return ua >= ub ? umax : 0;
  case op_vcmpgts: return sa > sb ? umax : 0;
  case op_vcmpgtu: return ua > ub ? umax : 0;
  case op_vcmples: return sa <= sb ? umax : 0;
  case op_vcmpleu: return ua <= ub ? umax : 0;
  case op_vcmplts: return sa < sb ? umax : 0;
  case op_vcmpltu: return ua < ub ? umax : 0;
  case op_vseteq: return ua == ub;
  case op_vsetne: return ua != ub;
  case op_vsetges: return sa >= sb;
  case op_vsetgeu: return ua >= ub;
  case op_vsetgts: return sa > sb;
  case op_vsetgtu: return ua > ub;
  case op_vsetles: return sa <= sb;
  case op_vsetleu: return ua <= ub;
  case op_vsetlts: return sa < sb;
  case op_vsetltu: return ua < ub;
  case op_vsads: return std::llabs(sa - sb);
  case op_vsadu: return std::llabs(ua - ub);
  case op_vabs: return std::llabs(sa);
  case op_vabsss: return std::min(std::llabs(sa), smax);
  case op_vneg: return -sa;
  case op_vnegss: return std::clamp(-sa, smin, smax);
  }
  std::abort();
}

static unsigned reference(int op, unsigned a, unsigned b, int width) {
  unsigned result = 0;
  long long sum = 0;
  for (int i = 0; i < 32 / width; ++i) {
    int shift = i * width;
    long long sa, sb, ua, ub;
    if (width == 16) {
      sa = (int16_t)(a >> shift);
      sb = (int16_t)(b >> shift);
      ua = (uint16_t)(a >> shift);
      ub = (uint16_t)(b >> shift);
    } else {
      sa = (int8_t)(a >> shift);
      sb = (int8_t)(b >> shift);
      ua = (uint8_t)(a >> shift);
      ub = (uint8_t)(b >> shift);
    }
    long long v = lane(op, sa, sb, ua, ub, width);
    sum += v;
    result |= (unsigned)(v & ((1ll << width) - 1)) << shift;
  }
  if (op == op_vsads || op == op_vsadu)
    return (unsigned)sum;
  return result;
}

// Per halfword (hi: i = 1) of x, signed or not.
static int hs(unsigned x, int i) { return (int16_t)(x >> (16 * i)); }
static int hu(unsigned x, int i) { return (uint16_t)(x >> (16 * i)); }
static unsigned pack(int hi, int lo) {
  return (unsigned)(uint16_t)hi << 16 | (uint16_t)lo;
}

static void newReference(unsigned a, unsigned b, unsigned c, unsigned *r,
                         unsigned *p) {
  int sa = (int)a, sb = (int)b, sc = (int)c;
  int sum = (int)(a + b); // the adder wraps
  r[X_MAX3_S32] = std::max({sa, sb, sc});
  r[X_MAX3_S32_RELU] = std::max({sa, sb, sc, 0});
  r[X_MAX3_U32] = std::max({a, b, c});
  r[X_MIN3_S32] = std::min({sa, sb, sc});
  r[X_MIN3_S32_RELU] = std::max(std::min({sa, sb, sc}), 0);
  r[X_MIN3_U32] = std::min({a, b, c});
  r[X_MAX_S32_RELU] = std::max({sa, sb, 0});
  r[X_MIN_S32_RELU] = std::max(std::min(sa, sb), 0);
  r[X_ADDMAX_S32] = std::max(sum, sc);
  r[X_ADDMAX_S32_RELU] = std::max({sum, sc, 0});
  r[X_ADDMAX_U32] = std::max(a + b, c);
  r[X_ADDMIN_S32] = std::min(sum, sc);
  r[X_ADDMIN_S32_RELU] = std::max(std::min(sum, sc), 0);
  r[X_ADDMIN_U32] = std::min(a + b, c);
  r[X_BMAX_S32] = std::max(sa, sb);
  p[X_BMAX_S32] = sa >= sb;
  r[X_BMAX_U32] = std::max(a, b);
  p[X_BMAX_U32] = a >= b;
  r[X_BMIN_S32] = std::min(sa, sb);
  p[X_BMIN_S32] = sa <= sb;
  r[X_BMIN_U32] = std::min(a, b);
  p[X_BMIN_U32] = a <= b;
  int lanes[kNew][2];
  unsigned preds[kNew] = {};
  for (int i = 0; i < 2; ++i) {
    int xa = hs(a, i), xb = hs(b, i), xc = hs(c, i);
    int ya = hu(a, i), yb = hu(b, i), yc = hu(c, i);
    int xsum = (int16_t)(xa + xb), ysum = (uint16_t)(ya + yb);
    lanes[X_MAX3_S16][i] = std::max({xa, xb, xc});
    lanes[X_MAX3_S16_RELU][i] = std::max({xa, xb, xc, 0});
    lanes[X_MAX3_U16][i] = std::max({ya, yb, yc});
    lanes[X_MIN3_S16][i] = std::min({xa, xb, xc});
    lanes[X_MIN3_S16_RELU][i] = std::max(std::min({xa, xb, xc}), 0);
    lanes[X_MIN3_U16][i] = std::min({ya, yb, yc});
    lanes[X_MAX_S16_RELU][i] = std::max({xa, xb, 0});
    lanes[X_MIN_S16_RELU][i] = std::max(std::min(xa, xb), 0);
    lanes[X_ADDMAX_S16][i] = std::max(xsum, xc);
    lanes[X_ADDMAX_S16_RELU][i] = std::max({xsum, xc, 0});
    lanes[X_ADDMAX_U16][i] = std::max(ysum, yc);
    lanes[X_ADDMIN_S16][i] = std::min(xsum, xc);
    lanes[X_ADDMIN_S16_RELU][i] = std::max(std::min(xsum, xc), 0);
    lanes[X_ADDMIN_U16][i] = std::min(ysum, yc);
    lanes[X_BMAX_S16][i] = std::max(xa, xb);
    lanes[X_BMAX_U16][i] = std::max(ya, yb);
    lanes[X_BMIN_S16][i] = std::min(xa, xb);
    lanes[X_BMIN_U16][i] = std::min(ya, yb);
    unsigned bit = i ? 1u << 31 : 1u << 30;
    preds[X_BMAX_S16] |= xa >= xb ? bit : 0;
    preds[X_BMAX_U16] |= ya >= yb ? bit : 0;
    preds[X_BMIN_S16] |= xa <= xb ? bit : 0;
    preds[X_BMIN_U16] |= ya <= yb ? bit : 0;
  }
  const int packed[] = {X_MAX3_S16, X_MAX3_S16_RELU, X_MAX3_U16, X_MIN3_S16,
                        X_MIN3_S16_RELU, X_MIN3_U16, X_MAX_S16_RELU,
                        X_MIN_S16_RELU, X_ADDMAX_S16, X_ADDMAX_S16_RELU,
                        X_ADDMAX_U16, X_ADDMIN_S16, X_ADDMIN_S16_RELU,
                        X_ADDMIN_U16, X_BMAX_S16, X_BMAX_U16, X_BMIN_S16,
                        X_BMIN_U16};
  for (int k : packed) {
    r[k] = pack(lanes[k][1], lanes[k][0]);
    p[k] = preds[k];
  }
}

static uint64_t state = 0x243f6a8885a308d3ull;
static uint64_t next64() { // splitmix64
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
// A word of random lanes or of the lanes' edge values.
static unsigned word() {
  static const uint8_t bytes[] = {0x00, 0x01, 0x7f, 0x80, 0x81, 0xfe, 0xff};
  static const uint16_t halves[] = {0x0000, 0x0001, 0x7fff, 0x8000,
                                    0x8001, 0xfffe, 0xffff, 0x00ff,
                                    0xff00, 0x0080, 0xff7f};
  uint64_t r = next64();
  switch (r % 3) {
  case 0:
    return (unsigned)(r >> 32);
  case 1: {
    unsigned w = 0;
    for (int i = 0; i < 4; ++i)
      w |= (unsigned)bytes[(r >> (8 + 8 * i)) % 7] << (8 * i);
    return w;
  }
  default:
    return (unsigned)halves[(r >> 8) % 11] << 16 | halves[(r >> 24) % 11];
  }
}

int main() {
  constexpr int n = 1 << 14;
  unsigned *as, *bs, *cs, *out, *fresh;
  cudaMallocManaged(&as, n * sizeof(unsigned));
  cudaMallocManaged(&bs, n * sizeof(unsigned));
  cudaMallocManaged(&cs, n * sizeof(unsigned));
  cudaMallocManaged(&out, (size_t)kOps * 2 * n * sizeof(unsigned));
  cudaMallocManaged(&fresh, (size_t)kNew * 2 * n * sizeof(unsigned));
  for (int i = 0; i < n; ++i) {
    as[i] = word();
    bs[i] = i % 5 == 0 ? as[i] : word(); // equal lanes too
    cs[i] = word();
  }
  simd<<<n / 128, 128>>>(as, bs, cs, n, out, fresh);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);

  int shown = 0;
  long mismatches = 0;
  for (int op = 0; op < kOps; ++op)
    for (int wide = 0; wide < 2; ++wide)
      for (int i = 0; i < n; ++i) {
        int width = wide ? 8 : 16;
        unsigned got = out[(op * 2 + wide) * n + i];
        unsigned want = reference(op, as[i], bs[i], width);
        if (got == want)
          continue;
        ++mismatches;
        if (shown++ < 20)
          std::printf("__%s%d(0x%08x, 0x%08x): got 0x%08x, want 0x%08x\n",
                      opNames[op], 32 / width, as[i], bs[i], got, want);
      }
  for (int i = 0; i < n; ++i) {
    unsigned r[kNew], p[kNew] = {}, hr[kNew], hp[kNew] = {};
    newReference(as[i], bs[i], cs[i], r, p);
    newOps(as[i], bs[i], cs[i], hr, hp); // the host's own copy
    for (int k = 0; k < kNew; ++k) {
      unsigned got = fresh[(k * 2) * n + i], gotPred = fresh[(k * 2 + 1) * n + i];
      if (got == r[k] && gotPred == p[k] && hr[k] == r[k] && hp[k] == p[k])
        continue;
      ++mismatches;
      if (shown++ < 40)
        std::printf("CUDA 12 function #%d(0x%08x, 0x%08x, 0x%08x): device "
                    "0x%08x/%x, host 0x%08x/%x, want 0x%08x/%x\n",
                    k, as[i], bs[i], cs[i], got, gotPred, hr[k], hp[k], r[k],
                    p[k]);
    }
  }
  if (mismatches) {
    std::printf("%ld results differ from the reference\n", mismatches);
    ++failures;
  }

  // A few by hand, as CUDA documents them.
  unsigned *k;
  cudaMallocManaged(&k, 16 * sizeof(unsigned));
  known<<<1, 1>>>(k);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  EXPECT(k[0] == 0x02008081u);  // wraps
  EXPECT(k[1] == 0x7f7f8080u);  // saturates, signed
  EXPECT(k[2] == 0xffff0002u);  // saturates, unsigned
  EXPECT(k[3] == 0xfffe0002u);  // -3/2 -> -2, 3/2 -> 2: halves away from 0
  EXPECT(k[4] == 0x00020001u);  // 3/2 -> 2, 1/2 -> 1: rounds up
  EXPECT(k[5] == 0xff0000ffu);  // a mask per true lane
  EXPECT(k[6] == 0x01000001u);  // 1 per true lane
  EXPECT(k[7] == 0x807f0101u);  // |-128| wraps
  EXPECT(k[8] == 0x7f7f0101u);  // and saturates to 127
  EXPECT(k[9] == 256u);         // a sum, not lanes
  EXPECT(k[10] == 0xffff00ffu); // |(-128) - 127| = 255 fits the lane
  EXPECT(k[11] == 0x00010000u); // truncates
  EXPECT(k[12] == 255u);
  EXPECT(k[13] == 0x00010005u && k[14] == 1u); // ties set pred (a >= b)
  EXPECT(k[15] == 0xfffffffbu);

  std::printf("simd-intrinsics: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
