// Vector triad in OpenMP: a parallel vectorised loop, arrays first touched
// by the threads that use them.
#include "triad.h"

#include <memory>

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = triad::length(args);
  std::vector<float> hb, hc;
  triad::inputs(hb, hc, n);
  std::unique_ptr<float[]> a(new float[n]), b(new float[n]), c(new float[n]);
  float *__restrict pa = a.get(), *__restrict pb = b.get(),
                    *__restrict pc = c.get();
#pragma omp parallel for schedule(static)
  for (size_t i = 0; i < n; ++i) {
    pa[i] = 0;
    pb[i] = hb[i];
    pc[i] = hc[i];
  }
  bench::time(args, [&] {
    for (int s = 0; s < triad::kSweeps; ++s) {
#pragma omp parallel for simd schedule(static)
      for (size_t i = 0; i < n; ++i)
        pa[i] = pb[i] + triad::kScale * pc[i];
    }
  });
  bench::checksum(bench::sum(pa, n));
  bench::workBytes(triad::bytes(n));
}
