// Matrix-vector product, one warp per row: lanes stride over the row and a
// shuffle reduction sums them; rows beyond the matrix leave the kernel early.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: matvec: PASS
#include <cstdio>
#include <vector>

__global__ void matvec(const float *a, const float *x, float *y, int rows, int cols) {
  int warp = (blockIdx.x * blockDim.x + threadIdx.x) / 32, lane = threadIdx.x % 32;
  if (warp >= rows) // whole warps leave together
    return;
  float s = 0;
  for (int c = lane; c < cols; c += 32)
    s += a[warp * cols + c] * x[c];
  for (int o = 16; o > 0; o /= 2)
    s += __shfl_down_sync(0xffffffff, s, o);
  if (lane == 0)
    y[warp] = s;
}

int main() {
  const int rows = 37, cols = 200;
  std::vector<float> a(rows * cols), x(cols), y(rows);
  for (int i = 0; i < rows * cols; ++i) a[i] = (i % 7) - 3;
  for (int c = 0; c < cols; ++c) x[c] = (c % 5) * 0.5f;
  float *da, *dx, *dy;
  cudaMalloc(&da, a.size() * 4); cudaMalloc(&dx, x.size() * 4); cudaMalloc(&dy, y.size() * 4);
  cudaMemcpy(da, a.data(), a.size() * 4, cudaMemcpyHostToDevice);
  cudaMemcpy(dx, x.data(), x.size() * 4, cudaMemcpyHostToDevice);
  matvec<<<(rows * 32 + 127) / 128, 128>>>(da, dx, dy, rows, cols);
  cudaMemcpy(y.data(), dy, y.size() * 4, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int r = 0; r < rows; ++r) {
    float s = 0;
    for (int c = 0; c < cols; ++c) s += a[r * cols + c] * x[c];
    wrong += y[r] != s;
  }
  std::printf("matvec: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
