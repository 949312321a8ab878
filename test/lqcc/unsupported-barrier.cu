// A barrier under a branch is refused with the kernel and the line, exit 1.
// RUN: %expect-exit 1 %lqcc -c %s -o %t.o 2> %t.err
// RUN: FileCheck %s < %t.err

// CHECK: lqcc: error: __syncthreads() inside a loop or a branch is not supported (kernel guarded(int*, int), {{.*}}unsupported-barrier.cu:[[@LINE+5]])
__global__ void guarded(int *p, int n) {
  __shared__ int s[64];
  s[threadIdx.x] = p[threadIdx.x];
  for (int i = 0; i < n; ++i)
    __syncthreads();
  p[threadIdx.x] = s[63 - threadIdx.x];
}
