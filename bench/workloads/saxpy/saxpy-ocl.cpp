// SAXPY on PoCL.
#include "ocl.h"
#include "saxpy.h"

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = saxpy::length(args);
  std::vector<float> hx, hy;
  saxpy::inputs(hx, hy, n);
  ocl::Runtime rt = ocl::open(BENCH_CL);
  cl_mem x = ocl::buffer(rt, n * sizeof(float), hx.data());
  cl_mem y = ocl::buffer(rt, n * sizeof(float), hy.data());
  cl_kernel k = ocl::kernel(rt, "saxpy");
  ocl::args(k, saxpy::kA, x, y, int(n));
  bench::time(args, [&] {
    for (int s = 0; s < saxpy::kSweeps; ++s)
      ocl::run(rt, k, {n}, {256});
    ocl::finish(rt);
  });
  ocl::read(rt, y, n * sizeof(float), hy.data());
  bench::checksum(bench::sum(hy.data(), n));
  bench::workBytes(saxpy::bytes(n));
}
