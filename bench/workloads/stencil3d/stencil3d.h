// 7-point 3D stencil: Jacobi sweeps over an n^3 float grid whose face cells
// hold fixed values,
//   u' = c0 u + c1 (u(x-1) + u(x+1) + u(y-1) + u(y+1) + u(z-1) + u(z+1)),
// the six neighbours summed in that order in every variant. Memory-bound:
// one read and one write of the grid per sweep.
#ifndef LINGQU_BENCH_STENCIL3D_H
#define LINGQU_BENCH_STENCIL3D_H

#include "bench.h"

namespace stencil3d {
constexpr float kCentre = 0.4f, kNeighbour = 0.1f;
inline int side(const bench::Args &a) { return bench::size(a, 256, 20); }
inline int sweeps(const bench::Args &a) { return bench::size(a, 48, 3); }
inline void inputs(std::vector<float> &u, int n) {
  size_t nnn = size_t(n) * n * n;
  u.resize(nnn);
  for (size_t i = 0; i < nnn; ++i)
    u[i] = float(bench::uniform(1, i));
}
/// Every cell, each with its own weight in [0.5, 1.5) (a plain sum would
/// barely move under averaging).
inline double checksum(const float *u, int n) {
  size_t nnn = size_t(n) * n * n;
  double s = 0;
  for (size_t i = 0; i < nnn; ++i)
    s += double(u[i]) * (0.5 + bench::uniform(2, i));
  return s;
}
inline double bytes(int n, int sweeps) {
  return 2.0 * sizeof(float) * double(n) * n * n * sweeps;
}
} // namespace stencil3d

#endif
