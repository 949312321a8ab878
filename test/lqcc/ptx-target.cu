// --offload-arch=sm_XX: the device code kept SIMT (convert-simt-to-nvvm) and
// compiled to PTX by LLVM's NVPTX backend, one fat-binary entry per
// architecture beside the CPU's; the CPU runtime picks its own entry.
// RUN: %lqcc --emit=ptx --offload-arch=sm_90 %s -o - | FileCheck %s
// CHECK: .target sm_90
// CHECK: .visible .entry _Z7reversePfi(
// CHECK: .shared .align 4 .b8 {{.*}}tile[1024]
// CHECK: mov.u32 {{.*}}%tid.x
// CHECK: bar.sync 0
// CHECK: shfl.sync.down.b32 {{.*}}, 1, 31, -1
// CHECK-NOT: .loc
// RUN: %lqcc --emit=ptx --offload-arch=sm_80 -lineinfo %s -o - | FileCheck %s --check-prefix=LINES
// LINES: .target sm_80
// LINES: .loc
//
// RUN: %lqcc -fatbin --offload-arch=sm_80,sm_90 --offload-arch=sm_90 %s -o %t.fatbin
// RUN: python3 %S/../Inputs/fatbin_entries.py %t.fatbin | FileCheck %s --check-prefix=ENTRIES
// ENTRIES: {{x86_64|aarch64|riscv64}}{{.*}} shared-object
// ENTRIES-NEXT: nvptx64-nvidia-cuda:sm_80 ptx
// ENTRIES-NEXT: nvptx64-nvidia-cuda:sm_90 ptx
// ENTRIES-NOT: ptx
// RUN: %lqcc --offload-arch=sm_90 %s -o %t && %t | FileCheck %s --check-prefix=RESULT
// RESULT: ok

#include <cstdio>

__global__ void reverse(float *x, int n) {
  __shared__ float tile[256];
  int t = threadIdx.x;
  tile[t] = t < n ? x[t] : 0.0f;
  __syncthreads();
  float v = tile[blockDim.x - 1 - t];
  // Each even lane adds its odd neighbour's value.
  float next = __shfl_down_sync(0xffffffff, v, 1);
  if (!(t & 1))
    v += next;
  if (t < n)
    x[t] = v;
}

int main() {
  const int n = 256;
  float h[n], *d;
  for (int i = 0; i < n; ++i)
    h[i] = float(i);
  cudaMalloc(&d, sizeof h);
  cudaMemcpy(d, h, sizeof h, cudaMemcpyHostToDevice);
  reverse<<<1, n>>>(d, n);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  bool ok = cudaGetLastError() == cudaSuccess;
  for (int i = 0; i < n; ++i) {
    float r = float(n - 1 - i), next = float(n - 2 - i);
    ok = ok && h[i] == ((i & 1) ? r : r + next);
  }
  std::printf("%s\n", ok ? "ok" : "wrong");
  return ok ? 0 : 1;
}
