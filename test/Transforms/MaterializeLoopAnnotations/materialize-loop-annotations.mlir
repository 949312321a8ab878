// RUN: lingqu-opt %s --lingqu-materialize-loop-annotations | FileCheck %s
// RUN: lingqu-opt %s --lingqu-materialize-loop-annotations | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=IR

// The latch annotation scf-to-cf leaves as a discardable attribute becomes
// the branch's own, which the translation turns into !llvm.loop metadata.
// CHECK: #[[ANN:.*]] = #llvm.loop_annotation<vectorize = #{{.*}}>
// CHECK-LABEL: llvm.func @latch
// CHECK: llvm.br ^bb1(%{{.*}} : i32) {loop_annotation = #[[ANN]]}
// CHECK-NOT: llvm.loop_annotation =
// IR: br label %{{.*}}, !llvm.loop ![[LOOP:[0-9]+]]
// IR: ![[LOOP]] = distinct !{![[LOOP]], ![[ENABLE:[0-9]+]]}
// IR: ![[ENABLE]] = !{!"llvm.loop.vectorize.enable", i1 true}
llvm.func @latch(%n: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  llvm.br ^bb1(%c0 : i32)
^bb1(%i: i32):
  %cond = llvm.icmp "slt" %i, %n : i32
  llvm.cond_br %cond, ^bb2, ^bb3
^bb2:
  %next = llvm.add %i, %c1 : i32
  llvm.br ^bb1(%next : i32) {llvm.loop_annotation = #llvm.loop_annotation<vectorize = <disable = false>>}
^bb3:
  llvm.return
}
