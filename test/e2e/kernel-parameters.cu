// Kernel parameters of every size and alignment, including a struct passed
// by value and a 2-D launch, reach every thread intact.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// RUN: %lqcc -O0 -g %s -o %t.O0 && %run %t.O0 | FileCheck %s
// CHECK: parameters: PASS
#include <cstdio>

struct Params {
  char c;
  double d;
  short s[3];
  long long ll;
};

__global__ void mix(char c, short s, int i, long long ll, float f, double d,
                    Params p, float2 v, double *out) {
  int t = threadIdx.y * blockDim.x + threadIdx.x;
  double r = c + s + i + (double)ll + f + d;
  r += p.c + p.d + p.s[0] + p.s[1] + p.s[2] + (double)p.ll + v.x + v.y;
  out[t] = r + t;
}

int main() {
  Params p = {'x', 0.25, {1, 2, 3}, 1LL << 40};
  double *d;
  cudaMalloc(&d, 12 * sizeof(double));
  mix<<<1, dim3(4, 3)>>>('a', -7, 123456, -(1LL << 35), 1.5f, 2.75, p,
                         make_float2(0.5f, -4.0f), d);
  cudaDeviceSynchronize();
  double h[12];
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  double base = 'a' - 7 + 123456 + (double)-(1LL << 35) + 1.5 + 2.75 + 'x' +
                0.25 + 6 + (double)(1LL << 40) + 0.5 - 4.0;
  int wrong = 0;
  for (int t = 0; t < 12; ++t)
    wrong += h[t] != base + t;
  cudaFree(d);
  std::printf("parameters: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
