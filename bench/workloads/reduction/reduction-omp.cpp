// Sum reduction in OpenMP: a parallel vectorised loop with reduction(+:),
// the array first touched by the threads that read it.
#include "reduction.h"

#include <memory>

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = reduction::length(args);
  std::vector<double> hx;
  reduction::inputs(hx, n);
  std::unique_ptr<double[]> x(new double[n]);
  double *__restrict px = x.get();
#pragma omp parallel for schedule(static)
  for (size_t i = 0; i < n; ++i)
    px[i] = hx[i];
  double result = 0.0;
  bench::time(args, [&] {
    for (int p = 0; p < reduction::kPasses; ++p) {
      double s = 0.0;
#pragma omp parallel for simd schedule(static) reduction(+ : s)
      for (size_t i = 0; i < n; ++i)
        s += px[i];
      result = s;
    }
  });
  bench::checksum(result);
  bench::workBytes(reduction::bytes(n));
}
