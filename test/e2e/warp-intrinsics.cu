// Warp shuffles of every kind and width, votes, __activemask, __syncwarp,
// __reduce_*_sync and __match_*_sync, with exact 32-lane semantics,
// including a partial last warp (blocks of 80 threads: warps of 32, 32, 16).
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: shuffles: PASS
// CHECK: warp-reduce: PASS
// CHECK: votes: PASS
// CHECK: reduce-match: PASS
#include <cstdio>

constexpr int B = 80; // threads per block

__global__ void shuffles(const int *in, int *out) {
  int t = threadIdx.x;
  int v = in[blockIdx.x * B + t];
  double d = v * 0.5;
  int *o = out + (blockIdx.x * B + t) * 8;
  o[0] = __shfl_sync(0xffffffff, v, 5);
  o[1] = __shfl_sync(0xffffffff, v, 3, 8);
  o[2] = __shfl_up_sync(0xffffffff, v, 2);
  o[3] = __shfl_up_sync(0xffffffff, v, 1, 4);
  o[4] = __shfl_down_sync(0xffffffff, v, 3);
  o[5] = __shfl_down_sync(0xffffffff, v, 2, 16);
  o[6] = __shfl_xor_sync(0xffffffff, v, 9);
  o[7] = (int)(2 * __shfl_xor_sync(0xffffffff, d, 3, 2));
}

// Host model of one shuffle; lanes outside the (partial) warp keep their own.
static int model(const int *warp, int lanes, int lane, int kind, int arg, int width) {
  int seg = lane & ~(width - 1), rel = lane - seg, src;
  bool ok;
  switch (kind) {
  case 0: src = seg + (arg & (width - 1)); ok = true; break;
  case 1: src = lane - arg; ok = rel >= arg; break;
  case 2: src = lane + arg; ok = rel + arg < width; break;
  // xor may read an earlier segment, never a later one (CUDA's rule).
  default: src = lane ^ arg; ok = src < seg + width; break;
  }
  ok = ok && src < lanes;
  return ok ? warp[src] : warp[lane];
}

__global__ void warp_reduce(const int *in, int *out) {
  int v = in[blockIdx.x * B + threadIdx.x];
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_xor_sync(0xffffffff, v, offset);
  out[blockIdx.x * B + threadIdx.x] = v;
}

__global__ void votes(const int *in, unsigned *out) {
  int v = in[blockIdx.x * B + threadIdx.x];
  unsigned *o = out + (blockIdx.x * B + threadIdx.x) * 5;
  o[0] = __ballot_sync(0xffffffff, v % 3 == 0);
  o[1] = __any_sync(0xffffffff, v > 90);
  o[2] = __all_sync(0xffffffff, v >= 0);
  o[3] = __activemask();
  __syncwarp();
  o[4] = __ballot_sync(0x0000ffff, v & 1);
}

__global__ void reduce_match(const int *in, int *out) {
  int v = in[blockIdx.x * B + threadIdx.x];
  int *o = out + (blockIdx.x * B + threadIdx.x) * 4;
  o[0] = __reduce_add_sync(0xffffffff, v);
  o[1] = __reduce_max_sync(0xffffffff, v);
  o[2] = (int)__match_any_sync(0xffffffff, v % 4);
  int pred;
  o[3] = (int)__match_all_sync(0xffffffff, v / 1000, &pred) + pred;
}

