// Sparse matrix-vector product y = A x, A square in compressed sparse rows
// (CSR): a synthetic matrix with a fixed seed, 8 to 32 nonzeros a row,
// three in four of them in a band about the diagonal and the rest anywhere
// in the row, columns sorted. Several sweeps per run.
//
// Memory-bound: about 12 bytes of matrix and vector traffic per
// multiply-add.
#ifndef LINGQU_BENCH_SPMV_H
#define LINGQU_BENCH_SPMV_H

#include "bench.h"

#include <algorithm>

namespace spmv {
constexpr int kSweeps = 20;
constexpr int kMinRow = 8, kMaxRow = 32; // nonzeros per row, before duplicates
constexpr int kBand = 2048;              // half-width of the band

inline size_t rows(const bench::Args &a) {
  return bench::size<size_t>(a, size_t(1) << 20, 1000);
}

struct Csr {
  std::vector<int> rowPtr; // rows + 1 offsets into cols and vals
  std::vector<int> cols;
  std::vector<float> vals;
};

inline Csr matrix(size_t n) {
  Csr a;
  a.rowPtr.resize(n + 1);
  a.rowPtr[0] = 0;
  a.cols.reserve(n * (kMinRow + kMaxRow) / 2);
  a.vals.reserve(n * (kMinRow + kMaxRow) / 2);
  int row[kMaxRow];
  uint64_t draw = 0; // position in the random streams
  for (size_t i = 0; i < n; ++i) {
    int count = kMinRow + int(bench::below(1, i, kMaxRow - kMinRow + 1));
    for (int k = 0; k < count; ++k, ++draw) {
      if (bench::below(2, draw, 4) != 0) {
        long c = long(i) - kBand + long(bench::below(3, draw, 2 * kBand + 1));
        row[k] = int(std::min(std::max(c, 0l), long(n) - 1));
      } else {
        row[k] = int(bench::below(3, draw, uint32_t(n)));
      }
    }
    std::sort(row, row + count);
    count = int(std::unique(row, row + count) - row);
    for (int k = 0; k < count; ++k) {
      a.cols.push_back(row[k]);
      a.vals.push_back(float(bench::uniform(4, a.vals.size())));
    }
    a.rowPtr[i + 1] = int(a.cols.size());
  }
  return a;
}

/// The dense x, uniform in [0, 1).
inline std::vector<float> dense(size_t n) {
  std::vector<float> x(n);
  for (size_t i = 0; i < n; ++i)
    x[i] = float(bench::uniform(5, i));
  return x;
}

/// Per sweep: every value and column index, the row pointers, the x
/// element each nonzero gathers (counted in full, though most of the
/// banded ones come from cache) and y written.
inline double bytes(size_t n, size_t nnz) {
  return kSweeps *
         (double(nnz) * (sizeof(float) + sizeof(int) + sizeof(float)) +
          double(n + 1) * sizeof(int) + double(n) * sizeof(float));
}
} // namespace spmv

#endif
