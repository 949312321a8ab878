// RUN: lingqu-opt %s --lingqu-map-opencl-address-spaces | FileCheck %s

// NVPTX's shared (3) stays OpenCL's local (3); constant 4 becomes 2.
// CHECK: llvm.mlir.global internal @tile() {addr_space = 3 : i32}
// CHECK: llvm.mlir.global external @table() {addr_space = 2 : i32}
llvm.mlir.global internal @tile() {addr_space = 3 : i32} : !llvm.array<4 x f32>
llvm.mlir.global external @table() {addr_space = 4 : i32} : !llvm.array<4 x f32>

// A kernel's generic pointer parameter becomes a global pointer, cast to
// generic on entry; a generic alloca becomes a private one, cast to generic;
// its lifetime markers go.
// CHECK-LABEL: llvm.func spir_kernelcc @kernel(
// CHECK-SAME: %[[ARG:.*]]: !llvm.ptr<1>)
// CHECK: %[[P:.*]] = llvm.addrspacecast %[[ARG]] : !llvm.ptr<1> to !llvm.ptr<4>
// CHECK: %[[A:.*]] = llvm.alloca %{{.*}} x i32 : (i32) -> !llvm.ptr
// CHECK: %[[G:.*]] = llvm.addrspacecast %[[A]] : !llvm.ptr to !llvm.ptr<4>
// CHECK-NOT: lifetime
// CHECK: llvm.store %{{.*}}, %[[G]] : i32, !llvm.ptr<4>
// CHECK: llvm.load %[[P]] : !llvm.ptr<4> -> i32
// CHECK: llvm.mlir.addressof @tile : !llvm.ptr<3>
llvm.func spir_kernelcc @kernel(%p: !llvm.ptr) {
  %one = llvm.mlir.constant(1 : i32) : i32
  %a = llvm.alloca %one x i32 : (i32) -> !llvm.ptr
  llvm.intr.lifetime.start %a : !llvm.ptr
  llvm.store %one, %a : i32, !llvm.ptr
  %v = llvm.load %p : !llvm.ptr -> i32
  %t = llvm.mlir.addressof @tile : !llvm.ptr<3>
  llvm.intr.lifetime.end %a : !llvm.ptr
  llvm.return
}

// Device functions keep generic pointer parameters (now 4).
// CHECK-LABEL: llvm.func spir_funccc @device(%{{.*}}: !llvm.ptr<4>)
llvm.func spir_funccc @device(%p: !llvm.ptr) {
  llvm.return
}
