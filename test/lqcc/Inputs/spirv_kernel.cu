// Part of spirv-target.test: shared memory, a barrier, per-thread arrays
// and every coordinate, for the OpenCL SPIR-V entry.
__global__ void rotateTile(float *x, int n) {
  __shared__ float tile[256];
  int t = threadIdx.x, i = blockIdx.x * blockDim.x + t;
  tile[t] = i < n ? x[i] : 0.0f;
  __syncthreads();
  float local[4];
  for (int k = 0; k < 4; ++k)
    local[k] = tile[(t + k) % blockDim.x];
  if (i < n)
    x[i] = local[0] + local[3] * gridDim.x + threadIdx.y + blockIdx.z;
}

int main() { return 0; }
