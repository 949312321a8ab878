// SGEMM on PoCL.
#include "ocl.h"
#include "sgemm.h"

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  int n = sgemm::order(args);
  size_t bytes = size_t(n) * n * sizeof(float);
  std::vector<float> ha, hb, hc(size_t(n) * n, 0.0f);
  sgemm::inputs(ha, hb, n);
  ocl::Runtime rt = ocl::open(BENCH_CL);
  cl_mem a = ocl::buffer(rt, bytes, ha.data());
  cl_mem b = ocl::buffer(rt, bytes, hb.data());
  cl_mem c = ocl::buffer(rt, bytes, hc.data());
  cl_kernel k = ocl::kernel(rt, "sgemm");
  ocl::args(k, a, b, c, n);
  bench::time(args, [&] {
    for (int m = 0; m < sgemm::kMultiplies; ++m)
      ocl::run(rt, k, {size_t(n), size_t(n)}, {16, 16});
    ocl::finish(rt);
  });
  ocl::read(rt, c, bytes, hc.data());
  bench::checksum(sgemm::checksum(hc.data(), n));
  bench::workFlops(sgemm::flops(n));
}
