// Vector triad in CUDA: one thread per element.
#include "triad.h"

__global__ void triadKernel(float *a, const float *b, const float *c, float s,
                            int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    a[i] = b[i] + s * c[i];
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = triad::length(args);
  std::vector<float> hb, hc;
  triad::inputs(hb, hc, n);
  float *a, *b, *c;
  cudaMalloc(&a, n * sizeof(float));
  cudaMalloc(&b, n * sizeof(float));
  cudaMalloc(&c, n * sizeof(float));
  cudaMemcpy(b, hb.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(c, hc.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemset(a, 0, n * sizeof(float));
  const int block = 256;
  int grid = int((n + block - 1) / block);
  bench::time(args, [&] {
    for (int s = 0; s < triad::kSweeps; ++s)
      triadKernel<<<grid, block>>>(a, b, c, triad::kScale, int(n));
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("triad kernel");
  });
  std::vector<float> ha(n);
  cudaMemcpy(ha.data(), a, n * sizeof(float), cudaMemcpyDeviceToHost);
  bench::checksum(bench::sum(ha.data(), n));
  bench::workBytes(triad::bytes(n));
}
