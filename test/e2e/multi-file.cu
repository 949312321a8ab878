// lqcc compiles and links .cu and .cpp sources together; the host file uses
// the runtime API through cuda_runtime.h without being CUDA itself.
// -D and -I reach both the .cu (device and host sides) and the .cpp file.
// RUN: %lqcc -DFACTOR=3 -I %S/Inputs/include %s %S/Inputs/host_driver.cpp -o %t && %run %t | FileCheck %s
// RUN: %lqcc -DFACTOR=3 -I%S/Inputs/include -c %s -o %t.kernels.o
// RUN: %lqcc -DFACTOR=3 %t.kernels.o %S/Inputs/host_driver.cpp -o %t.linked && %run %t.linked | FileCheck %s
// CHECK: multi-file: 0 3 6 9 ... 3069
// CHECK: multi-file: PASS

#include "factor.h"

__global__ void triple(int *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    v[i] = MULTIPLY_BY(i);
}

void launch_triple(int *v, int n) { triple<<<(n + 63) / 64, 64>>>(v, n); }