int main() {
  const int blocks = 2, n = blocks * B;
  int h[n];
  for (int i = 0; i < n; ++i)
    h[i] = (i * 37 + 11) % 97;
  int *din, *dout;
  cudaMalloc(&din, sizeof h);
  cudaMalloc(&dout, n * 8 * sizeof(int));
  cudaMemcpy(din, h, sizeof h, cudaMemcpyHostToDevice);
  static int r[n * 8];
  int failures = 0;

  shuffles<<<blocks, B>>>(din, dout);
  cudaMemcpy(r, dout, n * 8 * sizeof(int), cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int i = 0; i < n; ++i) {
    int t = i % B, base = i - t % 32, lanes = B - t / 32 * 32 < 32 ? B - t / 32 * 32 : 32;
    const int *w = h + base;
    int lane = t % 32;
    int want[8] = {model(w, lanes, lane, 0, 5, 32), model(w, lanes, lane, 0, 3, 8),
                   model(w, lanes, lane, 1, 2, 32), model(w, lanes, lane, 1, 1, 4),
                   model(w, lanes, lane, 2, 3, 32), model(w, lanes, lane, 2, 2, 16),
                   model(w, lanes, lane, 3, 9, 32), model(w, lanes, lane, 3, 3, 2)};
    for (int k = 0; k < 8; ++k)
      wrong += r[i * 8 + k] != want[k];
  }
  std::printf("shuffles: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  failures += wrong != 0;

  warp_reduce<<<blocks, B>>>(din, dout);
  cudaMemcpy(r, dout, n * sizeof(int), cudaMemcpyDeviceToHost);
  wrong = 0;
  for (int i = 0; i < n; ++i) {
    int t = i % B, base = i - t % 32;
    int lanes = B - t / 32 * 32 < 32 ? B - t / 32 * 32 : 32;
    // Butterfly steps in the model, lanes past the warp reading their own.
    int vals[32];
    for (int l = 0; l < 32; ++l)
      vals[l] = l < lanes ? h[base + l] : 0;
    for (int offset = 16; offset > 0; offset /= 2) {
      int next[32];
      for (int l = 0; l < lanes; ++l)
        next[l] = vals[l] + ((l ^ offset) < lanes ? vals[l ^ offset] : vals[l]);
      for (int l = 0; l < lanes; ++l)
        vals[l] = next[l];
    }
    wrong += r[i] != vals[t % 32];
  }
  std::printf("warp-reduce: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  failures += wrong != 0;

  votes<<<blocks, B>>>(din, (unsigned *)dout);
  cudaMemcpy(r, dout, n * 5 * sizeof(int), cudaMemcpyDeviceToHost);
  wrong = 0;
  for (int i = 0; i < n; ++i) {
    int t = i % B, base = i - t % 32;
    int lanes = B - t / 32 * 32 < 32 ? B - t / 32 * 32 : 32;
    unsigned ballot = 0, odd = 0, exist = lanes == 32 ? 0xffffffffu : (1u << lanes) - 1;
    int any = 0, all = 1;
    for (int l = 0; l < lanes; ++l) {
      int v = h[base + l];
      ballot |= (unsigned)(v % 3 == 0) << l;
      odd |= (unsigned)(v & 1) << l;
      any |= v > 90;
      all &= v >= 0;
    }
    unsigned *o = (unsigned *)r + i * 5;
    wrong += o[0] != ballot;
    wrong += o[1] != (unsigned)any;
    wrong += o[2] != (unsigned)all;
    wrong += o[3] != exist;
    wrong += o[4] != (odd & 0xffff);
  }
  std::printf("votes: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  failures += wrong != 0;

  reduce_match<<<blocks, B>>>(din, dout);
  cudaMemcpy(r, dout, n * 4 * sizeof(int), cudaMemcpyDeviceToHost);
  wrong = 0;
  for (int i = 0; i < n; ++i) {
    int t = i % B, base = i - t % 32;
    int lanes = B - t / 32 * 32 < 32 ? B - t / 32 * 32 : 32;
    if (lanes < 32)
      continue; // a full mask over a partial warp is undefined in CUDA
    int sum = 0, mx = -1;
    unsigned same = 0;
    for (int l = 0; l < 32; ++l) {
      int v = h[base + l];
      sum += v;
      mx = v > mx ? v : mx;
      if (v % 4 == h[i] % 4)
        same |= 1u << l;
    }
    int *o = r + i * 4;
    wrong += o[0] != sum;
    wrong += o[1] != mx;
    wrong += (unsigned)o[2] != same;
    wrong += (unsigned)o[3] != 0xffffffffu + 1u; // all equal: mask + pred 1
  }
  std::printf("reduce-match: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  failures += wrong != 0;
  return failures;
}
