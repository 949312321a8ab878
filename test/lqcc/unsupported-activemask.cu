// __activemask() under a branch threads may take differently would have to
// name exactly the lanes that took it; that is refused for now, exit 1.
// RUN: %expect-exit 1 %lqcc -c %s -o %t.o 2> %t.err
// RUN: FileCheck %s < %t.err

// CHECK: lqcc: error: __activemask() under thread-dependent control flow is not supported (kernel lanes(unsigned int*), {{.*}}unsupported-activemask.cu:[[@LINE+3]])
__global__ void lanes(unsigned *p) {
  if (threadIdx.x % 3)
    p[threadIdx.x] = __activemask();
}
