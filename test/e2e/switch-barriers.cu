// Barriers inside switch statements: on a block-uniform selector, and on a
// per-thread selector (only warp-uniform code inside, with a warp shuffle).
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: uniform-switch: PASS
// CHECK: divergent-switch: PASS
#include <cstdio>

__global__ void uniform_switch(int *out, int mode) {
  __shared__ int s[64];
  int t = threadIdx.x, v;
  switch (mode + blockIdx.x) {
  case 1:
    s[t] = t;
    __syncthreads();
    v = s[63 - t];
    break;
  case 2:
    s[t] = 2 * t;
    __syncthreads();
    v = s[(t + 1) % 64] + 1000;
    break;
  default:
    v = -t;
  }
  out[blockIdx.x * 64 + t] = v;
}

__global__ void divergent_switch(const int *in, int *out) {
  int t = threadIdx.x, v = in[t];
  switch (t / 32) {
  case 0:
    v = __shfl_xor_sync(0xffffffff, v, 1);
    break;
  case 2:
    v = __shfl_down_sync(0xffffffff, v, 2) * 10;
    break;
  default:
    v = -v;
  }
  out[t] = v;
}

int main() {
  int failures = 0;
  {
    int *d, h[3 * 64];
    cudaMalloc(&d, sizeof h);
    uniform_switch<<<3, 64>>>(d, 1);
    cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
    int wrong = 0;
    for (int b = 0; b < 3; ++b)
      for (int t = 0; t < 64; ++t) {
        int want = b == 0 ? 63 - t : b == 1 ? 2 * ((t + 1) % 64) + 1000 : -t;
        wrong += h[b * 64 + t] != want;
      }
    std::printf("uniform-switch: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
    failures += wrong != 0;
  }
  {
    int in[128], h[128];
    for (int i = 0; i < 128; ++i)
      in[i] = i * 3 + 1;
    int *din, *d;
    cudaMalloc(&din, sizeof in);
    cudaMalloc(&d, sizeof h);
    cudaMemcpy(din, in, sizeof in, cudaMemcpyHostToDevice);
    divergent_switch<<<1, 128>>>(din, d);
    cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
    int wrong = 0;
    for (int t = 0; t < 128; ++t) {
      int lane = t % 32, base = t - lane, want;
      if (t / 32 == 0)
        want = in[base + (lane ^ 1)];
      else if (t / 32 == 2)
        want = (lane + 2 < 32 ? in[t + 2] : in[t]) * 10;
      else
        want = -in[t];
      wrong += h[t] != want;
    }
    std::printf("divergent-switch: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
    failures += wrong != 0;
  }
  return failures;
}
