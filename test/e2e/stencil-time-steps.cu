// A 1-D heat stencil that runs many time steps inside one kernel: the tile
// with halos lives in shared memory, barriers sit in the time loop, and a
// block-uniform early exit ends the loop once the block's tile has settled.
// The exit condition is read from shared memory, which the uniformity
// analysis does not take as uniform, so the kernel runs on the fiber executor.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: stencil: PASS
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

constexpr int B = 128, STEPS = 200;

__global__ void heat(float *u, float alpha, float tolerance, int *stepsTaken) {
  __shared__ float tile[B + 2];
  __shared__ int change; // in millionths (device math is another issue's)
  int t = threadIdx.x, base = blockIdx.x * B;
  tile[t + 1] = u[base + t];
  if (t == 0) {
    tile[0] = 0.f;      // fixed cold boundaries per block
    tile[B + 1] = 0.f;
  }
  int step = 0;
  for (; step < STEPS; ++step) {
    if (t == 0)
      change = 0;
    __syncthreads();
    float next = tile[t + 1] + alpha * (tile[t] - 2.f * tile[t + 1] + tile[t + 2]);
    float delta = next > tile[t + 1] ? next - tile[t + 1] : tile[t + 1] - next;
    __syncthreads();
    tile[t + 1] = next;
    atomicMax(&change, (int)(delta * 1e6f));
    __syncthreads();
    bool settled = change < (int)(tolerance * 1e6f); // the same in every thread
    // Everyone has read `change` before thread 0 resets it. (Without this
    // barrier the program races, which the fiber executor showed.)
    __syncthreads();
    if (settled)
      break;
  }
  u[base + t] = tile[t + 1];
  if (t == 0)
    stepsTaken[blockIdx.x] = step;
}

int main() {
  const int blocks = 4, n = blocks * B;
  std::vector<float> u(n), ref(n);
  for (int i = 0; i < n; ++i)
    u[i] = (i / B) % 2 ? 0.f : 100.f * std::sin(3.14159f * (i % B) / B);
  ref = u;
  float *d;
  int *dsteps, steps[blocks];
  cudaMalloc(&d, n * sizeof(float));
  cudaMalloc(&dsteps, sizeof steps);
  cudaMemcpy(d, u.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  const float alpha = 0.25f, tolerance = 0.01f;
  heat<<<blocks, B>>>(d, alpha, tolerance, dsteps);
  cudaMemcpy(u.data(), d, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(steps, dsteps, sizeof steps, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int b = 0; b < blocks; ++b) {
    std::vector<float> tile(B + 2, 0.f);
    for (int t = 0; t < B; ++t)
      tile[t + 1] = ref[b * B + t];
    int step = 0;
    for (; step < STEPS; ++step) {
      std::vector<float> next(tile);
      int change = 0;
      for (int t = 0; t < B; ++t) {
        next[t + 1] = tile[t + 1] + alpha * (tile[t] - 2.f * tile[t + 1] + tile[t + 2]);
        float delta = next[t + 1] > tile[t + 1] ? next[t + 1] - tile[t + 1]
                                                : tile[t + 1] - next[t + 1];
        change = std::max(change, (int)(delta * 1e6f));
      }
      tile = next;
      if (change < (int)(tolerance * 1e6f))
        break;
    }
    wrong += steps[b] != step;
    for (int t = 0; t < B; ++t)
      wrong += std::fabs(u[b * B + t] - tile[t + 1]) > 1e-3f;
  }
  std::printf("stencil: %s (%d wrong; steps %d %d %d %d)\n", wrong ? "FAIL" : "PASS",
              wrong, steps[0], steps[1], steps[2], steps[3]);
  return wrong != 0;
}
