// A static __shared__ variable declared in a device function, used by two
// kernels with different block sizes, each block seeing its own copy.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: first: PASS
// CHECK: second: PASS
#include <cstdio>

__device__ int block_total(int v) {
  __shared__ int total;
  if (threadIdx.x == 0) total = 0;
  __syncthreads();
  atomicAdd(&total, v);
  __syncthreads();
  int r = total;
  __syncthreads();
  return r;
}

__global__ void first(int *out) { out[blockIdx.x * blockDim.x + threadIdx.x] = block_total(threadIdx.x + blockIdx.x); }
__global__ void second(int *out) {
  int a = block_total(1);
  int b = block_total(2 * threadIdx.x);
  out[blockIdx.x * blockDim.x + threadIdx.x] = a * 100000 + b;
}

int main() {
  int *d, h[4 * 64];
  cudaMalloc(&d, sizeof h);
  first<<<4, 64>>>(d);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int b = 0; b < 4; ++b)
    for (int t = 0; t < 64; ++t) wrong += h[b * 64 + t] != 64 * 63 / 2 + 64 * b;
  std::printf("first: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  int failures = wrong != 0;
  second<<<2, 96>>>(d);
  cudaMemcpy(h, d, 2 * 96 * sizeof(int), cudaMemcpyDeviceToHost);
  wrong = 0;
  for (int i = 0; i < 2 * 96; ++i) wrong += h[i] != 96 * 100000 + 96 * 95;
  std::printf("second: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return failures + (wrong != 0);
}
