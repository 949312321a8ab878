// Kernels for driver-module.cu, built with `lqcc -fatbin` and loaded with
// cuModuleLoad: extern "C" keeps their names plain.
__device__ int calls;

extern "C" __global__ void axpy(float a, const float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = a * x[i] + y[i];
  if (i == 0)
    atomicAdd(&calls, 1);
}

struct Pair {
  int first;
  int second;
};

extern "C" __global__ void mix(char tag, Pair pair, double scale, long *out) {
  out[threadIdx.x] = long((tag + pair.first * pair.second) * scale) +
                     threadIdx.x;
}
