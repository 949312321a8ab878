// RUN: not lingqu-opt %s --convert-simt-to-cpu --split-input-file 2>&1 | FileCheck %s
//
// Diagnostics point at user source (the ops' locations), so they are checked
// as text rather than with --verify-diagnostics.

// A barrier under a branch needs the thread-loop interchange of a later
// release; until then it is refused, never compiled wrong.
llvm.func @_Z7branchyPi(%p: !llvm.ptr, %c: i1) attributes {simt.kernel} {
  scf.if %c {
    // CHECK: error: __syncthreads() inside a loop or a branch is not supported (kernel branchy(int*), k.cu:12)
    simt.barrier loc("k.cu":12:5)
  }
  llvm.return
}

// -----

llvm.func @_Z4loopv() attributes {simt.kernel} {
  %c0 = arith.constant 0 : i32
  %c4 = arith.constant 4 : i32
  %c1 = arith.constant 1 : i32
  scf.for %i = %c0 to %c4 step %c1 : i32 {
    // CHECK: error: __syncthreads() inside a loop or a branch is not supported (kernel loop(), a.cu:3)
    simt.barrier loc("a.cu":3:7)
  }
  llvm.return
}

// -----

// A device function that kept its thread-index reads cannot be lowered.
llvm.func @helper() -> i32 {
  // CHECK: error: 'simt.thread_id' in device function 'helper', which could not be inlined into its kernel, is not supported (d.cu:7)
  %t = simt.thread_id x : i32 loc("d.cu":7:3)
  llvm.return %t : i32
}

// -----

llvm.func @k() attributes {simt.kernel} {
  // CHECK: error: the NVVM operation 'nvvm.read.ptx.sreg.clock' is not supported (kernel k, e.cu:9)
  %0 = nvvm.read.ptx.sreg.clock : i32 loc("e.cu":9:1)
  llvm.return
}

// -----

llvm.func @vla(%n: i32) attributes {simt.kernel} {
  // CHECK: error: a variable-length local array is not supported (kernel vla, v.cu:2)
  %a = llvm.alloca %n x f32 : (i32) -> !llvm.ptr loc("v.cu":2:3)
  llvm.return
}
