// K-means in OpenMP: one parallel region a run. Each iteration the threads
// share out blocks of kChunk points; for a block, the distances to each
// centroid are computed for all its points at once (a vectorised loop over
// the points), then the points are added into the thread's own sums (in
// double) and counts. One thread then adds the threads' partials up, in
// thread order, and moves the centroids.
#include "kmeans.h"

#include <cmath>
#include <memory>
#include <omp.h>

using namespace kmeans;

constexpr int kChunk = 64;

struct alignas(64) Partial {
  double sums[kClusters * kDims];
  long counts[kClusters];
};

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  const int n = points(args);
  std::vector<float> hx = inputs(n), hc = start(hx, n);
  std::unique_ptr<float[]> xs(new float[hx.size()]);
  std::unique_ptr<int[]> as(new int[n]);
  float *__restrict x = xs.get();
  int *__restrict assign = as.get();
  const int chunks = (n + kChunk - 1) / kChunk;
#pragma omp parallel for schedule(static)
  for (int b = 0; b < chunks; ++b)
    for (int d = 0; d < kDims; ++d)
      for (int i = b * kChunk; i < std::min(n, (b + 1) * kChunk); ++i)
        x[size_t(d) * n + i] = hx[size_t(d) * n + i];
  alignas(64) float centroids[kClusters * kDims];
  std::vector<Partial> partial(omp_get_max_threads());
  bench::time(args, [&] {
    std::copy(hc.begin(), hc.end(), centroids);
#pragma omp parallel
    {
      Partial &mine = partial[omp_get_thread_num()];
      for (int it = 0; it < kIters; ++it) {
        std::fill(std::begin(mine.sums), std::end(mine.sums), 0.0);
        std::fill(std::begin(mine.counts), std::end(mine.counts), 0L);
#pragma omp for schedule(static)
        for (int b = 0; b < chunks; ++b) {
          const int i0 = b * kChunk, m = std::min(kChunk, n - i0);
          alignas(64) float bestDist[kChunk];
          alignas(64) int best[kChunk];
          for (int ii = 0; ii < kChunk; ++ii) {
            bestDist[ii] = INFINITY;
            best[ii] = 0;
          }
          for (int k = 0; k < kClusters; ++k) {
            const float *c = centroids + k * kDims;
#pragma omp simd
            for (int ii = 0; ii < m; ++ii) {
              float dist = 0.0f;
              for (int d = 0; d < kDims; ++d) {
                float diff = x[size_t(d) * n + i0 + ii] - c[d];
                dist = std::fma(diff, diff, dist);
              }
              if (dist < bestDist[ii]) {
                bestDist[ii] = dist;
                best[ii] = k;
              }
            }
          }
          for (int ii = 0; ii < m; ++ii) {
            int k = best[ii];
            assign[i0 + ii] = k;
            for (int d = 0; d < kDims; ++d)
              mine.sums[k * kDims + d] += x[size_t(d) * n + i0 + ii];
            ++mine.counts[k];
          }
        }
        // The loop's barrier: every partial is complete.
#pragma omp single
        for (int k = 0; k < kClusters; ++k) {
          long count = 0;
          double sums[kDims] = {};
          for (const Partial &p : partial) {
            count += p.counts[k];
            for (int d = 0; d < kDims; ++d)
              sums[d] += p.sums[k * kDims + d];
          }
          if (count > 0)
            for (int d = 0; d < kDims; ++d)
              centroids[k * kDims + d] = float(sums[d] / double(count));
        }
        // single's barrier: the centroids have moved.
      }
    }
  });
  checksum(centroids, assign, n);
  bench::workFlops(flops(n));
}
