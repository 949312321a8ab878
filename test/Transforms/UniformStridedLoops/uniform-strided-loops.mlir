// RUN: lingqu-opt %s --lingqu-uniform-strided-loops --split-input-file | FileCheck %s

// `for (i = tid; i < n; i += blockDim.x) sum += a[i]`, in the do-while form
// lifting gives it. The loop now runs over the bases b from 0 while b < n;
// each thread's iteration runs where b + tid < n, and where it does not,
// the thread's sum keeps its value. The original loop is the fallback when
// the indices could wrap.
// CHECK-LABEL: llvm.func @block_stride_sum
// CHECK-DAG:     %[[TID:.*]] = simt.thread_id x : i32
// CHECK-DAG:     %[[ZERO:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK:         %[[STEP:.*]] = simt.block_dim x : i32
// CHECK:         llvm.icmp "sgt"
// CHECK:         llvm.and
// CHECK-NEXT:    %[[SAFE:.*]] = llvm.and %{{.*}}, %{{.*}} : i1
// CHECK-NEXT:    %[[V:.*]]:2 = scf.if %[[SAFE]] -> (i32, f32) {
// CHECK:           %[[W:.*]]:2 = scf.while (%[[B:.*]] = %[[ZERO]], %[[SUM:.*]] = %{{.*}})
// CHECK:             %[[MORE:.*]] = llvm.icmp "slt" %[[B]], %[[N:.*]] : i32
// CHECK:             scf.if %[[MORE]]
// CHECK:               %[[I:.*]] = llvm.add %[[B]], %[[TID]] overflow<nsw> : i32
// CHECK:               %[[MINE:.*]] = llvm.icmp "slt" %[[I]], %[[N]] : i32
// CHECK:               %[[NEW:.*]] = scf.if %[[MINE]] -> (f32) {
// CHECK:                 llvm.getelementptr %{{.*}}[%[[I]]]
// CHECK:                 llvm.fadd
// CHECK:               } else {
// CHECK:                 scf.yield %[[SUM]] : f32
// CHECK:               }
// CHECK:               %[[NEXT:.*]] = llvm.add %[[B]], %[[STEP]] overflow<nsw> : i32
// CHECK:               scf.yield %[[NEXT]], %[[NEW]], %{{.*}} : i32, f32, i32
// CHECK:         } else {
// CHECK:           scf.while (%{{.*}} = %[[TID]], %{{.*}} = %{{.*}})
// CHECK:         llvm.store %[[V]]#1
llvm.func @block_stride_sum(%a: !llvm.ptr, %out: !llvm.ptr, %n: i32) attributes {simt.kernel} {
  %poison = ub.poison : i32
  %fpoison = ub.poison : f32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %zero = llvm.mlir.constant(0.0 : f32) : f32
  %tid = simt.thread_id x : i32
  %r:2 = scf.while (%i = %tid, %sum = %zero) : (i32, f32) -> (i32, f32) {
    %more = llvm.icmp "slt" %i, %n : i32
    %y:3 = scf.if %more -> (i32, f32, i32) {
      %p = llvm.getelementptr %a[%i] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %v = llvm.load %p : !llvm.ptr -> f32
      %s = llvm.fadd %sum, %v : f32
      %bdim = simt.block_dim x : i32
      %next = llvm.add %i, %bdim overflow<nsw> : i32
      scf.yield %next, %s, %c1 : i32, f32, i32
    } else {
      scf.yield %poison, %fpoison, %c0 : i32, f32, i32
    }
    %go = arith.trunci %y#2 : i32 to i1
    scf.condition(%go) %y#0, %y#1 : i32, f32
  } do {
  ^bb0(%i2: i32, %sum2: f32):
    scf.yield %i2, %sum2 : i32, f32
  }
  %q = llvm.getelementptr %out[%tid] : (!llvm.ptr, i32) -> !llvm.ptr, f32
  llvm.store %r#1, %q : f32, !llvm.ptr
  llvm.return
}

// -----

// A grid-stride loop over unsigned 64-bit indices, `n > i`: the base starts
// at blockIdx.x * blockDim.x, the compare is unsigned, and the check runs
// in 128 bits.
// CHECK-LABEL: llvm.func @grid_stride_unsigned
// CHECK:         llvm.zext %{{.*}} : i64 to i128
// CHECK:         scf.if
// CHECK:           scf.while (%[[B:.*]] = %[[BASE:.*]]) : (i64) -> i64
// CHECK:             llvm.icmp "ugt" %{{.*}}, %[[B]] : i64
// CHECK:             %[[I:.*]] = llvm.add %[[B]], %{{.*}} overflow<nuw> : i64
// CHECK:             llvm.icmp "ult" %[[I]], %{{.*}} : i64
llvm.func @grid_stride_unsigned(%a: !llvm.ptr, %n: i64) attributes {simt.kernel} {
  %poison = ub.poison : i64
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %bid = simt.block_id x : i32
  %bdim = simt.block_dim x : i32
  %gdim = simt.grid_dim x : i32
  %tid = simt.thread_id x : i32
  %b64 = llvm.zext %bid : i32 to i64
  %d64 = llvm.zext %bdim : i32 to i64
  %g64 = llvm.zext %gdim : i32 to i64
  %t64 = llvm.zext %tid : i32 to i64
  %base = llvm.mul %b64, %d64 : i64
  %start = llvm.add %base, %t64 : i64
  %stride = llvm.mul %g64, %d64 : i64
  %r = scf.while (%i = %start) : (i64) -> i64 {
    %more = llvm.icmp "ugt" %n, %i : i64
    %y:2 = scf.if %more -> (i64, i32) {
      %p = llvm.getelementptr %a[%i] : (!llvm.ptr, i64) -> !llvm.ptr, f32
      %zero = llvm.mlir.constant(0.0 : f32) : f32
      llvm.store %zero, %p : f32, !llvm.ptr
      %next = llvm.add %i, %stride : i64
      scf.yield %next, %c1 : i64, i32
    } else {
      scf.yield %poison, %c0 : i64, i32
    }
    %go = arith.trunci %y#1 : i32 to i1
    scf.condition(%go) %y#0 : i64
  } do {
  ^bb0(%i2: i64):
    scf.yield %i2 : i64
  }
  llvm.return
}

