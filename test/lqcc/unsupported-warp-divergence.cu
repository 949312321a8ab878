// A warp collective under a branch that threads of one block may take
// differently is refused (warp-granularity collapsing comes later), exit 1.
// RUN: %expect-exit 1 %lqcc -c %s -o %t.o 2> %t.err
// RUN: FileCheck %s < %t.err

// CHECK: lqcc: error: a warp shuffle (__shfl*_sync) under thread-dependent control flow is not supported (kernel first_warp_sum(int*), {{.*}}unsupported-warp-divergence.cu:[[@LINE+5]])
__global__ void first_warp_sum(int *p) {
  int v = p[threadIdx.x];
  if (threadIdx.x < 32)
    for (int offset = 16; offset > 0; offset /= 2)
      v += __shfl_down_sync(0xffffffff, v, offset);
  p[threadIdx.x] = v;
}
