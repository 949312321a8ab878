// Cases of a switch that each pass their own locals' addresses to the same
// function are alike but for those locals. Lingqu once merged such blocks
// into one taking the local as an argument, and the lifetime markers on it
// made the kernel fail to compile ("llvm.lifetime.start/end can only be used
// on alloca"). Each case must compile and compute its own result.
// RUN: %lqcc %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: switch-case-locals: OK
#include <cmath>
#include <cstdio>

__global__ void pick(int fn, const float *in, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float r = 0;
  switch (fn) {
  case 0: {
    float s, c;
    sincosf(in[i], &s, &c);
    r = s;
  } break;
  case 1: {
    float s, c;
    __sincosf(in[i], &s, &c);
    r = c;
  } break;
  case 2: {
    float s, c;
    sincosf(in[i], &s, &c);
    r = s * c;
  } break;
  case 3: {
    float whole;
    r = modff(in[i], &whole) + whole * 10;
  } break;
  }
  out[i] = r;
}

int main() {
  const int n = 300;
  float *in, *out;
  cudaMallocManaged(&in, n * sizeof(float));
  cudaMallocManaged(&out, n * sizeof(float));
  for (int i = 0; i < n; ++i)
    in[i] = 0.01f * i;
  int bad = 0;
  for (int fn = 0; fn < 4; ++fn) {
    pick<<<(n + 127) / 128, 128>>>(fn, in, out, n);
    if (cudaDeviceSynchronize() != cudaSuccess) {
      printf("launch %d failed\n", fn);
      return 1;
    }
    for (int i = 0; i < n; ++i) {
      float x = in[i], whole;
      float frac = modff(x, &whole);
      float want = fn == 0   ? sinf(x)
                   : fn == 1 ? cosf(x)
                   : fn == 2 ? sinf(x) * cosf(x)
                             : frac + whole * 10;
      if (std::fabs(out[i] - want) > 1e-6f * (1 + std::fabs(want)) &&
          bad++ < 5)
        printf("fn %d x %g: got %g, want %g\n", fn, x, out[i], want);
    }
  }
  printf("switch-case-locals: %s\n", bad ? "FAIL" : "OK");
  return bad != 0;
}
