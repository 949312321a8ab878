// C++ in kernels: member functions, templates taking lambdas, early return,
// `continue` in a loop with a barrier, a large local array across barriers,
// 64-bit indexing.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: misc bad=0
#include <cstdio>
struct Acc { float s = 0; __device__ void add(float v) { s += v; } };
template <typename F> __device__ float apply(F f, float x) { return f(x); }
__global__ void k1(float *y, const float *x, size_t n) {
  size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  if (i >= n) return;
  Acc a;
  for (int j = 0; j < 4; ++j) { if (j == 2) continue; a.add(x[i] * j); }
  y[i] = apply([](float v) { return v * 2; }, a.s);
}
__global__ void k2(int *out) {
  __shared__ int s[128];
  int t = threadIdx.x;
  int local[40];
  for (int j = 0; j < 40; ++j) local[j] = t * j;
  s[t] = local[t % 40];
  for (int r = 0; r < 3; ++r) {
    __syncthreads();
    if (t % 2) continue;
    s[t] += 1;
  }
  __syncthreads();
  out[t] = s[127 - t] + local[(t + 1) % 40];
}
int main() {
  const size_t n = 1000; float *x, *y; cudaMalloc(&x, n * 4); cudaMalloc(&y, n * 4);
  float h[n]; for (size_t i = 0; i < n; ++i) h[i] = i; cudaMemcpy(x, h, n * 4, cudaMemcpyHostToDevice);
  k1<<<8, 128>>>(y, x, n); cudaMemcpy(h, y, n * 4, cudaMemcpyDeviceToHost);
  int bad = 0; for (size_t i = 0; i < n; ++i) bad += h[i] != 2.0f * (i * 0 + i * 1 + i * 3);
  int *o; cudaMalloc(&o, 128 * 4); k2<<<1, 128>>>(o); int r[128]; cudaMemcpy(r, o, sizeof r, cudaMemcpyDeviceToHost);
  for (int t = 0; t < 128; ++t) { int u = 127 - t; int s = u * (u % 40) + (u % 2 ? 0 : 3); bad += r[t] != s + t * ((t + 1) % 40); }
  printf("misc bad=%d\n", bad); return bad != 0;
}
