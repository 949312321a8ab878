// RUN: lingqu-opt %s --lingqu-while-form-loops --split-input-file | FileCheck %s

// `for (i = 0; i < n; ++i) a[i] = i` as lifting gives it. The compare
// becomes the loop's condition, the body its after region; the bound
// computed before the branch (n - 1 + 1) stays in the before region, and
// is computed again in the after region, where the body uses it.
// CHECK-LABEL: llvm.func @counter
// CHECK:         scf.while (%[[I:.*]] = %{{.*}}) : (i32) -> i32 {
// CHECK-NEXT:      %[[M:.*]] = llvm.sub %{{.*}}, %{{.*}} : i32
// CHECK-NEXT:      %[[N:.*]] = llvm.add %[[M]], %{{.*}} : i32
// CHECK-NEXT:      %[[C:.*]] = llvm.icmp "slt" %[[I]], %[[N]] : i32
// CHECK-NEXT:      scf.condition(%[[C]]) %[[I]] : i32
// CHECK-NEXT:    } do {
// CHECK-NEXT:    ^bb0(%[[J:.*]]: i32):
// CHECK-NEXT:      %[[M2:.*]] = llvm.sub
// CHECK-NEXT:      %[[N2:.*]] = llvm.add %[[M2]]
// CHECK-NEXT:      %[[P:.*]] = llvm.getelementptr %{{.*}}[%[[J]]]
// CHECK-NEXT:      llvm.store %[[N2]], %[[P]]
// CHECK-NEXT:      %[[NEXT:.*]] = llvm.add %[[J]], %{{.*}} : i32
// CHECK-NEXT:      scf.yield %[[NEXT]] : i32
// CHECK-NOT:     scf.if
llvm.func @counter(%a: !llvm.ptr, %n0: i32) {
  %poison = ub.poison : i32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %one = llvm.mlir.constant(1 : i32) : i32
  %zero = llvm.mlir.constant(0 : i32) : i32
  %r = scf.while (%i = %zero) : (i32) -> i32 {
    %m = llvm.sub %n0, %one : i32
    %n = llvm.add %m, %one : i32
    %more = llvm.icmp "slt" %i, %n : i32
    %y:2 = scf.if %more -> (i32, i32) {
      %p = llvm.getelementptr %a[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i32
      llvm.store %n, %p : i32, !llvm.ptr
      %i1 = llvm.add %i, %one : i32
      scf.yield %i1, %c1 : i32, i32
    } else {
      scf.yield %poison, %c0 : i32, i32
    }
    %go = arith.trunci %y#1 : i32 to i1
    scf.condition(%go) %y#0 : i32
  } do {
  ^bb0(%i2: i32):
    scf.yield %i2 : i32
  }
  llvm.return
}

// -----

// Lifting routes the next loop's start value (0.0) through this loop's
// exit: the loop's result is that value, and the loop takes its while form.
// CHECK-LABEL: llvm.func @start_of_next
// CHECK:         %[[START:.*]] = llvm.mlir.constant(0.000000e+00 : f32) : f32
// CHECK:         scf.while
// CHECK:           scf.condition
// CHECK:         } do {
// CHECK:         llvm.store %[[START]]
llvm.func @start_of_next(%a: !llvm.ptr, %n: i32, %out: !llvm.ptr) {
  %poison = ub.poison : i32
  %fpoison = ub.poison : f32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %one = llvm.mlir.constant(1 : i32) : i32
  %zero = llvm.mlir.constant(0 : i32) : i32
  %start = llvm.mlir.constant(0.0 : f32) : f32
  %r:2 = scf.while (%i = %zero, %s = %fpoison) : (i32, f32) -> (i32, f32) {
    %more = llvm.icmp "slt" %i, %n : i32
    %y:3 = scf.if %more -> (i32, f32, i32) {
      %p = llvm.getelementptr %a[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i32
      llvm.store %i, %p : i32, !llvm.ptr
      %i1 = llvm.add %i, %one : i32
      scf.yield %i1, %fpoison, %c1 : i32, f32, i32
    } else {
      scf.yield %poison, %start, %c0 : i32, f32, i32
    }
    %go = arith.trunci %y#2 : i32 to i1
    scf.condition(%go) %y#0, %y#1 : i32, f32
  } do {
  ^bb0(%i2: i32, %s2: f32):
    scf.yield %i2, %s2 : i32, f32
  }
  llvm.store %r#1, %out : f32, !llvm.ptr
  llvm.return
}

// -----

// Left alone: a loop that can stop from its body (`break`: the flag is
// not a constant there), and one whose used result is, on exit, a value
// the loop computes.
// CHECK-LABEL: llvm.func @with_break
// CHECK:         scf.if
// CHECK-LABEL: llvm.func @exit_value_from_loop
// CHECK:         scf.if
llvm.func @with_break(%a: !llvm.ptr, %n: i32) {
  %poison = ub.poison : i32
  %c0 = arith.constant 0 : i32
  %one = llvm.mlir.constant(1 : i32) : i32
  %zero = llvm.mlir.constant(0 : i32) : i32
  %r = scf.while (%i = %zero) : (i32) -> i32 {
    %more = llvm.icmp "slt" %i, %n : i32
    %y:2 = scf.if %more -> (i32, i32) {
      %p = llvm.getelementptr %a[%i] : (!llvm.ptr, i32) -> !llvm.ptr, i32
      %v = llvm.load %p : !llvm.ptr -> i32
      %stop = llvm.icmp "eq" %v, %zero : i32
      %go = llvm.zext %stop : i1 to i32
      %i1 = llvm.add %i, %one : i32
      scf.yield %i1, %go : i32, i32
    } else {
      scf.yield %poison, %c0 : i32, i32
    }
    %go = arith.trunci %y#1 : i32 to i1
    scf.condition(%go) %y#0 : i32
  } do {
  ^bb0(%i2: i32):
    scf.yield %i2 : i32
  }
  llvm.return
}

llvm.func @exit_value_from_loop(%a: !llvm.ptr, %n: i32, %out: !llvm.ptr) {
  %poison = ub.poison : i32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %one = llvm.mlir.constant(1 : i32) : i32
  %zero = llvm.mlir.constant(0 : i32) : i32
  %r = scf.while (%i = %zero) : (i32) -> i32 {
    %more = llvm.icmp "slt" %i, %n : i32
    %twice = llvm.add %i, %i : i32
    %y:2 = scf.if %more -> (i32, i32) {
      %i1 = llvm.add %i, %one : i32
      scf.yield %i1, %c1 : i32, i32
    } else {
      scf.yield %twice, %c0 : i32, i32
    }
    %go = arith.trunci %y#1 : i32 to i1
    scf.condition(%go) %y#0 : i32
  } do {
  ^bb0(%i2: i32):
    scf.yield %i2 : i32
  }
  llvm.store %r, %out : i32, !llvm.ptr
  llvm.return
}

// -----

// Lifting hands an argument's value on as another result (the sum on exit
// is the argument %s, forwarded third): in while form that result is the
// loop's result for %s.
// CHECK-LABEL: llvm.func @exit_through_other_result
// CHECK:         %[[R:.*]]:3 = scf.while
// CHECK:           scf.condition(%{{.*}}) %{{.*}}, %{{.*}}, %{{.*}} : i32, f32, f32
// CHECK:         llvm.store %[[R]]#1, %{{.*}} : f32, !llvm.ptr
llvm.func @exit_through_other_result(%a: !llvm.ptr, %n: i32, %out: !llvm.ptr) {
  %poison = ub.poison : i32
  %fpoison = ub.poison : f32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %one = llvm.mlir.constant(1 : i32) : i32
  %zero = llvm.mlir.constant(0 : i32) : i32
  %fzero = llvm.mlir.constant(0.0 : f32) : f32
  %r:3 = scf.while (%i = %zero, %s = %fzero, %e = %fpoison) : (i32, f32, f32) -> (i32, f32, f32) {
    %more = llvm.icmp "slt" %i, %n : i32
    %y:3 = scf.if %more -> (i32, f32, i32) {
      %p = llvm.getelementptr %a[%i] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %v = llvm.load %p : !llvm.ptr -> f32
      %s1 = llvm.fadd %s, %v : f32
      %i1 = llvm.add %i, %one : i32
      scf.yield %i1, %s1, %c1 : i32, f32, i32
    } else {
      scf.yield %poison, %fpoison, %c0 : i32, f32, i32
    }
    %go = arith.trunci %y#2 : i32 to i1
    scf.condition(%go) %y#0, %y#1, %s : i32, f32, f32
  } do {
  ^bb0(%i2: i32, %s2: f32, %e2: f32):
    scf.yield %i2, %s2, %e2 : i32, f32, f32
  }
  llvm.store %r#2, %out : f32, !llvm.ptr
  llvm.return
}
