// Sum reduction on PoCL: one partial per work-group, then one group sums the
// partials.
#include "ocl.h"
#include "reduction.h"

#include <string>

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = reduction::length(args);
  std::vector<double> hx;
  reduction::inputs(hx, n);
  const size_t block = reduction::kBlock;
  const int groups = reduction::groups(n);
  std::string options = "-DPER_THREAD=" + std::to_string(reduction::kPerThread);
  ocl::Runtime rt = ocl::open(BENCH_CL, options.c_str());
  cl_mem x = ocl::buffer(rt, n * sizeof(double), hx.data());
  cl_mem partials = ocl::buffer(rt, groups * sizeof(double));
  cl_mem sum = ocl::buffer(rt, sizeof(double));
  cl_kernel tiles = ocl::kernel(rt, "tileSums");
  cl_kernel finish = ocl::kernel(rt, "finalSum");
  ocl::args(tiles, x, partials, int(n), ocl::Local{block * sizeof(double)});
  ocl::args(finish, partials, sum, groups, ocl::Local{block * sizeof(double)});
  double result = 0.0;
  bench::time(args, [&] {
    for (int p = 0; p < reduction::kPasses; ++p) {
      ocl::run(rt, tiles, {groups * block}, {block});
      ocl::run(rt, finish, {block}, {block});
    }
    ocl::read(rt, sum, sizeof(double), &result);
  });
  bench::checksum(result);
  bench::workBytes(reduction::bytes(n));
}
