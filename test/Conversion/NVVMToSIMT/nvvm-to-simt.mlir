// RUN: lingqu-opt %s --convert-nvvm-to-simt --split-input-file | FileCheck %s

// CHECK-LABEL: llvm.func @kernel
// CHECK-SAME: simt.kernel
// CHECK-NOT: ptx_kernelcc
llvm.func ptx_kernelcc @kernel(%out: !llvm.ptr) {
  // CHECK: simt.thread_id x : i32
  // CHECK: simt.thread_id y : i32
  // CHECK: simt.thread_id z : i32
  // CHECK: simt.block_id x : i32
  // CHECK: simt.block_id y : i32
  // CHECK: simt.block_id z : i32
  // CHECK: simt.block_dim x : i32
  // CHECK: simt.block_dim y : i32
  // CHECK: simt.block_dim z : i32
  // CHECK: simt.grid_dim x : i32
  // CHECK: simt.grid_dim y : i32
  // CHECK: simt.grid_dim z : i32
  // CHECK: simt.lane_id : i32
  // CHECK: simt.warp_size : i32
  %0 = nvvm.read.ptx.sreg.tid.x : i32
  %1 = nvvm.read.ptx.sreg.tid.y : i32
  %2 = nvvm.read.ptx.sreg.tid.z : i32
  %3 = nvvm.read.ptx.sreg.ctaid.x : i32
  %4 = nvvm.read.ptx.sreg.ctaid.y : i32
  %5 = nvvm.read.ptx.sreg.ctaid.z : i32
  %6 = nvvm.read.ptx.sreg.ntid.x : i32
  %7 = nvvm.read.ptx.sreg.ntid.y : i32
  %8 = nvvm.read.ptx.sreg.ntid.z : i32
  %9 = nvvm.read.ptx.sreg.nctaid.x : i32
  %10 = nvvm.read.ptx.sreg.nctaid.y : i32
  %11 = nvvm.read.ptx.sreg.nctaid.z : i32
  %12 = nvvm.read.ptx.sreg.laneid : i32
  %13 = nvvm.read.ptx.sreg.warpsize : i32
  // The values flow on unchanged.
  // CHECK: %[[SUM:.*]] = llvm.add %{{.*}}, %{{.*}} : i32
  // CHECK: llvm.store %[[SUM]]
  %sum = llvm.add %0, %13 : i32
  llvm.store %sum, %out : i32, !llvm.ptr
  llvm.store %1, %out : i32, !llvm.ptr
  llvm.store %2, %out : i32, !llvm.ptr
  llvm.store %3, %out : i32, !llvm.ptr
  llvm.store %4, %out : i32, !llvm.ptr
  llvm.store %5, %out : i32, !llvm.ptr
  llvm.store %6, %out : i32, !llvm.ptr
  llvm.store %7, %out : i32, !llvm.ptr
  llvm.store %8, %out : i32, !llvm.ptr
  llvm.store %9, %out : i32, !llvm.ptr
  llvm.store %10, %out : i32, !llvm.ptr
  llvm.store %11, %out : i32, !llvm.ptr
  llvm.store %12, %out : i32, !llvm.ptr
  llvm.return
}

// The form LLVM 22 gives __syncthreads(), and the older nvvm.barrier0.
// CHECK-LABEL: llvm.func @barriers
// CHECK-NOT: simt.kernel
// CHECK: simt.barrier
// CHECK-NEXT: simt.barrier
// CHECK-NEXT: llvm.call_intrinsic "llvm.nvvm.barrier.cta.sync.aligned.all"(%{{.*}})
// -----

llvm.func @barriers() {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  llvm.call_intrinsic "llvm.nvvm.barrier.cta.sync.aligned.all"(%c0) : (i32) -> ()
  nvvm.barrier0
  // Named barriers other than 0 are not __syncthreads(): left alone.
  llvm.call_intrinsic "llvm.nvvm.barrier.cta.sync.aligned.all"(%c1) : (i32) -> ()
  llvm.return
}

// -----

