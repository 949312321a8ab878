// RUN: lingqu-opt %s --lingqu-prefetch-strided-loads --split-input-file | FileCheck %s
// RUN: lingqu-opt %s --lingqu-prefetch-strided-loads=distance=4 --split-input-file | FileCheck %s --check-prefix=FAR

// A grid-stride loop in its while form: each iteration the block's threads
// load in[i + tx], then i advances by the grid's stride. Before the thread
// loop, the run two strides on is prefetched a 64-byte line (16 floats) at
// a time, without wrap flags or `inbounds`.
// CHECK-LABEL: llvm.func @grid_stride
// CHECK-SAME:    (%[[IN:.*]]: !llvm.ptr, %[[OUT:.*]]: !llvm.ptr, %[[N:.*]]: i64, %[[START:.*]]: i64, %[[STRIDE:.*]]: i64, %[[BDIM:.*]]: i32)
// CHECK:         } do {
// CHECK-NEXT:    ^bb0(%[[I:.*]]: i64):
// CHECK:           %[[TWO:.*]] = llvm.mlir.constant(2 : i64) : i64
// CHECK-NEXT:      %[[D:.*]] = llvm.mul %[[STRIDE]], %[[TWO]] : i64
// CHECK-NEXT:      %[[AHEAD:.*]] = llvm.add %[[I]], %[[D]] : i64
// CHECK-NEXT:      %[[LINE:.*]] = llvm.mlir.constant(16 : i32) : i32
// CHECK-NEXT:      scf.for %[[T:.*]] = %[[C0:.*]] to %[[BDIM]] step %[[LINE]] : i32 {
// CHECK-NEXT:        %[[TW:.*]] = llvm.zext %[[T]] : i32 to i64
// CHECK-NEXT:        %[[J:.*]] = llvm.add %[[AHEAD]], %[[TW]] : i64
// CHECK-NEXT:        %[[P:.*]] = llvm.getelementptr %[[IN]][%[[J]]] : (!llvm.ptr, i64) -> !llvm.ptr, f32
// CHECK-NEXT:        "llvm.intr.prefetch"(%[[P]]) <{cache = 1 : i32, hint = 3 : i32, rw = 0 : i32}>
// CHECK-NEXT:      }
// CHECK-NEXT:      scf.for %{{.*}} = %[[C0]] to %[[BDIM]]
// CHECK-NOT:       llvm.intr.prefetch
// CHECK:           } {simt.thread_loop}
// FAR-LABEL: llvm.func @grid_stride
// FAR:         llvm.mlir.constant(4 : i64) : i64
llvm.func @grid_stride(%in: !llvm.ptr, %out: !llvm.ptr, %n: i64, %start: i64,
                       %stride: i64, %bdim: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %r = scf.while (%i = %start) : (i64) -> i64 {
    %more = llvm.icmp "ult" %i, %n : i64
    scf.condition(%more) %i : i64
  } do {
  ^bb0(%i: i64):
    %next = llvm.add %i, %stride overflow<nuw> : i64
    scf.for %tx = %c0 to %bdim step %c1 : i32 {
      %t = llvm.zext %tx : i32 to i64
      %j = llvm.add %i, %t overflow<nuw> : i64
      %p = llvm.getelementptr inbounds %in[%j] : (!llvm.ptr, i64) -> !llvm.ptr, f32
      %v = llvm.load %p : !llvm.ptr -> f32
      // The same stream again: prefetched once.
      %p2 = llvm.getelementptr inbounds %in[%j] : (!llvm.ptr, i64) -> !llvm.ptr, f32
      %v2 = llvm.load %p2 : !llvm.ptr -> f32
      %s = llvm.fadd %v, %v2 : f32
      %q = llvm.getelementptr inbounds %out[%j] : (!llvm.ptr, i64) -> !llvm.ptr, f32
      llvm.store %s, %q : f32, !llvm.ptr
    } {simt.thread_loop}
    scf.yield %next : i64
  }
  llvm.return
}

// -----

