// One templated block reduction for int, float and double with functors,
// shared memory typed by the template, and a barrier in its loop.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: int: PASS
// CHECK: double: PASS
// CHECK: max: PASS
#include <cstdio>

struct Add { template <typename T> __host__ __device__ T operator()(T a, T b) const { return a + b; } };
struct Max { template <typename T> __host__ __device__ T operator()(T a, T b) const { return a > b ? a : b; } };

template <typename T, typename Op, int B>
__global__ void reduce(const T *in, T *out, T identity) {
  __shared__ T s[B];
  int t = threadIdx.x;
  s[t] = in[blockIdx.x * B + t];
  for (int half = B / 2; half > 0; half /= 2) {
    __syncthreads();
    if (t < half) s[t] = Op()(s[t], s[t + half]);
  }
  if (t == 0) out[blockIdx.x] = Op()(s[0], identity);
}

template <typename T, typename Op, int B>
static int run(const char *name, T identity) {
  const int blocks = 4, n = blocks * B;
  T h[n], r[blocks];
  for (int i = 0; i < n; ++i) h[i] = (T)((i * 29) % 97) / (T)2;
  T *din, *dout;
  cudaMalloc(&din, sizeof h); cudaMalloc(&dout, sizeof r);
  cudaMemcpy(din, h, sizeof h, cudaMemcpyHostToDevice);
  reduce<T, Op, B><<<blocks, B>>>(din, dout, identity);
  cudaMemcpy(r, dout, sizeof r, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int b = 0; b < blocks; ++b) {
    T want = identity;
    // The same pairing order as the tree, so floating point agrees exactly.
    T tree[B];
    for (int t = 0; t < B; ++t) tree[t] = h[b * B + t];
    for (int half = B / 2; half > 0; half /= 2)
      for (int t = 0; t < half; ++t) tree[t] = Op()(tree[t], tree[t + half]);
    want = Op()(tree[0], identity);
    wrong += r[b] != want;
  }
  std::printf("%s: %s (%d wrong)\n", name, wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}

int main() {
  return run<int, Add, 128>("int", 0) + run<double, Add, 64>("double", 0.0) +
         run<float, Max, 256>("max", -1.0f);
}
