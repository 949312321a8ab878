// RUN: lingqu-opt %s --convert-simt-to-cpu | FileCheck %s

// The per-thread form of a kernel, for the fiber executor: the kernel as
// written, its parameters read from args[i], its coordinates from the
// lingqu_thread_ctx, its synchronisation turned into calls of the executor.
// Each barrier and __activemask() names its source location.
// CHECK-DAG:   llvm.mlir.global private constant @[[SITE_BAR:__lingqu_site_[0-9]+]]("s.cu:7:5\00")
// CHECK-DAG:   llvm.mlir.global private constant @[[SITE_MASK:__lingqu_site_[0-9]+]]("s.cu:11:9\00")
// CHECK:       llvm.func @__lingqu_thread__Z4stepPfi(%[[ARGS:.*]]: !llvm.ptr, %[[CTX:.*]]: !llvm.ptr) {
// CHECK:         %[[OUT_AT:.*]] = llvm.getelementptr %[[ARGS]][0]
// CHECK:         %[[OUT_PTR:.*]] = llvm.load %[[OUT_AT]] : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[OUT:.*]] = llvm.load %[[OUT_PTR]] : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[N_AT:.*]] = llvm.getelementptr %[[ARGS]][1]
// CHECK:         %[[N_PTR:.*]] = llvm.load %[[N_AT]] : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[N:.*]] = llvm.load %[[N_PTR]] : !llvm.ptr -> i32
// threadIdx.x is field 1 of the thread context, the shared buffer field 4
// of the block context inside it.
// CHECK:         %[[TX_AT:.*]] = llvm.getelementptr %[[CTX]][0, 1, 0]
// CHECK:         %[[TX:.*]] = llvm.load %[[TX_AT]] : !llvm.ptr -> i32
// CHECK:         %[[SHARED_AT:.*]] = llvm.getelementptr %[[CTX]][0, 0, 4]
// CHECK:         %[[SHARED:.*]] = llvm.load %[[SHARED_AT]] : !llvm.ptr -> !llvm.ptr
// The tile sits at offset 0 of the block's buffer, as in the block function.
// CHECK:         %[[TILE_I8:.*]] = llvm.getelementptr %[[SHARED]][0] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[TILE:.*]] = llvm.addrspacecast %[[TILE_I8]] : !llvm.ptr to !llvm.ptr<3>
// CHECK:         llvm.getelementptr %[[TILE]][0, %[[TX]]]
// CHECK:         %[[BAR:.*]] = llvm.mlir.addressof @[[SITE_BAR]] : !llvm.ptr
// CHECK:         llvm.call @__lingqu_fiber_barrier(%[[CTX]], %[[BAR]])
// A float shuffle travels as its bits; mode 2 is `down`.
// CHECK:         %[[BITS:.*]] = llvm.bitcast %{{.*}} : f32 to i32
// CHECK:         %[[DOWN:.*]] = llvm.mlir.constant(2 : i32) : i32
// CHECK:         %[[GOT:.*]] = llvm.call @__lingqu_fiber_shuffle(%[[CTX]], %[[DOWN]], %{{.*}}, %[[BITS]], %{{.*}}, %{{.*}})
// CHECK:         %[[Y:.*]] = llvm.bitcast %[[GOT]] : i32 to f32
// CHECK:         %[[P:.*]] = llvm.icmp "sgt" %[[TX]], %[[N]] : i32
// CHECK:         %[[P32:.*]] = llvm.zext %[[P]] : i1 to i32
// CHECK:         %[[ANY:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK:         %[[VOTE:.*]] = llvm.call @__lingqu_fiber_vote(%[[CTX]], %[[ANY]], %{{.*}}, %[[P32]])
// CHECK:         llvm.icmp "ne" %[[VOTE]], %{{.*}} : i32
// CHECK:         %[[MSITE:.*]] = llvm.mlir.addressof @[[SITE_MASK]] : !llvm.ptr
// CHECK:         %[[MASK:.*]] = llvm.call @__lingqu_fiber_active_mask(%[[CTX]], %[[MSITE]])
// CHECK:         llvm.call @__lingqu_fiber_warp_barrier(%[[CTX]], %[[MASK]])
// CHECK:         llvm.store %[[Y]], %{{.*}} : f32, !llvm.ptr
// CHECK-NOT:     simt.
// CHECK:         llvm.return
// The collapsed form is there too, and the kernel info points at both.
// CHECK:       llvm.func @__lingqu_block__Z4stepPfi(
// CHECK:       llvm.mlir.global external constant @__lingqu_kernel_info__Z4stepPfi()
// CHECK:         llvm.mlir.addressof @__lingqu_block__Z4stepPfi
// CHECK:         llvm.mlir.addressof @__lingqu_thread__Z4stepPfi
// CHECK-DAG:   llvm.func @__lingqu_fiber_barrier(!llvm.ptr, !llvm.ptr)
// CHECK-DAG:   llvm.func @__lingqu_fiber_shuffle(!llvm.ptr, i32, i32, i32, i32, i32) -> i32
llvm.mlir.global internal @tile() {addr_space = 3 : i32, alignment = 4 : i64} : !llvm.array<64 x f32>
llvm.func @_Z4stepPfi(%out: !llvm.ptr, %n: i32) attributes {simt.kernel} {
  %t = simt.thread_id x : i32
  %full = llvm.mlir.constant(-1 : i32) : i32
  %one = llvm.mlir.constant(1 : i32) : i32
  %w32 = llvm.mlir.constant(32 : i32) : i32
  %base = llvm.mlir.addressof @tile : !llvm.ptr<3>
  %slot = llvm.getelementptr %base[0, %t] : (!llvm.ptr<3>, i32) -> !llvm.ptr<3>, !llvm.array<64 x f32>
  %v = llvm.sitofp %t : i32 to f32
  llvm.store %v, %slot : f32, !llvm.ptr<3>
  simt.barrier loc("s.cu":7:5)
  %x = llvm.load %slot : !llvm.ptr<3> -> f32
  %y = simt.shuffle down %full, %x, %one, %w32 : f32
  %p = llvm.icmp "sgt" %t, %n : i32
  %any = simt.vote any %full, %p : i1
  %m = simt.active_mask : i32 loc("s.cu":11:9)
  simt.warp_barrier %m
  %a = llvm.getelementptr %out[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
  llvm.store %y, %a : f32, !llvm.ptr
  llvm.return
}
