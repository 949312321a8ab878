// K-means clustering (Lloyd's algorithm) of points in kDims dimensions into
// kClusters clusters, kIters iterations a run from the same start (the
// first kClusters points). An iteration assigns each point to its nearest
// centroid (squared distance, ties to the lower index) and moves each
// centroid to the mean of its points; a centroid left without points stays.
// The points are drawn around kClusters random centres; they are stored
// dimension-major (coordinate d of point i at d * n + i). Compute-bound.
//
// The variants add the coordinates up in different orders, so centroids
// differ in their last bits; the checksum's tolerance allows for that (and
// for the rare point that such a difference moves to another cluster).
#ifndef LINGQU_BENCH_KMEANS_H
#define LINGQU_BENCH_KMEANS_H

#include "bench.h"

namespace kmeans {
constexpr int kDims = 8;
constexpr int kClusters = 16;
constexpr int kIters = 30;
constexpr float kSpread = 0.12f; // a point's offset from its centre, per dim

inline int points(const bench::Args &a) {
  return bench::size<int>(a, 1 << 20, 5000);
}

inline std::vector<float> inputs(int n) {
  std::vector<float> x(size_t(n) * kDims);
  for (int i = 0; i < n; ++i) {
    uint32_t c = bench::below(1, i, kClusters);
    for (int d = 0; d < kDims; ++d) {
      double centre = bench::uniform(2, c * kDims + d);
      double off = bench::uniform(3, uint64_t(i) * kDims + d) +
                   bench::uniform(4, uint64_t(i) * kDims + d) - 1.0;
      x[size_t(d) * n + i] = float(centre + kSpread * off);
    }
  }
  return x;
}

/// The starting centroids, cluster-major: the first kClusters points.
inline std::vector<float> start(const std::vector<float> &x, int n) {
  std::vector<float> c(kClusters * kDims);
  for (int k = 0; k < kClusters; ++k)
    for (int d = 0; d < kDims; ++d)
      c[k * kDims + d] = x[size_t(d) * n + k];
  return c;
}

/// The final centroids' coordinates plus the mean cluster index.
inline void checksum(const float *centroids, const int *assign, int n) {
  bench::checksum(bench::sum(centroids, kClusters * kDims) +
                  bench::sum(assign, n) / n);
}

/// A subtraction and a fused multiply-add per point, centroid and dimension.
inline double flops(int n) {
  return 3.0 * kIters * double(n) * kClusters * kDims;
}
} // namespace kmeans

#endif
