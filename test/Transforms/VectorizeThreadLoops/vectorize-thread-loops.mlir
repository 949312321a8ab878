// RUN: lingqu-opt %s --lingqu-vectorize-thread-loops --split-input-file --verify-diagnostics --allow-unregistered-dialect | FileCheck %s

// A thread loop holding a per-thread loop asks for vectorisation (LLVM's
// outer-loop vectoriser then runs the inner loop for a vector of threads).
// CHECK: #[[VEC:.*]] = #llvm.loop_vectorize<disable = false>
// CHECK: #[[ANN:.*]] = #llvm.loop_annotation<vectorize = #[[VEC]]>
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

// A thread loop without an inner loop is left to the vectoriser's cost
// model; so is a loop that is not a thread loop, and one the user annotated.
// CHECK: // -----
// CHECK-NOT: loop_vectorize
// CHECK: func.func @left_alone
// CHECK-NOT: loop_vectorize
// CHECK: } {simt.thread_loop}
// CHECK-NOT: loop_vectorize
// CHECK: } {llvm.loop_annotation = #{{.*}}, simt.thread_loop}
// CHECK-NOT: loop_vectorize
// CHECK: return
func.func @left_alone(%n: index, %m: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %tx = %c0 to %n step %c1 {
  } {simt.thread_loop}
  scf.for %i = %c0 to %n step %c1 {
    scf.for %j = %c0 to %m step %c1 {
    }
  }
  scf.for %tx = %c0 to %n step %c1 {
    scf.for %j = %c0 to %m step %c1 {
    }
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
