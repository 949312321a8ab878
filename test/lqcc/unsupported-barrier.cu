// A barrier in a switch statement is refused with the kernel and the line,
// exit code 1 (loops and if/else around barriers are supported).
// RUN: %expect-exit 1 %lqcc -c %s -o %t.o 2> %t.err
// RUN: FileCheck %s < %t.err

// CHECK: lqcc: error: __syncthreads() inside a switch statement is not supported (kernel switched(int*, int), {{.*}}unsupported-barrier.cu:[[@LINE+8]])
__global__ void switched(int *p, int mode) {
  __shared__ int s[64];
  s[threadIdx.x] = p[threadIdx.x];
  switch (mode) {
  case 1:
  case 5:
  case 9:
    __syncthreads();
    p[threadIdx.x] = s[63 - threadIdx.x];
    break;
  default:
    p[threadIdx.x] = 0;
  }
}
