// -Rpass, -Rpass-missed and -Rpass-analysis print LLVM's optimisation
// remarks on device code, as clang does, located at the kernel's source and
// naming the kernel: the thread loop of an element-wise kernel vectorises,
// a loop that chases pointers does not. Without the flags, nothing is
// printed; a bad regular expression is an error.
// RUN: %lqcc -c %s -o %t.o -Rpass=loop-vectorize 2>&1 | FileCheck %s --check-prefix=PASSED
// RUN: %lqcc -c %s -o %t.o -Rpass-missed=loop-vectorize 2>&1 | FileCheck %s --check-prefix=MISSED
// RUN: %lqcc -c %s -o %t.o -Rpass-analysis=loop-vectorize 2>&1 | FileCheck %s --check-prefix=ANALYSIS
// RUN: %lqcc -c %s -o %t.o 2>&1 | FileCheck %s --allow-empty --check-prefix=QUIET
// RUN: not %lqcc -c %s -o %t.o '-Rpass=(' 2>&1 | FileCheck %s --check-prefix=BAD

__global__ void axpy(float a, const float *x, float *y, int n) {
  // PASSED: optimization-remarks.cu:[[@LINE+1]]:{{[0-9]+}}: remark: vectorized loop (vectorization width: {{[0-9]+}}{{.*}}) (in kernel 'axpy(float, float const*, float*, int)') [-Rpass=loop-vectorize]
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = a * x[i] + y[i];
}

__global__ void chase(const int *next, int *out, int steps) {
  int p = blockIdx.x * blockDim.x + threadIdx.x;
  // MISSED: optimization-remarks.cu:[[@LINE+2]]:{{[0-9]+}}: remark: loop not vectorized (in kernel 'chase(int const*, int*, int)') [-Rpass-missed=loop-vectorize]
  // ANALYSIS: optimization-remarks.cu:[[@LINE+1]]:{{[0-9]+}}: remark: {{.*}} [-Rpass-analysis=loop-vectorize]
  for (int k = 0; k < steps; ++k)
    p = next[p];
  out[blockIdx.x * blockDim.x + threadIdx.x] = p;
}

// QUIET-NOT: remark
// BAD: lqcc: error: invalid regular expression '(' in '-Rpass=': parentheses not balanced
