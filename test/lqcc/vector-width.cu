// On a host with AVX-512, device code prefers 512-bit vectors: a block's
// thread loop, vectorised, takes sixteen floats a step, not eight.
// REQUIRES: avx512f
// RUN: %lqcc -O3 --emit=cpu-llvm %s -o - | FileCheck %s
// CHECK: define {{.*}}@__lingqu_block__Z5scalePfPKfi(
// CHECK: fmul {{.*}}<16 x float>
// CHECK: attributes #{{[0-9]+}} = { {{.*}}"prefer-vector-width"="512"

__global__ void scale(float *out, const float *in, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = 2.0f * in[i];
}
