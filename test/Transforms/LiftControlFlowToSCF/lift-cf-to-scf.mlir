// RUN: lingqu-opt %s --lingqu-lift-cf-to-scf --split-input-file | FileCheck %s

// A diamond becomes an scf.if yielding the merged value.
// CHECK-LABEL: llvm.func @diamond
// CHECK-NOT: llvm.cond_br
// CHECK: %[[R:.*]] = scf.if %{{.*}} -> (i32) {
// CHECK:   scf.yield %{{.*}} : i32
// CHECK: } else {
// CHECK:   scf.yield %{{.*}} : i32
// CHECK: }
// CHECK: llvm.return %[[R]] : i32
llvm.func @diamond(%c: i1, %a: i32, %b: i32) -> i32 {
  llvm.cond_br %c, ^then, ^else
^then:
  %x = llvm.add %a, %b : i32
  llvm.br ^join(%x : i32)
^else:
  llvm.br ^join(%b : i32)
^join(%r: i32):
  llvm.return %r : i32
}

// -----

// A counted loop becomes a do-while scf.while; the barrier stays in the body.
// CHECK-LABEL: llvm.func @loop
// CHECK-NOT: llvm.br
// CHECK: scf.while
// CHECK: simt.barrier
// CHECK: scf.condition
// CHECK: llvm.return
llvm.func @loop(%n: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  llvm.br ^header(%c0 : i32)
^header(%i: i32):
  %cond = llvm.icmp "slt" %i, %n : i32
  llvm.cond_br %cond, ^body, ^exit
^body:
  simt.barrier
  %next = llvm.add %i, %c1 : i32
  llvm.br ^header(%next : i32)
^exit:
  llvm.return
}

// -----

// A switch becomes an scf.index_switch.
// CHECK-LABEL: llvm.func @switch
// CHECK: scf.index_switch
// CHECK: case 1
// CHECK: case 7
// CHECK: default
llvm.func @switch(%v: i32, %p: !llvm.ptr) {
  %a = llvm.mlir.constant(10 : i32) : i32
  %b = llvm.mlir.constant(20 : i32) : i32
  llvm.switch %v : i32, ^done [
    1: ^one,
    7: ^seven
  ]
^one:
  llvm.store %a, %p : i32, !llvm.ptr
  llvm.br ^done
^seven:
  llvm.store %b, %p : i32, !llvm.ptr
  llvm.br ^done
^done:
  llvm.return
}

// -----

// Paths that never reach the exit end in llvm.unreachable, not func.return.
// CHECK-LABEL: llvm.func @trap
// CHECK-NOT: func.return
// CHECK: llvm.unreachable
llvm.func @trap(%c: i1) {
  llvm.cond_br %c, ^dead, ^live
^dead:
  llvm.unreachable
^live:
  llvm.return
}

// -----

// Declarations are left alone.
// CHECK-LABEL: llvm.func @external(i32)
llvm.func @external(i32)

// -----

// Branches that differ only in their locals, merged into one block that
// takes the local as an argument (as a greedy rewrite's block merging
// leaves them): after lifting, the markers would name an scf.if result, which
// LLVM rejects, so they are dropped and the store stays.
// CHECK-LABEL: llvm.func @merged_locals
// CHECK-NOT: llvm.intr.lifetime
// CHECK: llvm.store
// CHECK-NOT: llvm.intr.lifetime
// CHECK: llvm.return
llvm.func @merged_locals(%c: i1, %v: f32) {
  %one = llvm.mlir.constant(1 : i32) : i32
  %a = llvm.alloca %one x f32 : (i32) -> !llvm.ptr
  %b = llvm.alloca %one x f32 : (i32) -> !llvm.ptr
  llvm.cond_br %c, ^merged(%a : !llvm.ptr), ^merged(%b : !llvm.ptr)
^merged(%p: !llvm.ptr):
  llvm.intr.lifetime.start %p : !llvm.ptr
  llvm.store %v, %p : f32, !llvm.ptr
  llvm.intr.lifetime.end %p : !llvm.ptr
  llvm.return
}

// -----

// Markers that still name an alloca after lifting are kept.
// CHECK-LABEL: llvm.func @kept_marker
// CHECK: %[[A:.*]] = llvm.alloca
// CHECK: llvm.intr.lifetime.start %[[A]]
// CHECK: llvm.intr.lifetime.end %[[A]]
llvm.func @kept_marker(%v: f32) {
  %one = llvm.mlir.constant(1 : i32) : i32
  %a = llvm.alloca %one x f32 : (i32) -> !llvm.ptr
  llvm.intr.lifetime.start %a : !llvm.ptr
  llvm.store %v, %a : f32, !llvm.ptr
  llvm.intr.lifetime.end %a : !llvm.ptr
  llvm.return
}

// -----

// A loop's annotation (`#pragma unroll`) sits on its latch branch, which
// lifting replaces: it moves to the scf.while (scf-to-cf puts it back on
// the new latch), and the marker that carried it is gone.
// CHECK: #[[UNROLL:.*]] = #llvm.loop_unroll<full = true>
// CHECK: #[[ANN:.*]] = #llvm.loop_annotation<unroll = #[[UNROLL]]>
// CHECK-LABEL: llvm.func @annotated_loop
// CHECK-NOT: lingqu.loop_hint
// CHECK: scf.while
// CHECK: } attributes {llvm.loop_annotation = #[[ANN]]}
// CHECK-NOT: lingqu.loop_hint
// CHECK: llvm.return
llvm.func @annotated_loop(%n: i32) {
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  llvm.br ^header(%c0 : i32)
^header(%i: i32):
  %cond = llvm.icmp "slt" %i, %n : i32
  llvm.cond_br %cond, ^body, ^exit
^body:
  %next = llvm.add %i, %c1 : i32
  llvm.br ^header(%next : i32) {loop_annotation = #llvm.loop_annotation<unroll = <full = true>>}
^exit:
  llvm.return
}
