// Two classic shared-memory kernels: a work-efficient (up-sweep/down-sweep)
// exclusive scan with barriers in loops around thread-dependent branches,
// and a tiled transpose with a padded tile in a 2-D block.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: scan: PASS
// CHECK: transpose: PASS
#include <cstdio>

constexpr int N = 256; // elements per block, two per thread

__global__ void exclusive_scan(const int *in, int *out) {
  __shared__ int s[N];
  int t = threadIdx.x;
  const int *src = in + blockIdx.x * N;
  s[2 * t] = src[2 * t];
  s[2 * t + 1] = src[2 * t + 1];
  int offset = 1;
  for (int d = N >> 1; d > 0; d >>= 1) {
    __syncthreads();
    if (t < d) {
      int a = offset * (2 * t + 1) - 1, b = offset * (2 * t + 2) - 1;
      s[b] += s[a];
    }
    offset *= 2;
  }
  if (t == 0)
    s[N - 1] = 0;
  for (int d = 1; d < N; d *= 2) {
    offset >>= 1;
    __syncthreads();
    if (t < d) {
      int a = offset * (2 * t + 1) - 1, b = offset * (2 * t + 2) - 1;
      int x = s[a];
      s[a] = s[b];
      s[b] += x;
    }
  }
  __syncthreads();
  out[blockIdx.x * N + 2 * t] = s[2 * t];
  out[blockIdx.x * N + 2 * t + 1] = s[2 * t + 1];
}

constexpr int TILE = 16;

__global__ void transpose(const float *in, float *out, int width, int height) {
  __shared__ float tile[TILE][TILE + 1];
  int x = blockIdx.x * TILE + threadIdx.x, y = blockIdx.y * TILE + threadIdx.y;
  if (x < width && y < height)
    tile[threadIdx.y][threadIdx.x] = in[y * width + x];
  __syncthreads();
  x = blockIdx.y * TILE + threadIdx.x;
  y = blockIdx.x * TILE + threadIdx.y;
  if (x < height && y < width)
    out[y * height + x] = tile[threadIdx.x][threadIdx.y];
}

int main() {
  int failures = 0;
  {
    const int blocks = 3;
    static int h[blocks * N], r[blocks * N];
    for (int i = 0; i < blocks * N; ++i)
      h[i] = (i * 7) % 13 - 4;
    int *din, *dout;
    cudaMalloc(&din, sizeof h);
    cudaMalloc(&dout, sizeof r);
    cudaMemcpy(din, h, sizeof h, cudaMemcpyHostToDevice);
    exclusive_scan<<<blocks, N / 2>>>(din, dout);
    cudaMemcpy(r, dout, sizeof r, cudaMemcpyDeviceToHost);
    int wrong = 0;
    for (int b = 0; b < blocks; ++b) {
      int run = 0;
      for (int i = 0; i < N; ++i) {
        wrong += r[b * N + i] != run;
        run += h[b * N + i];
      }
    }
    std::printf("scan: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
    failures += wrong != 0;
  }
  {
    const int w = 45, hgt = 37;
    static float a[w * hgt], t[w * hgt];
    for (int i = 0; i < w * hgt; ++i)
      a[i] = 0.5f * i;
    float *da, *dt;
    cudaMalloc(&da, sizeof a);
    cudaMalloc(&dt, sizeof t);
    cudaMemcpy(da, a, sizeof a, cudaMemcpyHostToDevice);
    transpose<<<dim3((w + TILE - 1) / TILE, (hgt + TILE - 1) / TILE), dim3(TILE, TILE)>>>(da, dt, w, hgt);
    cudaMemcpy(t, dt, sizeof t, cudaMemcpyDeviceToHost);
    int wrong = 0;
    for (int y = 0; y < hgt; ++y)
      for (int x = 0; x < w; ++x)
        wrong += t[x * hgt + y] != a[y * w + x];
    std::printf("transpose: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
    failures += wrong != 0;
  }
  return failures;
}
