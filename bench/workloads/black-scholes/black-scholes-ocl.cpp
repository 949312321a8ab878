// Black-Scholes on PoCL.
#include "black-scholes.h"
#include "ocl.h"

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = bs::options(args);
  std::vector<float> hs, hx, ht, hc(n, 0.0f), hp(n, 0.0f);
  bs::inputs(hs, hx, ht, n);
  ocl::Runtime rt = ocl::open(BENCH_CL);
  cl_mem s = ocl::buffer(rt, n * sizeof(float), hs.data());
  cl_mem x = ocl::buffer(rt, n * sizeof(float), hx.data());
  cl_mem t = ocl::buffer(rt, n * sizeof(float), ht.data());
  cl_mem call = ocl::buffer(rt, n * sizeof(float), hc.data());
  cl_mem put = ocl::buffer(rt, n * sizeof(float), hp.data());
  cl_kernel k = ocl::kernel(rt, "price");
  ocl::args(k, s, x, t, call, put, bs::kRate, bs::kVolatility, int(n));
  bench::time(args, [&] {
    for (int w = 0; w < bs::kSweeps; ++w)
      ocl::run(rt, k, {n}, {256});
    ocl::finish(rt);
  });
  ocl::read(rt, call, n * sizeof(float), hc.data());
  ocl::read(rt, put, n * sizeof(float), hp.data());
  bench::checksum(bs::checksum(hc.data(), hp.data(), n));
  bench::workFlops(bs::flops(n));
}
