// RUN: lingqu-opt %s --convert-simt-to-cpu --split-input-file | FileCheck %s
// RUN: lingqu-opt %s --convert-simt-to-cpu="interchange-loops=false" --split-input-file | FileCheck %s --check-prefix=OFF

// Each thread sums the first m elements, m a parameter: the same trip count
// for every thread. The loop runs once per block, the thread loops inside
// it (their x loop vectorises), each thread's step predicated on its guard
// (t < n) and its sum carried in a per-thread array.
// CHECK-LABEL: llvm.func @__lingqu_block_uniform_count(
// CHECK:         scf.while
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               scf.for
// CHECK:                 scf.if
// CHECK:                   llvm.load %{{.*}} : !llvm.ptr -> f32
// CHECK:                   llvm.fadd
// CHECK:               } {simt.thread_loop}
// CHECK:           scf.condition
// Without the interchange, the loop is inside the thread loops.
// OFF-LABEL: llvm.func @__lingqu_block_uniform_count(
// OFF:         scf.for
// OFF:           scf.for
// OFF:             scf.for
// OFF:               scf.if
// OFF:                 scf.while
// OFF:             } {simt.thread_loop}
llvm.func @uniform_count(%a: !llvm.ptr, %out: !llvm.ptr, %n: i32, %m: i32) attributes {simt.kernel} {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %c8 = llvm.mlir.constant(8 : i32) : i32
  %zero = llvm.mlir.constant(0.0 : f32) : f32
  %t = simt.thread_id x : i32
  %in = llvm.icmp "slt" %t, %n : i32
  scf.if %in {
    %r:2 = scf.while (%j = %c0, %acc = %zero) : (i32, f32) -> (i32, f32) {
      %more = llvm.icmp "slt" %j, %m : i32
      %p = llvm.getelementptr %a[%j] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %v = llvm.load %p : !llvm.ptr -> f32
      %acc2 = llvm.fadd %acc, %v : f32
      %j2 = llvm.add %j, %c1 : i32
      scf.condition(%more) %j2, %acc2 : i32, f32
    } do {
    ^bb0(%j3: i32, %acc3: f32):
      scf.yield %j3, %acc3 : i32, f32
    }
    %q = llvm.getelementptr %out[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    llvm.store %r#1, %q : f32, !llvm.ptr
  }
  llvm.return
}

// -----

// A trip count that differs between threads (each thread sums t elements)
// keeps the loop inside its thread's loop.
// CHECK-LABEL: llvm.func @__lingqu_block_own_count(
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               scf.if
// CHECK:                 scf.while
// CHECK:             } {simt.thread_loop}
llvm.func @own_count(%a: !llvm.ptr, %out: !llvm.ptr, %n: i32, %m: i32) attributes {simt.kernel} {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %c8 = llvm.mlir.constant(8 : i32) : i32
  %zero = llvm.mlir.constant(0.0 : f32) : f32
  %t = simt.thread_id x : i32
  %in = llvm.icmp "slt" %t, %n : i32
  scf.if %in {
    %r:2 = scf.while (%j = %c0, %acc = %zero) : (i32, f32) -> (i32, f32) {
      %more = llvm.icmp "slt" %j, %t : i32
      %p = llvm.getelementptr %a[%j] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %v = llvm.load %p : !llvm.ptr -> f32
      %acc2 = llvm.fadd %acc, %v : f32
      %j2 = llvm.add %j, %c1 : i32
      scf.condition(%more) %j2, %acc2 : i32, f32
    } do {
    ^bb0(%j3: i32, %acc3: f32):
      scf.yield %j3, %acc3 : i32, f32
    }
    %q = llvm.getelementptr %out[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    llvm.store %r#1, %q : f32, !llvm.ptr
  }
  llvm.return
}

// -----

// A loop of a few iterations (LLVM unrolls it, and the thread loop then
// vectorises as it is) stays too.
// CHECK-LABEL: llvm.func @__lingqu_block_short_count(
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               scf.if
// CHECK:                 scf.while
// CHECK:             } {simt.thread_loop}
llvm.func @short_count(%a: !llvm.ptr, %out: !llvm.ptr, %n: i32, %m: i32) attributes {simt.kernel} {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %c8 = llvm.mlir.constant(8 : i32) : i32
  %zero = llvm.mlir.constant(0.0 : f32) : f32
  %t = simt.thread_id x : i32
  %in = llvm.icmp "slt" %t, %n : i32
  scf.if %in {
    %r:2 = scf.while (%j = %c0, %acc = %zero) : (i32, f32) -> (i32, f32) {
      %more = llvm.icmp "slt" %j, %c8 : i32
      %p = llvm.getelementptr %a[%j] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %v = llvm.load %p : !llvm.ptr -> f32
      %acc2 = llvm.fadd %acc, %v : f32
      %j2 = llvm.add %j, %c1 : i32
      scf.condition(%more) %j2, %acc2 : i32, f32
    } do {
    ^bb0(%j3: i32, %acc3: f32):
      scf.yield %j3, %acc3 : i32, f32
    }
    %q = llvm.getelementptr %out[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    llvm.store %r#1, %q : f32, !llvm.ptr
  }
  llvm.return
}

// -----

// Every thread sums the same m elements into its own accumulator, with no
// branch around the loop: the loads are broadcasts, so the loop stays in
// its thread (the thread loop vectorises as an outer loop, the sums in
// registers) rather than carrying the sums through a per-thread array.
// CHECK-LABEL: llvm.func @__lingqu_block_broadcast_loads(
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK-NOT:           simt.thread_loop
// CHECK:               scf.while
// CHECK:             } {simt.thread_loop}
llvm.func @broadcast_loads(%a: !llvm.ptr, %out: !llvm.ptr, %m: i32) attributes {simt.kernel} {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %zero = llvm.mlir.constant(0.0 : f32) : f32
  %t = simt.thread_id x : i32
  %tf = llvm.sitofp %t : i32 to f32
  %r:2 = scf.while (%j = %c0, %acc = %zero) : (i32, f32) -> (i32, f32) {
    %more = llvm.icmp "slt" %j, %m : i32
    scf.condition(%more) %j, %acc : i32, f32
  } do {
  ^bb0(%j1: i32, %acc1: f32):
    %p = llvm.getelementptr %a[%j1] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    %v = llvm.load %p : !llvm.ptr -> f32
    %w = llvm.fmul %v, %tf : f32
    %acc2 = llvm.fadd %acc1, %w : f32
    %j2 = llvm.add %j1, %c1 : i32
    scf.yield %j2, %acc2 : i32, f32
  }
  %q = llvm.getelementptr %out[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
  llvm.store %r#1, %q : f32, !llvm.ptr
  llvm.return
}
