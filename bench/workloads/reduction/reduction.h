// Sum reduction: the sum of a long array of doubles, several passes per run.
// Memory-bound: every element is read once per pass and almost nothing is
// written.
#ifndef LINGQU_BENCH_REDUCTION_H
#define LINGQU_BENCH_REDUCTION_H

#include "bench.h"

namespace reduction {
constexpr int kPasses = 24;
// The GPU-style variants reduce in two steps: blocks (work groups) of kBlock
// threads each sum a contiguous tile of kTile elements, each thread kPerThread
// of them kBlock apart (coalesced), and write one partial sum; a single block
// then sums the partials.
constexpr int kBlock = 256;
constexpr int kPerThread = 16;
constexpr int kTile = kBlock * kPerThread;
inline size_t length(const bench::Args &a) {
  return bench::size<size_t>(a, size_t(1) << 25, 5000);
}
/// Uniform in [-0.5, 0.5): the sum is small against the terms, so an
/// element dropped or counted twice shows in the checksum.
inline void inputs(std::vector<double> &x, size_t n) {
  x.resize(n);
  for (size_t i = 0; i < n; ++i)
    x[i] = bench::uniform(3, i) - 0.5;
}
inline int groups(size_t n) { return int((n + kTile - 1) / kTile); }
/// One read of the array per pass.
inline double bytes(size_t n) { return double(sizeof(double)) * n * kPasses; }
} // namespace reduction

#endif
