// RUN: lingqu-opt %s --lingqu-erase-address-spaces | FileCheck %s

// CHECK: llvm.mlir.global external @dev(0 : i32) {addr_space = 0 : i32} : i32
llvm.mlir.global external @dev(0 : i32) {addr_space = 1 : i32} : i32
// CHECK: llvm.mlir.global internal constant @cst(1.0{{.*}} : f32) {addr_space = 0 : i32} : f32
llvm.mlir.global internal constant @cst(1.0 : f32) {addr_space = 4 : i32} : f32
// A __constant__ variable the host writes becomes writable memory.
// CHECK: llvm.mlir.global external @table(dense<0.0{{.*}}> : tensor<4xf32>) {addr_space = 0 : i32} : !llvm.array<4 x f32>
llvm.mlir.global external constant @table(dense<0.0> : tensor<4xf32>) {addr_space = 4 : i32} : !llvm.array<4 x f32>

// CHECK-LABEL: llvm.func @f
// CHECK-SAME: (%[[ARG:.*]]: !llvm.ptr) -> !llvm.ptr
// CHECK-NOT: llvm.addrspacecast
// CHECK-NOT: !llvm.ptr<
// CHECK: %[[G:.*]] = llvm.mlir.addressof @dev : !llvm.ptr
// CHECK: llvm.load %[[G]] : !llvm.ptr -> i32
// CHECK: llvm.store %{{.*}}, %[[ARG]] : i32, !llvm.ptr
// CHECK: llvm.return %[[ARG]] : !llvm.ptr
llvm.func @f(%p: !llvm.ptr<1>) -> !llvm.ptr<3> {
  %g = llvm.mlir.addressof @dev : !llvm.ptr<1>
  %gen = llvm.addrspacecast %g : !llvm.ptr<1> to !llvm.ptr
  %v = llvm.load %gen : !llvm.ptr -> i32
  llvm.store %v, %p : i32, !llvm.ptr<1>
  %s = llvm.addrspacecast %p : !llvm.ptr<1> to !llvm.ptr<3>
  llvm.return %s : !llvm.ptr<3>
}
