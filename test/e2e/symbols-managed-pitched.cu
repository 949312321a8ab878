// Symbols, managed memory, pinned memory and pitched 2D/3D memory end to
// end: a kernel reads a __constant__ table and a __device__ counter written
// with cudaMemcpyToSymbol, updates managed memory the host reads without a
// copy, and pitched copies and sets move sub-blocks in and out.
// RUN: %lqcc -I %S/Inputs/include %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: symbols-managed-pitched: PASS
#include <cstdio>
#include <cstring>

__constant__ float scale[4];
__device__ int hits;

__global__ void apply(float *data, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    data[i] *= scale[i % 4];
    atomicAdd(&hits, 1);
  }
}

__global__ void addRows(float *grid, size_t pitch, int width, int height) {
  int x = threadIdx.x, y = blockIdx.x;
  if (x < width && y < height) {
    float *row = (float *)((char *)grid + y * pitch);
    row[x] += y;
  }
}

#include "expect.h"

int main() {
  // Symbols.
  const float table[4] = {1.0f, 2.0f, 3.0f, 4.0f};
  EXPECT(cudaMemcpyToSymbol(scale, table, sizeof table) == cudaSuccess);
  int zero = 0;
  EXPECT(cudaMemcpyToSymbol(hits, &zero, sizeof zero) == cudaSuccess);
  size_t size = 0;
  EXPECT(cudaGetSymbolSize(&size, scale) == cudaSuccess && size == 16);
  void *address = nullptr;
  EXPECT(cudaGetSymbolAddress(&address, hits) == cudaSuccess && address);
  EXPECT(cudaMemcpyToSymbol(scale, table, sizeof table, 4) ==
         cudaErrorInvalidValue);
  EXPECT(cudaMemcpyToSymbol(scale, table, 4, 0, cudaMemcpyDeviceToHost) ==
         cudaErrorInvalidMemcpyDirection);

  // Managed memory: written by the host, updated by a kernel, read back.
  const int n = 1000;
  float *managed = nullptr;
  EXPECT(cudaMallocManaged(&managed, n * sizeof(float)) == cudaSuccess);
  for (int i = 0; i < n; ++i)
    managed[i] = float(i);
  EXPECT(cudaMemPrefetchAsync(managed, n * sizeof(float), 0) == cudaSuccess);
  EXPECT(cudaMemAdvise(managed, n * sizeof(float), cudaMemAdviseSetReadMostly,
                       0) == cudaSuccess);
  apply<<<(n + 127) / 128, 128>>>(managed, n);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  for (int i = 0; i < n; ++i)
    EXPECT(managed[i] == float(i) * table[i % 4]);
  int counted = 0;
  EXPECT(cudaMemcpyFromSymbol(&counted, hits, sizeof counted) == cudaSuccess);
  EXPECT(counted == n);
  cudaPointerAttributes attributes;
  EXPECT(cudaPointerGetAttributes(&attributes, managed + 5) == cudaSuccess);
  EXPECT(attributes.type == cudaMemoryTypeManaged);
  EXPECT(cudaFree(managed) == cudaSuccess);

  // Pinned memory, mapped into the device's address space.
  float *pinned = nullptr, *mapped = nullptr;
  EXPECT(cudaHostAlloc(&pinned, 64 * sizeof(float), cudaHostAllocMapped) ==
         cudaSuccess);
  EXPECT(cudaHostGetDevicePointer((void **)&mapped, pinned, 0) == cudaSuccess);
  EXPECT(cudaFree(pinned) == cudaErrorInvalidValue); // not cudaFree's
  EXPECT(cudaFreeHost(pinned) == cudaSuccess);

  // Pitched 2D: a 5x3 block of floats in, a kernel, the block out.
  const int width = 5, height = 3;
  float *grid = nullptr;
  size_t pitch = 0;
  EXPECT(cudaMallocPitch((void **)&grid, &pitch, width * sizeof(float),
                         height) == cudaSuccess);
  EXPECT(pitch >= width * sizeof(float));
  float host[height][width];
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      host[y][x] = float(10 * y + x);
  EXPECT(cudaMemset2D(grid, pitch, 0, width * sizeof(float), height) ==
         cudaSuccess);
  EXPECT(cudaMemcpy2D(grid, pitch, host, sizeof host[0], width * sizeof(float),
                      height, cudaMemcpyHostToDevice) == cudaSuccess);
  addRows<<<height, width>>>(grid, pitch, width, height);
  float back[height][width];
  EXPECT(cudaMemcpy2D(back, sizeof back[0], grid, pitch, width * sizeof(float),
                      height, cudaMemcpyDeviceToHost) == cudaSuccess);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      EXPECT(back[y][x] == host[y][x] + y);
  EXPECT(cudaMemcpy2D(grid, 4, host, sizeof host[0], width * sizeof(float),
                      height, cudaMemcpyHostToDevice) ==
         cudaErrorInvalidPitchValue);
  EXPECT(cudaFree(grid) == cudaSuccess);

  // Pitched 3D: set a 4x3x2 volume, copy the middle of it out.
  cudaExtent extent = make_cudaExtent(4, 3, 2);
  cudaPitchedPtr volume;
  EXPECT(cudaMalloc3D(&volume, extent) == cudaSuccess);
  EXPECT(cudaMemset3D(volume, 7, extent) == cudaSuccess);
  unsigned char out[2][2][2];
  std::memset(out, 0, sizeof out);
  cudaMemcpy3DParms copy = {};
  copy.srcPtr = volume;
  copy.srcPos = make_cudaPos(1, 1, 0);
  copy.dstPtr = make_cudaPitchedPtr(out, 2, 2, 2);
  copy.extent = make_cudaExtent(2, 2, 2);
  copy.kind = cudaMemcpyDeviceToHost;
  EXPECT(cudaMemcpy3D(&copy) == cudaSuccess);
  for (int z = 0; z < 2; ++z)
    for (int y = 0; y < 2; ++y)
      for (int x = 0; x < 2; ++x)
        EXPECT(out[z][y][x] == 7);
  EXPECT(cudaFree(volume.ptr) == cudaSuccess);

  std::printf("symbols-managed-pitched: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
