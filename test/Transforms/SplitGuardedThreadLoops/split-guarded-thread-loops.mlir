// RUN: lingqu-opt %s --lingqu-split-guarded-thread-loops --split-input-file | FileCheck %s

// `if (base + tx < n) out[base + tx] = 0`: the threads below n - base
// (clamped to the block) store, without a branch; the others do nothing,
// and their loop goes. base + tx could wrap for the block's last thread,
// so the split is versioned on base + (bdim - 1) <= INT_MAX, computed in
// 64 bits, with the original loop where that fails.
// CHECK-LABEL: llvm.func @prefix
// CHECK-SAME:    (%[[OUT:.*]]: !llvm.ptr, %[[BASE:.*]]: i32, %[[N:.*]]: i32, %[[BDIM:.*]]: i32)
// CHECK-DAG:     %[[LO:.*]] = llvm.zext %[[C0:.*]] : i32 to i64
// CHECK-DAG:     %[[HI:.*]] = llvm.zext %[[BDIM]] : i32 to i64
// CHECK-DAG:     %[[WN:.*]] = llvm.sext %[[N]] : i32 to i64
// CHECK-DAG:     %[[WB:.*]] = llvm.sext %[[BASE]] : i32 to i64
// CHECK:         %[[K:.*]] = llvm.sub %[[WN]], %[[WB]] : i64
// CHECK:         %[[LASTOFF:.*]] = llvm.sub %[[HI]], %{{.*}} : i64
// CHECK:         %[[LAST:.*]] = llvm.add %[[WB]], %[[LASTOFF]] : i64
// CHECK:         %[[MAX:.*]] = llvm.mlir.constant(2147483647 : i64) : i64
// CHECK:         %[[OK:.*]] = llvm.icmp "sle" %[[LAST]], %[[MAX]] : i64
// CHECK:         %[[GT:.*]] = llvm.icmp "sgt" %[[K]], %[[LO]] : i64
// CHECK:         %[[K1:.*]] = llvm.select %[[GT]], %[[K]], %[[LO]] : i1, i64
// CHECK:         %[[LT:.*]] = llvm.icmp "slt" %[[K1]], %[[HI]] : i64
// CHECK:         %[[K2:.*]] = llvm.select %[[LT]], %[[K1]], %[[HI]] : i1, i64
// CHECK:         %[[SPLIT:.*]] = llvm.trunc %[[K2]] : i64 to i32
// CHECK:         scf.if %[[OK]] {
// CHECK-NEXT:      scf.for %[[TX:.*]] = %[[C0]] to %[[SPLIT]] step %{{.*}} : i32 {
// CHECK-NOT:         scf.if
// CHECK:             llvm.store
// CHECK:           } {simt.thread_loop}
// CHECK-NEXT:    } else {
// CHECK-NEXT:      scf.for %{{.*}} = %[[C0]] to %[[BDIM]]
// CHECK:             scf.if
// CHECK:               llvm.store
// CHECK:           } {simt.thread_loop}
// CHECK-NEXT:    }
// CHECK-NEXT:    llvm.return
llvm.func @prefix(%out: !llvm.ptr, %base: i32, %n: i32, %bdim: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %zero = llvm.mlir.constant(0.0 : f32) : f32
  scf.for %tx = %c0 to %bdim step %c1 : i32 {
    %i = llvm.add %base, %tx : i32
    %in = llvm.icmp "slt" %i, %n : i32
    scf.if %in {
      %p = llvm.getelementptr %out[%i] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      llvm.store %zero, %p : f32, !llvm.ptr
    }
  } {simt.thread_loop}
  llvm.return
}

// -----