// A block-level loop over tiles (`k += step`) around the loops over y (an
// scf.for, not a thread loop: its next iterations are other threads, never
// prefetched for) and x; the index `k * 512 + ext(row + tx)` has tx under
// an extension and its terms computed in the thread loop: they are
// computed before it, the one that depends on k for k + 2 * step (its
// `nsw` dropped), and summed in the same order. Doubles are 8 a line.
// CHECK-LABEL: llvm.func @tiles
// CHECK-SAME:    (%[[IN:.*]]: !llvm.ptr, %[[LO:.*]]: i64, %[[HI:.*]]: i64, %[[STEP:.*]]: i64, %[[BDIM:.*]]: i32, %[[C:.*]]: i1, %[[ROW:.*]]: i32)
// CHECK:         ^bb0(%[[K:.*]]: i64):
// CHECK:           scf.for %[[TY:.*]] = {{.*}} : i32 {
// CHECK:             scf.if %[[C]] {
// CHECK-NEXT:          %[[D:.*]] = llvm.mlir.constant(2 : i64) : i64
// CHECK-NEXT:          %[[DS:.*]] = llvm.mul %[[STEP]], %[[D]] : i64
// CHECK-NEXT:          %[[K2:.*]] = llvm.add %[[K]], %[[DS]] : i64
// CHECK-NEXT:          llvm.mul %[[K]], %[[W:.*]] overflow<nsw> : i64
// CHECK-NEXT:          %[[BASE2:.*]] = llvm.mul %[[K2]], %[[W]] : i64
// CHECK-NEXT:          %[[LINE:.*]] = llvm.mlir.constant(8 : i32) : i32
// CHECK-NEXT:          scf.for %[[T:.*]] = %{{.*}} to %[[BDIM]] step %[[LINE]] : i32 {
// CHECK-NEXT:            %[[R:.*]] = llvm.add %[[ROW]], %[[T]] : i32
// CHECK-NEXT:            %[[RW:.*]] = llvm.sext %[[R]] : i32 to i64
// CHECK-NEXT:            %[[J:.*]] = llvm.add %[[BASE2]], %[[RW]] : i64
// CHECK-NEXT:            %[[P:.*]] = llvm.getelementptr %[[IN]][%[[J]]] : (!llvm.ptr, i64) -> !llvm.ptr, f64
// CHECK-NEXT:            "llvm.intr.prefetch"(%[[P]]) <{{.*}}> : (!llvm.ptr) -> ()
// CHECK-NEXT:          }
// CHECK-NEXT:          scf.for
// CHECK-NOT:           llvm.intr.prefetch
// CHECK:               } {simt.thread_loop}
llvm.func @tiles(%in: !llvm.ptr, %lo: i64, %hi: i64, %step: i64, %bdim: i32,
                 %c: i1, %row: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %c2 = llvm.mlir.constant(2 : i32) : i32
  %w = llvm.mlir.constant(512 : i64) : i64
  %r = scf.while (%k = %lo) : (i64) -> i64 {
    %more = llvm.icmp "slt" %k, %hi : i64
    scf.condition(%more) %k : i64
  } do {
  ^bb0(%k: i64):
    scf.for %ty = %c0 to %c2 step %c1 : i32 {
      scf.if %c {
        scf.for %tx = %c0 to %bdim step %c1 : i32 {
          %base = llvm.mul %k, %w overflow<nsw> : i64
          %x = llvm.add %row, %tx overflow<nsw> : i32
          %xw = llvm.sext %x : i32 to i64
          %j = llvm.add %base, %xw overflow<nsw> : i64
          %p = llvm.getelementptr inbounds %in[%j] : (!llvm.ptr, i64) -> !llvm.ptr, f64
          %v = llvm.load %p : !llvm.ptr -> f64
          %s = llvm.fadd %v, %v : f64
          llvm.store %s, %p : f64, !llvm.ptr
        } {simt.thread_loop}
      }
    }
    %next = llvm.add %k, %step : i64
    scf.yield %next : i64
  }
  llvm.return
}

// -----

// A 32-bit grid-stride index, `v[i + tx]` with the sum sign-extended: the
// prefetch's index is summed in 32 bits and extended the same way.
// CHECK-LABEL: llvm.func @narrow
// CHECK:         ^bb0(%[[I:.*]]: i32):
// CHECK:           %[[AHEAD:.*]] = llvm.add %[[I]], %{{.*}} : i32
// CHECK:           scf.for %[[T:.*]] = %{{.*}} step %{{.*}} : i32 {
// CHECK-NEXT:        %[[J:.*]] = llvm.add %[[AHEAD]], %[[T]] : i32
// CHECK-NEXT:        %[[W:.*]] = llvm.sext %[[J]] : i32 to i64
// CHECK-NEXT:        %[[P:.*]] = llvm.getelementptr %{{.*}}[%[[W]]] : (!llvm.ptr, i64) -> !llvm.ptr, i64
// CHECK-NEXT:        "llvm.intr.prefetch"(%[[P]])
llvm.func @narrow(%v: !llvm.ptr, %n: i32, %start: i32, %stride: i32,
                  %bdim: i32, %acc: !llvm.ptr) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %r = scf.while (%i = %start) : (i32) -> i32 {
    %more = llvm.icmp "slt" %i, %n : i32
    scf.condition(%more) %i : i32
  } do {
  ^bb0(%i: i32):
    scf.for %tx = %c0 to %bdim step %c1 : i32 {
      %j = llvm.add %i, %tx overflow<nsw> : i32
      %w = llvm.sext %j : i32 to i64
      %p = llvm.getelementptr inbounds %v[%w] : (!llvm.ptr, i64) -> !llvm.ptr, i64
      %x = llvm.load %p : !llvm.ptr -> i64
      %q = llvm.getelementptr inbounds %acc[%tx] : (!llvm.ptr, i32) -> !llvm.ptr, i64
      llvm.store %x, %q : i64, !llvm.ptr
    } {simt.thread_loop}
    %next = llvm.add %stride, %i overflow<nsw> : i32
    scf.yield %next : i32
  }
  llvm.return
}

