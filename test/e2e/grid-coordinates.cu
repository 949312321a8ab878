// Every thread of a 3-D grid of 3-D blocks sees its own coordinates.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: coordinates: PASS
#include <cstdio>
#include <vector>

struct Coord {
  unsigned tx, ty, tz, bx, by, bz, dx, dy, dz, gx, gy, gz;
};

__global__ void record(Coord *out) {
  unsigned block = blockIdx.x + gridDim.x * (blockIdx.y + gridDim.y * blockIdx.z);
  unsigned thread = threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
  Coord c;
  c.tx = threadIdx.x; c.ty = threadIdx.y; c.tz = threadIdx.z;
  c.bx = blockIdx.x; c.by = blockIdx.y; c.bz = blockIdx.z;
  c.dx = blockDim.x; c.dy = blockDim.y; c.dz = blockDim.z;
  c.gx = gridDim.x; c.gy = gridDim.y; c.gz = gridDim.z;
  out[block * blockDim.x * blockDim.y * blockDim.z + thread] = c;
}

int main() {
  dim3 grid(3, 2, 2), block(5, 3, 2);
  const int blocks = 3 * 2 * 2, threads = 5 * 3 * 2, n = blocks * threads;
  Coord *d;
  cudaMalloc(&d, n * sizeof(Coord));
  cudaMemset(d, 0xff, n * sizeof(Coord));
  record<<<grid, block>>>(d);
  if (cudaGetLastError() != cudaSuccess || cudaDeviceSynchronize() != cudaSuccess) {
    std::printf("coordinates: launch failed\n");
    return 1;
  }
  std::vector<Coord> h(n);
  cudaMemcpy(h.data(), d, n * sizeof(Coord), cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (unsigned bz = 0; bz < 2; ++bz)
    for (unsigned by = 0; by < 2; ++by)
      for (unsigned bx = 0; bx < 3; ++bx)
        for (unsigned tz = 0; tz < 2; ++tz)
          for (unsigned ty = 0; ty < 3; ++ty)
            for (unsigned tx = 0; tx < 5; ++tx) {
              unsigned b = bx + 3 * (by + 2 * bz), t = tx + 5 * (ty + 3 * tz);
              const Coord &c = h[b * threads + t];
              Coord want = {tx, ty, tz, bx, by, bz, 5, 3, 2, 3, 2, 2};
              const unsigned *got = &c.tx, *exp = &want.tx;
              for (int k = 0; k < 12; ++k)
                wrong += got[k] != exp[k];
            }
  cudaFree(d);
  std::printf("coordinates: %s (%d wrong fields)\n", wrong ? "FAIL" : "PASS", wrong);
  return wrong != 0;
}
