; RUN: opt -load-pass-plugin %lingqu_llvm_plugin -passes=lingqu-scalarize-uniform-gathers -S %s | FileCheck %s

; What LLVM's outer-loop vectoriser makes of a tile loop inside a thread
; loop: the inner counter widened to a vector whose lanes are equal, and a
; gather through it of what every thread reads from one address. The
; gather becomes a scalar load and a broadcast, and the counter a scalar
; (the latch reads its lane 0).
; CHECK-LABEL: define <8 x float> @tile_loop(
; CHECK:       loop:
; CHECK-NEXT:    %[[J:.*]] = phi i64 [ 0, %entry ], [ %[[NEXT:.*]], %loop ]
; CHECK-NOT:     masked.gather
; CHECK:         %[[ADDR:.*]] = getelementptr inbounds nuw { float, float, float, float }, ptr %tile, i64 %[[J]]
; CHECK-NEXT:    %[[X:.*]] = load float, ptr %[[ADDR]], align 16, !tbaa
; CHECK-NEXT:    %[[INS:.*]] = insertelement <8 x float> poison, float %[[X]], i64 0
; CHECK-NEXT:    %q = shufflevector <8 x float> %[[INS]], <8 x float> poison, <8 x i32> zeroinitializer
; CHECK:         %[[NEXT]] = add nuw nsw i64 %[[J]], 1
; CHECK-NEXT:    %done = icmp eq i64 %[[NEXT]], %n
define <8 x float> @tile_loop(ptr %tile, <8 x float> %p, i64 %n) {
entry:
  br label %loop
loop:
  %j = phi <8 x i64> [ zeroinitializer, %entry ], [ %next, %loop ]
  %acc = phi <8 x float> [ zeroinitializer, %entry ], [ %sum, %loop ]
  %a = getelementptr inbounds nuw { float, float, float, float }, ptr %tile, <8 x i64> %j
  %q = call <8 x float> @llvm.masked.gather.v8f32.v8p0(<8 x ptr> align 16 %a, <8 x i1> splat (i1 true), <8 x float> poison), !tbaa !0
  %d = fsub <8 x float> %q, %p
  %sum = fadd <8 x float> %acc, %d
  %next = add nuw nsw <8 x i64> %j, splat (i64 1)
  %e = extractelement <8 x i64> %next, i64 0
  %done = icmp eq i64 %e, %n
  br i1 %done, label %exit, label %loop
exit:
  ret <8 x float> %sum
}

; A splat built from a scalar (insertelement and a zero shuffle) plus a
; splat constant is uniform too; the scalar is used as it is.
; CHECK-LABEL: define <4 x i32> @splat_idiom(
; CHECK:         %[[I:.*]] = add i32 %k, 3
; CHECK:         %[[A:.*]] = getelementptr i32, ptr %base, i32 %[[I]]
; CHECK-NEXT:    %[[V:.*]] = load i32, ptr %[[A]], align 4
; CHECK-NOT:     masked.gather
define <4 x i32> @splat_idiom(ptr %base, i32 %k) {
  %ins = insertelement <4 x i32> poison, i32 %k, i64 0
  %splat = shufflevector <4 x i32> %ins, <4 x i32> poison, <4 x i32> zeroinitializer
  %i = add <4 x i32> %splat, splat (i32 3)
  %a = getelementptr i32, ptr %base, <4 x i32> %i
  %v = call <4 x i32> @llvm.masked.gather.v4i32.v4p0(<4 x ptr> align 4 %a, <4 x i1> splat (i1 true), <4 x i32> poison)
  ret <4 x i32> %v
}

; Left alone: lanes at different addresses (a step vector joins the
; counter), a mask that leaves lanes out (their addresses need not be
; readable), and addresses from a load (nothing says its lanes are equal).
; CHECK-LABEL: define void @left_alone(
; CHECK-COUNT-3: call <4 x float> @llvm.masked.gather
define void @left_alone(ptr %base, <4 x i1> %mask, ptr %pp, ptr %out) {
  %ids = add <4 x i64> zeroinitializer, <i64 0, i64 1, i64 2, i64 3>
  %a = getelementptr float, ptr %base, <4 x i64> %ids
  %g1 = call <4 x float> @llvm.masked.gather.v4f32.v4p0(<4 x ptr> align 4 %a, <4 x i1> splat (i1 true), <4 x float> poison)
  %b = getelementptr float, ptr %base, <4 x i64> zeroinitializer
  %g2 = call <4 x float> @llvm.masked.gather.v4f32.v4p0(<4 x ptr> align 4 %b, <4 x i1> %mask, <4 x float> poison)
  %ptrs = load <4 x ptr>, ptr %pp
  %g3 = call <4 x float> @llvm.masked.gather.v4f32.v4p0(<4 x ptr> align 4 %ptrs, <4 x i1> splat (i1 true), <4 x float> poison)
  %s1 = fadd <4 x float> %g1, %g2
  %s2 = fadd <4 x float> %s1, %g3
  store <4 x float> %s2, ptr %out
  ret void
}

!0 = !{!1, !1, i64 0}
!1 = !{!"float", !2, i64 0}
!2 = !{!"omnipotent char", !3, i64 0}
!3 = !{!"Simple C++ TBAA"}
