// The header names CUDA code includes directly all resolve, in any order,
// and bring what CUDA's do: math constants, vector types with CUDA's
// layouts, and the intrinsics of each sm_* header.
// RUN: %lqcc %s -o %t && %exec %t | FileCheck %s
// CHECK: cuda-headers: PASS
#include <math_constants.h>
#include <sm_61_intrinsics.h>
#include <sm_35_intrinsics.h>
#include <sm_32_intrinsics.h>
#include <sm_30_intrinsics.h>
#include <sm_20_intrinsics.h>
#include <sm_60_atomic_functions.h>
#include <sm_35_atomic_functions.h>
#include <sm_32_atomic_functions.h>
#include <sm_20_atomic_functions.h>
#include <device_atomic_functions.h>
#include <device_double_functions.h>
#include <device_functions.h>
#include <device_launch_parameters.h>
#include <math_functions.h>
#include <cuda.h>
#include <cuda_runtime_api.h>
#include <vector_types.h>
#include <vector_functions.h>
#include <cstdio>

static_assert(sizeof(double4) == 32 && alignof(double4) == 16, "double4");
static_assert(sizeof(char3) == 3 && alignof(char3) == 1, "char3");
static_assert(sizeof(longlong2) == 16 && alignof(longlong2) == 16, "longlong2");

__global__ void useThem(float *out, unsigned *bits, unsigned long long *sum) {
  out[threadIdx.x] = sinf(CUDART_PIO2_F) + float(blockDim.x);
  bits[threadIdx.x] = __popc(__ldg(&bits[threadIdx.x]));
  atomicAdd(sum, 1ull);
}

int main() {
  float *out;
  unsigned *bits;
  unsigned long long *sum;
  cudaMallocManaged(&out, 4 * sizeof(float));
  cudaMallocManaged(&bits, 4 * sizeof(unsigned));
  cudaMallocManaged(&sum, sizeof *sum);
  for (int i = 0; i < 4; ++i)
    bits[i] = (1u << i) - 1;
  *sum = 0;
  useThem<<<1, 4>>>(out, bits, sum);
  cudaDeviceSynchronize();
  bool ok = *sum == 4 && CUDART_PI == 3.141592653589793 &&
            CUDART_INF_F > 3e38f && CUDART_NAN != CUDART_NAN;
  for (int i = 0; i < 4; ++i)
    ok = ok && out[i] == 5.0f && bits[i] == unsigned(i);
  std::printf("cuda-headers: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
