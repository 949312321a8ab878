// SAXPY in OpenMP: a parallel vectorised loop, arrays first touched by the
// threads that use them.
#include "saxpy.h"

#include <memory>

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = saxpy::length(args);
  std::vector<float> hx, hy;
  saxpy::inputs(hx, hy, n);
  std::unique_ptr<float[]> x(new float[n]), y(new float[n]);
  float *__restrict px = x.get(), *__restrict py = y.get();
#pragma omp parallel for schedule(static)
  for (size_t i = 0; i < n; ++i) {
    px[i] = hx[i];
    py[i] = hy[i];
  }
  bench::time(args, [&] {
    for (int s = 0; s < saxpy::kSweeps; ++s) {
#pragma omp parallel for simd schedule(static)
      for (size_t i = 0; i < n; ++i)
        py[i] = saxpy::kA * px[i] + py[i];
    }
  });
  bench::checksum(bench::sum(py, n));
  bench::workBytes(saxpy::bytes(n));
}