// -----

// Nothing to prefetch: a run that stays where it is (the offset does not
// change with the block loop), a volatile load, a base that moves with the
// loop (a GEP of it), an offset through a load (a later iteration's is
// not known), an offset more than 12 ops from the loop's index (the walk
// that looks for it is bounded), a per-thread array (an alloca), a block
// loop in `scf.for` form (lifted loops are while loops; an `scf.for` around
// a thread loop is the block's y or z dimension), and a thread loop with
// no block loop around it.
// CHECK-LABEL: llvm.func @unchanged
// CHECK-NOT:     llvm.intr.prefetch
// CHECK:         llvm.return
llvm.func @unchanged(%in: !llvm.ptr, %offs: !llvm.ptr, %lo: i32, %hi: i32,
                     %base: i32, %bdim: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %slots = llvm.alloca %bdim x f32 : (i32) -> !llvm.ptr
  %r = scf.while (%k = %lo) : (i32) -> i32 {
    %more = llvm.icmp "slt" %k, %hi : i32
    scf.condition(%more) %k : i32
  } do {
  ^bb0(%k: i32):
    %moved = llvm.getelementptr %in[%k] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    %po = llvm.getelementptr %offs[%k] : (!llvm.ptr, i32) -> !llvm.ptr, i32
    %o = llvm.load %po : !llvm.ptr -> i32
    %d1 = llvm.add %k, %c1 : i32
    %d2 = llvm.add %d1, %c1 : i32
    %d3 = llvm.add %d2, %c1 : i32
    %d4 = llvm.add %d3, %c1 : i32
    %d5 = llvm.add %d4, %c1 : i32
    %d6 = llvm.add %d5, %c1 : i32
    %d7 = llvm.add %d6, %c1 : i32
    %d8 = llvm.add %d7, %c1 : i32
    %d9 = llvm.add %d8, %c1 : i32
    %d10 = llvm.add %d9, %c1 : i32
    %d11 = llvm.add %d10, %c1 : i32
    %d12 = llvm.add %d11, %c1 : i32
    %d13 = llvm.add %d12, %c1 : i32
    scf.for %tx = %c0 to %bdim step %c1 : i32 {
      %jd = llvm.add %d13, %tx : i32
      %pd = llvm.getelementptr %in[%jd] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %vd = llvm.load %pd : !llvm.ptr -> f32
      %j = llvm.add %base, %tx : i32
      %p = llvm.getelementptr %in[%j] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %v = llvm.load %p : !llvm.ptr -> f32
      %jk = llvm.add %k, %tx : i32
      %pv = llvm.getelementptr %in[%jk] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %vv = llvm.load volatile %pv : !llvm.ptr -> f32
      %pm = llvm.getelementptr %moved[%tx] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %vm = llvm.load %pm : !llvm.ptr -> f32
      %jo = llvm.add %o, %tx : i32
      %pl = llvm.getelementptr %in[%jo] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %vl = llvm.load %pl : !llvm.ptr -> f32
      %ps = llvm.getelementptr %slots[%jk] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %vs = llvm.load %ps : !llvm.ptr -> f32
    } {simt.thread_loop}
    %next = llvm.add %k, %c1 : i32
    scf.yield %next : i32
  }
  scf.for %ty = %lo to %hi step %c1 : i32 {
    scf.for %tx = %c0 to %bdim step %c1 : i32 {
      %jy = llvm.add %ty, %tx : i32
      %py = llvm.getelementptr %in[%jy] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %vy = llvm.load %py : !llvm.ptr -> f32
    } {simt.thread_loop}
  }
  scf.for %tx = %c0 to %bdim step %c1 : i32 {
    %j = llvm.add %base, %tx : i32
    %p = llvm.getelementptr %in[%j] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    %v = llvm.load %p : !llvm.ptr -> f32
  } {simt.thread_loop}
  llvm.return
}
