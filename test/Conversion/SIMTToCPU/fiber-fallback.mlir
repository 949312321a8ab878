// RUN: lingqu-opt %s --convert-simt-to-cpu --split-input-file 2>/dev/null | FileCheck %s
// RUN: lingqu-opt %s --convert-simt-to-cpu --split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark

// A kernel the collapsing lowering cannot prove right runs on the fiber
// executor: a remark says why, its kernel info has flags 1
// (LINGQU_KERNEL_FIBER_ONLY) and no block function, only the thread one.

// A barrier under a branch on the thread index: undefined in CUDA unless
// every thread takes the same side, which only real threads can check.
// REMARK: remark: kernel divergent(int*) runs on the fiber executor: __syncthreads() at t.cu:5 under a thread-dependent branch (t.cu:4)
// CHECK-NOT:   llvm.func @__lingqu_block_
// CHECK:       llvm.func @__lingqu_thread__Z9divergentPi(
// CHECK:         llvm.call @__lingqu_fiber_barrier
// CHECK:       llvm.mlir.global external constant @__lingqu_kernel_info__Z9divergentPi()
// ABI version, parameters, shared bytes, flags:
// CHECK:         llvm.mlir.constant(3 : i32) : i32
// CHECK-NEXT:    llvm.mlir.constant(1 : i32) : i32
// CHECK-NEXT:    llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    %[[FLAGS:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK-NEXT:    %[[NO_BLOCK_FN:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         %[[THREAD_FN:.*]] = llvm.mlir.addressof @__lingqu_thread__Z9divergentPi
// CHECK:         llvm.insertvalue %[[FLAGS]], %{{.*}}[3]
// CHECK:         llvm.insertvalue %[[NO_BLOCK_FN]], %{{.*}}[4]
// CHECK:         llvm.insertvalue %[[THREAD_FN]], %{{.*}}[6]
// CHECK-NOT:   llvm.func @_Z9divergentPi
llvm.func @_Z9divergentPi(%p: !llvm.ptr) attributes {simt.kernel} {
  %c16 = llvm.mlir.constant(16 : i32) : i32
  %t = simt.thread_id x : i32
  %low = llvm.icmp "ult" %t, %c16 : i32
  scf.if %low {
    simt.barrier loc("t.cu":5:7)
    %a = llvm.getelementptr %p[%t] : (!llvm.ptr, i32) -> !llvm.ptr, i32
    llvm.store %t, %a : i32, !llvm.ptr
  } loc("t.cu":4:5)
  llvm.return
}

// -----

// A loop whose trip count each thread loads from its own element.
// REMARK: remark: kernel ragged runs on the fiber executor: __syncthreads() at r.cu:9 under a thread-dependent loop (r.cu:8)
// CHECK: llvm.func @__lingqu_thread_ragged(
llvm.func @ragged(%p: !llvm.ptr) attributes {simt.kernel} {
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %t = simt.thread_id x : i32
  %a = llvm.getelementptr %p[%t] : (!llvm.ptr, i32) -> !llvm.ptr, i32
  %n = llvm.load %a : !llvm.ptr -> i32
  %r = scf.while (%left = %n) : (i32) -> i32 {
    simt.barrier loc("r.cu":9:7)
    %go = llvm.icmp "sgt" %left, %c1 : i32
    %next = llvm.sub %left, %c1 : i32
    scf.condition(%go) %next : i32
  } do {
  ^bb0(%x: i32):
    scf.yield %x : i32
  } loc("r.cu":8:5)
  llvm.return
}

// -----

// A flag every thread reads from the same address (here behind a
// parameter) is the same in every thread of a race-free program: the loop
// around the barrier is collapsed, thread 0's copy standing for all.
// CHECK: llvm.func @__lingqu_thread_flag_loop(
// CHECK: llvm.func @__lingqu_block_flag_loop(
llvm.func @flag_loop(%flag: !llvm.ptr) attributes {simt.kernel} {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  scf.while : () -> () {
    simt.barrier
    %f = llvm.load %flag : !llvm.ptr -> i32
    %go = llvm.icmp "ne" %f, %c0 : i32
    scf.condition(%go)
  } do {
    scf.yield
  }
  llvm.return
}

// -----

// Variable-length local arrays and barriers inside other region ops: each
// thread has its own stack on the fiber executor.
// REMARK: remark: kernel vla runs on the fiber executor: a variable-length local array (v.cu:2)
// CHECK: llvm.func @__lingqu_thread_vla(
// CHECK:   llvm.alloca %{{.*}} x f32
llvm.func @vla(%n: i32) attributes {simt.kernel} {
  %a = llvm.alloca %n x f32 : (i32) -> !llvm.ptr loc("v.cu":2:3)
  llvm.return
}

// -----

// REMARK: remark: kernel regions runs on the fiber executor: __syncthreads() inside 'scf.execute_region' (k.cu:12)
llvm.func @regions() attributes {simt.kernel} {
  scf.execute_region {
    simt.barrier loc("k.cu":12:5)
    scf.yield
  }
  llvm.return
}
