// RUN: lingqu-opt %s --split-input-file --verify-diagnostics

// expected-error @+1 {{a kernel must not return a value}}
llvm.func @returns() -> i32 attributes {simt.kernel} {
  %0 = llvm.mlir.constant(0 : i32) : i32
  llvm.return %0 : i32
}

// -----

// expected-error @+1 {{'simt.kernel' must be a unit attribute}}
llvm.func @not_unit() attributes {simt.kernel = 1 : i32} {
  llvm.return
}

// -----

// expected-error @+1 {{'simt.kernel' is only valid on a function}}
module attributes {simt.kernel} {
}

// -----

// expected-error @+1 {{unknown simt attribute 'simt.kernal'}}
llvm.func @typo() attributes {simt.kernal} {
  llvm.return
}

// -----

// expected-error @+1 {{'simt.barrier' op must be nested in a function}}
simt.barrier

// -----

llvm.func @bad_dim() {
  // expected-error @+1 {{enum values for attribute 'dimension' [x, y, z]}}
  %0 = simt.thread_id w : i32
  llvm.return
}

// -----

llvm.func @bad_type() {
  // expected-error @+1 {{'simt.lane_id' op result #0 must be 32-bit signless integer}}
  %0 = simt.lane_id : i64
  llvm.return
}

// -----

llvm.func @ballot_type(%m: i32, %p: i1) {
  // expected-error @+1 {{'simt.vote' op 'ballot' returns i32}}
  %0 = simt.vote ballot %m, %p : i1
  llvm.return
}

// -----

llvm.func @any_type(%m: i32, %p: i1) {
  // expected-error @+1 {{'simt.vote' op 'any' returns i1}}
  %0 = simt.vote any %m, %p : i32
  llvm.return
}
