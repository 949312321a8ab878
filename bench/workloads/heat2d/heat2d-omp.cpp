// 2D heat in OpenMP: one parallel sweep over the rows per step, the inner
// loop vectorised, two buffers swapped between steps (the edge cells,
// which never change, copied into both up front).
#include "heat2d.h"

#include <memory>

namespace {
void step(const float *__restrict in, float *__restrict out, int n,
          float alpha) {
#pragma omp parallel for schedule(static)
  for (int y = 1; y < n - 1; ++y) {
    const float *up = in + size_t(y - 1) * n, *row = in + size_t(y) * n,
                *down = in + size_t(y + 1) * n;
    float *o = out + size_t(y) * n;
#pragma omp simd
    for (int x = 1; x < n - 1; ++x) {
      float c = row[x];
      o[x] = c + alpha * (up[x] + down[x] + row[x - 1] + row[x + 1] - 4.0f * c);
    }
  }
}
} // namespace

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  int n = heat2d::side(args), steps = heat2d::steps(args);
  size_t nn = size_t(n) * n;
  std::vector<float> hu;
  heat2d::inputs(hu, n);
  std::unique_ptr<float[]> u0(new float[nn]), a(new float[nn]),
      b(new float[nn]);
#pragma omp parallel for schedule(static)
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) {
      size_t i = size_t(y) * n + x;
      u0[i] = a[i] = b[i] = hu[i];
    }
  const float *result = u0.get();
  bench::time(args, [&] {
    const float *src = u0.get();
    float *dst = a.get();
    for (int s = 0; s < steps; ++s) {
      step(src, dst, n, heat2d::kAlpha);
      src = dst;
      dst = dst == a.get() ? b.get() : a.get();
    }
    result = src;
  });
  bench::checksum(heat2d::checksum(result, n));
  bench::workBytes(heat2d::bytes(n, steps));
}
