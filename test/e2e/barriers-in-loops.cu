// __syncthreads() inside loops (counted, do-while with break, nested) and
// under block-uniform branches, with per-thread values carried across them.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// RUN: %lqcc -O0 %s -o %t.O0 && %run %t.O0 | FileCheck %s
// CHECK: tree-reduce: PASS
// CHECK: tiled-matmul: PASS
// CHECK: uniform-branch: PASS
// CHECK: break-loop: PASS
#include <cstdio>
#include <vector>

// The classic shared-memory tree reduction: the loop bound is uniform, the
// branch inside it is not, the barrier is in the loop body.
__global__ void tree_reduce(const float *in, float *out, int n) {
  extern __shared__ float buf[];
  int t = threadIdx.x;
  int i = blockIdx.x * blockDim.x + t;
  buf[t] = i < n ? in[i] : 0.f;
  __syncthreads();
  for (int s = blockDim.x / 2; s > 0; s >>= 1) {
    if (t < s)
      buf[t] += buf[t + s];
    __syncthreads();
  }
  if (t == 0)
    out[blockIdx.x] = buf[0];
}

// Tiled matrix multiply: a per-thread accumulator lives across two barriers
// in every iteration of the tile loop.
constexpr int T = 8;
__global__ void matmul(const float *a, const float *b, float *c, int n) {
  __shared__ float ta[T][T], tb[T][T];
  int row = blockIdx.y * T + threadIdx.y, col = blockIdx.x * T + threadIdx.x;
  float acc = 0;
  for (int k0 = 0; k0 < n; k0 += T) {
    ta[threadIdx.y][threadIdx.x] = a[row * n + k0 + threadIdx.x];
    tb[threadIdx.y][threadIdx.x] = b[(k0 + threadIdx.y) * n + col];
    __syncthreads();
    for (int k = 0; k < T; ++k)
      acc += ta[threadIdx.y][k] * tb[k][threadIdx.x];
    __syncthreads();
  }
  c[row * n + col] = acc;
}

// A barrier under a branch on a block-uniform condition.
__global__ void uniform_branch(int *out, int mode) {
  __shared__ int s[32];
  int t = threadIdx.x;
  int v = t * 3;
  if (mode > blockIdx.x) {
    s[t] = v;
    __syncthreads();
    v = s[31 - t] + 1000;
  } else {
    s[t] = -v;
    __syncthreads();
    v = s[(t + 1) % 32];
  }
  out[blockIdx.x * 32 + t] = v;
}

// A loop left with `break` on a uniform condition, barrier before the exit.
__global__ void break_loop(int *out) {
  __shared__ int flag;
  __shared__ int data[64];
  int t = threadIdx.x;
  int mine = t;
  int rounds = 0;
  while (true) {
    data[t] = mine;
    if (t == 0)
      flag = rounds >= 4;
    __syncthreads();
    if (flag)
      break;
    mine = data[(t + 1) % 64] + 1;
    ++rounds;
    __syncthreads();
  }
  out[t] = mine * 100 + rounds;
}

static int check(const char *name, int wrong) {
  std::printf("%s: %s (%d wrong)\n", name, wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}

int main() {
  int failures = 0;
  { // tree_reduce
    const int n = 5000, block = 128, blocks = (n + block - 1) / block;
    std::vector<float> h(n);
    for (int i = 0; i < n; ++i)
      h[i] = (i % 13) * 0.25f;
    float *din, *dout;
    cudaMalloc(&din, n * sizeof(float));
    cudaMalloc(&dout, blocks * sizeof(float));
    cudaMemcpy(din, h.data(), n * sizeof(float), cudaMemcpyHostToDevice);
    tree_reduce<<<blocks, block, block * sizeof(float)>>>(din, dout, n);
    std::vector<float> r(blocks);
    cudaMemcpy(r.data(), dout, blocks * sizeof(float), cudaMemcpyDeviceToHost);
    int wrong = 0;
    for (int b = 0; b < blocks; ++b) {
      float want = 0;
      for (int i = b * block; i < n && i < (b + 1) * block; ++i)
        want += h[i];
      wrong += r[b] != want;
    }
    failures += check("tree-reduce", wrong);
  }
  { // matmul
    const int n = 32;
    std::vector<float> a(n * n), b(n * n), c(n * n);
    for (int i = 0; i < n * n; ++i) {
      a[i] = (i % 7) - 3;
      b[i] = (i % 5) * 0.5f;
    }
    float *da, *db, *dc;
    cudaMalloc(&da, n * n * sizeof(float));
    cudaMalloc(&db, n * n * sizeof(float));
    cudaMalloc(&dc, n * n * sizeof(float));
    cudaMemcpy(da, a.data(), n * n * sizeof(float), cudaMemcpyHostToDevice);
    cudaMemcpy(db, b.data(), n * n * sizeof(float), cudaMemcpyHostToDevice);
    matmul<<<dim3(n / T, n / T), dim3(T, T)>>>(da, db, dc, n);
    cudaMemcpy(c.data(), dc, n * n * sizeof(float), cudaMemcpyDeviceToHost);
    int wrong = 0;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) {
        float want = 0;
        for (int k = 0; k < n; ++k)
          want += a[i * n + k] * b[k * n + j];
        wrong += c[i * n + j] != want;
      }
    failures += check("tiled-matmul", wrong);
  }
  { // uniform_branch
    int *d;
    cudaMalloc(&d, 4 * 32 * sizeof(int));
    uniform_branch<<<4, 32>>>(d, 2);
    int h[4 * 32];
    cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
    int wrong = 0;
    for (int b = 0; b < 4; ++b)
      for (int t = 0; t < 32; ++t) {
        int want = 2 > b ? (31 - t) * 3 + 1000 : -((t + 1) % 32) * 3;
        wrong += h[b * 32 + t] != want;
      }
    failures += check("uniform-branch", wrong);
  }
  { // break_loop
    int *d;
    cudaMalloc(&d, 64 * sizeof(int));
    break_loop<<<1, 64>>>(d);
    int h[64];
    cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
    int mine[64];
    for (int t = 0; t < 64; ++t)
      mine[t] = t;
    for (int r = 0; r < 4; ++r) {
      int next[64];
      for (int t = 0; t < 64; ++t)
        next[t] = mine[(t + 1) % 64] + 1;
      for (int t = 0; t < 64; ++t)
        mine[t] = next[t];
    }
    int wrong = 0;
    for (int t = 0; t < 64; ++t)
      wrong += h[t] != mine[t] * 100 + 4;
    failures += check("break-loop", wrong);
  }
  return failures;
}
