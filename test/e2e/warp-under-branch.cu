// Warp collectives under a branch that only some threads take, with 2D
// blocks: `if (threadIdx.x < 32)` around a shuffle reduction (the thread
// loops inside run only the x indices below 32), and a ballot under a
// branch, where every thread must still record whether it got there.
// RUN: %lqcc %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: warp-under-branch: OK
#include <cstdio>

__global__ void rowSums(const float *in, float *out, int width) {
  int row = blockIdx.x * blockDim.y + threadIdx.y;
  float v = in[row * width + threadIdx.x];
  if (threadIdx.x < 32) {
    for (int d = 16; d > 0; d /= 2)
      v += __shfl_down_sync(0xffffffffu, v, d);
    if (threadIdx.x == 0)
      out[row] = v;
  }
}

__global__ void ballots(const int *in, unsigned *out) {
  int t = threadIdx.y * blockDim.x + threadIdx.x;
  unsigned b = 0;
  if (threadIdx.x < 32)
    b = __ballot_sync(0xffffffffu, in[t] > 0);
  out[t] = b;
}

int main() {
  const int width = 64, rowsPerBlock = 4, blocks = 3, rows = blocks * rowsPerBlock;
  float *in, *out;
  int *flags;
  unsigned *votes;
  cudaMallocManaged(&in, rows * width * sizeof(float));
  cudaMallocManaged(&out, rows * sizeof(float));
  cudaMallocManaged(&flags, width * rowsPerBlock * sizeof(int));
  cudaMallocManaged(&votes, width * rowsPerBlock * sizeof(unsigned));
  for (int i = 0; i < rows * width; ++i)
    in[i] = float(i % 7);
  for (int i = 0; i < width * rowsPerBlock; ++i)
    flags[i] = (i * 5) % 3 == 0;
  rowSums<<<blocks, dim3(width, rowsPerBlock)>>>(in, out, width);
  ballots<<<1, dim3(width, rowsPerBlock)>>>(flags, votes);
  if (cudaDeviceSynchronize() != cudaSuccess)
    return 1;
  int bad = 0;
  for (int r = 0; r < rows; ++r) {
    float want = 0;
    for (int x = 0; x < 32; ++x)
      want += in[r * width + x];
    if (out[r] != want && bad++ < 5)
      printf("row %d: %g, want %g\n", r, out[r], want);
  }
  for (int y = 0; y < rowsPerBlock; ++y)
    for (int x = 0; x < width; ++x) {
      unsigned want = 0;
      if (x < 32)
        for (int l = 0; l < 32; ++l)
          want |= unsigned(flags[y * width + l] > 0) << l;
      if (votes[y * width + x] != want && bad++ < 5)
        printf("ballot (%d, %d): %x, want %x\n", x, y, votes[y * width + x],
               want);
    }
  printf("warp-under-branch: %s\n", bad ? "FAIL" : "OK");
  return bad != 0;
}
