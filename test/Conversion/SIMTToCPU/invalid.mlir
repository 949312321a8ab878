// RUN: not lingqu-opt %s --convert-simt-to-cpu=fiber-fallback=false --split-input-file 2>&1 | FileCheck %s
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

// -----

// With fiber-fallback=false, what the fiber executor would run instead is an
// error: here a barrier in a loop whose bounds differ between threads.
llvm.func @_Z6raggedPi(%p: !llvm.ptr) attributes {simt.kernel} {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %t = simt.thread_id x : i32
  %a = llvm.getelementptr %p[%t] : (!llvm.ptr, i32) -> !llvm.ptr, i32
  %n = llvm.load %a : !llvm.ptr -> i32
  // CHECK: error: __syncthreads() at r.cu:5 under a thread-dependent loop is not supported (kernel ragged(int*), r.cu:4)
  scf.for %i = %c0 to %n step %c1 : i32 {
    simt.barrier loc("r.cu":5:7)
  } loc("r.cu":4:5)
  llvm.return
}
