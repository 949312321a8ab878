// Matrix transpose in OpenMP: cache blocking, the threads sharing the
// blocks; inside a block each output row is written contiguously while the
// block's input rows stay in cache.
#include "transpose.h"

#include <algorithm>
#include <memory>

constexpr int kBlock = 64;

static void transposeBlocked(const float *__restrict in, float *__restrict out,
                             int rows, int cols) {
#pragma omp parallel for collapse(2) schedule(static)
  for (int ib = 0; ib < rows; ib += kBlock)
    for (int jb = 0; jb < cols; jb += kBlock) {
      const int iEnd = std::min(ib + kBlock, rows);
      const int jEnd = std::min(jb + kBlock, cols);
      for (int j = jb; j < jEnd; ++j) {
        float *__restrict o = out + size_t(j) * rows;
#pragma omp simd
        for (int i = ib; i < iEnd; ++i)
          o[i] = in[size_t(i) * cols + j];
      }
    }
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  transpose::Shape s = transpose::shape(args);
  size_t n = size_t(s.rows) * s.cols;
  std::vector<float> hin;
  transpose::inputs(hin, s);
  std::unique_ptr<float[]> in(new float[n]), out(new float[n]);
  // First touch by the threads that read (in) and write (out) each block
  // row, as the transpose shares them out.
#pragma omp parallel for schedule(static)
  for (int i = 0; i < s.rows; ++i)
    std::copy(&hin[size_t(i) * s.cols], &hin[size_t(i) * s.cols] + s.cols,
              &in[size_t(i) * s.cols]);
#pragma omp parallel for schedule(static)
  for (int j = 0; j < s.cols; ++j)
    std::fill(&out[size_t(j) * s.rows], &out[size_t(j) * s.rows] + s.rows,
              0.0f);
  bench::time(args, [&] {
    for (int p = 0; p < transpose::kPasses; ++p)
      transposeBlocked(in.get(), out.get(), s.rows, s.cols);
  });
  bench::checksum(transpose::checksum(out.get(), n));
  bench::workBytes(transpose::bytes(s));
}
