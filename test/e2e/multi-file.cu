// lqcc compiles and links .cu and .cpp sources together; the host file uses
// the runtime API through cuda_runtime.h without being CUDA itself.
// RUN: %lqcc %s %S/Inputs/host_driver.cpp -o %t && %t | FileCheck %s
// RUN: %lqcc -c %s -o %t.kernels.o
// RUN: %lqcc %t.kernels.o %S/Inputs/host_driver.cpp -o %t.linked && %t.linked | FileCheck %s
// CHECK: multi-file: 0 3 6 9 ... 3069
// CHECK: multi-file: PASS

__global__ void triple(int *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    v[i] = 3 * i;
}

void launch_triple(int *v, int n) { triple<<<(n + 63) / 64, 64>>>(v, n); }
