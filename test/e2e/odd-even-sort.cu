// Odd-even transposition sort in shared memory: a barrier in a loop whose
// parity decides which threads compare, with extern dynamic shared memory.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: odd-even: PASS
#include <algorithm>
#include <cstdio>
#include <vector>

__global__ void odd_even(int *data, int n) {
  extern __shared__ int s[];
  int t = threadIdx.x;
  for (int i = t; i < n; i += blockDim.x) s[i] = data[blockIdx.x * n + i];
  for (int phase = 0; phase < n; ++phase) {
    __syncthreads();
    for (int i = 2 * t + (phase & 1); i + 1 < n; i += 2 * blockDim.x)
      if (s[i] > s[i + 1]) { int x = s[i]; s[i] = s[i + 1]; s[i + 1] = x; }
  }
  __syncthreads();
  for (int i = t; i < n; i += blockDim.x) data[blockIdx.x * n + i] = s[i];
}

int main() {
  const int blocks = 3, n = 301;
  std::vector<int> d(blocks * n);
  for (size_t i = 0; i < d.size(); ++i) d[i] = (int)((i * 2654435761u) % 1000);
  std::vector<int> want = d;
  for (int b = 0; b < blocks; ++b) std::sort(want.begin() + b * n, want.begin() + (b + 1) * n);
  int *dd;
  cudaMalloc(&dd, d.size() * 4);
  cudaMemcpy(dd, d.data(), d.size() * 4, cudaMemcpyHostToDevice);
  odd_even<<<blocks, 64, n * sizeof(int)>>>(dd, n);
  cudaMemcpy(d.data(), dd, d.size() * 4, cudaMemcpyDeviceToHost);
  int wrong = d != want;
  std::printf("odd-even: %s\n", wrong ? "FAIL" : "PASS");
  return wrong;
}
