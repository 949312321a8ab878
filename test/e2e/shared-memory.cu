// Static __shared__ arrays of several types and extern __shared__ memory
// sized at launch, communicating across top-level barriers; blocks do not
// see each other's shared memory.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: shared-memory: PASS
#include <cstdio>
#include <vector>

__global__ void rotate(const int *in, int *out, double *sums) {
  __shared__ int values[128];
  __shared__ char tag;
  __shared__ double total;
  extern __shared__ float scratch[];
  int t = threadIdx.x, n = blockDim.x;
  values[t] = in[blockIdx.x * n + t];
  scratch[t] = 0.5f * values[t];
  if (t == 0) {
    tag = 'a' + blockIdx.x;
    total = 0;
  }
  __syncthreads();
  // Read a neighbour's value: only correct if the barrier separated phases.
  out[blockIdx.x * n + t] = values[(t + 1) % n] + (int)(2 * scratch[(t + 2) % n]) * 1000 + tag * 1000000;
  if (t == 0) {
    double s = 0;
    for (int k = 0; k < n; ++k)
      s += scratch[k];
    total = s;
  }
  __syncthreads();
  if (t == n - 1)
    sums[blockIdx.x] = total;
}

int main() {
  const int blocks = 4, n = 100;
  std::vector<int> in(blocks * n), out(blocks * n);
  for (int i = 0; i < blocks * n; ++i)
    in[i] = i % 997;
  int *din, *dout;
  double *dsums;
  cudaMalloc(&din, in.size() * sizeof(int));
  cudaMalloc(&dout, out.size() * sizeof(int));
  cudaMalloc(&dsums, blocks * sizeof(double));
  cudaMemcpy(din, in.data(), in.size() * sizeof(int), cudaMemcpyHostToDevice);
  rotate<<<blocks, n, n * sizeof(float)>>>(din, dout, dsums);
  if (cudaGetLastError() != cudaSuccess) {
    std::printf("shared-memory: launch failed\n");
    return 1;
  }
  cudaDeviceSynchronize();
  std::vector<double> sums(blocks);
  cudaMemcpy(out.data(), dout, out.size() * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(sums.data(), dsums, blocks * sizeof(double), cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int b = 0; b < blocks; ++b) {
    double s = 0;
    for (int t = 0; t < n; ++t) {
      int v1 = in[b * n + (t + 1) % n], v2 = in[b * n + (t + 2) % n];
      int want = v1 + v2 * 1000 + ('a' + b) * 1000000;
      wrong += out[b * n + t] != want;
      s += 0.5 * in[b * n + t];
    }
    wrong += sums[b] != s;
  }
  std::printf("shared-memory: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
