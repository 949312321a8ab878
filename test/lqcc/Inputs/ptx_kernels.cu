// Part of ptx-ptxas.test: the constructs a PTX entry carries.
#include <cstdio>

__device__ unsigned counter;

__global__ void collectives(const int *in, int *out, int n) {
  __shared__ int partial[32];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  int v = i < n ? in[i] : 0;
  for (int offset = 16; offset > 0; offset >>= 1)
    v += __shfl_xor_sync(0xffffffff, v, offset);
  unsigned ballot = __ballot_sync(0xffffffff, v > 0);
  if (__any_sync(0xffffffff, v < 0) && __all_sync(0xffffffff, v != 0))
    v = -v;
  if (threadIdx.x % 32 == 0)
    partial[threadIdx.x / 32] = v + int(ballot & 1u) + int(__activemask() & 1u);
  __syncthreads();
  if (threadIdx.x == 0) {
    int sum = 0;
    for (int w = 0; w < blockDim.x / 32; ++w)
      sum += partial[w];
    atomicAdd(out, sum);
    atomicInc(&counter, 1000u);
    printf("block %d: %d\n", blockIdx.x, sum);
  }
  __syncwarp();
}
