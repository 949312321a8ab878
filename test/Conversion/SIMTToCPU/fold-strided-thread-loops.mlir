// RUN: lingqu-opt %s --convert-simt-to-cpu --split-input-file | FileCheck %s
// RUN: lingqu-opt %s --convert-simt-to-cpu="interchange-loops=false" --split-input-file | FileCheck %s --check-prefix=OFF

// `for (i = threadIdx.x; i < n; i += 32) a[i] = 0`: where the block is 32
// wide, the thread loop and the strided loop are one loop over i from 0,
// step 1; elsewhere the thread loop runs as built.
// CHECK-LABEL: llvm.func @__lingqu_block_columns(
// CHECK:         %[[STEP:.*]] = llvm.sext %{{.*}} : i32 to i64
// CHECK:         %[[SAME:.*]] = llvm.icmp "eq" %[[STEP]], %{{.*}} : i64
// CHECK:         scf.if %[[SAME]] {
// CHECK:           %[[ZERO:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK:           scf.while (%{{.*}} = %[[ZERO]]) : (i32) -> i32 {
// CHECK:             llvm.store
// CHECK:             %[[ONE:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK:             llvm.add %{{.*}}, %[[ONE]] overflow<nsw> : i32
// CHECK:         } else {
// CHECK:           scf.for
// CHECK:             scf.while
// CHECK:           } {simt.thread_loop}
// Without the block-level optimisations, the thread loop alone.
// OFF-LABEL: llvm.func @__lingqu_block_columns(
// OFF-NOT:     llvm.icmp "eq"
// OFF:         scf.for
llvm.func @columns(%a: !llvm.ptr, %n: i32) attributes {simt.kernel} {
  %c32 = llvm.mlir.constant(32 : i32) : i32
  %zero = llvm.mlir.constant(0.0 : f32) : f32
  %tid = simt.thread_id x : i32
  %r = scf.while (%i = %tid) : (i32) -> i32 {
    %more = llvm.icmp "slt" %i, %n : i32
    scf.condition(%more) %i : i32
  } do {
  ^bb0(%j: i32):
    %p = llvm.getelementptr %a[%j] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    llvm.store %zero, %p : f32, !llvm.ptr
    %j1 = llvm.add %j, %c32 overflow<nsw> : i32
    scf.yield %j1 : i32
  }
  llvm.return
}

// -----

// The thread also stores outside the strided loop: that store must run
// once per thread, so the thread loop stays.
// CHECK-LABEL: llvm.func @__lingqu_block_store_outside(
// CHECK-NOT:     llvm.icmp "eq"
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               scf.while
// CHECK:             } {simt.thread_loop}
llvm.func @store_outside(%a: !llvm.ptr, %flags: !llvm.ptr, %n: i32) attributes {simt.kernel} {
  %c32 = llvm.mlir.constant(32 : i32) : i32
  %zero = llvm.mlir.constant(0.0 : f32) : f32
  %tid = simt.thread_id x : i32
  %f = llvm.getelementptr %flags[%tid] : (!llvm.ptr, i32) -> !llvm.ptr, i32
  llvm.store %tid, %f : i32, !llvm.ptr
  %r = scf.while (%i = %tid) : (i32) -> i32 {
    %more = llvm.icmp "slt" %i, %n : i32
    scf.condition(%more) %i : i32
  } do {
  ^bb0(%j: i32):
    %p = llvm.getelementptr %a[%j] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    llvm.store %zero, %p : f32, !llvm.ptr
    %j1 = llvm.add %j, %c32 overflow<nsw> : i32
    scf.yield %j1 : i32
  }
  llvm.return
}
