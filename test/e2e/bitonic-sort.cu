// Bitonic sort of each block's 512 keys in shared memory: barriers inside
// two nested loops whose bounds are block-uniform, with thread-dependent
// compare-and-swap in between.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: bitonic: PASS
#include <algorithm>
#include <cstdio>
#include <vector>

constexpr int N = 512; // keys per block, one per thread... two per thread

__global__ void bitonic(unsigned *keys) {
  __shared__ unsigned s[N];
  unsigned *k = keys + blockIdx.x * N;
  int t = threadIdx.x; // N / 2 threads
  s[t] = k[t];
  s[t + N / 2] = k[t + N / 2];
  for (int size = 2; size <= N; size <<= 1) {
    for (int stride = size / 2; stride > 0; stride >>= 1) {
      __syncthreads();
      int i = 2 * t - (t & (stride - 1)); // first of the pair
      int j = i + stride;
      bool ascending = (i & size) == 0;
      unsigned a = s[i], b = s[j];
      if ((a > b) == ascending) {
        s[i] = b;
        s[j] = a;
      }
    }
  }
  __syncthreads();
  k[t] = s[t];
  k[t + N / 2] = s[t + N / 2];
}

int main() {
  const int blocks = 3;
  std::vector<unsigned> keys(blocks * N);
  unsigned x = 12345;
  for (unsigned &v : keys) {
    x = x * 1103515245u + 12345u;
    v = (x >> 8) % 100000;
  }
  std::vector<unsigned> want = keys;
  for (int b = 0; b < blocks; ++b)
    std::sort(want.begin() + b * N, want.begin() + (b + 1) * N);
  unsigned *d;
  cudaMalloc(&d, keys.size() * sizeof(unsigned));
  cudaMemcpy(d, keys.data(), keys.size() * sizeof(unsigned), cudaMemcpyHostToDevice);
  bitonic<<<blocks, N / 2>>>(d);
  cudaMemcpy(keys.data(), d, keys.size() * sizeof(unsigned), cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (size_t i = 0; i < keys.size(); ++i)
    wrong += keys[i] != want[i];
  std::printf("bitonic: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
