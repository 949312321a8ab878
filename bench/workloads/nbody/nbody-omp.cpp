// All-pairs n-body in OpenMP: bodies as separate coordinate arrays, a
// parallel loop over the bodies, a SIMD loop over the bodies they feel.
#include "nbody.h"

#include <memory>

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = nbody::bodies(args);
  std::vector<float> start = nbody::inputs(n);
  std::unique_ptr<float[]> store(new float[10 * n]);
  float *x[2], *y[2], *z[2], *m = store.get();
  for (int b = 0; b < 2; ++b) {
    x[b] = m + (1 + 3 * b) * n;
    y[b] = x[b] + n;
    z[b] = y[b] + n;
  }
  float *vx = m + 7 * n, *vy = vx + n, *vz = vy + n;
  for (size_t i = 0; i < n; ++i)
    m[i] = start[4 * i + 3];
  const float softening2 = nbody::kSoftening2, dt = nbody::kDt;
  bench::time(args, [&] {
#pragma omp parallel for schedule(static)
    for (size_t i = 0; i < n; ++i) {
      x[0][i] = start[4 * i];
      y[0][i] = start[4 * i + 1];
      z[0][i] = start[4 * i + 2];
      vx[i] = vy[i] = vz[i] = 0;
    }
    for (int s = 0; s < nbody::kSteps; ++s) {
      const float *__restrict px = x[s % 2], *__restrict py = y[s % 2],
                              *__restrict pz = z[s % 2];
      const float *__restrict pm = m;
      float *__restrict nx = x[(s + 1) % 2], *__restrict ny = y[(s + 1) % 2],
                        *__restrict nz = z[(s + 1) % 2];
#pragma omp parallel for schedule(static)
      for (size_t i = 0; i < n; ++i) {
        const float xi = px[i], yi = py[i], zi = pz[i];
        float ax = 0, ay = 0, az = 0;
#pragma omp simd reduction(+ : ax, ay, az)
        for (size_t j = 0; j < n; ++j) {
          float dx = px[j] - xi, dy = py[j] - yi, dz = pz[j] - zi;
          float d2 = dx * dx + dy * dy + dz * dz + softening2;
          float inv = 1.0f / std::sqrt(d2);
          float s = pm[j] * inv * inv * inv;
          ax += dx * s;
          ay += dy * s;
          az += dz * s;
        }
        vx[i] += ax * dt;
        vy[i] += ay * dt;
        vz[i] += az * dt;
        nx[i] = xi + vx[i] * dt;
        ny[i] = yi + vy[i] * dt;
        nz[i] = zi + vz[i] * dt;
      }
    }
  });
  std::vector<float> hp(4 * n), hv(4 * n);
  for (size_t i = 0; i < n; ++i) {
    hp[4 * i] = x[0][i];
    hp[4 * i + 1] = y[0][i];
    hp[4 * i + 2] = z[0][i];
    hp[4 * i + 3] = m[i];
    hv[4 * i] = vx[i];
    hv[4 * i + 1] = vy[i];
    hv[4 * i + 2] = vz[i];
    hv[4 * i + 3] = 0;
  }
  bench::checksum(nbody::checksum(hp.data(), hv.data(), n));
  bench::workFlops(nbody::flops(n));
}
