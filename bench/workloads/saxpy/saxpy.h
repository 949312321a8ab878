// SAXPY (BLAS level 1): y = a x + y over long float arrays, several sweeps
// per run. Memory-bound: two loads and a store per element.
#ifndef LINGQU_BENCH_SAXPY_H
#define LINGQU_BENCH_SAXPY_H

#include "bench.h"

namespace saxpy {
// y grows by a x each sweep: after the run y = y0 + kSweeps a x, so the
// checksum sees every sweep.
constexpr float kA = 0.5f;
constexpr int kSweeps = 25;
inline size_t length(const bench::Args &a) {
  return bench::size<size_t>(a, size_t(1) << 25, 1000);
}
inline void inputs(std::vector<float> &x, std::vector<float> &y, size_t n) {
  x.resize(n);
  y.resize(n);
  for (size_t i = 0; i < n; ++i) {
    x[i] = float(bench::uniform(1, i));
    y[i] = float(bench::uniform(2, i));
  }
}
/// STREAM counts three arrays per sweep: x and y read, y written.
inline double bytes(size_t n) { return 3.0 * sizeof(float) * n * kSweeps; }
} // namespace saxpy

#endif
