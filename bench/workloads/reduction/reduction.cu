// Sum reduction in CUDA: each block sums one tile of the array, through a
// shared-memory tree down to one warp and then warp shuffles, and writes one
// partial; a second kernel, one block, sums the partials.
#include "reduction.h"

/// The sum of the first warp's `v` in lane 0.
__device__ double warpSum(double v) {
#pragma unroll
  for (int offset = 16; offset > 0; offset >>= 1)
    v += __shfl_down_sync(0xffffffffu, v, offset);
  return v;
}

/// The block's sum of `v`, valid in thread 0.
template <int Block> __device__ double blockSum(double v) {
  static_assert(Block >= 64 && (Block & (Block - 1)) == 0,
                "Block must be a power of two of at least two warps");
  __shared__ double partial[Block];
  const int tid = threadIdx.x;
  partial[tid] = v;
  __syncthreads();
  // Tree in shared memory until the first warp holds the block's sum.
#pragma unroll
  for (int stride = Block / 2; stride >= 32; stride >>= 1) {
    if (tid < stride)
      partial[tid] += partial[tid + stride];
    __syncthreads();
  }
  return tid < 32 ? warpSum(partial[tid]) : 0.0;
}

/// One partial per block: the sum of its PerThread * Block elements.
template <int Block, int PerThread>
__global__ void tileSums(const double *in, double *partials, int n) {
  const int base = blockIdx.x * Block * PerThread + threadIdx.x;
  double v = 0.0;
#pragma unroll
  for (int k = 0; k < PerThread; ++k) {
    int i = base + k * Block;
    if (i < n)
      v += in[i];
  }
  v = blockSum<Block>(v);
  if (threadIdx.x == 0)
    partials[blockIdx.x] = v;
}

/// The sum of the n partials, by one block.
template <int Block>
__global__ void finalSum(const double *partials, double *sum, int n) {
  double v = 0.0;
  for (int i = threadIdx.x; i < n; i += Block)
    v += partials[i];
  v = blockSum<Block>(v);
  if (threadIdx.x == 0)
    *sum = v;
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = reduction::length(args);
  std::vector<double> hx;
  reduction::inputs(hx, n);
  constexpr int block = reduction::kBlock;
  const int grid = reduction::groups(n);
  double *x, *partials, *sum;
  cudaMalloc(&x, n * sizeof(double));
  cudaMalloc(&partials, grid * sizeof(double));
  cudaMalloc(&sum, sizeof(double));
  cudaMemcpy(x, hx.data(), n * sizeof(double), cudaMemcpyHostToDevice);
  double result = 0.0;
  bench::time(args, [&] {
    for (int p = 0; p < reduction::kPasses; ++p) {
      tileSums<block, reduction::kPerThread>
          <<<grid, block>>>(x, partials, int(n));
      finalSum<block><<<1, block>>>(partials, sum, grid);
    }
    if (cudaMemcpy(&result, sum, sizeof(double), cudaMemcpyDeviceToHost) !=
        cudaSuccess)
      bench::fail("reduction kernels");
  });
  bench::checksum(result);
  bench::workBytes(reduction::bytes(n));
}
