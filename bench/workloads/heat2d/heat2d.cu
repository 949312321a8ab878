// 2D heat in CUDA, blocked in time: each 32x8 block loads a 64x64 tile
// (its 56x56 cells and a halo of 4) into shared memory and takes 4 Jacobi
// steps there, ping-ponging between two shared buffers with a barrier after
// each step; the cells it can update shrink by one ring per step, so after
// 4 steps its middle 56x56 are exact and go back to global memory.
#include "heat2d.h"

using heat2d::kHalo;
using heat2d::kInner;
using heat2d::kTile;

constexpr int kBlockX = 32, kBlockY = 8;

__global__ void heatSteps(const float *in, float *out, int n, float alpha) {
  __shared__ float bufA[kTile][kTile];
  __shared__ float bufB[kTile][kTile];
  int x0 = blockIdx.x * kInner - kHalo, y0 = blockIdx.y * kInner - kHalo;
  for (int ty = threadIdx.y; ty < kTile; ty += kBlockY)
    for (int tx = threadIdx.x; tx < kTile; tx += kBlockX) {
      int gx = x0 + tx, gy = y0 + ty;
      bool inside = gx >= 0 && gx < n && gy >= 0 && gy < n;
      bufA[ty][tx] = inside ? in[size_t(gy) * n + gx] : 0.0f;
    }
  __syncthreads();
  float(*src)[kTile] = bufA;
  float(*dst)[kTile] = bufB;
  for (int s = 1; s <= kHalo; ++s) {
    for (int ty = s + threadIdx.y; ty < kTile - s; ty += kBlockY)
      for (int tx = s + threadIdx.x; tx < kTile - s; tx += kBlockX) {
        int gx = x0 + tx, gy = y0 + ty;
        float c = src[ty][tx];
        if (gx >= 1 && gx < n - 1 && gy >= 1 && gy < n - 1)
          c = c + alpha * (src[ty - 1][tx] + src[ty + 1][tx] + src[ty][tx - 1] +
                           src[ty][tx + 1] - 4.0f * c);
        dst[ty][tx] = c;
      }
    __syncthreads();
    float(*t)[kTile] = src;
    src = dst;
    dst = t;
  }
  for (int ty = kHalo + threadIdx.y; ty < kHalo + kInner; ty += kBlockY)
    for (int tx = kHalo + threadIdx.x; tx < kHalo + kInner; tx += kBlockX) {
      int gx = x0 + tx, gy = y0 + ty;
      if (gx < n && gy < n)
        out[size_t(gy) * n + gx] = src[ty][tx];
    }
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  int n = heat2d::side(args), steps = heat2d::steps(args);
  size_t bytes = size_t(n) * n * sizeof(float);
  std::vector<float> hu;
  heat2d::inputs(hu, n);
  float *u0, *a, *b;
  cudaMalloc(&u0, bytes);
  cudaMalloc(&a, bytes);
  cudaMalloc(&b, bytes);
  cudaMemcpy(u0, hu.data(), bytes, cudaMemcpyHostToDevice);
  dim3 block(kBlockX, kBlockY);
  dim3 grid((n + kInner - 1) / kInner, (n + kInner - 1) / kInner);
  const float *result = u0;
  bench::time(args, [&] {
    const float *src = u0;
    float *dst = a;
    for (int s = 0; s < steps; s += kHalo) {
      heatSteps<<<grid, block>>>(src, dst, n, heat2d::kAlpha);
      src = dst;
      dst = dst == a ? b : a;
    }
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("heat2d kernel");
    result = src;
  });
  std::vector<float> out(size_t(n) * n);
  cudaMemcpy(out.data(), result, bytes, cudaMemcpyDeviceToHost);
  bench::checksum(heat2d::checksum(out.data(), n));
  bench::workBytes(heat2d::bytes(n, steps));
}
