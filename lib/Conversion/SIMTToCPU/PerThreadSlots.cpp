//===- PerThreadSlots.cpp - Per-thread arrays of a block function ---------===//

#include "PerThreadSlots.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;
using namespace lingqu;

Value PerThreadSlots::allocate(Type type, Location loc) {
  OpBuilder b(prologueEnd);
  return LLVM::AllocaOp::create(b, loc, LLVM::LLVMPointerType::get(type.getContext()),
                                type, numThreads, 0);
}

Value PerThreadSlots::element(OpBuilder &b, Location loc, Value slot,
                              Type type, Value index) {
  return LLVM::GEPOp::create(b, loc, LLVM::LLVMPointerType::get(b.getContext()),
                             type, slot, ArrayRef<LLVM::GEPArg>{index});
}

Value PerThreadSlots::linearIndex(OpBuilder &b, Location loc, Value x, Value y,
                                  Value z) {
  Value yz = LLVM::AddOp::create(b, loc, y,
                                 LLVM::MulOp::create(b, loc, blockDim[1], z));
  return LLVM::AddOp::create(b, loc, x,
                             LLVM::MulOp::create(b, loc, blockDim[0], yz));
}

Value PerThreadSlots::blockThreads(OpBuilder &b, Location loc) {
  return LLVM::MulOp::create(
      b, loc, LLVM::MulOp::create(b, loc, blockDim[0], blockDim[1]),
      blockDim[2]);
}

Value PerThreadSlots::currentThread(OpBuilder &b, Location loc) {
  Value id[3];
  for (int d = 0; d < 3; ++d)
    id[d] = simt::ThreadIdOp::create(b, loc, b.getI32Type(),
                                     simt::Dimension(d));
  return linearIndex(b, loc, id[0], id[1], id[2]);
}
