// Part of relocatable-device-code.test: calls a device function and uses a
// __device__ variable that library.cu defines, and launches library.cu's
// kernel through its host wrapper. Each file has a static device variable
// of the same name, which must stay two variables.
#include <cstdio>

extern __device__ int twice(int x);
extern __device__ int launches;
static __device__ int offset = 1;

__global__ void first(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = twice(i) + offset;
  if (i == 0)
    atomicAdd(&launches, 1);
}

int second(int *out, int n); // library.cu

int main() {
  const int n = 1000;
  int *d, h[n];
  cudaMalloc(&d, sizeof h);
  first<<<(n + 127) / 128, 128>>>(d, n);
  second(d, n);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  int count = 0;
  cudaMemcpyFromSymbol(&count, launches, sizeof count);
  bool ok = cudaGetLastError() == cudaSuccess && count == 2;
  // first: 2i + 1; second: 2 (2i + 1) + 10.
  for (int i = 0; i < n; ++i)
    ok = ok && h[i] == 4 * i + 12;
  std::printf("rdc: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
