// Each --emit stage prints its form of the device code and stops.
// RUN: %lqcc --emit=device-llvm %s | FileCheck %s --check-prefix=DEVICE
// RUN: %lqcc --emit=mlir-imported %s | FileCheck %s --check-prefix=IMPORTED
// RUN: %lqcc --emit=mlir-scf %s | FileCheck %s --check-prefix=SCF
// RUN: %lqcc --emit=mlir-cpu %s | FileCheck %s --check-prefix=CPU
// RUN: %lqcc --emit=cpu-llvm %s -o %t.ll && FileCheck %s --check-prefix=HOST < %t.ll
// RUN: %lqcc -v --emit=cpu-llvm %s -o %t.ll 2>&1 | FileCheck %s --check-prefix=VERBOSE

// DEVICE: target triple = "nvptx64-nvidia-cuda"
// DEVICE: define {{.*}}ptx_kernel void @_Z5scalePfif(
// DEVICE: call {{.*}}i32 @llvm.nvvm.read.ptx.sreg.tid.x()

// IMPORTED: llvm.func ptx_kernelcc @_Z5scalePfif(
// IMPORTED: nvvm.read.ptx.sreg.tid.x : i32
// IMPORTED: llvm.cond_br

// SCF: llvm.func @_Z5scalePfif({{.*}}simt.kernel
// SCF: simt.thread_id x : i32
// SCF-NOT: llvm.cond_br
// SCF: scf.if

// CPU: llvm.func @__lingqu_block__Z5scalePfif(
// CPU: scf.for
// CPU-NOT: {{(= |^ *)simt\.}}
// CPU: llvm.mlir.global external constant @__lingqu_kernel_info__Z5scalePfif()

// HOST: target triple = "x86_64-
// HOST: @__lingqu_kernel_info__Z5scalePfif = {{.*}}constant
// HOST: define void @__lingqu_block__Z5scalePfif(

// VERBOSE: lqcc: device front end (clang, nvptx64) ({{[0-9.]+}} ms)
// VERBOSE: lqcc: import into MLIR
// VERBOSE: lqcc: raise to simt and scf
// VERBOSE: lqcc: collapse threads (simt to cpu)
// VERBOSE: lqcc: host llvm ir and optimisation

__global__ void scale(float *v, int n, float by) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    v[i] *= by;
}
