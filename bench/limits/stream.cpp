// The machine's memory bandwidth as STREAM measures it: the triad
// a = b + s c over float arrays far larger than the caches, on every core,
// best of several sweeps; bytes counted as STREAM does (three arrays).
// Prints `bandwidth <bytes per second>`.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char **argv) {
  bool smoke = argc > 1 && !std::strcmp(argv[1], "--smoke");
  const size_t n = smoke ? 1 << 12 : size_t(1) << 25;
  const int sweeps = smoke ? 2 : 20;
  std::unique_ptr<float[]> a(new float[n]), b(new float[n]), c(new float[n]);
  float *__restrict pa = a.get(), *__restrict pb = b.get(),
                    *__restrict pc = c.get();
#pragma omp parallel for schedule(static)
  for (size_t i = 0; i < n; ++i) {
    pa[i] = 0;
    pb[i] = 1;
    pc[i] = 2;
  }
  double best = 1e30;
  for (int s = 0; s < sweeps; ++s) {
    auto start = std::chrono::steady_clock::now();
#pragma omp parallel for simd schedule(static)
    for (size_t i = 0; i < n; ++i)
      pa[i] = pb[i] + 3.0f * pc[i];
    std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
    best = std::min(best, d.count());
  }
  if (pa[n / 2] != 7.0f)
    return 1;
  std::printf("bandwidth %.6g\n", 3.0 * sizeof(float) * n / best);
}
