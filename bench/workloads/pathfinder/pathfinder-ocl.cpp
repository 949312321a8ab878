// Pathfinder on PoCL: a launch per kPyramid rows, ping-ponging two rows.
#include "ocl.h"
#include "pathfinder.h"

using namespace pathfinder;

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  Grid g = grid(args);
  size_t cells = g.cost.size(), rowBytes = g.cols * sizeof(int);
  ocl::Runtime rt = ocl::open(BENCH_CL);
  cl_mem cost = ocl::buffer(rt, cells * sizeof(int), g.cost.data());
  cl_mem rows[2] = {ocl::buffer(rt, rowBytes), ocl::buffer(rt, rowBytes)};
  cl_kernel k = ocl::kernel(rt, "advance");
  size_t blocks =
      (g.cols + kBlock - 2 * kPyramid - 1) / (kBlock - 2 * kPyramid);
  int result = 0;
  bench::time(args, [&] {
    for (int sweep = 0; sweep < kSweeps; ++sweep) {
      int cur = 0;
      OCL_CHECK(clEnqueueCopyBuffer(rt.queue, cost, rows[0], 0, 0, rowBytes, 0,
                                    nullptr, nullptr));
      for (int r = 0; r + 1 < g.rows; r += kPyramid) {
        int steps = std::min(kPyramid, g.rows - 1 - r);
        ocl::args(k, cost, rows[cur], rows[1 - cur], g.cols, r, steps);
        ocl::run(rt, k, {blocks * kBlock}, {size_t(kBlock)});
        cur = 1 - cur;
      }
      result = cur;
    }
    ocl::finish(rt);
  });
  std::vector<int> last(g.cols);
  ocl::read(rt, rows[result], rowBytes, last.data());
  bench::checksum(bench::sum(last.data(), g.cols));
  bench::workBytes(bytes(g));
}
