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
