// RUN: lingqu-opt %s --convert-simt-to-rocdl --split-input-file --verify-diagnostics | FileCheck %s

// CHECK-LABEL: llvm.func amdgpu_kernelcc @kernel
// CHECK-NOT: simt.kernel
llvm.func @kernel(%out: !llvm.ptr) attributes {simt.kernel} {
  // CHECK: rocdl.workitem.id.x : i32
  // CHECK: rocdl.workgroup.id.y : i32
  %0 = simt.thread_id x : i32
  %1 = simt.block_id y : i32
  // blockDim.z: the dispatch packet's workgroup_size_z, a u16 at byte 8.
  // CHECK: %[[P:.*]] = llvm.call_intrinsic "llvm.amdgcn.dispatch.ptr"() {{.*}} -> !llvm.ptr<4>
  // CHECK: %[[F:.*]] = llvm.getelementptr %[[P]][8] : (!llvm.ptr<4>) -> !llvm.ptr<4>, i8
  // CHECK: %[[S:.*]] = llvm.load %[[F]] invariant {alignment = 2 : i64} : !llvm.ptr<4> -> i16
  // CHECK: llvm.zext %[[S]] : i16 to i32
  %2 = simt.block_dim z : i32
  // gridDim.x: grid_size_x (u32 at byte 12) over workgroup_size_x (byte 4).
  // CHECK: llvm.getelementptr %{{.*}}[12]
  // CHECK: %[[ITEMS:.*]] = llvm.load {{.*}} -> i32
  // CHECK: llvm.getelementptr %{{.*}}[4]
  // CHECK: %[[GROUP:.*]] = llvm.zext
  // CHECK: llvm.udiv %[[ITEMS]], %[[GROUP]] : i32
  %3 = simt.grid_dim x : i32
  // CHECK: rocdl.barrier
  simt.barrier
  // A generic (flat) alloca becomes a private one, cast to flat.
  // CHECK: %[[A:.*]] = llvm.alloca %{{.*}} x i32 : (i32) -> !llvm.ptr<5>
  // CHECK: llvm.addrspacecast %[[A]] : !llvm.ptr<5> to !llvm.ptr
  %one = llvm.mlir.constant(1 : i32) : i32
  %a = llvm.alloca %one x i32 : (i32) -> !llvm.ptr
  llvm.store %0, %a : i32, !llvm.ptr
  llvm.call @sink(%1, %2, %3) : (i32, i32, i32) -> ()
  llvm.return
}
llvm.func @sink(i32, i32, i32)

// -----

llvm.func @warp() attributes {simt.kernel} {
  // expected-error @+1 {{'simt.lane_id' in 'warp' is not supported on amdgpu yet: a wavefront has 64 lanes, a CUDA warp 32}}
  %l = simt.lane_id : i32
  llvm.return
}
