// Math calls in a thread loop vectorise: on x86-64 Linux the collapsed block
// function calls SLEEF's vector functions, which the kernel's shared object
// loads. Their results stay within CUDA's documented error bounds of the
// scalar functions (glibc's libmvec would not: logf 3 ulp against CUDA's 1),
// checked here against the host's libm.
// REQUIRES: x86_64-linux
// RUN: %lqcc --emit=cpu-llvm %s -o - | FileCheck %s --check-prefix=IR
// RUN: %lqcc %s -o %t && %exec %t | FileCheck %s
// IR: call {{.*}} @Sleef_sinf{{[0-9]+}}_u10(
// IR: call {{.*}} @Sleef_expd{{[0-9]+}}_u10(
// CHECK: math-vectorised: PASS
#include <cmath>
#include <cstdio>
#include <cstring>

#include "../e2e/Inputs/include/expect.h"

constexpr int kN = 1 << 14;

__global__ void evaluate(const float *x, float *sines, float *logs,
                         double *exps, double *cosines) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  sines[i] = sinf(x[i]);
  logs[i] = logf(x[i] + 101.0f);
  exps[i] = exp(double(x[i]) * 0.01);
  cosines[i] = cos(double(x[i]));
}

template <typename T> long long ulpDistance(T a, T b) {
  using I = typename std::conditional<sizeof(T) == 4, int, long long>::type;
  I ia, ib;
  std::memcpy(&ia, &a, sizeof a);
  std::memcpy(&ib, &b, sizeof b);
  ia = ia < 0 ? std::numeric_limits<I>::min() - ia : ia;
  ib = ib < 0 ? std::numeric_limits<I>::min() - ib : ib;
  return ia > ib ? (long long)ia - ib : (long long)ib - ia;
}

int main() {
  float *x, *sines, *logs;
  double *exps, *cosines;
  cudaMallocManaged(&x, kN * sizeof(float));
  cudaMallocManaged(&sines, kN * sizeof(float));
  cudaMallocManaged(&logs, kN * sizeof(float));
  cudaMallocManaged(&exps, kN * sizeof(double));
  cudaMallocManaged(&cosines, kN * sizeof(double));
  for (int i = 0; i < kN; ++i)
    x[i] = -100.0f + 200.0f * float(i) / kN;
  evaluate<<<kN / 256, 256>>>(x, sines, logs, exps, cosines);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  long long worst[4] = {};
  for (int i = 0; i < kN; ++i) {
    worst[0] = std::max(worst[0], ulpDistance(sines[i], std::sin(x[i])));
    worst[1] = std::max(worst[1], ulpDistance(logs[i], std::log(x[i] + 101.0f)));
    worst[2] = std::max(worst[2], ulpDistance(exps[i], std::exp(double(x[i]) * 0.01)));
    worst[3] = std::max(worst[3], ulpDistance(cosines[i], std::cos(double(x[i]))));
  }
  // CUDA's bounds: sinf 2 ulp, logf 1, exp 1, cos 2; the reference may be
  // half an ulp off itself, so one more is allowed.
  EXPECT(worst[0] <= 3);
  EXPECT(worst[1] <= 2);
  EXPECT(worst[2] <= 2);
  EXPECT(worst[3] <= 3);
  std::printf("worst ulps: sinf %lld logf %lld exp %lld cos %lld\n", worst[0],
              worst[1], worst[2], worst[3]);
  std::printf("math-vectorised: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
