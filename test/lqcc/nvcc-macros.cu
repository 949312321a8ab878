// nvcc's predefined macros, and __CUDA_ARCH__ from the architectures asked
// for: the device side is parsed for the lowest of them.
// RUN: %lqcc -arch=sm_70 -gencode arch=compute_86,code=[sm_86,compute_86] %s -o %t && %t | FileCheck %s
// RUN: %lqcc %s -o %t.default && %t.default | FileCheck %s --check-prefix=DEFAULT
// RUN: %lqcc --gpu-architecture=sm_90a -rdc=false -expt-relaxed-constexpr --extended-lambda %s -o %t.90 && %t.90 | FileCheck %s --check-prefix=SM90
// CHECK: nvcc 1 12.8.93 lingqu 100
// CHECK: list 700,860
// CHECK: device 700
// CHECK: relaxed 0 lambda 0
// DEFAULT: list 800
// DEFAULT: device 800
// SM90: list 900
// SM90: device 900
// SM90: relaxed 1 lambda 1

#include <cstdio>

#define STR2(...) #__VA_ARGS__
#define STR(...) STR2(__VA_ARGS__)

__global__ void arch(int *out) {
#ifdef __CUDA_ARCH__
  *out = __CUDA_ARCH__;
#endif
}

int main() {
#if defined(__NVCC__) && defined(__CUDACC__)
  std::printf("nvcc 1 %d.%d.%d lingqu %d\n", __CUDACC_VER_MAJOR__,
              __CUDACC_VER_MINOR__, __CUDACC_VER_BUILD__, __LINGQU__);
#endif
  std::printf("list %s\n", STR(__CUDA_ARCH_LIST__));
  int *d, h = 0;
  cudaMalloc(&d, sizeof(int));
  arch<<<1, 1>>>(d);
  cudaMemcpy(&h, d, sizeof(int), cudaMemcpyDeviceToHost);
  std::printf("device %d\n", h);
#ifdef __CUDACC_RELAXED_CONSTEXPR__
  int relaxed = 1;
#else
  int relaxed = 0;
#endif
#ifdef __CUDACC_EXTENDED_LAMBDA__
  int lambda = 1;
#else
  int lambda = 0;
#endif
  std::printf("relaxed %d lambda %d\n", relaxed, lambda);
  return 0;
}
