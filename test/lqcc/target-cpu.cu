// --target-cpu and --target-features: the CPU and ISA extensions the
// kernels (the fat binary's CPU entry) are built for, by LLVM's names.
// RISC-V's baseline (RV64GC) has no vector extension; +v, or a CPU that
// has it, vectorises the thread loop with RVV.
// REQUIRES: riscv64-sysroot
// RUN: rm -rf %t && mkdir -p %t
// RUN: %lqcc --target=riscv64-linux-gnu -fatbin %s -o %t/base.fatbin
// RUN: python3 %S/../Inputs/fatbin_entries.py %t/base.fatbin --extract shared-object %t/base.so
// RUN: llvm-objdump -d %t/base.so | FileCheck %s --check-prefix=BASE
// BASE-NOT: vsetvli
// RUN: %lqcc --target=riscv64-linux-gnu --target-features=+v -fatbin %s -o %t/v.fatbin
// RUN: python3 %S/../Inputs/fatbin_entries.py %t/v.fatbin --extract shared-object %t/v.so
// RUN: llvm-objdump -d %t/v.so | FileCheck %s --check-prefix=RVV
// RUN: %lqcc --target=riscv64-linux-gnu --target-cpu=spacemit-x60 -fatbin %s -o %t/x60.fatbin
// RUN: python3 %S/../Inputs/fatbin_entries.py %t/x60.fatbin --extract shared-object %t/x60.so
// RUN: llvm-objdump -d %t/x60.so | FileCheck %s --check-prefix=RVV
// RVV: vsetvli
// RVV: vfmacc.vf
//
// The host's ISA too: x86-64-v2 has no AVX, so no ymm or zmm registers.
// RUN: %lqcc --target-cpu=x86-64-v2 -fatbin %s -o %t/v2.fatbin
// RUN: python3 %S/../Inputs/fatbin_entries.py %t/v2.fatbin --extract shared-object %t/v2.so
// RUN: llvm-objdump -d %t/v2.so | FileCheck %s --check-prefix=V2
// V2: xmm
// V2-NOT: {{[yz]mm}}
//
// RUN: not %lqcc --target=riscv64-linux-gnu --target-cpu=pentium4 -fatbin %s -o %t/x 2>&1 | FileCheck %s --check-prefix=CPU
// CPU: lqcc: error: --target-cpu=pentium4: not a CPU LLVM knows for riscv64 (llc -mtriple=riscv64-unknown-linux-gnu -mcpu=help lists them)
// RUN: not %lqcc --target=riscv64-linux-gnu --target-features=+avx2 -fatbin %s -o %t/x 2>&1 | FileCheck %s --check-prefix=FEATURE
// RUN: not %lqcc --target=riscv64-linux-gnu --target-features=v -fatbin %s -o %t/x 2>&1 | FileCheck %s --check-prefix=FEATURE
// FEATURE: lqcc: error: --target-features: '{{\+avx2|v}}' is not +<feature> or -<feature> with a feature LLVM knows for riscv64
// RUN: not %lqcc --target-cpu=a --target-cpu=b -fatbin %s -o %t/x 2>&1 | FileCheck %s --check-prefix=TWICE
// TWICE: lqcc: error: '--target-cpu' given twice ('a' and 'b'): one target CPU only

__global__ void saxpy(int n, float a, const float *x, float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = a * x[i] + y[i];
}
