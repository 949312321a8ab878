// A warp collective in a loop whose trip count differs between threads is
// refused (warp-granularity collapsing comes later), exit code 1.
// RUN: %expect-exit 1 %lqcc -c %s -o %t.o 2> %t.err
// RUN: FileCheck %s < %t.err

// CHECK: lqcc: error: a warp shuffle (__shfl*_sync) in a loop with thread-dependent control is not supported (kernel strided(int*, int), {{.*}}unsupported-warp-divergence.cu:[[@LINE+5]])
__global__ void strided(int *p, int n) {
  int v = 0;
  for (int i = threadIdx.x; i < n; i += 32) {
    v += p[i];
    v += __shfl_down_sync(0xffffffff, v, 1);
  }
  p[threadIdx.x] = v;
}