// The declaration of the raised intrinsic goes once it has no users left.
// CHECK-NOT: llvm.func @llvm.nvvm.barrier.cta.sync.aligned.all
// CHECK-LABEL: llvm.func @k
// CHECK: simt.barrier
llvm.func @llvm.nvvm.barrier.cta.sync.aligned.all(i32)
llvm.func ptx_kernelcc @k() {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  llvm.call_intrinsic "llvm.nvvm.barrier.cta.sync.aligned.all"(%c0) : (i32) -> ()
  llvm.return
}

// -----

// Warp intrinsics: the shuffle's packed segment operand becomes a width.
// CHECK-LABEL: llvm.func @warp
// CHECK: %[[C:.*]] = llvm.mlir.constant(6175 : i32)
// CHECK: %[[W:.*]] = llvm.sub %{{.*}}, %{{.*}} : i32
// CHECK: simt.shuffle down %{{.*}}, %{{.*}}, %{{.*}}, %[[W]] : i32
// CHECK: simt.shuffle xor %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : f32
// CHECK: simt.vote ballot %{{.*}}, %{{.*}} : i32
// CHECK: simt.vote all %{{.*}}, %{{.*}} : i1
// CHECK: simt.active_mask : i32
// CHECK: simt.warp_barrier %{{.*}}
llvm.func @warp(%v: i32, %f: f32, %p: i1, %out: !llvm.ptr) {
  %mask = llvm.mlir.constant(-1 : i32) : i32
  %off = llvm.mlir.constant(4 : i32) : i32
  %c = llvm.mlir.constant(6175 : i32) : i32
  %0 = llvm.call_intrinsic "llvm.nvvm.shfl.sync.down.i32"(%mask, %v, %off, %c) : (i32, i32, i32, i32) -> i32
  %1 = llvm.call_intrinsic "llvm.nvvm.shfl.sync.bfly.f32"(%mask, %f, %off, %c) : (i32, f32, i32, i32) -> f32
  %2 = llvm.call_intrinsic "llvm.nvvm.vote.ballot.sync"(%mask, %p) : (i32, i1) -> i32
  %3 = llvm.call_intrinsic "llvm.nvvm.vote.all.sync"(%mask, %p) : (i32, i1) -> i1
  %4 = llvm.call_intrinsic "llvm.nvvm.activemask"() : () -> i32
  llvm.call_intrinsic "llvm.nvvm.bar.warp.sync"(%mask) : (i32) -> ()
  llvm.store %0, %out : i32, !llvm.ptr
  llvm.store %1, %out : f32, !llvm.ptr
  llvm.store %2, %out : i32, !llvm.ptr
  llvm.store %3, %out : i1, !llvm.ptr
  llvm.store %4, %out : i32, !llvm.ptr
  llvm.return
}

// -----

// Blocks alike but for their locals are not merged: the merged block would
// take the local as an argument, and lifetime markers must name an alloca.
// CHECK-LABEL: llvm.func @locals_stay_apart
// CHECK: %[[A:.*]] = llvm.alloca
// CHECK: %[[B:.*]] = llvm.alloca
// CHECK: llvm.cond_br %{{.*}}, ^[[FIRST:.*]], ^[[SECOND:[a-z0-9]*]]
// CHECK: ^[[FIRST]]:
// CHECK: llvm.intr.lifetime.start %[[A]]
// CHECK: ^[[SECOND]]:
// CHECK: llvm.intr.lifetime.start %[[B]]
llvm.func @locals_stay_apart(%c: i1, %v: f32, %out: !llvm.ptr) {
  %one = llvm.mlir.constant(1 : i32) : i32
  %a = llvm.alloca %one x f32 : (i32) -> !llvm.ptr
  %b = llvm.alloca %one x f32 : (i32) -> !llvm.ptr
  llvm.cond_br %c, ^first, ^second
^first:
  llvm.intr.lifetime.start %a : !llvm.ptr
  llvm.store %v, %out : f32, !llvm.ptr
  llvm.intr.lifetime.end %a : !llvm.ptr
  llvm.return
^second:
  llvm.intr.lifetime.start %b : !llvm.ptr
  llvm.store %v, %out : f32, !llvm.ptr
  llvm.intr.lifetime.end %b : !llvm.ptr
  llvm.return
}
