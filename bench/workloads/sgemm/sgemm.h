// Single-precision matrix multiply C = A B of square row-major matrices,
// several multiplies per run. Compute-bound: 2 n^3 flops per multiply.
#ifndef LINGQU_BENCH_SGEMM_H
#define LINGQU_BENCH_SGEMM_H

#include "bench.h"

namespace sgemm {
constexpr int kMultiplies = 3;
/// Any n works; the smoke size is not a multiple of the tiles, so the
/// partial tiles at the edges are checked too.
inline int order(const bench::Args &a) { return bench::size(a, 1024, 72); }
inline void inputs(std::vector<float> &a, std::vector<float> &b, int n) {
  size_t nn = size_t(n) * n;
  a.resize(nn);
  b.resize(nn);
  for (size_t i = 0; i < nn; ++i) {
    a[i] = float(bench::uniform(1, i)) - 0.25f;
    b[i] = float(bench::uniform(2, i)) - 0.25f;
  }
}
/// Every element, each with its own weight in [0.5, 1.5).
inline double checksum(const float *c, int n) {
  size_t nn = size_t(n) * n;
  double s = 0;
  for (size_t i = 0; i < nn; ++i)
    s += double(c[i]) * (0.5 + bench::uniform(3, i));
  return s;
}
inline double flops(int n) { return 2.0 * n * n * double(n) * kMultiplies; }
} // namespace sgemm

#endif
