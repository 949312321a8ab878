// RUN: lingqu-opt %s --convert-simt-to-cpu | FileCheck %s

// One warp reduces under `if (t < 32)`: the branch holds a collective, so the
// whole block enters it and each thread's code is predicated on its own
// condition. The thread loops inside need only the x indices below 32: their
// x bound is min(32, blockDim.x), not blockDim.x.
// CHECK-LABEL: llvm.func @__lingqu_block_warp_sum(
// CHECK:         %[[BDX_ADDR:.*]] = llvm.getelementptr %{{.*}}[0, 1, 0]
// CHECK:         %[[BDX:.*]] = llvm.load %[[BDX_ADDR]] : !llvm.ptr -> i32
// The first nest (the load, for every thread) runs to blockDim.x.
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for %{{.*}} = %{{.*}} to %[[BDX]] step
// Inside the branch: publish, then read and add, for x below 32 only.
// CHECK:         %[[BELOW:.*]] = llvm.icmp "ult" %[[C32:.*]], %[[BDX]] : i32
// CHECK:         %[[BOUND:.*]] = llvm.select %[[BELOW]], %[[C32]], %[[BDX]] : i1, i32
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for %{{.*}} = %{{.*}} to %[[BOUND]] step
// CHECK:         %[[BELOW2:.*]] = llvm.icmp "ult" %[[C32B:.*]], %[[BDX]] : i32
// CHECK:         %[[BOUND2:.*]] = llvm.select %[[BELOW2]], %[[C32B]], %[[BDX]] : i1, i32
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for %{{.*}} = %{{.*}} to %[[BOUND2]] step
// CHECK:               llvm.fadd
llvm.func @warp_sum(%data: !llvm.ptr, %out: !llvm.ptr) attributes {simt.kernel} {
  %c32 = llvm.mlir.constant(32 : i32) : i32
  %full = llvm.mlir.constant(-1 : i32) : i32
  %c16 = llvm.mlir.constant(16 : i32) : i32
  %t = simt.thread_id x : i32
  %p = llvm.getelementptr %data[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
  %v = llvm.load %p : !llvm.ptr -> f32
  %lead = llvm.icmp "slt" %t, %c32 : i32
  scf.if %lead {
    %s = simt.shuffle down %full, %v, %c16, %c32 : f32
    %sum = llvm.fadd %v, %s : f32
    %q = llvm.getelementptr %out[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
    llvm.store %sum, %q : f32, !llvm.ptr
  }
  llvm.return
}
