// RUN: lingqu-opt %s --convert-simt-to-nvvm | FileCheck %s
// The inverse of convert-nvvm-to-simt: raising and lowering again gives
// back what Clang emits.
// RUN: lingqu-opt %s --convert-simt-to-nvvm --convert-nvvm-to-simt | FileCheck %s --check-prefix=ROUND

// CHECK-LABEL: llvm.func ptx_kernelcc @kernel
// CHECK-NOT: simt.kernel
// CHECK-DAG: %[[ZERO:.*]] = llvm.mlir.constant(0 : i32)
// CHECK-DAG: %[[C31:.*]] = llvm.mlir.constant(31 : i32)
// CHECK-DAG: %[[C8:.*]] = llvm.mlir.constant(8 : i32)
// CHECK-DAG: %[[C32:.*]] = llvm.mlir.constant(32 : i32)
// ROUND-LABEL: llvm.func @kernel
// ROUND-SAME: simt.kernel
llvm.func @kernel(%out: !llvm.ptr, %v: f32, %w: i32, %p: i1) attributes {simt.kernel} {
  // CHECK: nvvm.read.ptx.sreg.tid.x : i32
  // CHECK: nvvm.read.ptx.sreg.tid.y : i32
  // CHECK: nvvm.read.ptx.sreg.tid.z : i32
  // CHECK: nvvm.read.ptx.sreg.ctaid.x : i32
  // CHECK: nvvm.read.ptx.sreg.ntid.y : i32
  // CHECK: nvvm.read.ptx.sreg.nctaid.z : i32
  // CHECK: nvvm.read.ptx.sreg.laneid : i32
  // CHECK: nvvm.read.ptx.sreg.warpsize : i32
  // ROUND: simt.thread_id x
  // ROUND: simt.grid_dim z
  // ROUND: simt.warp_size
  %0 = simt.thread_id x : i32
  %1 = simt.thread_id y : i32
  %2 = simt.thread_id z : i32
  %3 = simt.block_id x : i32
  %4 = simt.block_dim y : i32
  %5 = simt.grid_dim z : i32
  %6 = simt.lane_id : i32
  %7 = simt.warp_size : i32
  // CHECK: llvm.call_intrinsic "llvm.nvvm.barrier.cta.sync.aligned.all"(%[[ZERO]])
  // ROUND: simt.barrier
  simt.barrier
  %mask = llvm.mlir.constant(-1 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %c16 = llvm.mlir.constant(16 : i32) : i32
  // Segment of 16 lanes: c = (32 - 16) << 8 | 31 = 4127; for up, 4096.
  // CHECK: %[[SUB:.*]] = llvm.sub %[[C32]], %{{.*}} : i32
  // CHECK: %[[SEG:.*]] = llvm.shl %[[SUB]], %[[C8]]
  // CHECK: %[[C:.*]] = llvm.or %[[SEG]], %[[C31]]
  // CHECK: llvm.call_intrinsic "llvm.nvvm.shfl.sync.down.f32"(%{{.*}}, %{{.*}}, %{{.*}}, %[[C]]) {{.*}} -> f32
  // ROUND: simt.shuffle down {{.*}} : f32
  %s0 = simt.shuffle down %mask, %v, %c1, %c16 : f32
  // CHECK: %[[UPSEG:.*]] = llvm.shl
  // CHECK-NOT: llvm.or
  // CHECK: llvm.call_intrinsic "llvm.nvvm.shfl.sync.up.i32"(%{{.*}}, %{{.*}}, %{{.*}}, %[[UPSEG]]) {{.*}} -> i32
  // ROUND: simt.shuffle up {{.*}} : i32
  %s1 = simt.shuffle up %mask, %w, %c1, %c16 : i32
  // CHECK: llvm.call_intrinsic "llvm.nvvm.shfl.sync.idx.i32"
  // CHECK: llvm.call_intrinsic "llvm.nvvm.shfl.sync.bfly.i32"
  %s2 = simt.shuffle idx %mask, %w, %c1, %c16 : i32
  %s3 = simt.shuffle xor %mask, %w, %c1, %c16 : i32
  // CHECK: llvm.call_intrinsic "llvm.nvvm.vote.ballot.sync"({{.*}}) {{.*}} -> i32
  // CHECK: llvm.call_intrinsic "llvm.nvvm.vote.any.sync"({{.*}}) {{.*}} -> i1
  // CHECK: llvm.call_intrinsic "llvm.nvvm.vote.all.sync"({{.*}}) {{.*}} -> i1
  // CHECK: llvm.call_intrinsic "llvm.nvvm.activemask"() {{.*}} -> i32
  // CHECK: llvm.call_intrinsic "llvm.nvvm.bar.warp.sync"(%{{.*}})
  // ROUND: simt.vote ballot
  // ROUND: simt.vote any
  // ROUND: simt.vote all
  // ROUND: simt.active_mask
  // ROUND: simt.warp_barrier
  %b = simt.vote ballot %mask, %p : i32
  %a = simt.vote any %mask, %p : i1
  %l = simt.vote all %mask, %p : i1
  %m = simt.active_mask : i32
  simt.warp_barrier %mask
  // Every result has a use: the rewrite driver erases unused pure ops.
  llvm.call @sink(%0, %1, %2, %3, %4, %5, %6, %7, %s1, %s2, %s3, %b, %m) : (i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32) -> ()
  llvm.call @sinkf(%s0, %a, %l) : (f32, i1, i1) -> ()
  llvm.return
}
llvm.func @sink(i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32)
llvm.func @sinkf(f32, i1, i1)

// Device functions keep their calling convention.
// CHECK-LABEL: llvm.func @helper()
// CHECK-NOT: ptx_kernelcc
llvm.func @helper() {
  llvm.return
}
