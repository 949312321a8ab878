// __trap() in device code ends the kernel with "unspecified launch
// failure", which sticks to the context; Lingqu also says which thread
// trapped. Work after the trap in the same kernel does not happen.
// RUN: %lqcc %s -o %t
// RUN: %run %t 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=ERR < %t.err
#include <cstdio>

__global__ void guarded(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i == n)
    __trap();
  out[i] = i;
}

int main() {
  int *out;
  cudaMallocManaged(&out, 64 * sizeof(int));
  for (int i = 0; i < 64; ++i)
    out[i] = -1;
  // ERR: lingqu: kernel 'guarded(int*, int)' block (0,0,0) thread (2,0,0) executed __trap()
  // CHECK: trap: 719 cudaErrorLaunchFailure
  guarded<<<1, 64>>>(out, 2);
  cudaError_t e = cudaDeviceSynchronize();
  std::printf("trap: %d %s\n", (int)e, cudaGetErrorName(e));
  // The trapping thread stopped before its store.
  // CHECK-NEXT: out[2] = -1
  std::printf("out[2] = %d\n", out[2]);
  // CHECK-NEXT: sticky: 719
  std::printf("sticky: %d\n", (int)cudaMalloc(&out, 4));
  return 0;
}
