// Histogram in OpenMP: each thread counts its static share of the words
// into private tables, four of them (one per byte of the word) so that
// runs of one value do not serialise on a single counter, then adds them
// into the shared histogram with one atomic per bin.
#include "histogram.h"

#include <cstring>
#include <memory>

using histogram::kBins;

namespace {
void count(const uint32_t *__restrict words, size_t n, uint32_t *hist) {
#pragma omp parallel
  {
    uint32_t h[4][kBins] = {};
#pragma omp for schedule(static)
    for (size_t i = 0; i < n; ++i) {
      uint32_t w = words[i];
      ++h[0][w & 0xff];
      ++h[1][(w >> 8) & 0xff];
      ++h[2][(w >> 16) & 0xff];
      ++h[3][w >> 24];
    }
    for (int b = 0; b < kBins; ++b) {
      uint32_t c = h[0][b] + h[1][b] + h[2][b] + h[3][b];
#pragma omp atomic
      hist[b] += c;
    }
  }
}
} // namespace

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = histogram::length(args), words = n / 4;
  std::vector<uint8_t> hdata;
  histogram::inputs(hdata, n);
  std::unique_ptr<uint32_t[]> data(new uint32_t[words]);
#pragma omp parallel for schedule(static)
  for (size_t i = 0; i < words; ++i)
    std::memcpy(&data[i], &hdata[4 * i], 4);
  uint32_t hist[kBins];
  bench::time(args, [&] {
    std::memset(hist, 0, sizeof hist);
    for (int p = 0; p < histogram::kPasses; ++p)
      count(data.get(), words, hist);
  });
  bench::checksum(histogram::checksum(hist));
  bench::workBytes(histogram::bytes(n));
}
