// RUN: lingqu-opt %s --lingqu-bind-device-libcalls | FileCheck %s

// CHECK: llvm.func @__lingqu_vprintf(!llvm.ptr, !llvm.ptr) -> i32
// CHECK-NOT: @vprintf
llvm.func @vprintf(!llvm.ptr, !llvm.ptr) -> i32

// CHECK-LABEL: llvm.func @kernel
// CHECK: llvm.call @__lingqu_vprintf(%{{.*}}, %{{.*}})
llvm.func @kernel(%f: !llvm.ptr, %a: !llvm.ptr) {
  %0 = llvm.call @vprintf(%f, %a) : (!llvm.ptr, !llvm.ptr) -> i32
  llvm.return
}
