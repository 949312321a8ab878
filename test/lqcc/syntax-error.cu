// A syntax error is Clang's diagnostic with file:line:col, and exit code 1.
// RUN: %expect-exit 1 %lqcc -c %s -o %t.o 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.o

// CHECK: syntax-error.cu:[[@LINE+2]]:{{[0-9]+}}: error: expected ';' after expression
__global__ void k(int *p) {
  p[threadIdx.x] = 1
}
