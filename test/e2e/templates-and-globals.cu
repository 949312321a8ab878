// Kernel templates, a kernel without parameters, __host__ __device__
// functions, and a __device__ variable shared by two kernels: the device
// copy is distinct from its host twin of the same name.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: templates-and-globals: PASS
#include <cstdio>

__device__ int counter;
__device__ int table[4] = {10, 20, 30, 40};

__host__ __device__ int twice(int v) { return 2 * v; }

template <typename T, int Scale>
__global__ void scale(T *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    v[i] = v[i] * Scale + (T)twice(table[i % 4]);
}

__global__ void set_counter() { counter = 1234 + (int)threadIdx.x * 0; }
__global__ void read_counter(int *out) { out[0] = counter + table[3]; }

int main() {
  const int n = 100;
  float hf[n];
  double hd[n];
  for (int i = 0; i < n; ++i)
    hf[i] = hd[i] = 0.5 * i;
  float *df;
  double *dd;
  int *dc;
  cudaMalloc(&df, sizeof hf);
  cudaMalloc(&dd, sizeof hd);
  cudaMalloc(&dc, sizeof(int));
  cudaMemcpy(df, hf, sizeof hf, cudaMemcpyHostToDevice);
  cudaMemcpy(dd, hd, sizeof hd, cudaMemcpyHostToDevice);
  scale<float, 3><<<4, 32>>>(df, n);
  scale<double, -2><<<2, 64>>>(dd, n);
  set_counter<<<1, 1>>>();
  read_counter<<<1, 1>>>(dc);
  cudaDeviceSynchronize();
  float rf[n];
  double rd[n];
  int c = 0;
  cudaMemcpy(rf, df, sizeof rf, cudaMemcpyDeviceToHost);
  cudaMemcpy(rd, dd, sizeof rd, cudaMemcpyDeviceToHost);
  cudaMemcpy(&c, dc, sizeof c, cudaMemcpyDeviceToHost);
  const int tbl[4] = {10, 20, 30, 40};
  int wrong = 0;
  for (int i = 0; i < n; ++i) {
    wrong += rf[i] != hf[i] * 3 + twice(tbl[i % 4]);
    wrong += rd[i] != hd[i] * -2 + twice(tbl[i % 4]);
  }
  wrong += c != 1234 + 40;
  wrong += counter != 0; // the host twin is untouched
  std::printf("templates-and-globals: %s (%d wrong, counter %d)\n",
              wrong ? "FAIL" : "PASS", wrong, c);
  return wrong != 0;
}
