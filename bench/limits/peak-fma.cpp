// The machine's peak float FMA throughput: on every core, independent
// chains of vector FMAs (enough to cover the FMA latency on every port),
// best of several runs. Prints `flops <floating-point operations per
// second>`, an FMA counting two.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <omp.h>

constexpr int kChains = 256; // 16 AVX-512 registers of 16 floats

static float chains(long iters, float m, float a) {
  float acc[kChains];
  for (int j = 0; j < kChains; ++j)
    acc[j] = float(j);
  for (long i = 0; i < iters; ++i) {
#pragma clang loop vectorize(enable) interleave(enable)
    for (int j = 0; j < kChains; ++j)
      acc[j] = __builtin_fmaf(acc[j], m, a);
  }
  float s = 0;
  for (int j = 0; j < kChains; ++j)
    s += acc[j];
  return s;
}

int main(int argc, char **argv) {
  bool smoke = argc > 1 && !std::strcmp(argv[1], "--smoke");
  const long iters = smoke ? 1000 : 4000000;
  volatile float m = 0.999999f, a = 1e-6f;
  double best = 1e30, sink = 0;
  for (int r = 0; r < (smoke ? 1 : 5); ++r) {
    auto start = std::chrono::steady_clock::now();
#pragma omp parallel reduction(+ : sink)
    sink += chains(iters, m, a);
    std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
    best = std::min(best, d.count());
  }
  double flops = 2.0 * kChains * iters * omp_get_max_threads();
  std::printf("flops %.6g\n", flops / best);
  return sink == 0; // keep the work
}
