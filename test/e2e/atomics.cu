// Every CUDA atomic function, from all threads of many blocks at once (the
// blocks run on different cores), on global and shared memory.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: histogram: PASS
// CHECK: shared-histogram: PASS
// CHECK: atomics: PASS
#include <cstdio>
#include <vector>

__global__ void histogram(const int *in, int n, unsigned *bins) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    atomicAdd(&bins[in[i] % 16], 1u);
}

__global__ void shared_histogram(const int *in, int n, unsigned *bins) {
  __shared__ unsigned local[16];
  if (threadIdx.x < 16)
    local[threadIdx.x] = 0;
  __syncthreads();
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    atomicAdd_block(&local[in[i] % 16], 1u);
  __syncthreads();
  if (threadIdx.x < 16)
    atomicAdd(&bins[threadIdx.x], local[threadIdx.x]);
}

struct Results {
  int add, sub, mn, mx, andv, orv, xorv, exch, cas_winners;
  unsigned inc, dec;
  unsigned long long add64, max64;
  long long min64;
  float fadd;
  double dadd;
  unsigned short cas16;
};

__global__ void everything(Results *r) {
  int t = blockIdx.x * blockDim.x + threadIdx.x; // 0 .. 1023
  atomicAdd(&r->add, t);
  atomicSub(&r->sub, 2);
  atomicMin(&r->mn, 500 - t);
  atomicMax(&r->mx, t * 3);
  atomicAnd(&r->andv, ~(1 << (t % 31)));
  atomicOr(&r->orv, 1 << (t % 20));
  atomicXor(&r->xorv, t);
  atomicExch(&r->exch, 42);
  if (atomicCAS(&r->cas_winners, 0, t + 1) == 0)
    atomicAdd_system(&r->add64, 1ull << 40);
  atomicInc(&r->inc, 99);
  atomicDec(&r->dec, 1000);
  atomicAdd(&r->add64, (unsigned long long)t);
  atomicMax(&r->max64, (unsigned long long)t << 33);
  atomicMin(&r->min64, -(long long)t * 1000000007LL);
  atomicAdd(&r->fadd, 0.5f);
  atomicAdd(&r->dadd, 0.25);
  atomicCAS(&r->cas16, (unsigned short)7, (unsigned short)9);
  __threadfence();
}

int main() {
  int failures = 0;
  const int n = 100000;
  std::vector<int> in(n);
  for (int i = 0; i < n; ++i)
    in[i] = (i * 37) % 1001;
  std::vector<unsigned> want(16, 0);
  for (int v : in)
    ++want[v % 16];
  int *din;
  unsigned *dbins;
  cudaMalloc(&din, n * sizeof(int));
  cudaMalloc(&dbins, 16 * sizeof(unsigned));
  cudaMemcpy(din, in.data(), n * sizeof(int), cudaMemcpyHostToDevice);
  for (int pass = 0; pass < 2; ++pass) {
    cudaMemset(dbins, 0, 16 * sizeof(unsigned));
    if (pass == 0)
      histogram<<<64, 128>>>(din, n, dbins);
    else
      shared_histogram<<<(n + 255) / 256, 256>>>(din, n, dbins);
    std::vector<unsigned> got(16);
    cudaMemcpy(got.data(), dbins, 16 * sizeof(unsigned), cudaMemcpyDeviceToHost);
    int wrong = got != want;
    std::printf("%s: %s\n", pass ? "shared-histogram" : "histogram",
                wrong ? "FAIL" : "PASS");
    failures += wrong;
  }

  Results init = {};
  init.mn = 1000; init.mx = -1; init.andv = -1; init.orv = 0; init.xorv = 0;
  init.dec = 5; init.min64 = 0; init.cas16 = 7;
  Results *dr;
  cudaMalloc(&dr, sizeof(Results));
  cudaMemcpy(dr, &init, sizeof init, cudaMemcpyHostToDevice);
  everything<<<8, 128>>>(dr);
  Results r;
  cudaMemcpy(&r, dr, sizeof r, cudaMemcpyDeviceToHost);
  int xorv = 0;
  long long sum = 0;
  for (int t = 0; t < 1024; ++t) {
    xorv ^= t;
    sum += t;
  }
  // 1024 increments modulo 100; 1024 decrements from 5 wrapping at 1000.
  unsigned inc = 1024 % 100, dec = 5;
  for (int k = 0; k < 1024; ++k)
    dec = (dec == 0 || dec > 1000) ? 1000 : dec - 1;
  int wrong = 0;
  wrong += r.add != sum;
  wrong += r.sub != -2048;
  wrong += r.mn != 500 - 1023;
  wrong += r.mx != 1023 * 3;
  wrong += r.andv != (int)0x80000000;
  wrong += r.orv != (1 << 20) - 1;
  wrong += r.xorv != xorv;
  wrong += r.exch != 42;
  wrong += r.cas_winners < 1 || r.cas_winners > 1024;
  wrong += r.inc != inc;
  wrong += r.dec != dec;
  wrong += r.add64 != (1ull << 40) + (unsigned long long)sum;
  wrong += r.max64 != 1023ull << 33;
  wrong += r.min64 != -1023LL * 1000000007LL;
  wrong += r.fadd != 512.0f;
  wrong += r.dadd != 256.0;
  wrong += r.cas16 != 9;
  std::printf("atomics: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return failures + wrong;
}
