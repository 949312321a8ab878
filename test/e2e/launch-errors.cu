// Bad launch configurations fail with CUDA's error codes and leave the
// device usable; the errors are not sticky.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
#include <cstdio>

__global__ void touch(int *p) { p[threadIdx.x] = 7; }

static void report(const char *what) {
  cudaError_t e = cudaGetLastError();
  std::printf("%s: %d %s\n", what, (int)e, cudaGetErrorName(e));
}

int main() {
  int *d;
  cudaMalloc(&d, 1024 * sizeof(int));
  // CHECK: block too large: 9 cudaErrorInvalidConfiguration
  touch<<<1, 1025>>>(d);
  report("block too large");
  // CHECK-NEXT: zero grid: 9 cudaErrorInvalidConfiguration
  touch<<<0, 32>>>(d);
  report("zero grid");
  // CHECK-NEXT: block z too large: 9 cudaErrorInvalidConfiguration
  touch<<<1, dim3(1, 1, 65)>>>(d);
  report("block z too large");
  // CHECK-NEXT: too much shared memory: 1 cudaErrorInvalidValue
  touch<<<1, 32, 64 * 1024>>>(d);
  report("too much shared memory");
  // CHECK-NEXT: after errors: 0 cudaSuccess
  touch<<<1, 32>>>(d);
  report("after errors");
  int h = 0;
  cudaMemcpy(&h, d + 31, sizeof h, cudaMemcpyDeviceToHost);
  // CHECK-NEXT: value 7
  std::printf("value %d\n", h);
  return 0;
}
