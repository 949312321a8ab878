// A 7-point 3-D stencil over a 3-D grid of 3-D blocks, boundary cells kept.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: stencil-3d: PASS
#include <cstdio>
#include <vector>

__global__ void laplace(const float *u, float *v, int nx, int ny, int nz) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  int z = blockIdx.z * blockDim.z + threadIdx.z;
  if (x >= nx || y >= ny || z >= nz) return;
  int i = (z * ny + y) * nx + x;
  if (x == 0 || y == 0 || z == 0 || x == nx - 1 || y == ny - 1 || z == nz - 1) {
    v[i] = u[i];
    return;
  }
  v[i] = (u[i - 1] + u[i + 1] + u[i - nx] + u[i + nx] + u[i - nx * ny] +
          u[i + nx * ny]) / 6.0f;
}

int main() {
  const int nx = 19, ny = 13, nz = 11, n = nx * ny * nz;
  std::vector<float> u(n), v(n);
  for (int i = 0; i < n; ++i) u[i] = (float)((i * 37) % 101);
  float *du, *dv;
  cudaMalloc(&du, n * 4); cudaMalloc(&dv, n * 4);
  cudaMemcpy(du, u.data(), n * 4, cudaMemcpyHostToDevice);
  laplace<<<dim3(3, 2, 3), dim3(8, 8, 4)>>>(du, dv, nx, ny, nz);
  cudaMemcpy(v.data(), dv, n * 4, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int z = 0; z < nz; ++z)
    for (int y = 0; y < ny; ++y)
      for (int x = 0; x < nx; ++x) {
        int i = (z * ny + y) * nx + x;
        float want = (x == 0 || y == 0 || z == 0 || x == nx - 1 || y == ny - 1 || z == nz - 1)
                         ? u[i]
                         : (u[i - 1] + u[i + 1] + u[i - nx] + u[i + nx] + u[i - nx * ny] +
                            u[i + nx * ny]) / 6.0f;
        wrong += v[i] != want;
      }
  std::printf("stencil-3d: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
