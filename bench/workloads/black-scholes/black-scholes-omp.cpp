// Black-Scholes in OpenMP: the same formula (black-scholes.h) in a parallel
// SIMD loop over the options, arrays first touched by the threads that use
// them.
#include "black-scholes.h"

#include <memory>

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = bs::options(args);
  std::vector<float> hs, hx, ht;
  bs::inputs(hs, hx, ht, n);
  std::unique_ptr<float[]> s(new float[n]), x(new float[n]), t(new float[n]),
      call(new float[n]), put(new float[n]);
  float *__restrict ps = s.get(), *__restrict px = x.get(),
                    *__restrict pt = t.get(), *__restrict pc = call.get(),
                    *__restrict pp = put.get();
#pragma omp parallel for schedule(static)
  for (size_t i = 0; i < n; ++i) {
    ps[i] = hs[i];
    px[i] = hx[i];
    pt[i] = ht[i];
    pc[i] = 0;
    pp[i] = 0;
  }
  bench::time(args, [&] {
    for (int w = 0; w < bs::kSweeps; ++w) {
#pragma omp parallel for simd schedule(static)
      for (size_t i = 0; i < n; ++i)
        bs::blackScholes(ps[i], px[i], pt[i], bs::kRate, bs::kVolatility, pc[i],
                         pp[i]);
    }
  });
  bench::checksum(bs::checksum(pc, pp, n));
  bench::workFlops(bs::flops(n));
}
