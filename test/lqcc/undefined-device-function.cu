// A device function that nothing defines (declared here, defined in another
// file, which would need -rdc; or a libdevice function) is a compile error
// at the call site, not a failure when the runtime loads the kernels.
// RUN: not %lqcc %s -o %t 2>&1 | FileCheck %s
// CHECK: undefined-device-function.cu:[[@LINE+9]]:20: error: device code calls 'elsewhere(float)', which is not defined for the device (in 'scale(float*)'): define it in this file, or compile the files with -rdc=true (or -dc) so that the device link finds it in another
// CHECK: undefined-device-function.cu:[[@LINE+11]]:20: error: device code calls '__nv_fast_sinf', which is not defined for the device (in 'fast(float*)')
// CHECK-NOT: error

extern __device__ float elsewhere(float);
extern "C" __device__ float __nv_fast_sinf(float);
__device__ float defined(float x) { return x * 2.0f; }

__global__ void scale(float *x) {
  x[threadIdx.x] = elsewhere(x[threadIdx.x]) + defined(x[0]);
}
__global__ void fast(float *x) {
  x[threadIdx.x] = __nv_fast_sinf(x[threadIdx.x]) + sinf(x[1]);
}

int main() { return 0; }
