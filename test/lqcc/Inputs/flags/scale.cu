// Part of nvcc-flags.test: a kernel behind a host wrapper, for a library.
#include "scale.h"

__global__ void scaleKernel(int *v, int n, int by) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    v[i] *= by * SCALE_EXTRA;
}

int scaleOnDevice(int *host, int n, int by) {
  int *d;
  cudaMalloc(&d, n * sizeof(int));
  cudaMemcpy(d, host, n * sizeof(int), cudaMemcpyHostToDevice);
  scaleKernel<<<(n + 63) / 64, 64>>>(d, n, by);
  cudaMemcpy(host, d, n * sizeof(int), cudaMemcpyDeviceToHost);
  cudaFree(d);
  return cudaGetLastError() == cudaSuccess ? 0 : 1;
}
