// A barrier in a loop whose bounds start at threadIdx.x: every thread runs
// the same number of rounds (the length is padded to whole tiles), but the
// uniformity analysis cannot show it, so the kernel runs on the fiber
// executor, and lqcc says so unless -w asks for silence.
// RUN: %lqcc %s -o %t 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %lqcc -w %s -o %t.quiet 2>&1 | FileCheck %s --allow-empty --check-prefix=QUIET
// RUN: %run %t | FileCheck %s
// REMARK: lqcc: remark: kernel tile_sums(int const*, int*, int) runs on the fiber executor: __syncthreads() at {{.*}}fiber-tiled-loop.cu:[[@LINE+15]] under a thread-dependent {{branch|loop}} ({{.*}}fiber-tiled-loop.cu:[[@LINE+13]])
// QUIET-NOT: remark
// CHECK: tiled-loop: PASS
#include <cstdio>
#include <vector>

constexpr int B = 64;

// out[k] = sum of tile k of `in` (padded length), one block for all tiles;
// each round stages a tile in shared memory and thread 0 sums it.
__global__ void tile_sums(const int *in, int *out, int padded) {
  __shared__ int tile[B];
  int t = threadIdx.x;
  for (int i = t; i < padded; i += blockDim.x) {
    tile[t] = in[i];
    __syncthreads();
    if (t == 0) {
      int sum = 0;
      for (int k = 0; k < B; ++k)
        sum += tile[k];
      out[i / B] = sum;
    }
    __syncthreads();
  }
}

int main() {
  const int tiles = 37, n = tiles * B;
  std::vector<int> in(n), out(tiles);
  for (int i = 0; i < n; ++i)
    in[i] = (i * 7919) % 101 - 50;
  int *din, *dout;
  cudaMalloc(&din, n * sizeof(int));
  cudaMalloc(&dout, tiles * sizeof(int));
  cudaMemcpy(din, in.data(), n * sizeof(int), cudaMemcpyHostToDevice);
  tile_sums<<<1, B>>>(din, dout, n);
  cudaError_t err = cudaDeviceSynchronize();
  cudaMemcpy(out.data(), dout, tiles * sizeof(int), cudaMemcpyDeviceToHost);
  int wrong = err != cudaSuccess;
  for (int k = 0; k < tiles; ++k) {
    int sum = 0;
    for (int j = 0; j < B; ++j)
      sum += in[k * B + j];
    wrong += out[k] != sum;
  }
  std::printf("tiled-loop: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
