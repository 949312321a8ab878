// Matrix transpose: out (cols x rows) = in (rows x cols)^T, row-major
// floats, several passes per run. Memory-bound: every element read once and
// written once per pass, one side of the two necessarily strided.
#ifndef LINGQU_BENCH_TRANSPOSE_H
#define LINGQU_BENCH_TRANSPOSE_H

#include "bench.h"

namespace transpose {
constexpr int kPasses = 30;
// The GPU-style variants move kTile x kTile tiles through on-chip memory,
// with blocks (work groups) of kTile x kRows threads, each thread kTile /
// kRows elements of the tile.
constexpr int kTile = 32;
constexpr int kRows = 8;
struct Shape {
  int rows, cols; // of the input
};
/// The smoke shape is neither square nor a multiple of the tile.
inline Shape shape(const bench::Args &a) {
  return bench::size<Shape>(a, {4000, 4000}, {70, 45});
}
inline void inputs(std::vector<float> &in, Shape s) {
  size_t n = size_t(s.rows) * s.cols;
  in.resize(n);
  for (size_t i = 0; i < n; ++i)
    in[i] = float(bench::uniform(5, i));
}
/// A hash of every output element's bits and its position, exact in a
/// double: a transpose moves values without changing them.
inline double checksum(const float *out, size_t n) {
  uint64_t h = 0;
  for (size_t i = 0; i < n; ++i) {
    uint32_t bits;
    std::memcpy(&bits, &out[i], sizeof bits);
    h += uint64_t(bits) * (2 * i + 1);
  }
  return double(h & ((uint64_t(1) << 52) - 1));
}
/// STREAM-style: the input read and the output written once per pass.
inline double bytes(Shape s) {
  return 2.0 * sizeof(float) * s.rows * s.cols * kPasses;
}
} // namespace transpose

#endif
