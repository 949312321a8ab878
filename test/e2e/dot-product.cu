// A double-precision dot product: block reductions in shared memory, then
// one atomicAdd(double) per block into the result.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: dot: PASS
#include <cmath>
#include <cstdio>
#include <vector>

__global__ void dot(const double *x, const double *y, int n, double *result) {
  __shared__ double part[128];
  double s = 0;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    s += x[i] * y[i];
  part[threadIdx.x] = s;
  for (int half = 64; half > 0; half /= 2) {
    __syncthreads();
    if (threadIdx.x < half) part[threadIdx.x] += part[threadIdx.x + half];
  }
  if (threadIdx.x == 0) atomicAdd(result, part[0]);
}

int main() {
  const int n = 200001;
  std::vector<double> x(n), y(n);
  double want = 0;
  for (int i = 0; i < n; ++i) { x[i] = 1.0 / (1 + i % 100); y[i] = (i % 7) - 3; want += x[i] * y[i]; }
  double *dx, *dy, *dr, r = 0;
  cudaMalloc(&dx, n * 8); cudaMalloc(&dy, n * 8); cudaMalloc(&dr, 8);
  cudaMemcpy(dx, x.data(), n * 8, cudaMemcpyHostToDevice);
  cudaMemcpy(dy, y.data(), n * 8, cudaMemcpyHostToDevice);
  cudaMemset(dr, 0, 8);
  dot<<<24, 128>>>(dx, dy, n, dr);
  cudaMemcpy(&r, dr, 8, cudaMemcpyDeviceToHost);
  int wrong = std::fabs(r - want) > 1e-9 * (1 + std::fabs(want));
  std::printf("dot: %s (%.6f vs %.6f)\n", wrong ? "FAIL" : "PASS", r, want);
  return wrong;
}
