// Stream compaction with warp-aggregated atomics: a ballot finds the lanes
// that keep their element, one lane reserves space for the warp, each lane
// writes at its rank among the kept lanes.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: compaction: PASS
#include <algorithm>
#include <cstdio>
#include <vector>

__global__ void compact(const int *in, int n, int *out, int *count) {
  int i = blockIdx.x * blockDim.x + threadIdx.x, lane = threadIdx.x % 32;
  int v = i < n ? in[i] : 0;
  bool keep = i < n && v % 3 == 0;
  unsigned kept = __ballot_sync(0xffffffff, keep);
  int base = 0;
  if (lane == 0)
    base = atomicAdd(count, __builtin_popcount(kept));
  base = __shfl_sync(0xffffffff, base, 0);
  if (keep)
    out[base + __builtin_popcount(kept & ((1u << lane) - 1))] = v;
}

int main() {
  const int n = 10000;
  std::vector<int> in(n), out(n);
  for (int i = 0; i < n; ++i) in[i] = (i * 7919) % 1000;
  int *din, *dout, *dcount, count = 0;
  cudaMalloc(&din, n * 4); cudaMalloc(&dout, n * 4); cudaMalloc(&dcount, 4);
  cudaMemcpy(din, in.data(), n * 4, cudaMemcpyHostToDevice);
  cudaMemset(dcount, 0, 4);
  compact<<<(n + 255) / 256, 256>>>(din, n, dout, dcount);
  cudaMemcpy(&count, dcount, 4, cudaMemcpyDeviceToHost);
  cudaMemcpy(out.data(), dout, n * 4, cudaMemcpyDeviceToHost);
  std::vector<int> want;
  for (int v : in) if (v % 3 == 0) want.push_back(v);
  std::vector<int> got(out.begin(), out.begin() + count);
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  int wrong = got != want;
  std::printf("compaction: %s (%d kept)\n", wrong ? "FAIL" : "PASS", count);
  return wrong;
}
