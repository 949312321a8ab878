// CUDA's min and max overloads, in device and host code: integers of every
// width (mixed signed and unsigned compare as unsigned, as CUDA's do), the
// C names umin/umax/llmin/llmax/ullmin/ullmax, and the floating-point forms
// (fmin/fmax semantics: a NaN gives the other argument). With `using
// namespace std`, min(int, int) is still CUDA's, not ambiguous.
// RUN: %lqcc %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: device: -3 7 4294967293 4294967295 -9000000000 18446744073709551615 2.5 1.5 3 4
// CHECK: host: -3 7 4294967293 4294967295 -9000000000 18446744073709551615 2.5 1.5 3 4
// CHECK: c-names: 3 9 -5 5 2 8
#include <algorithm>
#include <cmath>
#include <cstdio>
using namespace std;

struct Results {
  int i0, i1;
  unsigned u0, u1;
  long long l0;
  unsigned long long ul0;
  float f0, f1;
  double d0, d1;
};

__host__ __device__ Results compute(int a, int b, float nan) {
  Results r;
  r.i0 = min(a, b);             // -3
  r.i1 = max(a, b);             // 7
  r.u0 = min(a, 4294967295u);   // -3 as unsigned: 4294967293
  r.u1 = max(0u, -1);           // -1 as unsigned: 4294967295
  r.l0 = min(-9000000000LL, (long long)b);
  r.ul0 = max(1ULL, -1LL);      // 18446744073709551615
  r.f0 = min(2.5f, nan);        // 2.5
  r.f1 = max(nan, 1.5f);        // 1.5
  r.d0 = min(3.0, 4.0f);        // 3
  r.d1 = max(3.0f, 4.0);        // 4
  return r;
}

__global__ void kernel(Results *out, int a, int b, float nan) {
  *out = compute(a, b, nan);
}

__global__ void cNames(long long *out) {
  out[0] = umin(3u, 9u);
  out[1] = umax(3u, 9u);
  out[2] = llmin(-5LL, 5LL);
  out[3] = llmax(-5LL, 5LL);
  out[4] = (long long)ullmin(2ULL, 8ULL);
  out[5] = (long long)ullmax(2ULL, 8ULL);
}

static void print(const char *who, const Results &r) {
  printf("%s: %d %d %u %u %lld %llu %g %g %g %g\n", who, r.i0, r.i1, r.u0,
         r.u1, r.l0, r.ul0, r.f0, r.f1, r.d0, r.d1);
}

int main() {
  Results *d;
  long long *c;
  cudaMallocManaged(&d, sizeof(Results));
  cudaMallocManaged(&c, 6 * sizeof(long long));
  kernel<<<1, 1>>>(d, -3, 7, NAN);
  cNames<<<1, 1>>>(c);
  if (cudaDeviceSynchronize() != cudaSuccess)
    return 1;
  print("device", *d);
  print("host", compute(-3, 7, NAN));
  printf("c-names: %lld %lld %lld %lld %lld %lld\n", c[0], c[1], c[2], c[3],
         c[4], c[5]);
}
