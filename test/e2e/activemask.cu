// __activemask() names the lanes that reach it: everywhere in uniform code,
// only those that took a thread-dependent branch or are still in a
// thread-dependent loop; coalesced_threads() follows it.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: activemask: PASS
#include <cooperative_groups.h>
#include <cstdio>

namespace cg = cooperative_groups;

__global__ void lanes(unsigned *out) {
  int t = threadIdx.x;
  unsigned *o = out + t * 4;
  o[0] = __activemask();
  o[1] = 0;
  if (t % 3)
    o[1] = __activemask();
  o[2] = 0;
  for (int k = 0; k < t % 5; ++k)
    o[2] = __activemask(); // the lanes still iterating in round k
  o[3] = 0;
  if (t % 2 == 0)
    o[3] = (unsigned)cg::coalesced_threads().size();
}

int main() {
  const int n = 80; // warps of 32, 32, 16
  unsigned *d, h[n * 4];
  cudaMalloc(&d, sizeof h);
  lanes<<<1, n>>>(d);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int t = 0; t < n; ++t) {
    int base = t & ~31, lanes = n - base < 32 ? n - base : 32;
    unsigned all = 0, branch = 0, even = 0, last = 0;
    for (int l = 0; l < lanes; ++l) {
      all |= 1u << l;
      if ((base + l) % 3)
        branch |= 1u << l;
      if ((base + l) % 2 == 0)
        even |= 1u << l;
      // In this thread's last round (k = t % 5 - 1), lanes with more rounds.
      if ((base + l) % 5 > t % 5 - 1)
        last |= 1u << l;
    }
    const unsigned *o = h + t * 4;
    wrong += o[0] != all;
    wrong += o[1] != (t % 3 ? branch : 0u);
    wrong += o[2] != (t % 5 ? last : 0u);
    wrong += o[3] != (t % 2 == 0 ? (unsigned)__builtin_popcount(even) : 0u);
  }
  std::printf("activemask: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
