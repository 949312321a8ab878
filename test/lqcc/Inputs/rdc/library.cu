// Part of relocatable-device-code.test: device code main.cu links against.
__device__ int launches = 0;
static __device__ int offset = 10;

__device__ int twice(int x) { return 2 * x; }

__global__ void secondKernel(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = twice(out[i]) + offset;
  if (i == 0)
    atomicAdd(&launches, 1);
}

int second(int *out, int n) {
  secondKernel<<<(n + 127) / 128, 128>>>(out, n);
  return 0;
}
