// Black-Scholes in CUDA, one thread per option, built with lqcc. Prints the
// best of several timed runs of the kernel (launch to synchronisation) and
// a checksum the OpenMP version must match.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "black-scholes.h"

__global__ void price(const float *s, const float *x, const float *t,
                      float *call, float *put, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    blackScholes(s[i], x[i], t[i], kRate, kVolatility, call[i], put[i]);
}

int main(int argc, char **argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 1 << 22;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 10;
  float *s, *x, *t, *call, *put;
  for (float **p : {&s, &x, &t, &call, &put})
    cudaMallocManaged(p, n * sizeof(float));
  for (int i = 0; i < n; ++i)
    optionInputs(i, s[i], x[i], t[i]);
  double best = 1e30;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    price<<<(n + 255) / 256, 256>>>(s, x, t, call, put, n);
    if (cudaDeviceSynchronize() != cudaSuccess)
      return 1;
    std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
    best = std::min(best, d.count());
  }
  double sum = 0;
  for (int i = 0; i < n; ++i)
    sum += call[i] + put[i];
  std::printf("lingqu %d options: best %.6f s, checksum %.6e\n", n, best, sum);
  return 0;
}
