// Blocks past a runtime limit leave at once (a block-uniform return before
// any barrier); the others synchronise normally.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: early-exit: PASS
#include <cstdio>

__global__ void some_blocks(int *out, int active) {
  if (blockIdx.x >= active) return;
  __shared__ int s[64];
  s[threadIdx.x] = threadIdx.x * (blockIdx.x + 1);
  __syncthreads();
  out[blockIdx.x * 64 + threadIdx.x] = s[63 - threadIdx.x];
}

int main() {
  int *d, h[8 * 64];
  cudaMalloc(&d, sizeof h);
  cudaMemset(d, 0xff, sizeof h);
  some_blocks<<<8, 64>>>(d, 5);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int b = 0; b < 8; ++b)
    for (int t = 0; t < 64; ++t)
      wrong += h[b * 64 + t] != (b < 5 ? (63 - t) * (b + 1) : -1);
  std::printf("early-exit: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
