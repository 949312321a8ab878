// -Rpass, -Rpass-missed and -Rpass-analysis print LLVM's optimisation
// remarks on device code, as clang does, located at the kernel's source and
// naming the kernel. Without the flags, nothing is printed (not even the
// optimiser's warnings about the vectorisation lqcc forces on thread loops
// that hold loops); a bad regular expression is an error.
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

// The thread loop holds a loop of the same, constant trip count for every
// thread that only computes (a loop that reads memory runs once per block instead, the
// thread loop inside it): LLVM's outer-loop vectoriser runs it for a vector
// of threads at once.
__global__ void iterate(const float *a, float *out) {
  // PASSED: optimization-remarks.cu:[[@LINE+1]]:{{[0-9]+}}: remark: vectorized outer loop (vectorization width: {{[0-9]+}}{{.*}}) (in kernel 'iterate(float const*, float*)') [-Rpass=loop-vectorize]
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float x = a[i];
  for (int j = 0; j < 100; ++j)
    x = x * x * 0.5f + 0.25f;
  out[i] = x;
}

// Each thread's own trip count: neither loop vectorises, and the remarks
// say why.
__global__ void chase(const int *next, int *out, const int *steps) {
  // MISSED: optimization-remarks.cu:[[@LINE+2]]:{{[0-9]+}}: remark: loop not vectorized (Force=true) (in kernel 'chase(int const*, int*, int const*)') [-Rpass-missed=loop-vectorize]
  // ANALYSIS: optimization-remarks.cu:[[@LINE+1]]:{{[0-9]+}}: remark: loop not vectorized: Unsupported outer loop (in kernel 'chase(int const*, int*, int const*)') [-Rpass-analysis]
  int i = blockIdx.x * blockDim.x + threadIdx.x, p = i;
  for (int k = 0; k < steps[i]; ++k)
    p = next[p];
  out[i] = p;
}

// QUIET-NOT: remark
// QUIET-NOT: warning
// BAD: lqcc: error: invalid regular expression '(' in '-Rpass=': parentheses not balanced
