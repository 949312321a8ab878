// RUN: lingqu-opt %s --convert-simt-to-cpu --split-input-file | FileCheck %s

// One barrier splits the block's threads into two loop nests. The prologue
// reads the launch context and the parameters from `void **args`.
//
// CHECK-LABEL: llvm.func @__lingqu_block_reverse(
// CHECK-SAME:      %[[ARGS:.*]]: !llvm.ptr, %[[CTX:.*]]: !llvm.ptr)
// CHECK:         %[[BDX_ADDR:.*]] = llvm.getelementptr %[[CTX]][0, 1, 0]
// CHECK:         %[[BDX:.*]] = llvm.load %[[BDX_ADDR]] : !llvm.ptr -> i32
// CHECK:         %[[SHARED_ADDR:.*]] = llvm.getelementptr %[[CTX]][0, 4]
// CHECK:         %[[SHARED:.*]] = llvm.load %[[SHARED_ADDR]] : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[SLOT0:.*]] = llvm.getelementptr %[[ARGS]][0]
// CHECK:         %[[P0:.*]] = llvm.load %[[SLOT0]] : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[DATA:.*]] = llvm.load %[[P0]] : !llvm.ptr -> !llvm.ptr
// The __shared__ array is the start of the per-block buffer.
// CHECK:         %[[BUF:.*]] = llvm.getelementptr %[[SHARED]][0] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[BUF3:.*]] = llvm.addrspacecast %[[BUF]] : !llvm.ptr to !llvm.ptr<3>
// First nest: z, y, x loops; the body stores into shared memory.
// CHECK:         scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} : i32 {
// CHECK:           scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} : i32 {
// CHECK:             scf.for %[[TX:.*]] = %{{.*}} to %[[BDX]] step %{{.*}} : i32 {
// CHECK:               llvm.getelementptr %[[DATA]]
// CHECK:               llvm.store %{{.*}}, %{{.*}} : f32, !llvm.ptr<3>
// The x loop is marked for VectorizeThreadLoops.
// CHECK:             } {simt.thread_loop}
// CHECK-NOT:         simt.barrier
// Second nest: the thread index is recomputed from the new loop's index.
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for %[[TX2:.*]] = %{{.*}} to %[[BDX]] step %{{.*}} : i32 {
// CHECK:               llvm.sub %{{.*}}, %[[TX2]] : i32
// CHECK:               llvm.load %{{.*}} : !llvm.ptr<3> -> f32
// CHECK:         llvm.return
// CHECK-NOT:     {{(= |^ *)simt\.}}
//
// The descriptor: ABI 3, one 8-byte parameter aligned to 8, 1024 bytes of
// shared memory, no flags, both forms of the kernel.
// CHECK:       llvm.mlir.global internal constant @__lingqu_param_sizes_reverse(dense<8> : tensor<1xi32>)
// CHECK:       llvm.mlir.global internal constant @__lingqu_param_aligns_reverse(dense<8> : tensor<1xi32>)
// CHECK:       llvm.mlir.global external constant @__lingqu_kernel_info_reverse()
// CHECK:         llvm.mlir.constant(3 : i32)
// CHECK:         llvm.mlir.constant(1 : i32)
// CHECK:         llvm.mlir.constant(1024 : i32)
// CHECK:         llvm.mlir.constant(0 : i32)
// CHECK:         llvm.mlir.addressof @__lingqu_block_reverse
// CHECK:         llvm.mlir.addressof @__lingqu_param_sizes_reverse
// CHECK:         llvm.mlir.addressof @__lingqu_thread_reverse
// CHECK:         llvm.mlir.addressof @__lingqu_param_aligns_reverse
// The kernel itself and its shared global are gone.
// CHECK-NOT:   llvm.func @reverse
// CHECK-NOT:   @buf
llvm.mlir.global internal @buf() {addr_space = 3 : i32, alignment = 4 : i64} : !llvm.array<256 x f32>
llvm.func @reverse(%data: !llvm.ptr) attributes {simt.kernel} {
  %c255 = llvm.mlir.constant(255 : i32) : i32
  %buf = llvm.mlir.addressof @buf : !llvm.ptr<3>
  %t = simt.thread_id x : i32
  %p = llvm.getelementptr %data[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
  %v = llvm.load %p : !llvm.ptr -> f32
  %s = llvm.getelementptr %buf[%t] : (!llvm.ptr<3>, i32) -> !llvm.ptr<3>, f32
  llvm.store %v, %s : f32, !llvm.ptr<3>
  simt.barrier
  %r = llvm.sub %c255, %t : i32
  %rs = llvm.getelementptr %buf[%r] : (!llvm.ptr<3>, i32) -> !llvm.ptr<3>, f32
  %w = llvm.load %rs : !llvm.ptr<3> -> f32
  llvm.store %w, %p : f32, !llvm.ptr
  llvm.return
}

// -----

// A loaded value used after the barrier is kept per thread: stored into a
// block-wide array in the first nest, reloaded in the second.
// CHECK-LABEL: llvm.func @__lingqu_block_carry(
// CHECK:         %[[ARRAY:.*]] = llvm.alloca %{{.*}} x f32 : (i64) -> !llvm.ptr
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               %[[V:.*]] = llvm.load %{{.*}} : !llvm.ptr -> f32
// CHECK:               %[[AT:.*]] = llvm.getelementptr %[[ARRAY]][%{{.*}}] : (!llvm.ptr, i32) -> !llvm.ptr, f32
// CHECK:               llvm.store %[[V]], %[[AT]] : f32, !llvm.ptr
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               %[[AT2:.*]] = llvm.getelementptr %[[ARRAY]][%{{.*}}] : (!llvm.ptr, i32) -> !llvm.ptr, f32
// CHECK:               %[[V2:.*]] = llvm.load %[[AT2]] : !llvm.ptr -> f32
// CHECK:               llvm.fadd %[[V2]], %[[V2]]
llvm.func @carry(%in: !llvm.ptr, %out: !llvm.ptr) attributes {simt.kernel} {
  %t = simt.thread_id x : i32
  %p = llvm.getelementptr %in[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
  %v = llvm.load %p : !llvm.ptr -> f32
  simt.barrier
  %d = llvm.fadd %v, %v : f32
  %q = llvm.getelementptr %out[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
  llvm.store %d, %q : f32, !llvm.ptr
  llvm.return
}

// -----

// Block and grid queries read the context; lane and warp size are computed;
// a local array gets one slice per thread of a block-wide alloca.
// CHECK-LABEL: llvm.func @__lingqu_block_queries(
// CHECK-SAME:      %{{.*}}: !llvm.ptr, %[[CTX:.*]]: !llvm.ptr)
// CHECK-DAG:     %[[GDY_ADDR:.*]] = llvm.getelementptr %[[CTX]][0, 0, 1]
// CHECK-DAG:     %[[BIZ_ADDR:.*]] = llvm.getelementptr %[[CTX]][0, 2, 2]
// CHECK:         %[[LOCAL:.*]] = llvm.alloca %{{.*}} x !llvm.array<4 x i32> {alignment = 16 : i64}
// Uniform values are computed once, before the thread loops.
// CHECK-DAG:     %[[MASK:.*]] = llvm.mlir.constant(31 : i32) : i32
// CHECK-DAG:     %[[WARP:.*]] = llvm.mlir.constant(32 : i32) : i32
// CHECK-DAG:     %[[GRID_PLUS_BLOCK:.*]] = llvm.add %{{.*}}, %{{.*}} : i32
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               llvm.getelementptr %[[LOCAL]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, !llvm.array<4 x i32>
// CHECK:               %[[LANE:.*]] = llvm.and %{{.*}}, %[[MASK]] : i32
// CHECK:               llvm.add %[[LANE]], %[[WARP]] : i32
// CHECK-NOT:     {{(= |^ *)simt\.}}
// CHECK:       llvm.mlir.global internal constant @__lingqu_param_sizes_queries(dense<[8, 16]> : tensor<2xi32>)
// Alignments come from the module's data layout; this one has no spec, and
// MLIR's default aligns the byval struct to 4 (imported modules carry
// NVPTX's layout: e2e/driver-module.cu checks a real one).
// CHECK:       llvm.mlir.global internal constant @__lingqu_param_aligns_queries(dense<[8, 4]> : tensor<2xi32>)
llvm.func @queries(%out: !llvm.ptr, %s: !llvm.ptr {llvm.byval = !llvm.struct<(i64, i64)>}) attributes {simt.kernel} {
  %one = llvm.mlir.constant(1 : i32) : i32
  %local = llvm.alloca %one x !llvm.array<4 x i32> {alignment = 16 : i64} : (i32) -> !llvm.ptr
  %gy = simt.grid_dim y : i32
  %bz = simt.block_id z : i32
  %lane = simt.lane_id : i32
  %ws = simt.warp_size : i32
  %a = llvm.add %gy, %bz : i32
  %b = llvm.add %lane, %ws : i32
  %c = llvm.add %a, %b : i32
  llvm.store %c, %local : i32, !llvm.ptr
  %d = llvm.load %local : !llvm.ptr -> i32
  llvm.store %d, %out : i32, !llvm.ptr
  llvm.return
}

// -----

// A barrier in a loop: the loop runs once per block with thread loops
// inside; the per-thread value it carries lives in a per-thread array. Its
// bound depends only on a parameter: computed once, outside thread loops.
// CHECK-LABEL: llvm.func @__lingqu_block_acc(
// CHECK:         %[[CARRIED:.*]] = llvm.alloca %{{.*}} x i32 : (i64) -> !llvm.ptr
// CHECK:         %[[BOUND:.*]] = llvm.add %{{.*}}, %{{.*}} : i32
// First nest: each thread stores its initial value.
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for %[[TX:.*]] =
// CHECK:               %[[INIT_AT:.*]] = llvm.getelementptr %[[CARRIED]][%{{.*}}]
// CHECK:               llvm.store %{{.*}}, %[[INIT_AT]]
// The block-level loop.
// CHECK:         scf.for %[[I:.*]] = %{{.*}} to %[[BOUND]] step %{{.*}} : i32 {
// Two thread nests inside it, one per side of the barrier.
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               scf.for
// CHECK:                 %[[NEXT:.*]] = llvm.add %{{.*}}, %[[I]] : i32
// CHECK:                 %[[NEXT_AT:.*]] = llvm.getelementptr %[[CARRIED]]
// CHECK:                 llvm.store %[[NEXT]], %[[NEXT_AT]] : i32, !llvm.ptr
// CHECK-NOT:     {{(= |^ *)simt\.}}
llvm.func @acc(%out: !llvm.ptr, %n: i32) attributes {simt.kernel} {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %t = simt.thread_id x : i32
  %bound = llvm.add %n, %c0 : i32
  %sum = scf.for %i = %c0 to %bound step %c1 iter_args(%s = %t) -> (i32) : i32 {
    simt.barrier
    %next = llvm.add %s, %i : i32
    scf.yield %next : i32
  }
  %p = llvm.getelementptr %out[%t] : (!llvm.ptr, i32) -> !llvm.ptr, i32
  llvm.store %sum, %p : i32, !llvm.ptr
  llvm.return
}

// -----

// A bound that each thread loads itself (uniform only by CUDA's rule) is
// kept per thread, and thread 0's copy controls the block-level loop.
// CHECK-LABEL: llvm.func @__lingqu_block_loaded_bound(
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               %[[N:.*]] = llvm.load %{{.*}} : !llvm.ptr -> i32
// CHECK:               llvm.store %[[N]], %{{.*}} : i32, !llvm.ptr
// CHECK:         %[[ZERO:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:    %[[AT:.*]] = llvm.getelementptr %{{.*}}[%[[ZERO]]]
// CHECK-NEXT:    %[[UB:.*]] = llvm.load %[[AT]] : !llvm.ptr -> i32
// CHECK:         scf.for %{{.*}} = %{{.*}} to %[[UB]] step %{{.*}} : i32 {
llvm.func @loaded_bound(%np: !llvm.ptr) attributes {simt.kernel} {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %n = llvm.load %np : !llvm.ptr -> i32
  scf.for %i = %c0 to %n step %c1 : i32 {
    simt.barrier
  }
  llvm.return
}

// -----

// The tree-reduction shape: the halving stride is block-uniform, so it stays
// an SSA value carried by the block-level loop; the per-thread value is
// carried in a per-thread array.
// CHECK-LABEL: llvm.func @__lingqu_block_halving(
// CHECK:         llvm.alloca %{{.*}} x f32
// CHECK:         scf.while (%[[S:.*]] = %{{.*}}) : (i32) -> i32 {
// CHECK:           %[[GO:.*]] = llvm.icmp "sgt" %[[S]], %{{.*}} : i32
// CHECK:           scf.for
// CHECK:           %[[HALF:.*]] = llvm.ashr %[[S]], %{{.*}} : i32
// CHECK:           scf.condition(%[[GO]]) %[[HALF]] : i32
llvm.func @halving(%p: !llvm.ptr) attributes {simt.kernel} {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %start = simt.block_dim x : i32
  %t = simt.thread_id x : i32
  %a = llvm.getelementptr %p[%t] : (!llvm.ptr, i32) -> !llvm.ptr, f32
  %v0 = llvm.load %a : !llvm.ptr -> f32
  %r:2 = scf.while (%s = %start, %v = %v0) : (i32, f32) -> (i32, f32) {
    %go = llvm.icmp "sgt" %s, %c0 : i32
    simt.barrier
    %v2 = llvm.fadd %v, %v : f32
    %half = llvm.ashr %s, %c1 : i32
    scf.condition(%go) %half, %v2 : i32, f32
  } do {
  ^bb0(%s2: i32, %v3: f32):
    scf.yield %s2, %v3 : i32, f32
  }
  llvm.store %r#1, %a : f32, !llvm.ptr
  llvm.return
}

// -----

// A barrier (here from a warp collective) under a branch that threads may
// take differently: the whole block enters the branch, and inside each
// thread loop a thread runs the code only where its own condition holds.
// The side without a barrier stays a plain per-thread branch.
// CHECK-LABEL: llvm.func @__lingqu_block_divergent(
// CHECK:         %[[ALWAYS:.*]] = llvm.mlir.constant(true) : i1
// CHECK:         scf.if %[[ALWAYS]] {
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               scf.for %[[TX:.*]] =
// CHECK:                 %[[C:.*]] = llvm.icmp "ult" %[[TX]], %{{.*}} : i32
// CHECK:                 scf.if %[[C]] {
// CHECK:                   llvm.sub
// CHECK:                   llvm.store %{{.*}}, %{{.*}} : i32, !llvm.ptr
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               %[[NOT:.*]] = llvm.xor %{{.*}}, %[[ALWAYS]] : i1
// CHECK:               scf.if %[[NOT]] {
// CHECK-NOT:     {{(= |^ *)simt\.}}
llvm.func @divergent(%p: !llvm.ptr) attributes {simt.kernel} {
  %c16 = llvm.mlir.constant(16 : i32) : i32
  %one = llvm.mlir.constant(1 : i32) : i32
  %t = simt.thread_id x : i32
  %a = llvm.getelementptr %p[%t] : (!llvm.ptr, i32) -> !llvm.ptr, i32
  %v = llvm.load %a : !llvm.ptr -> i32
  %low = llvm.icmp "ult" %t, %c16 : i32
  %full = llvm.mlir.constant(-1 : i32) : i32
  scf.if %low {
    simt.warp_barrier %full
    %w = llvm.sub %v, %one : i32
    llvm.store %w, %a : i32, !llvm.ptr
  } else {
    llvm.store %one, %a : i32, !llvm.ptr
  }
  llvm.return
}

// -----

// A loop whose exit differs between threads, around a barrier: the block
// iterates while any thread's flag in a per-thread "active" array is set;
// each thread loop runs a thread's code only while its own flag is.
// CHECK-LABEL: llvm.func @__lingqu_block_ragged(
// CHECK:         scf.while : () -> () {
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK:               scf.for
// CHECK:                 %[[FLAG_AT:.*]] = llvm.getelementptr %[[ACTIVE:.*]][%{{.*}}]
// CHECK-NEXT:            %[[FLAG:.*]] = llvm.load %[[FLAG_AT]] : !llvm.ptr -> i32
// CHECK-NEXT:            %[[ZERO:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:            %[[ON:.*]] = llvm.icmp "ne" %[[FLAG]], %[[ZERO]] : i32
// CHECK-NEXT:            scf.if %[[ON]]
// The block goes on while any thread is active.
// CHECK:           %[[ANY:.*]] = scf.for %[[T:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (i32) : i32 {
// CHECK:             llvm.getelementptr %[[ACTIVE]][%[[T]]]
// CHECK:             llvm.or %[[ACC]], %{{.*}} : i32
// CHECK:           %[[GO:.*]] = llvm.icmp "ne" %[[ANY]], %{{.*}} : i32
// CHECK:           scf.condition(%[[GO]])
llvm.func @ragged(%p: !llvm.ptr) attributes {simt.kernel} {
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %t = simt.thread_id x : i32
  %a = llvm.getelementptr %p[%t] : (!llvm.ptr, i32) -> !llvm.ptr, i32
  %n = llvm.load %a : !llvm.ptr -> i32
  %full = llvm.mlir.constant(-1 : i32) : i32
  %r = scf.while (%left = %n) : (i32) -> i32 {
    simt.warp_barrier %full
    %go = llvm.icmp "sgt" %left, %c1 : i32
    %next = llvm.sub %left, %c1 : i32
    scf.condition(%go) %next : i32
  } do {
  ^bb0(%x: i32):
    scf.yield %x : i32
  }
  llvm.store %r, %a : i32, !llvm.ptr
  llvm.return
}
