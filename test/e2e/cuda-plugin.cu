// The `cuda` plugin (LINGQU_PLUGIN=cuda) runs the fat binary's PTX entry on
// an NVIDIA GPU through NVIDIA's driver; test/e2e/cuda-plugin-gpu.test runs
// this program there, cuda-plugin-stand-in.test with a stand-in for the
// driver. Here: the CPU runs the same program, and without NVIDIA's driver
// the cuda plugin has no device, as CUDA on a machine without a GPU.
// RUN: %lqcc --offload-arch=sm_80 %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: device: Lingqu CPU 0
// CHECK: cuda-plugin: PASS
// RUN: env LINGQU_PLUGIN=cuda LINGQU_NVIDIA_LIBCUDA=/nonexistent/libcuda.so.1 %exec %t 2>&1 | FileCheck %s --check-prefix=NODRIVER
// NODRIVER: lingqu: LINGQU_PLUGIN=cuda: cannot load NVIDIA's driver '/nonexistent/libcuda.so.1'
// NODRIVER: no device: cudaErrorNoDevice
// RUN: env LINGQU_PLUGIN=gpu %exec %t 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: lingqu: LINGQU_PLUGIN='gpu' is not 'cpu' or 'cuda'; using 'cpu'
// UNKNOWN: cuda-plugin: PASS
#include <cstdio>
#include <vector>

// Block sums through shared memory and a warp shuffle, then a grid-wide
// total with an atomic: what a GPU runs differently from a CPU.
__global__ void blockSums(const float *x, int n, float *sums, float *total) {
  __shared__ float warpSums[32];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float v = i < n ? x[i] : 0.0f;
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down_sync(0xffffffff, v, offset);
  if (threadIdx.x % 32 == 0)
    warpSums[threadIdx.x / 32] = v;
  __syncthreads();
  if (threadIdx.x == 0) {
    float s = 0;
    for (int w = 0; w < blockDim.x / 32; ++w)
      s += warpSums[w];
    sums[blockIdx.x] = s;
    atomicAdd(total, s);
  }
}

int main() {
  int count = 0;
  if (cudaError_t e = cudaGetDeviceCount(&count); e != cudaSuccess) {
    std::printf("no device: %s\n", cudaGetErrorName(e));
    return 0;
  }
  cudaDeviceProp prop;
  cudaGetDeviceProperties(&prop, 0);
  std::printf("device: %s, %d multiprocessors\n", prop.name,
              prop.multiProcessorCount);
  const int n = 1 << 16, threads = 256, blocks = n / threads;
  std::vector<float> x(n);
  for (int i = 0; i < n; ++i)
    x[i] = float(i % 7);
  float *dx, *dsums, *dtotal;
  cudaMalloc(&dx, n * sizeof(float));
  cudaMalloc(&dsums, blocks * sizeof(float));
  cudaMalloc(&dtotal, sizeof(float));
  cudaMemcpy(dx, x.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemset(dtotal, 0, sizeof(float));
  blockSums<<<blocks, threads>>>(dx, n, dsums, dtotal);
  std::vector<float> sums(blocks);
  float total = 0;
  cudaMemcpy(sums.data(), dsums, blocks * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(&total, dtotal, sizeof(float), cudaMemcpyDeviceToHost);
  bool ok = cudaGetLastError() == cudaSuccess;
  double expected = 0;
  for (int b = 0; b < blocks; ++b) {
    double s = 0;
    for (int i = b * threads; i < (b + 1) * threads; ++i)
      s += x[i];
    ok = ok && sums[b] == float(s);
    expected += s;
  }
  ok = ok && total == float(expected);
  cudaFree(dx);
  cudaFree(dsums);
  cudaFree(dtotal);
  std::printf("cuda-plugin: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
