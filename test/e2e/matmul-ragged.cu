// Tiled matrix multiply of rectangular matrices whose sizes are not tile
// multiples: zero-padded tiles, boundary checks around the barriers.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: matmul-ragged: PASS
#include <cstdio>
#include <vector>

constexpr int T = 16;

__global__ void matmul(const float *a, const float *b, float *c, int m, int k, int n) {
  __shared__ float ta[T][T], tb[T][T];
  int row = blockIdx.y * T + threadIdx.y, col = blockIdx.x * T + threadIdx.x;
  float acc = 0;
  for (int k0 = 0; k0 < k; k0 += T) {
    ta[threadIdx.y][threadIdx.x] = row < m && k0 + threadIdx.x < k ? a[row * k + k0 + threadIdx.x] : 0;
    tb[threadIdx.y][threadIdx.x] = col < n && k0 + threadIdx.y < k ? b[(k0 + threadIdx.y) * n + col] : 0;
    __syncthreads();
    for (int kk = 0; kk < T; ++kk) acc += ta[threadIdx.y][kk] * tb[kk][threadIdx.x];
    __syncthreads();
  }
  if (row < m && col < n) c[row * n + col] = acc;
}

int main() {
  const int m = 45, k = 37, n = 29;
  std::vector<float> a(m * k), b(k * n), c(m * n);
  for (int i = 0; i < m * k; ++i) a[i] = (i % 9) - 4;
  for (int i = 0; i < k * n; ++i) b[i] = (i % 5) * 0.25f;
  float *da, *db, *dc;
  cudaMalloc(&da, a.size() * 4); cudaMalloc(&db, b.size() * 4); cudaMalloc(&dc, c.size() * 4);
  cudaMemcpy(da, a.data(), a.size() * 4, cudaMemcpyHostToDevice);
  cudaMemcpy(db, b.data(), b.size() * 4, cudaMemcpyHostToDevice);
  matmul<<<dim3((n + T - 1) / T, (m + T - 1) / T), dim3(T, T)>>>(da, db, dc, m, k, n);
  cudaMemcpy(c.data(), dc, c.size() * 4, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j) {
      float s = 0;
      for (int kk = 0; kk < k; ++kk) s += a[i * k + kk] * b[kk * n + j];
      wrong += c[i * n + j] != s;
    }
  std::printf("matmul-ragged: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
