// Black-Scholes with OpenMP, the hand-written CPU baseline: the same
// formula (black-scholes.h), a parallel SIMD loop over the options.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "black-scholes.h"

int main(int argc, char **argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 1 << 22;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 10;
  std::vector<float> s(n), x(n), t(n), call(n), put(n);
  for (int i = 0; i < n; ++i)
    optionInputs(i, s[i], x[i], t[i]);
  double best = 1e30;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
#pragma omp parallel for simd
    for (int i = 0; i < n; ++i)
      blackScholes(s[i], x[i], t[i], kRate, kVolatility, call[i], put[i]);
    std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
    best = std::min(best, d.count());
  }
  double sum = 0;
  for (int i = 0; i < n; ++i)
    sum += call[i] + put[i];
  std::printf("openmp %d options: best %.6f s, checksum %.6e\n", n, best, sum);
  return 0;
}
