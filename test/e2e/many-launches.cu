// Thousands of small launches of several kernels in a row: modules load
// once, configurations never leak between launches, results chain.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: many-launches: PASS
#include <cstdio>

__global__ void inc(int *v) { v[threadIdx.x] += 1; }
__global__ void twice(int *v) { v[blockIdx.x * blockDim.x + threadIdx.x] *= 2; }

int main() {
  int *d, h[32];
  cudaMalloc(&d, sizeof h);
  cudaMemset(d, 0, sizeof h);
  for (int r = 0; r < 2000; ++r) {
    inc<<<1, 32>>>(d);
    if (r % 500 == 499) twice<<<2, 16>>>(d);
  }
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  // ((((500*2)+500)*2+500)*2+500)*2
  int want = (((500 * 2 + 500) * 2 + 500) * 2 + 500) * 2;
  int wrong = 0;
  for (int i = 0; i < 32; ++i) wrong += h[i] != want;
  std::printf("many-launches: %s (%d wrong, %d)\n", wrong || cudaGetLastError() ? "FAIL" : "PASS",
              wrong, h[0]);
  return wrong != 0;
}
