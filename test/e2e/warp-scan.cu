// A block-wide inclusive scan from warp shuffle scans: each warp scans with
// __shfl_up_sync, warp totals go through shared memory, warp 0 scans them,
// and every thread adds its warp's offset.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: warp-scan: PASS
#include <cstdio>

__device__ int warp_inclusive(int v) {
  int lane = threadIdx.x % 32;
  for (int o = 1; o < 32; o *= 2) {
    int other = __shfl_up_sync(0xffffffff, v, o);
    if (lane >= o) v += other;
  }
  return v;
}

__global__ void block_scan(const int *in, int *out) {
  __shared__ int totals[32];
  int t = threadIdx.x, lane = t % 32, warp = t / 32;
  int v = warp_inclusive(in[blockIdx.x * blockDim.x + t]);
  if (lane == 31) totals[warp] = v;
  __syncthreads();
  if (warp == 0) {
    int w = lane < blockDim.x / 32 ? totals[lane] : 0;
    totals[lane] = warp_inclusive(w);
  }
  __syncthreads();
  if (warp > 0) v += totals[warp - 1];
  out[blockIdx.x * blockDim.x + t] = v;
}

int main() {
  const int blocks = 2, B = 256, n = blocks * B;
  int h[n], r[n];
  for (int i = 0; i < n; ++i) h[i] = (i * 13) % 9 - 2;
  int *din, *dout;
  cudaMalloc(&din, sizeof h); cudaMalloc(&dout, sizeof r);
  cudaMemcpy(din, h, sizeof h, cudaMemcpyHostToDevice);
  block_scan<<<blocks, B>>>(din, dout);
  cudaMemcpy(r, dout, sizeof r, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int b = 0; b < blocks; ++b) {
    int run = 0;
    for (int t = 0; t < B; ++t) { run += h[b * B + t]; wrong += r[b * B + t] != run; }
  }
  std::printf("warp-scan: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
