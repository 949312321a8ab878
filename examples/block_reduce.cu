// block_reduce.cu - per-block sums in __shared__ memory, separated by
// top-level __syncthreads(), checked against a host sum.
#include <cuda_runtime.h>

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

constexpr int kBlock = 256;

// Each step halves the active threads; every barrier is at the top level of
// the kernel, so each step is one loop over the block's threads on a CPU.
__global__ void block_sum(const int *in, long long *out, int n) {
  __shared__ long long partial[kBlock];
  int t = threadIdx.x;
  int i = blockIdx.x * kBlock + t;
  partial[t] = i < n ? in[i] : 0;
  __syncthreads();
  if (t < 128) partial[t] += partial[t + 128];
  __syncthreads();
  if (t < 64) partial[t] += partial[t + 64];
  __syncthreads();
  if (t < 32) partial[t] += partial[t + 32];
  __syncthreads();
  if (t < 16) partial[t] += partial[t + 16];
  __syncthreads();
  if (t < 8) partial[t] += partial[t + 8];
  __syncthreads();
  if (t < 4) partial[t] += partial[t + 4];
  __syncthreads();
  if (t < 2) partial[t] += partial[t + 2];
  __syncthreads();
  if (t == 0) out[blockIdx.x] = partial[0] + partial[1];
}

int main() {
  const int n = 1000003; // not a multiple of the block size
  const int blocks = (n + kBlock - 1) / kBlock;
  std::vector<int> in(n);
  for (int i = 0; i < n; ++i)
    in[i] = (i * 7919) % 2001 - 1000;

  int *din = nullptr;
  long long *dout = nullptr;
  CHECK(cudaMalloc(&din, n * sizeof(int)));
  CHECK(cudaMalloc(&dout, blocks * sizeof(long long)));
  CHECK(cudaMemcpy(din, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  CHECK(cudaMemset(dout, 0, blocks * sizeof(long long)));

  block_sum<<<blocks, kBlock>>>(din, dout, n);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());

  std::vector<long long> sums(blocks);
  CHECK(cudaMemcpy(sums.data(), dout, blocks * sizeof(long long),
                   cudaMemcpyDeviceToHost));
  CHECK(cudaFree(din));
  CHECK(cudaFree(dout));

  int wrongBlocks = 0;
  long long total = 0, expectedTotal = 0;
  for (int b = 0; b < blocks; ++b) {
    long long expected = 0;
    for (int i = b * kBlock; i < n && i < (b + 1) * kBlock; ++i)
      expected += in[i];
    if (sums[b] != expected)
      ++wrongBlocks;
    total += sums[b];
    expectedTotal += expected;
  }
  std::printf("block_reduce: %d blocks of %d, sum=%lld (host %lld)\n", blocks,
              kBlock, total, expectedTotal);
  std::printf("block_reduce: %s (%d of %d block sums wrong)\n",
              wrongBlocks ? "FAIL" : "PASS", wrongBlocks, blocks);
  return wrongBlocks ? EXIT_FAILURE : EXIT_SUCCESS;
}
