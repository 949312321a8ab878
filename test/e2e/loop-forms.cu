// Loops of every shape lifting produces, after lingqu-while-form-loops
// has given the plain ones their while form: a `#pragma unroll` loop
// filling a per-thread array (k-means' point) before a guarded search over
// centroids, a search whose index is used after the loop, a loop with
// `break`, a do-while, one loop's start value routed through another's
// exit, and shared-memory atomics after that much work (which get a thread
// loop of their own).
// RUN: %lqcc %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: loop-forms: OK
#include <cmath>
#include <cstdio>
#include <vector>

constexpr int kDims = 4, kCenters = 8, kBlock = 64;

__global__ void nearest(const float *x, int n, const float *centers,
                        int *which, float *sums, int *counts) {
  __shared__ float blockSums[kCenters * kDims];
  __shared__ int blockCounts[kCenters];
  for (int j = threadIdx.x; j < kCenters * kDims; j += blockDim.x)
    blockSums[j] = 0.0f;
  if (threadIdx.x < kCenters)
    blockCounts[threadIdx.x] = 0;
  __syncthreads();
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    float p[kDims];
#pragma unroll
    for (int d = 0; d < kDims; ++d)
      p[d] = x[d * n + i];
    int best = 0;
    float bestDist = INFINITY;
#pragma unroll
    for (int k = 0; k < kCenters; ++k) {
      float dist = 0.0f;
#pragma unroll
      for (int d = 0; d < kDims; ++d) {
        float diff = p[d] - centers[k * kDims + d];
        dist += diff * diff;
      }
      if (dist < bestDist) {
        bestDist = dist;
        best = k;
      }
    }
    which[i] = best;
#pragma unroll
    for (int d = 0; d < kDims; ++d)
      atomicAdd(&blockSums[best * kDims + d], p[d]);
    atomicAdd(&blockCounts[best], 1);
  }
  __syncthreads();
  for (int j = threadIdx.x; j < kCenters * kDims; j += blockDim.x)
    atomicAdd(&sums[j], blockSums[j]);
  if (threadIdx.x < kCenters)
    atomicAdd(&counts[threadIdx.x], blockCounts[threadIdx.x]);
}

// Per thread: the first index from its own start whose value is a multiple
// of 7 (a search used after the loop), the sum up to a break, a do-while
// count, and a second loop whose start comes from the first's exit. The
// host runs the same code for the expected values.
__host__ __device__ void shapesOf(int t, const int *a, int n, int *res,
                                  int *counted) {
  int i = t;
  while (i < n && a[i] % 7 != 0)
    ++i;
  int sum = 0;
  for (int j = 0; j < n; ++j) {
    if (a[j] > 40 + t)
      break;
    sum += a[j];
  }
  int steps = 0, v = t + 1;
  do {
    v = v % 2 ? 3 * v + 1 : v / 2;
    ++steps;
  } while (v != 1 && steps < 1000);
  int k = 0;
  for (; k < t % 5; ++k)
    counted[k] = k;
  float f = 0.5f;
  for (int m = k; m < 5; ++m)
    f += m;
  res[0] = i;
  res[1] = sum;
  res[2] = steps;
  res[3] = int(f * 2);
}

__global__ void shapes(const int *a, int n, int *out) {
  int t = threadIdx.x;
  shapesOf(t, a, n, &out[4 * t], &out[4 * n + t * 5]);
}

static int failures = 0;
static void expect(bool ok, const char *what, int i) {
  if (!ok && failures++ < 10)
    std::printf("FAIL %s at %d\n", what, i);
}