// `if (i >= n) return;` lifts to a branch whose `then` side is empty: the
// threads below the split, n - base, take the `else` side; the guard holds
// from there on.
// CHECK-LABEL: llvm.func @early_return
// CHECK:         %[[K:.*]] = llvm.sub
// CHECK:         llvm.icmp "sgt" %[[K]]
// CHECK:         scf.if
// CHECK-NEXT:      scf.for
// CHECK-NOT:         scf.if
// CHECK:             llvm.store
// CHECK:           } {simt.thread_loop}
// CHECK-NEXT:    } else {
llvm.func @early_return(%out: !llvm.ptr, %base: i32, %n: i32, %bdim: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %zero = llvm.mlir.constant(0.0 : f32) : f32
  scf.for %tx = %c0 to %bdim step %c1 : i32 {
    %i = llvm.add %base, %tx : i32
    %out_of_range = llvm.icmp "sge" %i, %n : i32
    scf.if %out_of_range {
    } else {
      %p = llvm.getelementptr %out[%i] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      llvm.store %zero, %p : f32, !llvm.ptr
    }
  } {simt.thread_loop}
  llvm.return
}

// -----

// `if (n > tx)`, unsigned, on the thread index itself: it cannot wrap, so
// there is no version to fall back to. `<=` (here `n >= tx`, swapped) puts
// the split one past n. Both sides have effects: both loops stay, the
// threads in their order.
// CHECK-LABEL: llvm.func @unsigned_inclusive
// CHECK-SAME:    (%[[OUT:.*]]: !llvm.ptr, %[[N:.*]]: i32, %[[BDIM:.*]]: i32)
// CHECK:         %[[WN:.*]] = llvm.zext %[[N]] : i32 to i64
// CHECK:         %[[K:.*]] = llvm.add %[[WN]], %{{.*}} : i64
// CHECK:         %[[SPLIT:.*]] = llvm.trunc
// CHECK-NOT:     scf.if
// CHECK:         scf.for %{{.*}} = %{{.*}} to %[[SPLIT]]
// CHECK-NOT:       scf.if
// CHECK:           llvm.store %[[ONE:.*]], %{{.*}}
// CHECK:         } {simt.thread_loop}
// CHECK-NEXT:    scf.for %{{.*}} = %[[SPLIT]] to %[[BDIM]]
// CHECK-NOT:       scf.if
// CHECK:           llvm.store %[[TWO:.*]], %{{.*}}
// CHECK:         } {simt.thread_loop}
// CHECK-NEXT:    llvm.return
llvm.func @unsigned_inclusive(%out: !llvm.ptr, %n: i32, %bdim: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %one = llvm.mlir.constant(1.0 : f32) : f32
  %two = llvm.mlir.constant(2.0 : f32) : f32
  scf.for %tx = %c0 to %bdim step %c1 : i32 {
    %i = llvm.zext %tx : i32 to i64
    %p = llvm.getelementptr %out[%i] : (!llvm.ptr, i64) -> !llvm.ptr, f32
    %in = llvm.icmp "uge" %n, %tx : i32
    scf.if %in {
      llvm.store %one, %p : f32, !llvm.ptr
    } else {
      llvm.store %two, %p : f32, !llvm.ptr
    }
  } {simt.thread_loop}
  llvm.return
}

// -----

// `if (x < w && y < h)`: below the split, `y < h` alone decides; above it
// nothing happens. The branch's result, carried to a later barrier
// interval through a per-thread slot, is poison for the threads the guard
// excludes: their store of it goes, and their loop with it.
// CHECK-LABEL: llvm.func @conjunction
// CHECK-SAME:    (%[[OUT:.*]]: !llvm.ptr, %[[SLOT:.*]]: !llvm.ptr, %[[BASE:.*]]: i32, %[[W:.*]]: i32, %[[Y:.*]]: i32, %[[H:.*]]: i32, %[[BDIM:.*]]: i32)
// CHECK:         %[[YIN:.*]] = llvm.icmp "slt" %[[Y]], %[[H]] : i32
// CHECK:         scf.if
// CHECK-NEXT:      scf.for %[[TX:.*]] = %{{.*}} to %{{.*}} step
// CHECK:             %[[V:.*]] = scf.if %[[YIN]] -> (f32) {
// CHECK:             llvm.store %[[V]], %{{.*}} : f32, !llvm.ptr
// CHECK:           } {simt.thread_loop}
// CHECK-NEXT:    } else {
// CHECK-NEXT:      scf.for
// CHECK:             llvm.and
// CHECK:           } {simt.thread_loop}
// CHECK-NEXT:    }
// CHECK-NEXT:    llvm.return
llvm.func @conjunction(%out: !llvm.ptr, %slot: !llvm.ptr, %base: i32, %w: i32, %y: i32, %h: i32, %bdim: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %zero = llvm.mlir.constant(0.0 : f32) : f32
  %yin = llvm.icmp "slt" %y, %h : i32
  scf.for %tx = %c0 to %bdim step %c1 : i32 {
    %x = llvm.add %tx, %base : i32
    %xin = llvm.icmp "slt" %x, %w : i32
    %in = llvm.and %xin, %yin : i1
    %v = scf.if %in -> (f32) {
      %p = llvm.getelementptr %out[%x] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %l = llvm.load %p : !llvm.ptr -> f32
      scf.yield %l : f32
    } else {
      %poison = llvm.mlir.poison : f32
      scf.yield %poison : f32
    }
    %s = llvm.getelementptr %slot[%tx] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    llvm.store %v, %s : f32, !llvm.ptr
  } {simt.thread_loop}
  llvm.return
}

