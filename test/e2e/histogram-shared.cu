// A 256-bin byte histogram: per-block bins in shared memory updated with
// shared-memory atomics from a grid-stride loop, merged into global bins.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: histogram-256: PASS
#include <cstdio>
#include <vector>

__global__ void histo(const unsigned char *data, int n, unsigned *bins) {
  __shared__ unsigned local[256];
  for (int b = threadIdx.x; b < 256; b += blockDim.x) local[b] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    atomicAdd(&local[data[i]], 1u);
  __syncthreads();
  for (int b = threadIdx.x; b < 256; b += blockDim.x)
    if (local[b]) atomicAdd(&bins[b], local[b]);
}

int main() {
  const int n = 1 << 20;
  std::vector<unsigned char> data(n);
  unsigned x = 1;
  for (auto &c : data) { x = x * 1103515245u + 12345u; c = (unsigned char)(x >> 16); }
  std::vector<unsigned> want(256, 0), got(256);
  for (unsigned char c : data) ++want[c];
  unsigned char *dd; unsigned *db;
  cudaMalloc(&dd, n); cudaMalloc(&db, 256 * 4);
  cudaMemcpy(dd, data.data(), n, cudaMemcpyHostToDevice);
  cudaMemset(db, 0, 256 * 4);
  histo<<<16, 192>>>(dd, n, db);
  cudaMemcpy(got.data(), db, 256 * 4, cudaMemcpyDeviceToHost);
  int wrong = got != want;
  std::printf("histogram-256: %s\n", wrong ? "FAIL" : "PASS");
  return wrong;
}
