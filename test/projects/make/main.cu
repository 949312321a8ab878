// Part of the Makefile sample project: a histogram whose kernel calls a
// device function of another file, checked against the host's count.
#include "bins.h"
#include <cstdio>
#include <vector>

__global__ void histogram(const float *values, int n, unsigned *bins) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += gridDim.x * blockDim.x)
    atomicAdd(&bins[binOf(values[i])], 1u);
}

int main() {
  const int n = 100000;
  std::vector<float> values(n);
  unsigned expected[kBins] = {};
  for (int i = 0; i < n; ++i) {
    values[i] = float((i * 7919) % 1000) / 1000.0f;
    ++expected[int(values[i] * kBins)];
  }
  float *dValues;
  unsigned *dBins, bins[kBins];
  cudaMalloc(&dValues, n * sizeof(float));
  cudaMalloc(&dBins, sizeof bins);
  cudaMemcpy(dValues, values.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemset(dBins, 0, sizeof bins);
  histogram<<<64, 256>>>(dValues, n, dBins);
  cudaMemcpy(bins, dBins, sizeof bins, cudaMemcpyDeviceToHost);
  bool ok = cudaGetLastError() == cudaSuccess;
  for (int b = 0; b < kBins; ++b)
    ok = ok && bins[b] == expected[b];
  std::printf("make sample: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
