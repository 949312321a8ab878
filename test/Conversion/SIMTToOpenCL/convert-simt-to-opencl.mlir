// RUN: lingqu-opt %s --convert-simt-to-opencl --split-input-file --verify-diagnostics | FileCheck %s

// CHECK-LABEL: llvm.func spir_kernelcc @kernel
// CHECK-NOT: simt.kernel
llvm.func @kernel(%out: !llvm.ptr) attributes {simt.kernel} {
  // CHECK: %[[X:.*]] = llvm.mlir.constant(0 : i32)
  // CHECK: %[[TID:.*]] = llvm.call spir_funccc @_Z12get_local_idj(%[[X]]) : (i32) -> i64
  // CHECK: llvm.trunc %[[TID]] : i64 to i32
  // CHECK: %[[Y:.*]] = llvm.mlir.constant(1 : i32)
  // CHECK: llvm.call spir_funccc @_Z12get_group_idj(%[[Y]])
  // CHECK: %[[Z:.*]] = llvm.mlir.constant(2 : i32)
  // CHECK: llvm.call spir_funccc @_Z14get_local_sizej(%[[Z]])
  // CHECK: llvm.call spir_funccc @_Z14get_num_groupsj
  %0 = simt.thread_id x : i32
  %1 = simt.block_id y : i32
  %2 = simt.block_dim z : i32
  %3 = simt.grid_dim x : i32
  // Local and global fences: CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE.
  // CHECK: %[[FENCES:.*]] = llvm.mlir.constant(3 : i32)
  // CHECK: llvm.call spir_funccc @_Z7barrierj(%[[FENCES]])
  simt.barrier
  llvm.call @helper(%0, %1, %2, %3) : (i32, i32, i32, i32) -> ()
  llvm.return
}
// CHECK: llvm.func spir_funccc @helper
llvm.func @helper(%a: i32, %b: i32, %c: i32, %d: i32) {
  llvm.return
}
// CHECK-DAG: llvm.func spir_funccc @_Z12get_local_idj(i32) -> i64
// CHECK-DAG: llvm.func spir_funccc @_Z7barrierj(i32)

// -----

// Warp-level operations have no OpenCL counterpart.
llvm.func @warp(%v: f32) attributes {simt.kernel} {
  %mask = llvm.mlir.constant(-1 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %c32 = llvm.mlir.constant(32 : i32) : i32
  // expected-error @+1 {{'simt.shuffle' in 'warp' is not supported on spirv64 yet: an OpenCL sub-group is not a 32-lane warp}}
  %s = simt.shuffle down %mask, %v, %c1, %c32 : f32
  llvm.return
}
