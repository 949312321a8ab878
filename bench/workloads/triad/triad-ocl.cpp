// Vector triad on PoCL.
#include "ocl.h"
#include "triad.h"

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = triad::length(args);
  std::vector<float> hb, hc, ha(n, 0.0f);
  triad::inputs(hb, hc, n);
  ocl::Runtime rt = ocl::open(BENCH_CL);
  cl_mem a = ocl::buffer(rt, n * sizeof(float), ha.data());
  cl_mem b = ocl::buffer(rt, n * sizeof(float), hb.data());
  cl_mem c = ocl::buffer(rt, n * sizeof(float), hc.data());
  cl_kernel k = ocl::kernel(rt, "triad");
  ocl::args(k, a, b, c, triad::kScale, int(n));
  bench::time(args, [&] {
    for (int s = 0; s < triad::kSweeps; ++s)
      ocl::run(rt, k, {n}, {256});
    ocl::finish(rt);
  });
  ocl::read(rt, a, n * sizeof(float), ha.data());
  bench::checksum(bench::sum(ha.data(), n));
  bench::workBytes(triad::bytes(n));
}
