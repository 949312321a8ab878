// Part of the CMake sample project: a kernel calling into forces.cu, and the
// host wrapper that launches it.
#include "physics.h"
#include <vector>

extern __device__ float springForce(float x);

__global__ void step(float *x, float *v, int n, float dt) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    v[i] += springForce(x[i]) * dt;
    x[i] += v[i] * dt;
  }
}

double simulate(int n, int steps, float dt) {
  std::vector<float> hx(n), hv(n, 0.0f);
  for (int i = 0; i < n; ++i)
    hx[i] = float(i % 7) - 3.0f;
  float *x, *v;
  cudaMalloc(&x, n * sizeof(float));
  cudaMalloc(&v, n * sizeof(float));
  cudaMemcpy(x, hx.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(v, hv.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  for (int s = 0; s < steps; ++s)
    step<<<(n + 127) / 128, 128>>>(x, v, n, dt);
  cudaMemcpy(hx.data(), x, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(x);
  cudaFree(v);
  if (cudaGetLastError() != cudaSuccess)
    return -1;
  double sum = 0;
  for (float value : hx)
    sum += value;
  return sum;
}
