// RUN: lingqu-opt %s --lingqu-vectorize-thread-loops --split-input-file --verify-diagnostics --allow-unregistered-dialect | FileCheck %s

// A thread loop holding a per-thread loop asks for vectorisation (LLVM's
// outer-loop vectoriser then runs the inner loop for a vector of threads),
// and like every thread loop it is parallel: CUDA threads between barriers
// do not depend on each other.
// CHECK: #[[GROUP:.*]] = #llvm.access_group<id = distinct[{{[0-9]+}}]<>>
// CHECK: #[[VEC:.*]] = #llvm.loop_vectorize<disable = false>
// CHECK: #[[ANN:.*]] = #llvm.loop_annotation<vectorize = #[[VEC]], parallelAccesses = #[[GROUP]]>
// CHECK: func.func @holds_loop
// CHECK: scf.for
// CHECK: scf.for
// CHECK: } {llvm.loop_annotation = #[[ANN]], simt.thread_loop}
func.func @holds_loop(%n: index, %m: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %tx = %c0 to %n step %c1 {
    scf.for %j = %c0 to %m step %c1 {
    }
  } {simt.thread_loop}
  return
}

// -----

// A thread loop's memory accesses join its access group, which its
// annotation names as parallel; the vectoriser then needs no run-time
// overlap checks.
// CHECK: #[[GROUP:.*]] = #llvm.access_group<id = distinct[{{[0-9]+}}]<>>
// CHECK: #[[ANN:.*]] = #llvm.loop_annotation<parallelAccesses = #[[GROUP]]>
// CHECK: func.func @parallel
// CHECK:   llvm.load %{{.*}} {access_groups = [#[[GROUP]]]}
// CHECK:   llvm.store %{{.*}} {access_groups = [#[[GROUP]]]}
// CHECK: } {llvm.loop_annotation = #[[ANN]], simt.thread_loop}
func.func @parallel(%n: index, %in: !llvm.ptr, %out: !llvm.ptr) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %tx = %c0 to %n step %c1 {
    %v = llvm.load %in : !llvm.ptr -> f32
    llvm.store %v, %out : f32, !llvm.ptr
  } {simt.thread_loop}
  return
}

// -----

// A volatile or atomic access (a counter two threads may share) keeps the
// loop and its accesses out: the vectoriser's own analysis decides. Loops
// that are not thread loops, and thread loops the user annotated, are left
// alone.
// CHECK-NOT: access_group
// CHECK-NOT: loop_vectorize
// CHECK: func.func @left_alone
// CHECK-NOT: access_groups
// CHECK: } {simt.thread_loop}
// CHECK-NOT: access_groups
// CHECK: } {simt.thread_loop}
// CHECK-NOT: access_groups
// CHECK: } {llvm.loop_annotation = #{{.*}}, simt.thread_loop}
// CHECK-NOT: access_groups
// CHECK: return
func.func @left_alone(%n: index, %m: index, %p: !llvm.ptr, %v: i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %tx = %c0 to %n step %c1 {
    %x = llvm.load volatile %p : !llvm.ptr -> i32
    llvm.store %x, %p : i32, !llvm.ptr
  } {simt.thread_loop}
  scf.for %tx = %c0 to %n step %c1 {
    %x = llvm.atomicrmw add %p, %v monotonic : !llvm.ptr, i32
    llvm.store %x, %p : i32, !llvm.ptr
  } {simt.thread_loop}
  scf.for %i = %c0 to %n step %c1 {
    llvm.store %v, %p : i32, !llvm.ptr
  }
  scf.for %tx = %c0 to %n step %c1 {
    llvm.store %v, %p : i32, !llvm.ptr
  } {llvm.loop_annotation = #llvm.loop_annotation<unroll = <disable = true>>, simt.thread_loop}
  return
}

// -----

// The marker belongs on an scf.for and nowhere else.
func.func @misplaced() {
  // expected-error @+1 {{'simt.thread_loop' must be a unit attribute on an scf.for}}
  "test.op"() {simt.thread_loop} : () -> ()
  return
}
