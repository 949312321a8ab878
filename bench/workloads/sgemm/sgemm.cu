// SGEMM in CUDA: 16x16 thread blocks, one element of C per thread, A and B
// staged through shared-memory tiles with a barrier on each side of the
// inner product.
#include "sgemm.h"

constexpr int kTile = 16;

__global__ void sgemmKernel(const float *a, const float *b, float *c, int n) {
  __shared__ float as[kTile][kTile];
  __shared__ float bs[kTile][kTile];
  int tx = threadIdx.x, ty = threadIdx.y;
  int row = blockIdx.y * kTile + ty, col = blockIdx.x * kTile + tx;
  float acc = 0.0f;
  for (int k0 = 0; k0 < n; k0 += kTile) {
    as[ty][tx] = (row < n && k0 + tx < n) ? a[size_t(row) * n + k0 + tx] : 0.0f;
    bs[ty][tx] = (k0 + ty < n && col < n) ? b[size_t(k0 + ty) * n + col] : 0.0f;
    __syncthreads();
#pragma unroll
    for (int k = 0; k < kTile; ++k)
      acc += as[ty][k] * bs[k][tx];
    __syncthreads();
  }
  if (row < n && col < n)
    c[size_t(row) * n + col] = acc;
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  int n = sgemm::order(args);
  size_t bytes = size_t(n) * n * sizeof(float);
  std::vector<float> ha, hb;
  sgemm::inputs(ha, hb, n);
  float *a, *b, *c;
  cudaMalloc(&a, bytes);
  cudaMalloc(&b, bytes);
  cudaMalloc(&c, bytes);
  cudaMemcpy(a, ha.data(), bytes, cudaMemcpyHostToDevice);
  cudaMemcpy(b, hb.data(), bytes, cudaMemcpyHostToDevice);
  dim3 block(kTile, kTile);
  dim3 grid((n + kTile - 1) / kTile, (n + kTile - 1) / kTile);
  bench::time(args, [&] {
    for (int m = 0; m < sgemm::kMultiplies; ++m)
      sgemmKernel<<<grid, block>>>(a, b, c, n);
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("sgemm kernel");
  });
  std::vector<float> hc(size_t(n) * n);
  cudaMemcpy(hc.data(), c, bytes, cudaMemcpyDeviceToHost);
  bench::checksum(sgemm::checksum(hc.data(), n));
  bench::workFlops(sgemm::flops(n));
}
