// Cooperative groups: the thread block, static tiles of 32, 16 and 4 with
// their shuffles, votes and matches, dynamic partitions, cg::reduce and the
// scans, in 2-D blocks whose last warp is partial.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: block: PASS
// CHECK: tiles: PASS
// CHECK: reduce-scan: PASS
#include <cooperative_groups.h>
#include <cstdio>

namespace cg = cooperative_groups;

constexpr int BX = 16, BY = 5, B = BX * BY; // 80 threads: warps 32, 32, 16

__global__ void block_info(int *out) {
  cg::thread_block block = cg::this_thread_block();
  int r = (int)block.thread_rank();
  int *o = out + (blockIdx.x * B + r) * 4;
  o[0] = (int)block.size();
  o[1] = block.group_index().x * 1000 + block.thread_index().y * 100 + block.thread_index().x;
  block.sync();
  o[2] = (int)cg::tiled_partition(block, 8).thread_rank();
  o[3] = (int)cg::tiled_partition(block, 8).size();
}

__global__ void tiles(const int *in, int *out) {
  cg::thread_block block = cg::this_thread_block();
  auto t32 = cg::tiled_partition<32>(block);
  auto t16 = cg::tiled_partition<16>(block);
  auto t4 = cg::tiled_partition<4>(block);
  int r = (int)block.thread_rank();
  int v = in[blockIdx.x * B + r];
  int *o = out + (blockIdx.x * B + r) * 8;
  o[0] = (int)t16.thread_rank() * 100 + (int)t16.meta_group_rank();
  o[1] = t4.shfl(v, 3);
  o[2] = t16.shfl_down(v, 1);
  o[3] = t32.shfl_xor(v, 16);
  o[4] = (int)t4.ballot(v % 2);
  o[5] = t16.any(v > 95) * 10 + t16.all(v >= 0);
  o[6] = (int)t4.match_any(v % 3);
  o[7] = (int)t4.meta_group_size();
}

__global__ void reduce_scan(const int *in, int *out) {
  auto tile = cg::tiled_partition<16>(cg::this_thread_block());
  int r = (int)cg::this_thread_block().thread_rank();
  int v = in[blockIdx.x * B + r];
  int *o = out + (blockIdx.x * B + r) * 5;
  o[0] = cg::reduce(tile, v, cg::plus<int>());
  o[1] = cg::reduce(tile, v, cg::greater<int>());
  o[2] = cg::reduce(tile, v, cg::bit_xor<int>());
  o[3] = cg::inclusive_scan(tile, v);
  o[4] = cg::exclusive_scan(tile, v, cg::plus<int>());
}

int main() {
  const int blocks = 2, n = blocks * B;
  int h[n];
  for (int i = 0; i < n; ++i)
    h[i] = (i * 29 + 3) % 101;
  int *din, *dout;
  cudaMalloc(&din, sizeof h);
  cudaMalloc(&dout, n * 8 * sizeof(int));
  cudaMemcpy(din, h, sizeof h, cudaMemcpyHostToDevice);
  static int r[n * 8];
  int failures = 0, wrong = 0;

  block_info<<<blocks, dim3(BX, BY)>>>(dout);
  cudaMemcpy(r, dout, n * 4 * sizeof(int), cudaMemcpyDeviceToHost);
  for (int b = 0; b < blocks; ++b)
    for (int t = 0; t < B; ++t) {
      int *o = r + (b * B + t) * 4;
      wrong += o[0] != B;
      wrong += o[1] != b * 1000 + (t / BX) * 100 + t % BX;
      wrong += o[2] != t % 8 || o[3] != 8;
    }
  std::printf("block: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  failures += wrong != 0;

  tiles<<<blocks, dim3(BX, BY)>>>(din, dout);
  cudaMemcpy(r, dout, n * 8 * sizeof(int), cudaMemcpyDeviceToHost);
  wrong = 0;
  for (int b = 0; b < blocks; ++b)
    for (int t = 0; t < B; ++t) {
      const int *v = h + b * B;
      int *o = r + (b * B + t) * 8;
      int b16 = t & ~15, b4 = t & ~3, b32 = t & ~31;
      int warpEnd = b32 + 32 < B ? b32 + 32 : B;
      wrong += o[0] != (t % 16) * 100 + t / 16;
      wrong += o[1] != v[b4 + 3];
      wrong += o[2] != (t % 16 < 15 ? v[t + 1] : v[t]);
      wrong += o[3] != ((t ^ 16) < warpEnd ? v[t ^ 16] : v[t]);
      unsigned bal = 0, same = 0;
      for (int k = 0; k < 4; ++k) {
        bal |= (unsigned)(v[b4 + k] % 2) << k;
        same |= (unsigned)(v[b4 + k] % 3 == v[t] % 3) << k;
      }
      wrong += (unsigned)o[4] != bal;
      int any = 0, all = 1;
      for (int k = 0; k < 16; ++k) {
        any |= v[b16 + k] > 95;
        all &= v[b16 + k] >= 0;
      }
      wrong += o[5] != any * 10 + all;
      wrong += (unsigned)o[6] != same;
      wrong += o[7] != B / 4;
    }
  std::printf("tiles: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  failures += wrong != 0;

  reduce_scan<<<blocks, dim3(BX, BY)>>>(din, dout);
  cudaMemcpy(r, dout, n * 5 * sizeof(int), cudaMemcpyDeviceToHost);
  wrong = 0;
  for (int b = 0; b < blocks; ++b)
    for (int t = 0; t < B; ++t) {
      const int *v = h + b * B + (t & ~15);
      int *o = r + (b * B + t) * 5;
      int sum = 0, mx = 0, x = 0, inc = 0, exc = 0;
      for (int k = 0; k < 16; ++k) {
        sum += v[k];
        mx = v[k] > mx ? v[k] : mx;
        x ^= v[k];
        if (k <= t % 16)
          inc += v[k];
        if (k < t % 16)
          exc += v[k];
      }
      wrong += o[0] != sum || o[1] != mx || o[2] != x || o[3] != inc || o[4] != exc;
    }
  std::printf("reduce-scan: %s (%d wrong)\n", wrong ? "FAIL" : "PASS", wrong);
  failures += wrong != 0;
  return failures;
}
