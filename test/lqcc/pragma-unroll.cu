// `#pragma unroll` reaches LLVM as nvcc's does: a 16-trip loop whose body
// is too big for the default full-unroll threshold is unrolled completely
// when asked, and `#pragma unroll 1` reaches the code generator as a loop
// to keep rolled. (The annotation sits on the loop's latch branch, which
// lifting to scf replaces.)
// RUN: %lqcc -c %s -o %t.o -Rpass=loop-unroll 2>&1 | FileCheck %s
// RUN: %lqcc --emit=mlir-cpu %s -o - | FileCheck %s --check-prefix=MLIR

// MLIR-DAG: #llvm.loop_unroll<disable = false>
// MLIR-DAG: #llvm.loop_unroll<disable = true>

__global__ void nearest(const float *x, const float *c, int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float p[8];
  for (int d = 0; d < 8; ++d)
    p[d] = x[d * n + i];
  int best = 0;
  float bestDist = 1e30f;
  // CHECK: pragma-unroll.cu:[[@LINE+2]]:{{[0-9]+}}: remark: completely unrolled loop with 16 iterations (in kernel 'nearest(float const*, float const*, int*, int)') [-Rpass=loop-unroll]
#pragma unroll
  for (int k = 0; k < 16; ++k) {
    float dist = 0.0f;
    for (int d = 0; d < 8; ++d) {
      float diff = p[d] - c[k * 8 + d];
      dist = fmaf(diff, diff, dist);
    }
    if (dist < bestDist) {
      bestDist = dist;
      best = k;
    }
  }
  out[i] = best;
}

__global__ void rolled(const float *x, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float s = 0;
#pragma unroll 1
  for (int k = 0; k < 4; ++k)
    s += x[k * n + i];
  out[i] = s;
}
