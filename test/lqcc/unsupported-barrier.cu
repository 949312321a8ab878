// A barrier in a loop whose trip count differs between threads, inside a
// branch that differs between threads, is refused with the kernel and the
// line, exit code 1 (CUDA makes it undefined unless the loop is uniform).
// RUN: %expect-exit 1 %lqcc -c %s -o %t.o 2> %t.err
// RUN: FileCheck %s < %t.err

// CHECK: lqcc: error: a loop with thread-dependent control around a barrier or warp collective, inside a thread-dependent branch, is not supported (kernel ragged(int*), {{.*}}unsupported-barrier.cu:[[@LINE+4]])
__global__ void ragged(int *p) {
  __shared__ int s[64];
  if (threadIdx.x < 32)
    for (int i = 0; i < p[threadIdx.x]; ++i) {
      s[threadIdx.x] = i;
      __syncthreads();
      p[threadIdx.x] += s[31 - threadIdx.x];
    }
}
