// grid_group::sync() in a kernel launched with cudaLaunchCooperativeKernel:
// every block publishes a partial result, the whole grid synchronises, then
// every block reads all the others' (twice, so the barrier is reused). A
// grid larger than can run at once is cudaErrorCooperativeLaunchTooLarge.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: cooperative: PASS
// CHECK: too large: 720 cudaErrorCooperativeLaunchTooLarge
#include <cooperative_groups.h>
#include <cstdio>

namespace cg = cooperative_groups;

__global__ void two_phase(const int *in, int *partial, int *out, int per_block) {
  cg::grid_group grid = cg::this_grid();
  int b = blockIdx.x, t = threadIdx.x;
  __shared__ int sum;
  if (t == 0)
    sum = 0;
  __syncthreads();
  atomicAdd(&sum, in[b * per_block + t]);
  __syncthreads();
  if (t == 0)
    partial[b] = sum;
  grid.sync();
  int total = 0;
  for (int k = 0; k < gridDim.x; ++k)
    total += partial[k];
  grid.sync();
  if (t == 0)
    partial[b] = total + b; // overwritten only after everyone has read
  grid.sync();
  out[b * per_block + t] = partial[(b + 1) % gridDim.x] - total;
}

int main() {
  const int blocks = 8, per_block = 64, n = blocks * per_block;
  int h[n], r[n];
  for (int i = 0; i < n; ++i)
    h[i] = i % 11;
  int *din, *dpartial, *dout;
  cudaMalloc(&din, sizeof h);
  cudaMalloc(&dpartial, blocks * sizeof(int));
  cudaMalloc(&dout, sizeof r);
  cudaMemcpy(din, h, sizeof h, cudaMemcpyHostToDevice);
  int pb = per_block;
  void *args[] = {&din, &dpartial, &dout, &pb};
  cudaError_t e = cudaLaunchCooperativeKernel((void *)two_phase, blocks, per_block, args, 0, 0);
  cudaMemcpy(r, dout, sizeof r, cudaMemcpyDeviceToHost);
  int wrong = e != cudaSuccess;
  for (int i = 0; i < n; ++i)
    wrong += r[i] != (i / per_block + 1) % blocks;
  std::printf("cooperative: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);

  e = cudaLaunchCooperativeKernel((void *)two_phase, 100000, 32, args, 0, 0);
  std::printf("too large: %d %s\n", (int)e, cudaGetErrorName(e));
  return wrong != 0;
}
