// 7-point 3D stencil in CUDA: one thread per cell, 32x8 thread blocks
// tiling each x-y plane, blockIdx.z the plane.
#include "stencil3d.h"

constexpr int kBlockX = 32, kBlockY = 8;

__global__ void sweep(const float *__restrict__ in, float *__restrict__ out,
                      int n, float c0, float c1) {
  int x = blockIdx.x * kBlockX + threadIdx.x;
  int y = blockIdx.y * kBlockY + threadIdx.y;
  int z = blockIdx.z;
  if (x < 1 || x >= n - 1 || y < 1 || y >= n - 1 || z < 1 || z >= n - 1)
    return;
  size_t plane = size_t(n) * n;
  size_t i = size_t(z) * plane + size_t(y) * n + x;
  out[i] = c0 * in[i] + c1 * (in[i - 1] + in[i + 1] + in[i - n] + in[i + n] +
                              in[i - plane] + in[i + plane]);
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  int n = stencil3d::side(args), sweeps = stencil3d::sweeps(args);
  size_t bytes = size_t(n) * n * n * sizeof(float);
  std::vector<float> hu;
  stencil3d::inputs(hu, n);
  // Sweeps write only the interior: both buffers start with the faces.
  float *u0, *a, *b;
  cudaMalloc(&u0, bytes);
  cudaMalloc(&a, bytes);
  cudaMalloc(&b, bytes);
  cudaMemcpy(u0, hu.data(), bytes, cudaMemcpyHostToDevice);
  cudaMemcpy(a, hu.data(), bytes, cudaMemcpyHostToDevice);
  cudaMemcpy(b, hu.data(), bytes, cudaMemcpyHostToDevice);
  dim3 block(kBlockX, kBlockY);
  dim3 grid((n + kBlockX - 1) / kBlockX, (n + kBlockY - 1) / kBlockY, n);
  const float *result = u0;
  bench::time(args, [&] {
    const float *src = u0;
    float *dst = a;
    for (int s = 0; s < sweeps; ++s) {
      sweep<<<grid, block>>>(src, dst, n, stencil3d::kCentre,
                             stencil3d::kNeighbour);
      src = dst;
      dst = dst == a ? b : a;
    }
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("stencil3d kernel");
    result = src;
  });
  std::vector<float> out(size_t(n) * n * n);
  cudaMemcpy(out.data(), result, bytes, cudaMemcpyDeviceToHost);
  bench::checksum(stencil3d::checksum(out.data(), n));
  bench::workBytes(stencil3d::bytes(n, sweeps));
}
