// Bad input: threads of a block wait at different __syncthreads() calls,
// which CUDA leaves undefined. The kernel runs on the fiber executor, which
// sees it: the kernel fails with cudaErrorLaunchFailure and one line naming
// the kernel, the block and both barriers, the error sticks (as after a
// faulting kernel), and nothing hangs.
// RUN: %lqcc -w %s -o %t
// RUN: %run %t 2>&1 | FileCheck %s
// CHECK: lingqu: kernel 'split(int*)' block (0,0,0): threads wait at different barriers: thread (0,0,0) at {{.*}}fiber-mismatched-barriers.cu:[[@LINE+12]]:{{[0-9]+}}, thread (16,0,0) at {{.*}}fiber-mismatched-barriers.cu:[[@LINE+16]]:{{[0-9]+}}
// CHECK-NEXT: launch: asynchronous
// CHECK-NEXT: synchronize: cudaErrorLaunchFailure
// CHECK-NEXT: last error: cudaErrorLaunchFailure
// CHECK-NEXT: mismatched-barriers: PASS
#include <cstdio>

__global__ void split(int *out) {
  __shared__ int s[32];
  int t = threadIdx.x;
  if (t < 16) {
    s[t] = t;
    __syncthreads();
    out[t] = s[15 - t];
  } else {
    s[t] = -t;
    __syncthreads();
    out[t] = s[47 - t];
  }
}

int main() {
  int *d;
  cudaMalloc(&d, 32 * sizeof(int));
  split<<<2, 32>>>(d);
  cudaError_t launch = cudaGetLastError();
  cudaError_t sync = cudaDeviceSynchronize();
  cudaError_t last = cudaGetLastError();
  // The launch returns before the kernel runs, unless it has already
  // failed by the time cudaGetLastError looks.
  bool async = launch == cudaSuccess || launch == cudaErrorLaunchFailure;
  std::printf("launch: %s\nsynchronize: %s\nlast error: %s\n",
              async ? "asynchronous" : cudaGetErrorName(launch),
              cudaGetErrorName(sync), cudaGetErrorName(last));
  bool ok = async && sync == cudaErrorLaunchFailure &&
            last == cudaErrorLaunchFailure;
  std::printf("mismatched-barriers: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
