// Inclusive prefix sum in CUDA, in three kernels: each block scans its tile
// in shared memory and records the tile's total; one block scans the totals;
// every tile but the first then adds the totals of the tiles before it.
#include "scan.h"

/// Inclusive scan of one int per thread across the block (Hillis-Steele in
/// shared memory); `buf` holds Block ints and is free again on return.
template <int Block> __device__ int blockScan(int v, int *buf) {
  const int tid = threadIdx.x;
  buf[tid] = v;
  __syncthreads();
#pragma unroll
  for (int offset = 1; offset < Block; offset <<= 1) {
    int left = tid >= offset ? buf[tid - offset] : 0;
    __syncthreads();
    v += left;
    buf[tid] = v;
    __syncthreads();
  }
  return v;
}

/// Scans each tile of Block * PerThread elements into `out` and writes its
/// total to tileTotals.
template <int Block, int PerThread>
__global__ void scanTiles(const int *in, int *out, int *tileTotals, int n) {
  constexpr int Tile = Block * PerThread;
  __shared__ int tile[Tile];
  __shared__ int buf[Block];
  const int tid = threadIdx.x;
  const int base = blockIdx.x * Tile;
  // Coalesced load: consecutive threads read consecutive elements.
#pragma unroll
  for (int k = 0; k < PerThread; ++k) {
    int i = base + k * Block + tid;
    tile[k * Block + tid] = i < n ? in[i] : 0;
  }
  __syncthreads();
  // Each thread scans its PerThread consecutive elements...
  int *mine = tile + tid * PerThread;
  int sum = 0;
#pragma unroll
  for (int k = 0; k < PerThread; ++k) {
    sum += mine[k];
    mine[k] = sum;
  }
  // ...and adds the total of the threads before it.
  int before = blockScan<Block>(sum, buf) - sum;
#pragma unroll
  for (int k = 0; k < PerThread; ++k)
    mine[k] += before;
  if (tid == Block - 1)
    tileTotals[blockIdx.x] = before + sum;
  __syncthreads();
#pragma unroll
  for (int k = 0; k < PerThread; ++k) {
    int i = base + k * Block + tid;
    if (i < n)
      out[i] = tile[k * Block + tid];
  }
}

/// Inclusive scan of the m tile totals in place, by one block, Block at a
/// time with a running carry.
template <int Block> __global__ void scanTotals(int *totals, int m) {
  __shared__ int buf[Block];
  int carry = 0;
  for (int start = 0; start < m; start += Block) {
    int i = start + threadIdx.x;
    int v = blockScan<Block>(i < m ? totals[i] : 0, buf);
    if (i < m)
      totals[i] = carry + v;
    // The last thread's inclusive value is this chunk's total.
    if (threadIdx.x == Block - 1)
      buf[0] = v;
    __syncthreads();
    carry += buf[0];
    __syncthreads();
  }
}

/// Adds the scanned total of the tiles before it to every element of each
/// tile after the first.
template <int Block, int PerThread>
__global__ void addTotals(int *out, const int *scannedTotals, int n) {
  constexpr int Tile = Block * PerThread;
  const int tile = blockIdx.x + 1;
  const int add = scannedTotals[tile - 1];
#pragma unroll
  for (int k = 0; k < PerThread; ++k) {
    int i = tile * Tile + k * Block + threadIdx.x;
    if (i < n)
      out[i] += add;
  }
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = scan::length(args);
  std::vector<int> hx;
  scan::inputs(hx, n);
  constexpr int block = scan::kBlock, per = scan::kPerThread;
  const int tiles = scan::tiles(n);
  int *in, *out, *totals;
  cudaMalloc(&in, n * sizeof(int));
  cudaMalloc(&out, n * sizeof(int));
  cudaMalloc(&totals, tiles * sizeof(int));
  cudaMemcpy(in, hx.data(), n * sizeof(int), cudaMemcpyHostToDevice);
  bench::time(args, [&] {
    for (int p = 0; p < scan::kPasses; ++p) {
      scanTiles<block, per><<<tiles, block>>>(in, out, totals, int(n));
      if (tiles > 1) {
        scanTotals<block><<<1, block>>>(totals, tiles);
        addTotals<block, per><<<tiles - 1, block>>>(out, totals, int(n));
      }
    }
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("scan kernels");
  });
  std::vector<int> hout(n);
  cudaMemcpy(hout.data(), out, n * sizeof(int), cudaMemcpyDeviceToHost);
  bench::checksum(scan::checksum(hout.data(), n));
  bench::workBytes(scan::bytes(n));
}
