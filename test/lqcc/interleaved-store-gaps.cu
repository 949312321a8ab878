// Each thread scans its own run of eight consecutive shared-memory elements:
// across threads, a stride-8 group of loads and of stores. The store of the
// first element writes back what was just loaded there and is gone, so the
// store group has a gap; it is vectorised as shuffles and one masked wide
// store, not as seven scatters.
// REQUIRES: avx512f
// RUN: %lqcc -O3 --emit=cpu-llvm %s -o - | FileCheck %s
// CHECK-LABEL: define {{.*}}@__lingqu_block__Z8runScansPiPKi(
// CHECK-NOT: masked.scatter
// CHECK: call void @llvm.masked.store.v{{[0-9]+}}i32
// CHECK-NOT: masked.scatter
// CHECK: ret void

__global__ void runScans(int *out, const int *in) {
  __shared__ int tile[256 * 8];
  int tid = threadIdx.x;
  for (int k = 0; k < 8; ++k)
    tile[k * 256 + tid] = in[blockIdx.x * 2048 + k * 256 + tid];
  __syncthreads();
  int *mine = tile + tid * 8;
  int sum = 0;
#pragma unroll
  for (int k = 0; k < 8; ++k) {
    sum += mine[k];
    mine[k] = sum;
  }
  __syncthreads();
  for (int k = 0; k < 8; ++k)
    out[blockIdx.x * 2048 + k * 256 + tid] = tile[k * 256 + tid];
}
