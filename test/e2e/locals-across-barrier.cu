// Per-thread values and local arrays that live across a barrier stay per
// thread; device functions are inlined, with their own locals.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: locals: PASS
#include <cstdio>

__device__ int mix(int a, int b) { return a * 31 + b; }

__device__ int fill(int *local, int seed, int k) {
  for (int j = 0; j < 8; ++j)
    local[j] = mix(seed, j);
  return local[k & 7];
}

__global__ void keep(const int *in, int *out) {
  __shared__ int sh[64];
  int t = threadIdx.x;
  int local[8];
  int picked = fill(local, in[t], t);
  float f = in[t] * 0.5f;
  sh[t] = picked;
  __syncthreads();
  int other = sh[(t + 5) % 64];
  __syncthreads();
  sh[t] = other + local[(t + 3) & 7] + (int)f;
  __syncthreads();
  out[t] = sh[63 - t] + picked;
}

int main() {
  int h[64], r[64];
  for (int i = 0; i < 64; ++i)
    h[i] = 3 * i + 1;
  int *din, *dout;
  cudaMalloc(&din, sizeof h);
  cudaMalloc(&dout, sizeof r);
  cudaMemcpy(din, h, sizeof h, cudaMemcpyHostToDevice);
  keep<<<1, 64>>>(din, dout);
  cudaDeviceSynchronize();
  cudaMemcpy(r, dout, sizeof r, cudaMemcpyDeviceToHost);
  auto mixh = [](int a, int b) { return a * 31 + b; };
  int picked[64], stage2[64];
  for (int t = 0; t < 64; ++t)
    picked[t] = mixh(h[t], t & 7);
  for (int t = 0; t < 64; ++t)
    stage2[t] = picked[(t + 5) % 64] + mixh(h[t], (t + 3) & 7) + (int)(h[t] * 0.5f);
  int wrong = 0;
  for (int t = 0; t < 64; ++t)
    wrong += r[t] != stage2[63 - t] + picked[t];
  std::printf("locals: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
