// Histogram in CUDA: each 256-thread block counts into its own shared
// histogram with shared-memory atomics, reading a 32-bit word (four bytes)
// per thread per grid-stride step, then adds its counts into the global
// histogram with one global atomic per bin.
#include "histogram.h"

#include <algorithm>

using histogram::kBins;

__global__ void histogramKernel(const uint32_t *words, size_t count,
                                unsigned int *hist) {
  __shared__ unsigned int local[kBins];
  for (int b = threadIdx.x; b < kBins; b += blockDim.x)
    local[b] = 0;
  __syncthreads();
  size_t stride = size_t(gridDim.x) * blockDim.x;
  for (size_t i = size_t(blockIdx.x) * blockDim.x + threadIdx.x; i < count;
       i += stride) {
    uint32_t w = words[i];
    atomicAdd(&local[w & 0xff], 1u);
    atomicAdd(&local[(w >> 8) & 0xff], 1u);
    atomicAdd(&local[(w >> 16) & 0xff], 1u);
    atomicAdd(&local[w >> 24], 1u);
  }
  __syncthreads();
  for (int b = threadIdx.x; b < kBins; b += blockDim.x)
    if (local[b])
      atomicAdd(&hist[b], local[b]);
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = histogram::length(args), words = n / 4;
  std::vector<uint8_t> hdata;
  histogram::inputs(hdata, n);
  uint32_t *data;
  unsigned int *hist;
  cudaMalloc(&data, n);
  cudaMalloc(&hist, kBins * sizeof(unsigned int));
  cudaMemcpy(data, hdata.data(), n, cudaMemcpyHostToDevice);
  const int block = 256;
  int grid = int(std::min<size_t>((words + block - 1) / block, 512));
  bench::time(args, [&] {
    cudaMemset(hist, 0, kBins * sizeof(unsigned int));
    for (int p = 0; p < histogram::kPasses; ++p)
      histogramKernel<<<grid, block>>>(data, words, hist);
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("histogram kernel");
  });
  uint32_t hh[kBins];
  cudaMemcpy(hh, hist, sizeof hh, cudaMemcpyDeviceToHost);
  bench::checksum(histogram::checksum(hh));
  bench::workBytes(histogram::bytes(n));
}
