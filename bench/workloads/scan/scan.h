// Inclusive prefix sum of a long int array, several passes per run. The
// values are small integers, so every variant must produce exactly the same
// output. Memory-bound: one array read and one written per pass.
#ifndef LINGQU_BENCH_SCAN_H
#define LINGQU_BENCH_SCAN_H

#include "bench.h"

namespace scan {
constexpr int kPasses = 12;
// The GPU-style variants scan tiles of kTile elements, one per block (work
// group) of kBlock threads, kPerThread consecutive elements per thread.
constexpr int kBlock = 256;
constexpr int kPerThread = 8;
constexpr int kTile = kBlock * kPerThread;
inline size_t length(const bench::Args &a) {
  return bench::size<size_t>(a, size_t(1) << 25, 5000);
}
/// Values in [0, 16): the total stays well inside an int.
inline void inputs(std::vector<int> &x, size_t n) {
  x.resize(n);
  for (size_t i = 0; i < n; ++i)
    x[i] = int(bench::below(4, i, 16));
}
inline int tiles(size_t n) { return int((n + kTile - 1) / kTile); }
/// A hash of every output element and its position, exact in a double.
inline double checksum(const int *out, size_t n) {
  uint64_t h = 0;
  for (size_t i = 0; i < n; ++i)
    h += uint64_t(uint32_t(out[i])) * (2 * i + 1);
  return double(h & ((uint64_t(1) << 52) - 1));
}
/// STREAM-style: the input read and the output written once per pass.
inline double bytes(size_t n) { return 2.0 * sizeof(int) * n * kPasses; }
} // namespace scan

#endif