int main() {
  {
    const int n = 1000;
    std::vector<float> x(kDims * n), centers(kCenters * kDims);
    for (int i = 0; i < kDims * n; ++i)
      x[i] = float((i * 37) % 101) / 10.0f;
    for (int j = 0; j < kCenters * kDims; ++j)
      centers[j] = float((j * 13) % 17) * 0.6f;
    float *dx, *dc, *dsums;
    int *dwhich, *dcounts;
    cudaMalloc(&dx, x.size() * sizeof(float));
    cudaMalloc(&dc, centers.size() * sizeof(float));
    cudaMalloc(&dsums, centers.size() * sizeof(float));
    cudaMalloc(&dwhich, n * sizeof(int));
    cudaMalloc(&dcounts, kCenters * sizeof(int));
    cudaMemcpy(dx, x.data(), x.size() * sizeof(float), cudaMemcpyHostToDevice);
    cudaMemcpy(dc, centers.data(), centers.size() * sizeof(float),
               cudaMemcpyHostToDevice);
    cudaMemset(dsums, 0, centers.size() * sizeof(float));
    cudaMemset(dcounts, 0, kCenters * sizeof(int));
    nearest<<<(n + kBlock - 1) / kBlock, kBlock>>>(dx, n, dc, dwhich, dsums,
                                                   dcounts);
    std::vector<int> which(n), counts(kCenters);
    std::vector<float> sums(kCenters * kDims);
    cudaMemcpy(which.data(), dwhich, n * sizeof(int), cudaMemcpyDeviceToHost);
    cudaMemcpy(counts.data(), dcounts, kCenters * sizeof(int),
               cudaMemcpyDeviceToHost);
    cudaMemcpy(sums.data(), dsums, sums.size() * sizeof(float),
               cudaMemcpyDeviceToHost);
    std::vector<int> wantCounts(kCenters);
    std::vector<double> wantSums(kCenters * kDims);
    for (int i = 0; i < n; ++i) {
      int best = 0;
      float bestDist = INFINITY;
      for (int k = 0; k < kCenters; ++k) {
        float dist = 0.0f;
        for (int d = 0; d < kDims; ++d) {
          float diff = x[d * n + i] - centers[k * kDims + d];
          dist += diff * diff;
        }
        if (dist < bestDist) {
          bestDist = dist;
          best = k;
        }
      }
      expect(which[i] == best, "nearest", i);
      ++wantCounts[best];
      for (int d = 0; d < kDims; ++d)
        wantSums[best * kDims + d] += x[d * n + i];
    }
    for (int k = 0; k < kCenters; ++k)
      expect(counts[k] == wantCounts[k], "counts", k);
    for (int j = 0; j < kCenters * kDims; ++j)
      expect(std::fabs(sums[j] - wantSums[j]) <= 1e-3 * (1 + std::fabs(wantSums[j])),
             "sums", j);
  }
  {
    const int n = 60, threads = 32;
    std::vector<int> a(n), out(4 * n + threads * 5, -1);
    for (int i = 0; i < n; ++i)
      a[i] = (i * 11) % 50 + 1;
    int *da, *dout;
    cudaMalloc(&da, n * sizeof(int));
    cudaMalloc(&dout, out.size() * sizeof(int));
    cudaMemcpy(da, a.data(), n * sizeof(int), cudaMemcpyHostToDevice);
    cudaMemcpy(dout, out.data(), out.size() * sizeof(int), cudaMemcpyHostToDevice);
    shapes<<<1, threads>>>(da, n, dout);
    cudaMemcpy(out.data(), dout, out.size() * sizeof(int), cudaMemcpyDeviceToHost);
    for (int t = 0; t < threads; ++t) {
      int res[4], counted[5] = {-1, -1, -1, -1, -1};
      shapesOf(t, a.data(), n, res, counted);
      const char *what[4] = {"search", "break", "do-while", "next start"};
      for (int r = 0; r < 4; ++r)
        expect(out[4 * t + r] == res[r], what[r], t);
      for (int k = 0; k < 5; ++k)
        expect(out[4 * n + t * 5 + k] == counted[k], "counted", t);
    }
  }
  std::printf("loop-forms: %s\n", failures ? "FAIL" : "OK");
  return failures != 0;
}
