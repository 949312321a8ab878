// An NVVM intrinsic without a CPU lowering is refused with the kernel and the
// line, exit code 1, never compiled wrong.
// RUN: %expect-exit 1 %lqcc -c %s -o %t.o 2> %t.err
// RUN: FileCheck %s < %t.err

// CHECK: lqcc: error: the NVVM operation 'nvvm.read.ptx.sreg.clock64' is not supported (kernel timed(long long*), {{.*}}unsupported-intrinsic.cu:[[@LINE+2]])
__global__ void timed(long long *p) {
  p[threadIdx.x] = __nvvm_read_ptx_sreg_clock64();
}
