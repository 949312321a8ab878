// __syncthreads_count/_and/_or: a barrier that reduces a predicate over the
// block, in straight-line code and inside a loop, in a 2-D block.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: syncthreads-vote: PASS
#include <cstdio>

__global__ void vote(const int *in, int *out) {
  int t = threadIdx.y * blockDim.x + threadIdx.x;
  int v = in[blockIdx.x * 96 + t];
  int count = __syncthreads_count(v > 10);
  int all = __syncthreads_and(v >= 0);
  int any = __syncthreads_or(v > 1000);
  int rounds = 0;
  while (__syncthreads_or(v > 0)) {
    v -= 7;
    ++rounds;
  }
  out[blockIdx.x * 96 + t] = count * 1000000 + all * 100000 + any * 10000 + rounds;
}

int main() {
  const int blocks = 3, n = blocks * 96;
  int h[n], r[n];
  for (int i = 0; i < n; ++i)
    h[i] = (i * 13) % 50 - (i / 96 == 1 ? 5 : 0) + (i == 200 ? 2000 : 0);
  int *din, *dout;
  cudaMalloc(&din, sizeof h);
  cudaMalloc(&dout, sizeof r);
  cudaMemcpy(din, h, sizeof h, cudaMemcpyHostToDevice);
  vote<<<blocks, dim3(32, 3)>>>(din, dout);
  cudaMemcpy(r, dout, sizeof r, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int b = 0; b < blocks; ++b) {
    int count = 0, all = 1, any = 0, maxv = 0;
    for (int t = 0; t < 96; ++t) {
      int v = h[b * 96 + t];
      count += v > 10;
      all &= v >= 0;
      any |= v > 1000;
      maxv = v > maxv ? v : maxv;
    }
    int rounds = (maxv + 6) / 7;
    for (int t = 0; t < 96; ++t)
      wrong += r[b * 96 + t] != count * 1000000 + all * 100000 + any * 10000 + rounds;
  }
  std::printf("syncthreads-vote: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
