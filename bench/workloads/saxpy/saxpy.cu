// SAXPY in CUDA: one thread per element.
#include "saxpy.h"

__global__ void saxpyKernel(float a, const float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = a * x[i] + y[i];
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = saxpy::length(args);
  std::vector<float> hx, hy;
  saxpy::inputs(hx, hy, n);
  float *x, *y;
  cudaMalloc(&x, n * sizeof(float));
  cudaMalloc(&y, n * sizeof(float));
  cudaMemcpy(x, hx.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(y, hy.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  const int block = 256;
  int grid = int((n + block - 1) / block);
  bench::time(args, [&] {
    for (int s = 0; s < saxpy::kSweeps; ++s)
      saxpyKernel<<<grid, block>>>(saxpy::kA, x, y, int(n));
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("saxpy kernel");
  });
  cudaMemcpy(hy.data(), y, n * sizeof(float), cudaMemcpyDeviceToHost);
  bench::checksum(bench::sum(hy.data(), n));
  bench::workBytes(saxpy::bytes(n));
}
