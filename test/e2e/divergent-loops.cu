// Loops whose trip count differs between warps (the same within each warp,
// as CUDA requires of the lanes in a collective's mask), around warp
// shuffles: each thread iterates while its own condition holds.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// RUN: %lqcc -O0 %s -o %t.O0 && %run %t.O0 | FileCheck %s
// CHECK: per-warp-rounds: PASS
// CHECK: data-rounds: PASS
#include <cstdio>

__global__ void per_warp_rounds(int *out) {
  int t = threadIdx.x, w = t / 32;
  int v = t;
  for (int k = 0; k <= w; ++k)
    v += __shfl_xor_sync(0xffffffff, v, 1 << k);
  out[t] = v;
}

__global__ void data_rounds(const int *rounds, int *out) {
  int t = threadIdx.x;
  int left = rounds[t / 32], v = t; // the same in a warp, not in the block
  while (left-- > 0)
    v += __shfl_down_sync(0xffffffff, v, 1);
  out[t] = v;
}

int main() {
  int failures = 0;
  {
    int *d, h[128];
    cudaMalloc(&d, sizeof h);
    per_warp_rounds<<<1, 128>>>(d);
    cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
    int v[128], wrong = 0;
    for (int t = 0; t < 128; ++t)
      v[t] = t;
    for (int w = 0; w < 4; ++w)
      for (int k = 0; k <= w; ++k) {
        int next[32];
        for (int l = 0; l < 32; ++l)
          next[l] = v[w * 32 + l] + v[w * 32 + (l ^ (1 << k))];
        for (int l = 0; l < 32; ++l)
          v[w * 32 + l] = next[l];
      }
    for (int t = 0; t < 128; ++t)
      wrong += h[t] != v[t];
    std::printf("per-warp-rounds: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
    failures += wrong != 0;
  }
  {
    int rounds[3] = {0, 3, 1}, h[96], *dr, *d;
    cudaMalloc(&dr, sizeof rounds);
    cudaMalloc(&d, sizeof h);
    cudaMemcpy(dr, rounds, sizeof rounds, cudaMemcpyHostToDevice);
    data_rounds<<<1, 96>>>(dr, d);
    cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
    int v[96], wrong = 0;
    for (int t = 0; t < 96; ++t)
      v[t] = t;
    for (int w = 0; w < 3; ++w)
      for (int r = 0; r < rounds[w]; ++r) {
        int next[32];
        for (int l = 0; l < 32; ++l)
          next[l] = v[w * 32 + l] + (l + 1 < 32 ? v[w * 32 + l + 1] : v[w * 32 + l]);
        for (int l = 0; l < 32; ++l)
          v[w * 32 + l] = next[l];
      }
    for (int t = 0; t < 96; ++t)
      wrong += h[t] != v[t];
    std::printf("data-rounds: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
    failures += wrong != 0;
  }
  return failures;
}
