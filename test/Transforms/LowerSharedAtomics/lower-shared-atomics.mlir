// RUN: lingqu-opt %s --lingqu-lower-shared-atomics | FileCheck %s

llvm.mlir.global internal @hist() {addr_space = 3 : i32, alignment = 4 : i64} : !llvm.array<256 x i32>

// An atomic add on shared memory reached through a generic pointer (as
// Clang passes &hist[i] to atomicAdd) becomes load, add, store (volatile,
// so that no thread loop counts them as independent between threads); its
// result is the old value.
// CHECK-LABEL: llvm.func @shared_add
// CHECK-NOT:     llvm.atomicrmw
// CHECK:         %[[OLD:.*]] = llvm.load volatile %[[P:.*]] {alignment = 4 : i64} : !llvm.ptr -> i32
// CHECK:         %[[NEW:.*]] = llvm.add %[[OLD]], %{{.*}} : i32
// CHECK:         llvm.store volatile %[[NEW]], %[[P]] {alignment = 4 : i64} : i32, !llvm.ptr
// CHECK:         llvm.return %[[OLD]] : i32
llvm.func @shared_add(%i: i32, %v: i32) -> i32 {
  %base = llvm.mlir.addressof @hist : !llvm.ptr<3>
  %elem = llvm.getelementptr %base[0, %i] : (!llvm.ptr<3>, i32) -> !llvm.ptr<3>, !llvm.array<256 x i32>
  %p = llvm.addrspacecast %elem : !llvm.ptr<3> to !llvm.ptr
  %old = llvm.atomicrmw add %p, %v monotonic {alignment = 4 : i64} : !llvm.ptr, i32
  llvm.return %old : i32
}

// atomicInc keeps its wrap: old >= limit ? 0 : old + 1.
// CHECK-LABEL: llvm.func @shared_inc
// CHECK:         %[[OLD:.*]] = llvm.load
// CHECK:         %[[WRAP:.*]] = llvm.icmp "uge" %[[OLD]], %[[LIMIT:.*]] : i32
// CHECK:         %[[NEXT:.*]] = llvm.add %[[OLD]], %{{.*}} : i32
// CHECK:         %[[NEW:.*]] = llvm.select %[[WRAP]], %{{.*}}, %[[NEXT]] : i1, i32
// CHECK:         llvm.store volatile %[[NEW]]
llvm.func @shared_inc(%p: !llvm.ptr<3>, %limit: i32) -> i32 {
  %old = llvm.atomicrmw uinc_wrap %p, %limit monotonic : !llvm.ptr<3>, i32
  llvm.return %old : i32
}

// Float max is maxnum; compare-and-swap stores the new value where the old
// one matches and returns {old, matched}.
// CHECK-LABEL: llvm.func @shared_fmax_cas
// CHECK:         llvm.intr.maxnum
// CHECK:         %[[OLD:.*]] = llvm.load volatile %{{.*}} : !llvm.ptr<3> -> i32
// CHECK:         %[[EQ:.*]] = llvm.icmp "eq" %[[OLD]], %{{.*}} : i32
// CHECK:         %[[NEW:.*]] = llvm.select %[[EQ]], %{{.*}}, %[[OLD]] : i1, i32
// CHECK:         llvm.store volatile %[[NEW]]
// CHECK:         llvm.insertvalue %[[OLD]], %{{.*}}[0]
// CHECK:         llvm.insertvalue %[[EQ]], %{{.*}}[1]
// CHECK-NOT:     llvm.cmpxchg
llvm.func @shared_fmax_cas(%f: !llvm.ptr<3>, %x: f32, %q: !llvm.ptr<3>, %c: i32, %n: i32) -> i1 {
  %0 = llvm.atomicrmw fmax %f, %x monotonic : !llvm.ptr<3>, f32
  %1 = llvm.cmpxchg %q, %c, %n acq_rel monotonic : !llvm.ptr<3>, i32
  %2 = llvm.extractvalue %1[1] : !llvm.struct<(i32, i1)>
  llvm.return %2 : i1
}

// Global memory is shared with other blocks' threads: its atomics stay, as
// do volatile ones and those on pointers of unknown origin.
// CHECK-LABEL: llvm.func @stays_atomic
// CHECK:         llvm.atomicrmw add %{{.*}} : !llvm.ptr<1>, i32
// CHECK:         llvm.atomicrmw volatile add %{{.*}} : !llvm.ptr<3>, i32
// CHECK:         llvm.atomicrmw add %{{.*}} : !llvm.ptr, i32
// CHECK:         llvm.cmpxchg
llvm.func @stays_atomic(%g: !llvm.ptr<1>, %s: !llvm.ptr<3>, %u: !llvm.ptr, %v: i32) {
  %0 = llvm.atomicrmw add %g, %v monotonic : !llvm.ptr<1>, i32
  %1 = llvm.atomicrmw volatile add %s, %v monotonic : !llvm.ptr<3>, i32
  %2 = llvm.atomicrmw add %u, %v monotonic : !llvm.ptr, i32
  %3 = llvm.cmpxchg %u, %v, %v acq_rel monotonic : !llvm.ptr, i32
  llvm.return
}
