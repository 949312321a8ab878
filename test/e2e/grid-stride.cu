// Grid-stride loops: a grid much smaller than the data, 2-D and 1-D.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: grid-stride: PASS
#include <cstdio>
#include <vector>

__global__ void scale_add(int n, const double *x, double *y) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    y[i] = 3.0 * x[i] + y[i];
}

__global__ void fill2d(int w, int h, int *out) {
  for (int yy = blockIdx.y * blockDim.y + threadIdx.y; yy < h; yy += blockDim.y * gridDim.y)
    for (int xx = blockIdx.x * blockDim.x + threadIdx.x; xx < w; xx += blockDim.x * gridDim.x)
      out[yy * w + xx] = yy * 1000 + xx;
}

int main() {
  const int n = 100003, w = 333, h = 77;
  std::vector<double> x(n), y(n);
  for (int i = 0; i < n; ++i) { x[i] = i * 0.5; y[i] = -i; }
  double *dx, *dy; int *d2;
  cudaMalloc(&dx, n * sizeof(double)); cudaMalloc(&dy, n * sizeof(double));
  cudaMalloc(&d2, w * h * sizeof(int));
  cudaMemcpy(dx, x.data(), n * sizeof(double), cudaMemcpyHostToDevice);
  cudaMemcpy(dy, y.data(), n * sizeof(double), cudaMemcpyHostToDevice);
  scale_add<<<7, 96>>>(n, dx, dy);
  fill2d<<<dim3(3, 2), dim3(16, 8)>>>(w, h, d2);
  std::vector<int> o(w * h);
  cudaMemcpy(y.data(), dy, n * sizeof(double), cudaMemcpyDeviceToHost);
  cudaMemcpy(o.data(), d2, w * h * sizeof(int), cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int i = 0; i < n; ++i) wrong += y[i] != 3.0 * (i * 0.5) - i;
  for (int i = 0; i < w * h; ++i) wrong += o[i] != (i / w) * 1000 + i % w;
  std::printf("grid-stride: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
