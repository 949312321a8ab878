// Black-Scholes in CUDA: one thread per option.
#include "black-scholes.h"

__global__ void price(const float *s, const float *x, const float *t,
                      float *call, float *put, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    bs::blackScholes(s[i], x[i], t[i], bs::kRate, bs::kVolatility, call[i],
                     put[i]);
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = bs::options(args);
  std::vector<float> hs, hx, ht;
  bs::inputs(hs, hx, ht, n);
  float *s, *x, *t, *call, *put;
  for (float **p : {&s, &x, &t, &call, &put})
    cudaMalloc(p, n * sizeof(float));
  cudaMemcpy(s, hs.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(x, hx.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(t, ht.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  const int block = 256;
  int grid = int((n + block - 1) / block);
  bench::time(args, [&] {
    for (int w = 0; w < bs::kSweeps; ++w)
      price<<<grid, block>>>(s, x, t, call, put, int(n));
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("black-scholes kernel");
  });
  std::vector<float> hc(n), hp(n);
  cudaMemcpy(hc.data(), call, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(hp.data(), put, n * sizeof(float), cudaMemcpyDeviceToHost);
  bench::checksum(bs::checksum(hc.data(), hp.data(), n));
  bench::workFlops(bs::flops(n));
}
