// K-means in CUDA, two kernels an iteration. assignAndSum: a thread per
// point finds the nearest centroid (the centroids in shared memory) and adds
// the point into its block's sums in shared memory with atomicAdd; the
// block then writes its partial sums and counts.
// update: one thread per centroid coordinate adds the blocks' partials up
// and divides.
#include "kmeans.h"

using namespace kmeans;

constexpr int kBlock = 256;

__global__ void assignAndSum(const float *x, int n, const float *centroids,
                             int *assign, float *partialSums,
                             int *partialCounts) {
  __shared__ float c[kClusters * kDims];
  __shared__ float sums[kClusters * kDims];
  __shared__ int counts[kClusters];
  for (int j = threadIdx.x; j < kClusters * kDims; j += blockDim.x) {
    c[j] = centroids[j];
    sums[j] = 0.0f;
  }
  if (threadIdx.x < kClusters)
    counts[threadIdx.x] = 0;
  __syncthreads();
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    float p[kDims];
#pragma unroll
    for (int d = 0; d < kDims; ++d)
      p[d] = x[size_t(d) * n + i];
    int best = 0;
    float bestDist = INFINITY;
#pragma unroll
    for (int k = 0; k < kClusters; ++k) {
      float dist = 0.0f;
#pragma unroll
      for (int d = 0; d < kDims; ++d) {
        float diff = p[d] - c[k * kDims + d];
        dist = fmaf(diff, diff, dist);
      }
      if (dist < bestDist) {
        bestDist = dist;
        best = k;
      }
    }
    assign[i] = best;
#pragma unroll
    for (int d = 0; d < kDims; ++d)
      atomicAdd(&sums[best * kDims + d], p[d]);
    atomicAdd(&counts[best], 1);
  }
  __syncthreads();
  for (int j = threadIdx.x; j < kClusters * kDims; j += blockDim.x)
    partialSums[blockIdx.x * kClusters * kDims + j] = sums[j];
  if (threadIdx.x < kClusters)
    partialCounts[blockIdx.x * kClusters + threadIdx.x] = counts[threadIdx.x];
}

__global__ void update(const float *partialSums, const int *partialCounts,
                       int groups, float *centroids) {
  int j = threadIdx.x, k = j / kDims;
  float sum = 0.0f;
  int count = 0;
  for (int g = 0; g < groups; ++g) {
    sum += partialSums[g * kClusters * kDims + j];
    count += partialCounts[g * kClusters + k];
  }
  if (count > 0)
    centroids[j] = sum / count;
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  int n = points(args);
  std::vector<float> hx = inputs(n), hc = start(hx, n);
  int groups = (n + kBlock - 1) / kBlock;
  float *x, *centroids, *partialSums;
  int *assign, *partialCounts;
  size_t cbytes = kClusters * kDims * sizeof(float);
  cudaMalloc(&x, hx.size() * sizeof(float));
  cudaMalloc(&centroids, cbytes);
  cudaMalloc(&assign, n * sizeof(int));
  cudaMalloc(&partialSums, groups * cbytes);
  cudaMalloc(&partialCounts, groups * kClusters * sizeof(int));
  cudaMemcpy(x, hx.data(), hx.size() * sizeof(float), cudaMemcpyHostToDevice);
  bench::time(args, [&] {
    cudaMemcpy(centroids, hc.data(), cbytes, cudaMemcpyHostToDevice);
    for (int it = 0; it < kIters; ++it) {
      assignAndSum<<<groups, kBlock>>>(x, n, centroids, assign, partialSums,
                                       partialCounts);
      update<<<1, kClusters * kDims>>>(partialSums, partialCounts, groups,
                                       centroids);
    }
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("kmeans kernels");
  });
  std::vector<float> out(kClusters * kDims);
  std::vector<int> ha(n);
  cudaMemcpy(out.data(), centroids, cbytes, cudaMemcpyDeviceToHost);
  cudaMemcpy(ha.data(), assign, n * sizeof(int), cudaMemcpyDeviceToHost);
  checksum(out.data(), ha.data(), n);
  bench::workFlops(flops(n));
}
