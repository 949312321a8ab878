// Vector triad (STREAM's): a = b + s c over long float arrays, several
// sweeps per run. Memory-bound: it should run at the machine's STREAM
// bandwidth.
#ifndef LINGQU_BENCH_TRIAD_H
#define LINGQU_BENCH_TRIAD_H

#include "bench.h"

namespace triad {
constexpr float kScale = 3.0f;
constexpr int kSweeps = 20;
inline size_t length(const bench::Args &a) {
  return bench::size<size_t>(a, size_t(1) << 25, 1000);
}
inline void inputs(std::vector<float> &b, std::vector<float> &c, size_t n) {
  b.resize(n);
  c.resize(n);
  for (size_t i = 0; i < n; ++i) {
    b[i] = float(bench::uniform(1, i));
    c[i] = float(bench::uniform(2, i));
  }
}
/// STREAM counts three arrays per sweep.
inline double bytes(size_t n) { return 3.0 * sizeof(float) * n * kSweeps; }
} // namespace triad

#endif
