// Plain C++ host code calling a kernel launcher defined in a .cu file.
#include <cuda_runtime.h>

#include <cstdio>

void launch_triple(int *v, int n);

int main() {
  const int n = 1024;
  int *d = nullptr;
  if (cudaMalloc((void **)&d, n * sizeof(int)) != cudaSuccess)
    return 1;
  launch_triple(d, n);
  if (cudaDeviceSynchronize() != cudaSuccess)
    return 1;
  static int h[n];
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int i = 0; i < n; ++i)
    wrong += h[i] != FACTOR * i;
  std::printf("multi-file: %d %d %d %d ... %d\n", h[0], h[1], h[2], h[3], h[n - 1]);
  std::printf("multi-file: %s\n", wrong ? "FAIL" : "PASS");
  cudaFree(d);
  return wrong != 0;
}