// -----

// The guard may sit deeper: in a loop each thread runs (a tile's rows),
// and-ed with a compare on that loop's index, and read by a select. Below
// the split the select takes its true side and the row compare alone
// decides the branch; above it the branch's `else` side runs, and the
// select's false side.
// CHECK-LABEL: llvm.func @nested
// CHECK:         scf.if
// CHECK-NEXT:      scf.for %[[TX:.*]] = %{{.*}} to %[[SPLIT:.*]] step
// CHECK-NOT:         llvm.select
// CHECK:             scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %{{.*}} : i32 {
// CHECK:               %[[ROW:.*]] = llvm.icmp "slt" %{{.*}}, %{{.*}} : i32
// CHECK-NEXT:          scf.if %[[ROW]] {
// CHECK:                 llvm.store %[[ONE:.*]], %{{.*}} : i32, !llvm.ptr
// CHECK:           } {simt.thread_loop}
// CHECK-NEXT:      scf.for %{{.*}} = %[[SPLIT]] to
// CHECK-NOT:         llvm.select
// CHECK-NOT:         llvm.icmp
// CHECK:             llvm.store %[[TWO:.*]], %{{.*}} : i32, !llvm.ptr
// CHECK:           } {simt.thread_loop}
// CHECK-NEXT:    } else {
llvm.func @nested(%out: !llvm.ptr, %base: i32, %w: i32, %y: i32, %h: i32, %bdim: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %c4 = llvm.mlir.constant(4 : i32) : i32
  %one = llvm.mlir.constant(1 : i32) : i32
  %two = llvm.mlir.constant(2 : i32) : i32
  scf.for %tx = %c0 to %bdim step %c1 : i32 {
    %x = llvm.add %base, %tx : i32
    %p = llvm.getelementptr %out[%x] : (!llvm.ptr, i32) -> !llvm.ptr, i32
    scf.for %j = %c0 to %c4 step %c1 : i32 {
      %xin = llvm.icmp "slt" %x, %w : i32
      %row = llvm.add %y, %j : i32
      %yin = llvm.icmp "slt" %row, %h : i32
      %in = llvm.and %xin, %yin : i1
      scf.if %in {
        %v = llvm.select %xin, %one, %two : i1, i32
        llvm.store %v, %p : i32, !llvm.ptr
      } else {
        %v = llvm.select %xin, %one, %two : i1, i32
        llvm.store %v, %p : i32, !llvm.ptr
      }
    }
  } {simt.thread_loop}
  llvm.return
}

// -----

