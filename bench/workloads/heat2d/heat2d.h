// 2D heat equation: explicit 5-point Jacobi steps on an n x n float grid
// whose edge cells hold fixed temperatures,
//   u'(y,x) = u + alpha (u(y-1,x) + u(y+1,x) + u(y,x-1) + u(y,x+1) - 4u).
// The CUDA and OpenCL variants block in time: a block loads a tile with a
// halo kHalo wide and takes kHalo steps in local memory, a barrier after
// each, before it writes the tile's middle back; OpenMP sweeps the grid
// once per step. Counted as memory-bound at one read and one write of the
// grid per step (what a sweep per step moves).
#ifndef LINGQU_BENCH_HEAT2D_H
#define LINGQU_BENCH_HEAT2D_H

#include "bench.h"

namespace heat2d {
constexpr float kAlpha = 0.2f;
constexpr int kHalo = 4;                  // steps per launch
constexpr int kTile = 64;                 // tile edge with its halo
constexpr int kInner = kTile - 2 * kHalo; // tile edge written back
inline int side(const bench::Args &a) { return bench::size(a, 4096, 100); }
/// A multiple of kHalo.
inline int steps(const bench::Args &a) { return bench::size(a, 32, 8); }
inline void inputs(std::vector<float> &u, int n) {
  size_t nn = size_t(n) * n;
  u.resize(nn);
  for (size_t i = 0; i < nn; ++i)
    u[i] = float(bench::uniform(1, i));
}
/// Every cell, each with its own weight in [0.5, 1.5) (a plain sum would
/// barely move: diffusion conserves heat).
inline double checksum(const float *u, int n) {
  size_t nn = size_t(n) * n;
  double s = 0;
  for (size_t i = 0; i < nn; ++i)
    s += double(u[i]) * (0.5 + bench::uniform(2, i));
  return s;
}
inline double bytes(int n, int steps) {
  return 2.0 * sizeof(float) * double(n) * n * steps;
}
} // namespace heat2d

#endif
