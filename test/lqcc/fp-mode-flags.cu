// nvcc's floating-point mode flags: -fmad decides whether a * b + c in
// device code is one fused multiply-add (it is by default, as with nvcc);
// -use_fast_math defines __USE_FAST_MATH__; -ftz is accepted with a warning
// that denormals are kept; a value other than true/false is an error.
// RUN: %lqcc %s -o %t.fma && %t.fma | FileCheck %s --check-prefix=FUSED
// RUN: %lqcc -fmad=false %s -o %t.nofma && %t.nofma | FileCheck %s --check-prefix=SEPARATE
// RUN: %lqcc --fmad=true -prec-div=false -prec-sqrt=false %s -o %t.flags 2>&1 | FileCheck %s --allow-empty --check-prefix=QUIET
// RUN: %lqcc -use_fast_math %s -o %t.fast 2>&1 | FileCheck %s --check-prefix=FTZ
// RUN: %t.fast | FileCheck %s --check-prefix=FAST
// RUN: not %lqcc -ftz=maybe %s -o %t.bad 2>&1 | FileCheck %s --check-prefix=BAD
// FUSED: -0x1p-26 plain
// SEPARATE: 0x0p+0 plain
// QUIET-NOT: warning
// FTZ: lqcc: warning: -ftz=true has no effect on the cpu target: single-precision denormals are computed, not flushed to zero
// FAST: -0x1p-26 fast
// BAD: lqcc: error: invalid value 'maybe' for '-ftz': expected true or false
#include <cstdio>

__global__ void multiplyAdd(const float *in, float *out) {
  // (1 + 2^-13)(1 - 2^-13) - 1 is -2^-26 exactly; rounding the product
  // first gives 0.
  out[0] = in[0] * in[1] + in[2];
}

int main() {
  float *v;
  cudaMallocManaged(&v, 4 * sizeof(float));
  v[0] = 1.0f + 0x1p-13f;
  v[1] = 1.0f - 0x1p-13f;
  v[2] = -1.0f;
  multiplyAdd<<<1, 1>>>(v, v + 3);
  cudaDeviceSynchronize();
#ifdef __USE_FAST_MATH__
  std::printf("%a fast\n", v[3]);
#else
  std::printf("%a plain\n", v[3]);
#endif
  return 0;
}
