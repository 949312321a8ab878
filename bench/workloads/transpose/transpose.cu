// Matrix transpose in CUDA: each block stages a Tile x Tile tile in shared
// memory, reading rows of the input and writing rows of the output so that
// both global accesses are coalesced; the tile's extra column keeps the
// column reads free of bank conflicts.
#include "transpose.h"

template <int Tile, int Rows>
__global__ void transposeKernel(const float *in, float *out, int rows,
                                int cols) {
  __shared__ float tile[Tile][Tile + 1];
  int x = blockIdx.x * Tile + threadIdx.x; // input column
  int y = blockIdx.y * Tile + threadIdx.y; // input row
#pragma unroll
  for (int j = 0; j < Tile; j += Rows)
    if (x < cols && y + j < rows)
      tile[threadIdx.y + j][threadIdx.x] = in[size_t(y + j) * cols + x];
  __syncthreads();
  x = blockIdx.y * Tile + threadIdx.x; // output column = input row
  y = blockIdx.x * Tile + threadIdx.y; // output row = input column
#pragma unroll
  for (int j = 0; j < Tile; j += Rows)
    if (x < rows && y + j < cols)
      out[size_t(y + j) * rows + x] = tile[threadIdx.x][threadIdx.y + j];
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  transpose::Shape s = transpose::shape(args);
  size_t n = size_t(s.rows) * s.cols;
  std::vector<float> hin;
  transpose::inputs(hin, s);
  float *in, *out;
  cudaMalloc(&in, n * sizeof(float));
  cudaMalloc(&out, n * sizeof(float));
  cudaMemcpy(in, hin.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemset(out, 0, n * sizeof(float));
  constexpr int tile = transpose::kTile, rowsPerPass = transpose::kRows;
  dim3 block(tile, rowsPerPass);
  dim3 grid((s.cols + tile - 1) / tile, (s.rows + tile - 1) / tile);
  bench::time(args, [&] {
    for (int p = 0; p < transpose::kPasses; ++p)
      transposeKernel<tile, rowsPerPass>
          <<<grid, block>>>(in, out, s.rows, s.cols);
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("transpose kernel");
  });
  std::vector<float> hout(n);
  cudaMemcpy(hout.data(), out, n * sizeof(float), cudaMemcpyDeviceToHost);
  bench::checksum(transpose::checksum(hout.data(), n));
  bench::workBytes(transpose::bytes(s));
}
