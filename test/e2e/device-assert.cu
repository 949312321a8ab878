// assert() in device code: a passing assertion costs nothing visible; a
// failing one prints CUDA's message on stderr at the next synchronisation,
// ends the kernel, and leaves cudaErrorAssert stuck to the context. The
// kernel keeps its barrier and still runs collapsed.
// RUN: %lqcc %s -o %t 2>&1 | FileCheck %s --allow-empty --check-prefix=REMARK
// RUN: %run %t 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=ERR < %t.err
// REMARK-NOT: fiber executor
#include <cassert>
#include <cstdio>

__global__ void checked(int *data, int limit) {
  __shared__ int staged[64];
  staged[threadIdx.x] = data[blockIdx.x * blockDim.x + threadIdx.x];
  __syncthreads();
  int value = staged[blockDim.x - 1 - threadIdx.x];
  assert(value < limit);
  data[blockIdx.x * blockDim.x + threadIdx.x] = value + 1;
}

static void report(const char *what, cudaError_t e) {
  std::printf("%s: %d %s\n", what, (int)e, cudaGetErrorName(e));
}

int main() {
  int host[4 * 64];
  for (int i = 0; i < 4 * 64; ++i)
    host[i] = i == 64 + 58 ? 1000 : i % 64;
  int *data;
  cudaMalloc(&data, sizeof host);
  cudaMemcpy(data, host, sizeof host, cudaMemcpyHostToDevice);

  // CHECK: passing: 0 cudaSuccess
  checked<<<4, 64>>>(data, 2000);
  report("passing", cudaDeviceSynchronize());
  cudaMemcpy(host, data, sizeof host, cudaMemcpyDeviceToHost);
  // CHECK-NEXT: passing result: 64 1001
  std::printf("passing result: %d %d\n", host[0], host[64 + 5]);

  // The first launch moved the 1001 to block 1's element 5; thread 58 of
  // that block reads it from shared memory.
  // ERR: {{^.*}}device-assert.cu:17: void checked(int *, int): block: [1,0,0], thread: [58,0,0] Assertion `value < limit` failed.
  // ERR-NOT: Assertion
  // CHECK-NEXT: failing: 710 cudaErrorAssert
  checked<<<4, 64>>>(data, 1000);
  report("failing", cudaDeviceSynchronize());
  // CHECK-NEXT: sticky: 710 cudaErrorAssert
  report("sticky", cudaGetLastError());
  // CHECK-NEXT: later call: 710 cudaErrorAssert
  report("later call", cudaMemcpy(host, data, sizeof host,
                                  cudaMemcpyDeviceToHost));
  // CHECK-NEXT: later launch: 710 cudaErrorAssert
  checked<<<1, 1>>>(data, 2000);
  report("later launch", cudaDeviceSynchronize());
  return 0;
}
