// Kernel attributes and occupancy: a kernel asks for more than 48 KiB of
// dynamic shared memory, which fails until cudaFuncSetAttribute opts in;
// the occupancy calculator and cudaFuncGetAttributes agree with the device.
// RUN: %lqcc -I %S/Inputs/include %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: function-attributes: PASS
#include <cstdio>
#include <cstring>

__global__ void reverse(float *out) {
  extern __shared__ float staged[];
  staged[threadIdx.x] = threadIdx.x;
  __syncthreads();
  out[threadIdx.x] = staged[blockDim.x - 1 - threadIdx.x];
}

#include "expect.h"

int main() {
  const int n = 256;
  const size_t big = 64 * 1024;
  float *out = nullptr;
  EXPECT(cudaMalloc(&out, n * sizeof(float)) == cudaSuccess);

  cudaFuncAttributes attr;
  EXPECT(cudaFuncGetAttributes(&attr, reverse) == cudaSuccess);
  EXPECT(attr.maxThreadsPerBlock == 1024);
  EXPECT(attr.maxDynamicSharedSizeBytes == 48 * 1024);

  reverse<<<1, n, big>>>(out);
  EXPECT(cudaGetLastError() == cudaErrorInvalidValue);
  EXPECT(cudaFuncSetAttribute(reverse,
                              cudaFuncAttributeMaxDynamicSharedMemorySize,
                              int(big)) == cudaSuccess);
  EXPECT(cudaFuncSetAttribute(reverse,
                              cudaFuncAttributeMaxDynamicSharedMemorySize,
                              1 << 20) == cudaErrorInvalidValue);
  EXPECT(cudaGetLastError() == cudaErrorInvalidValue); // recorded, not sticky
  EXPECT(cudaFuncGetAttributes(&attr, reverse) == cudaSuccess);
  EXPECT(attr.maxDynamicSharedSizeBytes == int(big));
  reverse<<<1, n, big>>>(out);
  EXPECT(cudaGetLastError() == cudaSuccess);
  float host[n];
  EXPECT(cudaMemcpy(host, out, sizeof host, cudaMemcpyDeviceToHost) ==
         cudaSuccess);
  for (int i = 0; i < n; ++i)
    EXPECT(host[i] == float(n - 1 - i));

  // The same launch with attributes: cooperative, and a priority hint.
  cudaLaunchAttribute attributes[2];
  attributes[0].id = cudaLaunchAttributeCooperative;
  attributes[0].val.cooperative = 1;
  attributes[1].id = cudaLaunchAttributePriority;
  attributes[1].val.priority = -1;
  cudaLaunchConfig_t launch = {};
  launch.gridDim = dim3(1);
  launch.blockDim = dim3(n);
  launch.dynamicSmemBytes = n * sizeof(float);
  launch.attrs = attributes;
  launch.numAttrs = 2;
  EXPECT(cudaMemset(out, 0, n * sizeof(float)) == cudaSuccess);
  EXPECT(cudaLaunchKernelEx(&launch, reverse, out) == cudaSuccess);
  EXPECT(cudaMemcpy(host, out, sizeof host, cudaMemcpyDeviceToHost) ==
         cudaSuccess);
  EXPECT(host[0] == float(n - 1));
  attributes[0].id = cudaLaunchAttributeClusterDimension;
  attributes[0].val.clusterDim.x = 2;
  attributes[0].val.clusterDim.y = attributes[0].val.clusterDim.z = 1;
  EXPECT(cudaLaunchKernelEx(&launch, reverse, out) == cudaErrorNotSupported);
  cudaGetLastError();

  int blocks = 0, minGrid = 0, blockSize = 0, cores = 0;
  EXPECT(cudaDeviceGetAttribute(&cores, cudaDevAttrMultiProcessorCount, 0) ==
         cudaSuccess);
  EXPECT(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, reverse, 256,
                                                       0) == cudaSuccess);
  EXPECT(blocks == 8); // 2048 threads per multiprocessor
  EXPECT(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, reverse, 256,
                                                       big) == cudaSuccess);
  EXPECT(blocks == 2); // 164 KiB of shared memory hold two
  EXPECT(cudaOccupancyMaxPotentialBlockSize(&minGrid, &blockSize, reverse) ==
         cudaSuccess);
  EXPECT(blockSize > 0 && blockSize % 32 == 0 && minGrid % cores == 0);
  const char *name = nullptr;
  EXPECT(cudaFuncGetName(&name, (const void *)reverse) == cudaSuccess);
  EXPECT(name && std::strstr(name, "reverse"));
  EXPECT(cudaFuncGetAttributes(&attr, (const void *)main) ==
         cudaErrorInvalidDeviceFunction);
  cudaGetLastError();

  std::printf("function-attributes: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
