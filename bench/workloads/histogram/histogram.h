// 256-bin histogram of a byte array (skewed toward the low bins, so some
// bins are hot), several passes counted into one histogram per run. The
// counts are integers: the three variants must agree exactly. Counted as
// memory-bound at one read of the bytes per pass.
#ifndef LINGQU_BENCH_HISTOGRAM_H
#define LINGQU_BENCH_HISTOGRAM_H

#include "bench.h"

namespace histogram {
constexpr int kBins = 256;
constexpr int kPasses = 10;
/// Bytes, a multiple of 4: the kernels read them a 32-bit word at a time.
inline size_t length(const bench::Args &a) {
  return bench::size<size_t>(a, size_t(1) << 26, 40000);
}
inline void inputs(std::vector<uint8_t> &data, size_t n) {
  data.resize(n);
  for (size_t i = 0; i < n; ++i) {
    double u = bench::uniform(1, i);
    data[i] = uint8_t(u * u * kBins);
  }
}
/// Each bin's count times its own small weight (a plain sum of the counts
/// is only the number of bytes).
inline double checksum(const uint32_t *hist) {
  double s = 0;
  for (int b = 0; b < kBins; ++b)
    s += double(hist[b]) * double(1 + (b * 37 + 11) % 101);
  return s;
}
inline double bytes(size_t n) { return double(n) * kPasses; }
} // namespace histogram

#endif
