// CSR sparse matrix-vector product in CUDA: one thread per row.
#include "spmv.h"

__global__ void multiply(const int *rowPtr, const int *cols, const float *vals,
                         const float *x, float *y, int n) {
  int r = blockIdx.x * blockDim.x + threadIdx.x;
  if (r >= n)
    return;
  float s = 0;
  for (int k = rowPtr[r], end = rowPtr[r + 1]; k < end; ++k)
    s += vals[k] * x[cols[k]];
  y[r] = s;
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = spmv::rows(args);
  spmv::Csr a = spmv::matrix(n);
  std::vector<float> hx = spmv::dense(n);
  size_t nnz = a.vals.size();
  int *rowPtr, *cols;
  float *vals, *x, *y;
  cudaMalloc(&rowPtr, (n + 1) * sizeof(int));
  cudaMalloc(&cols, nnz * sizeof(int));
  cudaMalloc(&vals, nnz * sizeof(float));
  cudaMalloc(&x, n * sizeof(float));
  cudaMalloc(&y, n * sizeof(float));
  cudaMemcpy(rowPtr, a.rowPtr.data(), (n + 1) * sizeof(int),
             cudaMemcpyHostToDevice);
  cudaMemcpy(cols, a.cols.data(), nnz * sizeof(int), cudaMemcpyHostToDevice);
  cudaMemcpy(vals, a.vals.data(), nnz * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(x, hx.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemset(y, 0, n * sizeof(float));
  const int block = 256;
  int grid = int((n + block - 1) / block);
  bench::time(args, [&] {
    for (int s = 0; s < spmv::kSweeps; ++s)
      multiply<<<grid, block>>>(rowPtr, cols, vals, x, y, int(n));
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("spmv kernel");
  });
  std::vector<float> hy(n);
  cudaMemcpy(hy.data(), y, n * sizeof(float), cudaMemcpyDeviceToHost);
  bench::checksum(bench::sum(hy.data(), n));
  bench::workBytes(spmv::bytes(n, nnz));
}
