// Atomics on __shared__ memory: every CUDA atomic, from every thread of a
// block, on the block's own shared variables. Lingqu makes them plain
// read-modify-writes (a block's threads share one OS thread); the results
// must be exactly the atomic ones, in the collapsed form and on fibers.
// RUN: %lqcc %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: shared-atomics: OK
#include <cstdio>

struct Totals {
  int add, sub, mn, mx, andv, orv, xorv, exch, casWinner;
  unsigned inc, dec;
  unsigned long long add64;
  float fadd;
  double dadd;
};

__global__ void everyAtomic(Totals *out) {
  __shared__ Totals s;
  int t = threadIdx.x;
  if (t == 0) {
    s = Totals{0, 1000, 1 << 30, -1, -1, 0, 0, 0, 0, 0, 500, 0, 0.0f, 0.0};
  }
  __syncthreads();
  atomicAdd(&s.add, t);
  atomicSub(&s.sub, 2);
  atomicMin(&s.mn, 500 - t);
  atomicMax(&s.mx, t * 3);
  atomicAnd(&s.andv, ~(1 << (t % 31)));
  atomicOr(&s.orv, 1 << (t % 20));
  atomicXor(&s.xorv, t);
  atomicExch(&s.exch, 42);
  atomicCAS(&s.casWinner, 0, t + 1);
  atomicInc(&s.inc, 99);
  atomicDec(&s.dec, 1000);
  atomicAdd(&s.add64, (unsigned long long)t << 32);
  atomicAdd(&s.fadd, 0.5f);
  atomicAdd(&s.dadd, 0.25);
  __syncthreads();
  if (t == 0)
    out[blockIdx.x] = s;
}

int main() {
  const int threads = 256, blocks = 3;
  Totals *out;
  cudaMallocManaged(&out, blocks * sizeof(Totals));
  everyAtomic<<<blocks, threads>>>(out);
  if (cudaDeviceSynchronize() != cudaSuccess)
    return 1;
  // What the atomics give, in any order of the threads.
  Totals want{0, 1000, 1 << 30, -1, -1, 0, 0, 42, 0, 0, 500, 0, 0.0f, 0.0};
  for (int t = 0; t < threads; ++t) {
    want.add += t;
    want.sub -= 2;
    want.mn = 500 - t < want.mn ? 500 - t : want.mn;
    want.mx = t * 3 > want.mx ? t * 3 : want.mx;
    want.andv &= ~(1 << (t % 31));
    want.orv |= 1 << (t % 20);
    want.xorv ^= t;
    want.inc = want.inc >= 99 ? 0 : want.inc + 1;
    want.dec = want.dec == 0 || want.dec > 1000 ? 1000 : want.dec - 1;
    want.add64 += (unsigned long long)t << 32;
    want.fadd += 0.5f;
    want.dadd += 0.25;
  }
  int bad = 0;
  for (int b = 0; b < blocks; ++b) {
    const Totals &g = out[b];
    bool ok = g.add == want.add && g.sub == want.sub && g.mn == want.mn &&
              g.mx == want.mx && g.andv == want.andv && g.orv == want.orv &&
              g.xorv == want.xorv && g.exch == 42 && g.casWinner >= 1 &&
              g.casWinner <= threads && g.inc == want.inc &&
              g.dec == want.dec && g.add64 == want.add64 &&
              g.fadd == want.fadd && g.dadd == want.dadd;
    if (!ok) {
      ++bad;
      printf("block %d: add %d sub %d min %d max %d and %x or %x xor %d exch %d "
             "cas %d inc %u dec %u add64 %llu fadd %g dadd %g\n",
             b, g.add, g.sub, g.mn, g.mx, g.andv, g.orv, g.xorv, g.exch,
             g.casWinner, g.inc, g.dec, g.add64, g.fadd, g.dadd);
    }
  }
  printf("shared-atomics: %s\n", bad ? "FAIL" : "OK");
  return bad != 0;
}
