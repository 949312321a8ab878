// RUN: lingqu-opt %s | FileCheck %s
// RUN: lingqu-opt %s | lingqu-opt | FileCheck %s
// RUN: lingqu-opt --mlir-print-op-generic %s | lingqu-opt | FileCheck %s

// CHECK-LABEL: llvm.func @coordinates
// CHECK-SAME: simt.kernel
llvm.func @coordinates(%out: !llvm.ptr) attributes {simt.kernel} {
  // CHECK: simt.thread_id x : i32
  // CHECK: simt.thread_id y : i32
  // CHECK: simt.thread_id z : i32
  // CHECK: simt.block_id x : i32
  // CHECK: simt.block_dim y : i32
  // CHECK: simt.grid_dim z : i32
  // CHECK: simt.lane_id : i32
  // CHECK: simt.warp_size : i32
  // CHECK: simt.barrier
  %tx = simt.thread_id x : i32
  %ty = simt.thread_id y : i32
  %tz = simt.thread_id z : i32
  %bx = simt.block_id x : i32
  %dy = simt.block_dim y : i32
  %gz = simt.grid_dim z : i32
  %lane = simt.lane_id : i32
  %ws = simt.warp_size : i32
  simt.barrier
  llvm.return
}

// CHECK-LABEL: llvm.func @warp_ops
// CHECK: simt.shuffle idx %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : i32
// CHECK: simt.shuffle up %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : f32
// CHECK: simt.shuffle down
// CHECK: simt.shuffle xor
// CHECK: simt.vote ballot %{{.*}}, %{{.*}} : i32
// CHECK: simt.vote any %{{.*}}, %{{.*}} : i1
// CHECK: simt.active_mask : i32
// CHECK: simt.warp_barrier %{{.*}}
llvm.func @warp_ops(%m: i32, %v: i32, %f: f32, %p: i1) {
  %0 = simt.shuffle idx %m, %v, %v, %v : i32
  %1 = simt.shuffle up %m, %f, %v, %v : f32
  %2 = simt.shuffle down %m, %v, %v, %v : i32
  %3 = simt.shuffle xor %m, %v, %v, %v : i32
  %4 = simt.vote ballot %m, %p : i32
  %5 = simt.vote any %m, %p : i1
  %6 = simt.active_mask : i32
  simt.warp_barrier %m
  llvm.return
}

// A device function may synchronise too; it is inlined into its kernel.
// CHECK-LABEL: llvm.func @helper
// CHECK: simt.barrier
llvm.func @helper() {
  simt.barrier
  llvm.return
}

// Coordinates are pure: unused ones fold away under canonicalisation.
// RUN: lingqu-opt --canonicalize %s | FileCheck %s --check-prefix=CANON
// CANON-LABEL: llvm.func @coordinates
// CANON-NOT: simt.thread_id
// CANON-NOT: simt.lane_id
// CANON: simt.barrier
