// Warp collectives under branches that only some threads take: the
// two-stage block reduction (`if (warp == 0)`), a half-warp mask, and votes
// in an if/else, with per-thread values flowing in and out of the branches.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// RUN: %lqcc -O0 %s -o %t.O0 && %run %t.O0 | FileCheck %s
// CHECK: block-reduce: PASS
// CHECK: half-warp: PASS
// CHECK: if-else-votes: PASS
#include <cstdio>

__device__ int warp_sum(int v) {
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down_sync(0xffffffff, v, offset);
  return v;
}

__global__ void block_reduce(const int *in, int *out) {
  __shared__ int partial[32];
  int t = threadIdx.x, lane = t % 32, warp = t / 32;
  int v = warp_sum(in[blockIdx.x * blockDim.x + t]);
  if (lane == 0)
    partial[warp] = v;
  __syncthreads();
  v = t < blockDim.x / 32 ? partial[lane] : 0;
  if (warp == 0)
    v = warp_sum(v);
  if (t == 0)
    out[blockIdx.x] = v;
}

__global__ void half_warp(const int *in, int *out) {
  int t = threadIdx.x;
  int v = in[t], r = -1;
  if ((t & 31) < 16)
    r = __shfl_xor_sync(0x0000ffff, v, 5, 16) + __ballot_sync(0x0000ffff, v & 1);
  out[t] = r;
}

__global__ void if_else_votes(const int *in, unsigned *out) {
  int t = threadIdx.x;
  int v = in[t];
  unsigned r;
  if (t / 32 % 2 == 0)
    r = __ballot_sync(0xffffffff, v > 50);
  else
    r = __any_sync(0xffffffff, v > 98) + 100u * __shfl_sync(0xffffffff, v, 0);
  out[t] = r;
}

int main() {
  const int blocks = 3, B = 256, n = blocks * B;
  static int h[n], r[n];
  for (int i = 0; i < n; ++i)
    h[i] = (i * 53 + 7) % 100;
  int *din, *dout;
  cudaMalloc(&din, sizeof h);
  cudaMalloc(&dout, sizeof r);
  cudaMemcpy(din, h, sizeof h, cudaMemcpyHostToDevice);
  int failures = 0, wrong = 0;

  block_reduce<<<blocks, B>>>(din, dout);
  cudaMemcpy(r, dout, blocks * sizeof(int), cudaMemcpyDeviceToHost);
  for (int b = 0; b < blocks; ++b) {
    int sum = 0;
    for (int t = 0; t < B; ++t)
      sum += h[b * B + t];
    wrong += r[b] != sum;
  }
  std::printf("block-reduce: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  failures += wrong != 0;

  half_warp<<<1, 96>>>(din, dout);
  cudaMemcpy(r, dout, 96 * sizeof(int), cudaMemcpyDeviceToHost);
  wrong = 0;
  for (int t = 0; t < 96; ++t) {
    int base = t & ~31, lane = t & 31;
    if (lane >= 16) {
      wrong += r[t] != -1;
      continue;
    }
    unsigned ballot = 0;
    for (int l = 0; l < 16; ++l)
      ballot |= (unsigned)(h[base + l] & 1) << l;
    wrong += r[t] != h[base + (lane ^ 5)] + (int)ballot;
  }
  std::printf("half-warp: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  failures += wrong != 0;

  if_else_votes<<<1, 128>>>(din, (unsigned *)dout);
  cudaMemcpy(r, dout, 128 * sizeof(int), cudaMemcpyDeviceToHost);
  wrong = 0;
  for (int t = 0; t < 128; ++t) {
    int base = t & ~31;
    unsigned ballot = 0, any = 0;
    for (int l = 0; l < 32; ++l) {
      ballot |= (unsigned)(h[base + l] > 50) << l;
      any |= h[base + l] > 98;
    }
    unsigned want = t / 32 % 2 == 0 ? ballot : any + 100u * h[base];
    wrong += (unsigned)r[t] != want;
  }
  std::printf("if-else-votes: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  failures += wrong != 0;
  return failures;
}
