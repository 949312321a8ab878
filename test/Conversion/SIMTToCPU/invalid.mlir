// RUN: not lingqu-opt %s --convert-simt-to-cpu --split-input-file 2>&1 | FileCheck %s
//
// Diagnostics point at user source (the ops' locations), so they are checked
// as text rather than with --verify-diagnostics.

// A barrier inside a region op other than scf.if/index_switch/for/while is
// refused, never compiled wrong.
llvm.func @_Z7regionsPi(%p: !llvm.ptr) attributes {simt.kernel} {
  scf.execute_region {
    // CHECK: error: __syncthreads() inside 'scf.execute_region' is not supported (kernel regions(int*), k.cu:12)
    simt.barrier loc("k.cu":12:5)
    scf.yield
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
