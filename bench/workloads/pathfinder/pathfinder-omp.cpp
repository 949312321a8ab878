// Pathfinder in OpenMP, blocked in time as the CUDA version is: for each
// band of kPyramid rows the threads share out tiles of kTile columns; a
// thread copies its tile's row of bests and kPyramid columns more a side
// into a buffer of its own (cache-resident), steps down the band there with
// a vectorised loop, the valid span narrowing a column a side a row, and
// writes the tile's columns of the band's last row. The costs are read once.
#include "pathfinder.h"

#include <algorithm>
#include <memory>

using namespace pathfinder;

constexpr int kTile = 4096;

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  Grid g = grid(args);
  const int rows = g.rows, cols = g.cols;
  const int tiles = (cols + kTile - 1) / kTile;
  std::unique_ptr<int[]> cost(new int[g.cost.size()]);
  std::unique_ptr<int[]> rowA(new int[cols]), rowB(new int[cols]);
  int *result = nullptr;
#pragma omp parallel for schedule(static)
  for (int r = 0; r < rows; ++r)
    std::copy(g.cost.begin() + size_t(r) * cols,
              g.cost.begin() + size_t(r + 1) * cols,
              cost.get() + size_t(r) * cols);
  bench::time(args, [&] {
    for (int sweep = 0; sweep < kSweeps; ++sweep) {
      int *src = rowA.get(), *dst = rowB.get();
#pragma omp parallel
      {
        // Local index k holds column k + first - 1; one spare slot a side.
        const int width = kTile + 2 * kPyramid + 2;
        std::unique_ptr<int[]> bufA(new int[width]), bufB(new int[width]);
#pragma omp for schedule(static)
        for (int j = 0; j < cols; ++j)
          src[j] = cost[j];
        int *above = src, *below = dst;
        for (int r0 = 0; r0 + 1 < rows; r0 += kPyramid) {
          const int steps = std::min(kPyramid, rows - 1 - r0);
#pragma omp for schedule(static)
          for (int tile = 0; tile < tiles; ++tile) {
            const int lo = tile * kTile, hi = std::min(lo + kTile, cols);
            const int first = lo - steps;
            int *a = bufA.get(), *b = bufB.get();
            std::fill(a, a + width, kInf);
            std::fill(b, b + width, kInf);
            const int from = std::max(first, 0),
                      to = std::min(hi + steps, cols);
            std::copy(above + from, above + to, a + (from - first + 1));
            for (int s = 1; s <= steps; ++s) {
              const int *__restrict c =
                  cost.get() + size_t(r0 + s) * cols + first - 1;
              const int *__restrict up = a;
              int *__restrict out = b;
              const int kb = std::max(first + s, 0) - first + 1,
                        ke = std::min(hi + steps - s, cols) - first + 1;
#pragma omp simd
              for (int k = kb; k < ke; ++k)
                out[k] = c[k] + std::min(up[k - 1], std::min(up[k], up[k + 1]));
              std::swap(a, b);
            }
            std::copy(a + (lo - first + 1), a + (hi - first + 1), below + lo);
          }
          std::swap(above, below);
        }
#pragma omp single
        result = above;
      }
    }
  });
  bench::checksum(bench::sum(result, cols));
  bench::workBytes(bytes(g));
}