// -----

// Left alone: the index is used after the loop (each thread's first index
// past the bound), the bound differs between threads, the loop holds a
// barrier, and the function is not a kernel.
// CHECK-LABEL: llvm.func @index_used_after
// CHECK-NOT:     simt.block_dim
// CHECK:         scf.while (%{{.*}} = %{{.*}}) : (i32) -> i32
// CHECK-LABEL: llvm.func @thread_bound
// CHECK-NOT:     simt.block_dim
// CHECK-LABEL: llvm.func @holds_barrier
// CHECK-NOT:     simt.block_dim
// CHECK-LABEL: llvm.func @not_a_kernel
// CHECK-NOT:     simt.block_dim
// CHECK:         llvm.return
llvm.func @index_used_after(%a: !llvm.ptr, %n: i32) attributes {simt.kernel} {
  %poison = ub.poison : i32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c32 = llvm.mlir.constant(32 : i32) : i32
  %tid = simt.thread_id x : i32
  %r = scf.while (%i = %tid) : (i32) -> i32 {
    %more = llvm.icmp "slt" %i, %n : i32
    %y:2 = scf.if %more -> (i32, i32) {
      %next = llvm.add %i, %c32 overflow<nsw> : i32
      scf.yield %next, %c1 : i32, i32
    } else {
      scf.yield %i, %c0 : i32, i32
    }
    %go = arith.trunci %y#1 : i32 to i1
    scf.condition(%go) %y#0 : i32
  } do {
  ^bb0(%i2: i32):
    scf.yield %i2 : i32
  }
  %p = llvm.getelementptr %a[%tid] : (!llvm.ptr, i32) -> !llvm.ptr, i32
  llvm.store %r, %p : i32, !llvm.ptr
  llvm.return
}

llvm.func @thread_bound(%a: !llvm.ptr, %n: i32) attributes {simt.kernel} {
  %poison = ub.poison : i32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c32 = llvm.mlir.constant(32 : i32) : i32
  %tid = simt.thread_id x : i32
  %bound = llvm.mul %tid, %n : i32
  %r = scf.while (%i = %tid) : (i32) -> i32 {
    %more = llvm.icmp "slt" %i, %bound : i32
    %y:2 = scf.if %more -> (i32, i32) {
      %p = llvm.getelementptr %a[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i32
      llvm.store %i, %p : i32, !llvm.ptr
      %next = llvm.add %i, %c32 overflow<nsw> : i32
      scf.yield %next, %c1 : i32, i32
    } else {
      scf.yield %poison, %c0 : i32, i32
    }
    %go = arith.trunci %y#1 : i32 to i1
    scf.condition(%go) %y#0 : i32
  } do {
  ^bb0(%i2: i32):
    scf.yield %i2 : i32
  }
  llvm.return
}

llvm.func @holds_barrier(%a: !llvm.ptr, %n: i32) attributes {simt.kernel} {
  %poison = ub.poison : i32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c32 = llvm.mlir.constant(32 : i32) : i32
  %tid = simt.thread_id x : i32
  %r = scf.while (%i = %tid) : (i32) -> i32 {
    %more = llvm.icmp "slt" %i, %n : i32
    %y:2 = scf.if %more -> (i32, i32) {
      simt.barrier
      %next = llvm.add %i, %c32 overflow<nsw> : i32
      scf.yield %next, %c1 : i32, i32
    } else {
      scf.yield %poison, %c0 : i32, i32
    }
    %go = arith.trunci %y#1 : i32 to i1
    scf.condition(%go) %y#0 : i32
  } do {
  ^bb0(%i2: i32):
    scf.yield %i2 : i32
  }
  llvm.return
}

llvm.func @not_a_kernel(%a: !llvm.ptr, %n: i32) {
  %poison = ub.poison : i32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c32 = llvm.mlir.constant(32 : i32) : i32
  %tid = simt.thread_id x : i32
  %r = scf.while (%i = %tid) : (i32) -> i32 {
    %more = llvm.icmp "slt" %i, %n : i32
    %y:2 = scf.if %more -> (i32, i32) {
      %p = llvm.getelementptr %a[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i32
      llvm.store %i, %p : i32, !llvm.ptr
      %next = llvm.add %i, %c32 overflow<nsw> : i32
      scf.yield %next, %c1 : i32, i32
    } else {
      scf.yield %poison, %c0 : i32, i32
    }
    %go = arith.trunci %y#1 : i32 to i1
    scf.condition(%go) %y#0 : i32
  } do {
  ^bb0(%i2: i32):
    scf.yield %i2 : i32
  }
  llvm.return
}
