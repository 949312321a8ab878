// Pathfinder in CUDA: each launch advances kPyramid rows. A block loads the
// row of bests for its columns and kPyramid more on each side into shared
// memory, then steps down kPyramid rows with a barrier between rows; each
// step's valid span narrows by one column a side (a pyramid), and the
// block writes the kBlock - 2 kPyramid columns in the middle. Out-of-grid
// columns count as infinitely costly.
#include "pathfinder.h"

#include <algorithm>

using namespace pathfinder;

// CUDA's integer min(int, int) would do; lqcc does not declare it yet.
__device__ inline int least(int a, int b) { return a < b ? a : b; }

__global__ void advance(const int *cost, const int *above, int *below, int cols,
                        int firstRow, int steps) {
  __shared__ int best[2][kBlock];
  int t = threadIdx.x;
  int col = blockIdx.x * (kBlock - 2 * kPyramid) - kPyramid + t;
  bool inside = col >= 0 && col < cols;
  best[0][t] = inside ? above[col] : kInf;
  __syncthreads();
  int cur = 0;
  for (int s = 1; s <= steps; ++s) {
    if (t >= s && t < kBlock - s) {
      int v = kInf;
      if (inside) {
        int m = least(best[cur][t - 1], least(best[cur][t], best[cur][t + 1]));
        v = cost[size_t(firstRow + s) * cols + col] + m;
      }
      best[1 - cur][t] = v;
    }
    __syncthreads();
    cur = 1 - cur;
  }
  if (inside && t >= kPyramid && t < kBlock - kPyramid)
    below[col] = best[cur][t];
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  Grid g = grid(args);
  size_t cells = g.cost.size(), rowBytes = g.cols * sizeof(int);
  int *cost, *rowA, *rowB;
  cudaMalloc(&cost, cells * sizeof(int));
  cudaMalloc(&rowA, rowBytes);
  cudaMalloc(&rowB, rowBytes);
  cudaMemcpy(cost, g.cost.data(), cells * sizeof(int), cudaMemcpyHostToDevice);
  int blocks = (g.cols + kBlock - 2 * kPyramid - 1) / (kBlock - 2 * kPyramid);
  int *result = nullptr;
  bench::time(args, [&] {
    for (int sweep = 0; sweep < kSweeps; ++sweep) {
      int *src = rowA, *dst = rowB;
      cudaMemcpy(src, cost, rowBytes, cudaMemcpyDeviceToDevice);
      for (int r = 0; r + 1 < g.rows; r += kPyramid) {
        int steps = std::min(kPyramid, g.rows - 1 - r);
        advance<<<blocks, kBlock>>>(cost, src, dst, g.cols, r, steps);
        int *t = src;
        src = dst;
        dst = t;
      }
      result = src;
    }
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("pathfinder kernels");
  });
  std::vector<int> last(g.cols);
  cudaMemcpy(last.data(), result, rowBytes, cudaMemcpyDeviceToHost);
  bench::checksum(bench::sum(last.data(), g.cols));
  bench::workBytes(bytes(g));
}
