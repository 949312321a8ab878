// All-pairs n-body: every body feels the softened gravity of every other
// (and itself, a zero force thanks to the softening), its velocity and then
// its position advance by one time step; several steps per run, each run
// starting again from the same bodies at rest.
//
// Compute-bound: n^2 interactions of about 20 floating-point operations
// per step, against 32 bytes per body.
#ifndef LINGQU_BENCH_NBODY_H
#define LINGQU_BENCH_NBODY_H

#include "bench.h"

#include <cmath>

namespace nbody {
constexpr int kTile = 128;           // bodies per shared tile = block size
constexpr int kSteps = 6;            // even: the positions end in buffer 0
constexpr float kSoftening2 = 1e-2f; // squared softening length
constexpr float kDt = 1e-2f;

/// A multiple of kTile.
inline size_t bodies(const bench::Args &a) {
  return bench::size<size_t>(a, 12288, 512);
}

/// Bodies as x, y, z, mass (four floats each): uniform in the cube
/// [-1, 1)^3, masses in [0.5, 1.5) / n, so that the total is about one.
inline std::vector<float> inputs(size_t n) {
  std::vector<float> p(4 * n);
  for (size_t i = 0; i < n; ++i) {
    p[4 * i + 0] = float(2 * bench::uniform(1, i) - 1);
    p[4 * i + 1] = float(2 * bench::uniform(2, i) - 1);
    p[4 * i + 2] = float(2 * bench::uniform(3, i) - 1);
    p[4 * i + 3] = float((0.5 + bench::uniform(4, i)) / double(n));
  }
  return p;
}

/// Per interaction: the distance (3 subtractions), its softened square
/// (3 multiplies, 3 adds), the inverse square root (1), its cube (2), times
/// the mass (1) and the three components accumulated (3 multiply-adds, 6):
/// 19, counted as the customary 20.
inline double flops(size_t n) { return 20.0 * double(n) * n * kSteps; }

/// Every coordinate and velocity component, the velocities divided by the
/// time simulated (a mean acceleration) so that they weigh about as much as
/// the positions; absolute values, as the momenta sum to about zero.
inline double checksum(const float *pos4, const float *vel4, size_t n) {
  double p = 0, v = 0;
  for (size_t i = 0; i < n; ++i)
    for (int c = 0; c < 3; ++c) {
      p += std::fabs(double(pos4[4 * i + c]));
      v += std::fabs(double(vel4[4 * i + c]));
    }
  return p + v / (double(kDt) * kSteps);
}
} // namespace nbody

#endif
