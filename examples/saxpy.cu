// saxpy.cu - y = a * x + y on a million floats, checked against the host.
#include <cuda_runtime.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#define CHECK(call)                                                            \
  do {                                                                         \
    cudaError_t err_ = (call);                                                 \
    if (err_ != cudaSuccess) {                                                 \
      std::fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__, __LINE__,       \
                   #call, cudaGetErrorString(err_));                           \
      return EXIT_FAILURE;                                                     \
    }                                                                          \
  } while (0)

__global__ void saxpy(int n, float a, const float *x, float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = a * x[i] + y[i];
}

int main() {
  const int n = 1 << 20;
  const float a = 2.5f;
  std::vector<float> x(n), y(n), expected(n);
  for (int i = 0; i < n; ++i) {
    x[i] = 0.001f * (i % 1000);
    y[i] = 1.0f - 0.0005f * (i % 777);
    expected[i] = a * x[i] + y[i];
  }

  float *dx = nullptr, *dy = nullptr;
  CHECK(cudaMalloc(&dx, n * sizeof(float)));
  CHECK(cudaMalloc(&dy, n * sizeof(float)));
  CHECK(cudaMemcpy(dx, x.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dy, y.data(), n * sizeof(float), cudaMemcpyHostToDevice));

  const int block = 256;
  saxpy<<<(n + block - 1) / block, block>>>(n, a, dx, dy);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  CHECK(cudaMemcpy(y.data(), dy, n * sizeof(float), cudaMemcpyDeviceToHost));
  CHECK(cudaFree(dx));
  CHECK(cudaFree(dy));

  int wrong = 0;
  for (int i = 0; i < n; ++i)
    if (std::fabs(y[i] - expected[i]) > 1e-5f * (1.0f + std::fabs(expected[i])))
      ++wrong;
  std::printf("saxpy: n=%d a=%.2f y[0]=%.4f y[12345]=%.4f y[n-1]=%.4f\n", n, a,
              y[0], y[12345], y[n - 1]);
  std::printf("saxpy: %s (%d of %d elements wrong)\n", wrong ? "FAIL" : "PASS",
              wrong, n);
  return wrong ? EXIT_FAILURE : EXIT_SUCCESS;
}
