// A single-pass chained scan: each block waits for its predecessor's
// running total before publishing its own. It finishes only if blocks start
// in increasing order, as on a GPU; a timeout here means they did not.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: block-order: PASS
#include <cstdio>
#include <vector>

__global__ void chained_scan(const int *in, long long *prefix,
                             unsigned long long *published, int per_block) {
  __shared__ long long block_sum;
  __shared__ long long before;
  int b = blockIdx.x;
  if (threadIdx.x == 0)
    block_sum = 0;
  __syncthreads();
  atomicAdd((unsigned long long *)&block_sum,
            (unsigned long long)in[b * per_block + threadIdx.x]);
  __syncthreads();
  if (threadIdx.x == 0) {
    long long earlier = 0;
    if (b > 0) {
      // published[b-1] holds (total << 1) | 1 once block b-1 is done.
      unsigned long long word;
      while (((word = atomicAdd(&published[b - 1], 0ull)) & 1ull) == 0) {
      }
      earlier = (long long)(word >> 1);
    }
    before = earlier;
    __threadfence();
    atomicExch(&published[b], ((unsigned long long)(earlier + block_sum) << 1) | 1ull);
  }
  __syncthreads();
  prefix[b] = before + block_sum;
}

int main() {
  const int blocks = 2000, per_block = 64, n = blocks * per_block;
  std::vector<int> in(n);
  for (int i = 0; i < n; ++i)
    in[i] = i % 17;
  int *din;
  long long *dprefix;
  unsigned long long *dpub;
  cudaMalloc(&din, n * sizeof(int));
  cudaMalloc(&dprefix, blocks * sizeof(long long));
  cudaMalloc(&dpub, blocks * sizeof(unsigned long long));
  cudaMemcpy(din, in.data(), n * sizeof(int), cudaMemcpyHostToDevice);
  cudaMemset(dpub, 0, blocks * sizeof(unsigned long long));
  chained_scan<<<blocks, per_block>>>(din, dprefix, dpub, per_block);
  std::vector<long long> prefix(blocks);
  cudaMemcpy(prefix.data(), dprefix, blocks * sizeof(long long), cudaMemcpyDeviceToHost);
  long long running = 0;
  int wrong = 0;
  for (int b = 0; b < blocks; ++b) {
    for (int t = 0; t < per_block; ++t)
      running += in[b * per_block + t];
    wrong += prefix[b] != running;
  }
  std::printf("block-order: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