// The compare is also read inside the side of its branch that a copy
// drops (and negated in the other side): folding goes one use at a time,
// so erasing that side loses nothing it still had to visit.
// CHECK-LABEL: llvm.func @used_in_dropped_side
// CHECK:         scf.for %{{.*}} = %{{.*}} to %[[SPLIT:.*]] step
// CHECK-NOT:       scf.if
// CHECK:           llvm.store %[[ONE:.*]], %{{.*}} : f32, !llvm.ptr
// CHECK:         } {simt.thread_loop}
// CHECK-NEXT:    scf.for %{{.*}} = %[[SPLIT]] to
// CHECK-NOT:       scf.if
// CHECK:           llvm.store %[[FOUR:.*]], %{{.*}} : f32, !llvm.ptr
// CHECK:         } {simt.thread_loop}
llvm.func @used_in_dropped_side(%out: !llvm.ptr, %n: i32, %bdim: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %true = llvm.mlir.constant(true) : i1
  %one = llvm.mlir.constant(1.0 : f32) : f32
  %two = llvm.mlir.constant(2.0 : f32) : f32
  %three = llvm.mlir.constant(3.0 : f32) : f32
  %four = llvm.mlir.constant(4.0 : f32) : f32
  scf.for %tx = %c0 to %bdim step %c1 : i32 {
    %p = llvm.getelementptr %out[%tx] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    %in = llvm.icmp "slt" %tx, %n : i32
    %v = scf.if %in -> f32 {
      %a = llvm.select %in, %one, %two : i1, f32
      scf.yield %a : f32
    } else {
      %out_of_range = llvm.xor %in, %true : i1
      %b = llvm.select %out_of_range, %four, %three : i1, f32
      scf.yield %b : f32
    }
    llvm.store %v, %p : f32, !llvm.ptr
  } {simt.thread_loop}
  llvm.return
}

// -----

// Left alone: a bound that a thread loads (not known before the loop), a
// guard on something other than the thread index, a thread loop that does
// not step by one, a loop that is not a thread loop, and a bound divided
// under a branch (a remainder: computing it before the loop could divide
// by zero).
// CHECK-LABEL: llvm.func @left_alone
// CHECK-NOT:     llvm.trunc
// CHECK-COUNT-6: scf.if
// CHECK-NOT:     llvm.trunc
llvm.func @left_alone(%out: !llvm.ptr, %n: i32, %m: i32, %bdim: i32, %d: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %c2 = llvm.mlir.constant(2 : i32) : i32
  %zero = llvm.mlir.constant(0.0 : f32) : f32
  scf.for %tx = %c0 to %bdim step %c1 : i32 {
    %p = llvm.getelementptr %out[%tx] : (!llvm.ptr, i32) -> !llvm.ptr, i32
    %bound = llvm.load %p : !llvm.ptr -> i32
    %in = llvm.icmp "slt" %tx, %bound : i32
    scf.if %in {
      llvm.store %c0, %p : i32, !llvm.ptr
    }
  } {simt.thread_loop}
  scf.for %tx = %c0 to %bdim step %c1 : i32 {
    %sq = llvm.mul %tx, %tx : i32
    %in = llvm.icmp "slt" %sq, %n : i32
    scf.if %in {
      %p = llvm.getelementptr %out[%tx] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      llvm.store %zero, %p : f32, !llvm.ptr
    }
  } {simt.thread_loop}
  scf.for %tx = %c0 to %bdim step %c2 : i32 {
    %in = llvm.icmp "slt" %tx, %n : i32
    scf.if %in {
      %p = llvm.getelementptr %out[%tx] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      llvm.store %zero, %p : f32, !llvm.ptr
    }
  } {simt.thread_loop}
  scf.for %tx = %c0 to %bdim step %c1 : i32 {
    %in = llvm.icmp "slt" %tx, %m : i32
    scf.if %in {
      %p = llvm.getelementptr %out[%tx] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      llvm.store %zero, %p : f32, !llvm.ptr
    }
  }
  %nonzero = llvm.icmp "ne" %d, %c0 : i32
  scf.for %tx = %c0 to %bdim step %c1 : i32 {
    scf.if %nonzero {
      %q = llvm.srem %n, %d : i32
      %in = llvm.icmp "slt" %tx, %q : i32
      scf.if %in {
        %p = llvm.getelementptr %out[%tx] : (!llvm.ptr, i32) -> !llvm.ptr, f32
        llvm.store %zero, %p : f32, !llvm.ptr
      }
    }
  } {simt.thread_loop}
  llvm.return
}
