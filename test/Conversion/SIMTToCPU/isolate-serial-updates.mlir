// RUN: lingqu-opt %s --convert-simt-to-cpu --split-input-file | FileCheck %s
// RUN: lingqu-opt %s --convert-simt-to-cpu="interchange-loops=false" --split-input-file | FileCheck %s --check-prefix=OFF

// Each thread computes (16 float ops) and then adds its result into a
// shared sum with a plain read-modify-write (volatile: what
// lingqu-lower-shared-atomics makes of a shared atomicAdd). The update gets
// a thread loop of its own, so the computation's thread loop (without a
// volatile access) can vectorise; the result crosses in a per-thread array.
// CHECK-LABEL: llvm.func @__lingqu_block_work_then_update(
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK-NOT:           volatile
// CHECK:               llvm.fadd
// CHECK-NOT:           volatile
// CHECK:             } {simt.thread_loop}
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               llvm.load volatile
// CHECK:               llvm.store volatile
// CHECK:             } {simt.thread_loop}
// Without the block-level optimisations, one thread loop does both.
// OFF-LABEL: llvm.func @__lingqu_block_work_then_update(
// OFF:         scf.for
// OFF:           scf.for
// OFF:             scf.for
// OFF:               llvm.fadd
// OFF:               llvm.load volatile
// OFF:               llvm.store volatile
// OFF:             } {simt.thread_loop}
// OFF-NOT:     simt.thread_loop
llvm.func @work_then_update(%a: !llvm.ptr, %sums: !llvm.ptr, %n: i32) attributes {simt.kernel} {
  %t = simt.thread_id x : i32
  %in = llvm.icmp "slt" %t, %n : i32
  scf.if %in {
    %p = llvm.getelementptr %a[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    %v = llvm.load %p : !llvm.ptr -> f32
    %s0 = llvm.fmul %v, %v : f32
    %s1 = llvm.fadd %s0, %v : f32
    %s2 = llvm.fadd %s1, %v : f32
    %s3 = llvm.fadd %s2, %v : f32
    %s4 = llvm.fadd %s3, %v : f32
    %s5 = llvm.fadd %s4, %v : f32
    %s6 = llvm.fadd %s5, %v : f32
    %s7 = llvm.fadd %s6, %v : f32
    %s8 = llvm.fadd %s7, %v : f32
    %s9 = llvm.fadd %s8, %v : f32
    %s10 = llvm.fadd %s9, %v : f32
    %s11 = llvm.fadd %s10, %v : f32
    %s12 = llvm.fadd %s11, %v : f32
    %s13 = llvm.fadd %s12, %v : f32
    %s14 = llvm.fadd %s13, %v : f32
    %s15 = llvm.fadd %s14, %v : f32
    %s16 = llvm.fadd %s15, %v : f32
    %old = llvm.load volatile %sums : !llvm.ptr -> f32
    %new = llvm.fadd %old, %s16 : f32
    llvm.store volatile %new, %sums : f32, !llvm.ptr
  }
  llvm.return
}

// -----

// Little work before the update: not worth the per-thread array, one
// thread loop.
// CHECK-LABEL: llvm.func @__lingqu_block_little_work(
// OFF-LABEL: llvm.func @__lingqu_block_little_work(
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               llvm.fadd
// CHECK:               llvm.load volatile
// CHECK:             } {simt.thread_loop}
// CHECK-NOT:     simt.thread_loop
llvm.func @little_work(%a: !llvm.ptr, %sums: !llvm.ptr, %n: i32) attributes {simt.kernel} {
  %t = simt.thread_id x : i32
  %in = llvm.icmp "slt" %t, %n : i32
  scf.if %in {
    %p = llvm.getelementptr %a[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    %v = llvm.load %p : !llvm.ptr -> f32
    %s0 = llvm.fmul %v, %v : f32
    %s1 = llvm.fadd %s0, %v : f32
    %s2 = llvm.fadd %s1, %v : f32
    %s3 = llvm.fadd %s2, %v : f32
    %old = llvm.load volatile %sums : !llvm.ptr -> f32
    %new = llvm.fadd %old, %s3 : f32
    llvm.store volatile %new, %sums : f32, !llvm.ptr
  }
  llvm.return
}
