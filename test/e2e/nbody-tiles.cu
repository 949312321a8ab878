// An all-pairs n-body force step with shared-memory tiles: each block
// stages a tile of bodies, synchronises, accumulates, and moves on to the
// next tile (a per-thread accumulator across two barriers per tile).
// The force law avoids square roots: device math is another issue's.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: nbody: PASS
#include <cmath>
#include <cstdio>
#include <vector>

constexpr int TILE = 64;

__global__ void forces(const float4 *body, float4 *accel, int n) {
  __shared__ float4 tile[TILE];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float4 me = i < n ? body[i] : make_float4(0, 0, 0, 0);
  float ax = 0, ay = 0, az = 0;
  for (int start = 0; start < n; start += TILE) {
    int j = start + threadIdx.x;
    tile[threadIdx.x] = j < n ? body[j] : make_float4(0, 0, 0, 0);
    __syncthreads();
    for (int k = 0; k < TILE && start + k < n; ++k) {
      float dx = tile[k].x - me.x, dy = tile[k].y - me.y, dz = tile[k].z - me.z;
      float r2 = dx * dx + dy * dy + dz * dz + 0.01f;
      float s = tile[k].w / (r2 * r2);
      ax += dx * s;
      ay += dy * s;
      az += dz * s;
    }
    __syncthreads();
  }
  if (i < n)
    accel[i] = make_float4(ax, ay, az, 0);
}

int main() {
  const int n = 300; // not a multiple of the tile
  std::vector<float4> body(n), accel(n);
  for (int i = 0; i < n; ++i)
    body[i] = make_float4(std::cos(0.1f * i), std::sin(0.37f * i), 0.01f * (i % 17),
                          1.0f + (i % 3));
  float4 *db, *da;
  cudaMalloc(&db, n * sizeof(float4));
  cudaMalloc(&da, n * sizeof(float4));
  cudaMemcpy(db, body.data(), n * sizeof(float4), cudaMemcpyHostToDevice);
  forces<<<(n + TILE - 1) / TILE, TILE>>>(db, da, n);
  cudaMemcpy(accel.data(), da, n * sizeof(float4), cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int i = 0; i < n; ++i) {
    double ax = 0, ay = 0, az = 0;
    for (int j = 0; j < n; ++j) {
      double dx = body[j].x - body[i].x, dy = body[j].y - body[i].y,
             dz = body[j].z - body[i].z;
      double r2 = dx * dx + dy * dy + dz * dz + 0.01;
      double s = body[j].w / (r2 * r2);
      ax += dx * s;
      ay += dy * s;
      az += dz * s;
    }
    double err = std::fabs(accel[i].x - ax) + std::fabs(accel[i].y - ay) +
                 std::fabs(accel[i].z - az);
    double scale = std::fabs(ax) + std::fabs(ay) + std::fabs(az) + 1.0;
    wrong += err > 1e-3 * scale;
  }
  std::printf("nbody: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
