// Pathfinder: the cheapest path from the top row of a grid of integer costs
// to each cell of its bottom row, moving down one row a step to the cell
// below or either neighbour of it. Row by row, a cell's best is its cost
// plus the least of the three bests above it; each row depends on the one
// before (a wavefront down the grid). The costs are read once a sweep and
// the rows are long, so it is memory-bound; a run makes kSweeps sweeps.
#ifndef LINGQU_BENCH_PATHFINDER_H
#define LINGQU_BENCH_PATHFINDER_H

#include "bench.h"

#include <climits>

namespace pathfinder {
constexpr int kSweeps = 12;
/// Rows handled by one launch of the CUDA and OpenCL kernels.
constexpr int kPyramid = 8;
/// Threads (work-items) in a block; each block writes kBlock - 2 kPyramid
/// columns and reads kPyramid columns more on each side.
constexpr int kBlock = 256;
constexpr int kInf = INT_MAX;

struct Grid {
  int rows = 0, cols = 0;
  std::vector<int> cost; // rows x cols, row-major
};

inline Grid grid(const bench::Args &a) {
  Grid g;
  g.cols = bench::size<int>(a, 1 << 20, 3000);
  g.rows = bench::size<int>(a, 65, 40);
  g.cost.resize(size_t(g.rows) * g.cols);
  for (size_t i = 0; i < g.cost.size(); ++i)
    g.cost[i] = int(bench::below(1, i, 10));
  return g;
}

/// Per sweep: every cost read once, and per band of kPyramid rows a row of
/// bests read and one written (the rows within a band stay in cache).
inline double bytes(const Grid &g) {
  double bands = (g.rows - 1 + kPyramid - 1) / kPyramid;
  return kSweeps * (4.0 * double(g.rows) * g.cols + 8.0 * bands * g.cols);
}
} // namespace pathfinder

#endif
