// 7-point 3D stencil in OpenMP: the z and y loops collapsed and shared out
// in static chunks, the x loop vectorised, two buffers swapped between
// sweeps (the faces, which never change, copied into both up front).
#include "stencil3d.h"

#include <memory>

namespace {
void sweep(const float *__restrict in, float *__restrict out, int n, float c0,
           float c1) {
  size_t plane = size_t(n) * n;
#pragma omp parallel for collapse(2) schedule(static)
  for (int z = 1; z < n - 1; ++z)
    for (int y = 1; y < n - 1; ++y) {
      size_t row = size_t(z) * plane + size_t(y) * n;
      const float *c = in + row;
      float *o = out + row;
#pragma omp simd
      for (int x = 1; x < n - 1; ++x)
        o[x] = c0 * c[x] + c1 * (c[x - 1] + c[x + 1] + c[x - n] + c[x + n] +
                                 c[x - plane] + c[x + plane]);
    }
}
} // namespace

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  int n = stencil3d::side(args), sweeps = stencil3d::sweeps(args);
  size_t nnn = size_t(n) * n * n;
  std::vector<float> hu;
  stencil3d::inputs(hu, n);
  std::unique_ptr<float[]> u0(new float[nnn]), a(new float[nnn]),
      b(new float[nnn]);
#pragma omp parallel for schedule(static)
  for (int z = 0; z < n; ++z)
    for (size_t i = size_t(z) * n * n; i < size_t(z + 1) * n * n; ++i)
      u0[i] = a[i] = b[i] = hu[i];
  const float *result = u0.get();
  bench::time(args, [&] {
    const float *src = u0.get();
    float *dst = a.get();
    for (int s = 0; s < sweeps; ++s) {
      sweep(src, dst, n, stencil3d::kCentre, stencil3d::kNeighbour);
      src = dst;
      dst = dst == a.get() ? b.get() : a.get();
    }
    result = src;
  });
  bench::checksum(stencil3d::checksum(result, n));
  bench::workBytes(stencil3d::bytes(n, sweeps));
}
