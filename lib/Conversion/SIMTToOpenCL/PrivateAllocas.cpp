//===- PrivateAllocas.cpp - Allocas in a GPU's private space --------------===//

#include "lingqu/Conversion/PrivateAllocas.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"

using namespace mlir;

void lingqu::moveAllocasToPrivateSpace(ModuleOp module, unsigned generic,
                                       unsigned privateSpace) {
  MLIRContext *ctx = module.getContext();
  // Collected first: the rewrite erases ops after them.
  SmallVector<LLVM::AllocaOp> allocas;
  module.walk([&](LLVM::AllocaOp alloca) { allocas.push_back(alloca); });
  for (LLVM::AllocaOp alloca : allocas) {
    if (alloca.getType().getAddressSpace() != generic)
      continue;
    for (Operation *user : llvm::make_early_inc_range(alloca->getUsers()))
      if (isa<LLVM::LifetimeStartOp, LLVM::LifetimeEndOp>(user))
        user->erase();
    OpBuilder b(alloca);
    auto moved = LLVM::AllocaOp::create(
        b, alloca.getLoc(), LLVM::LLVMPointerType::get(ctx, privateSpace),
        alloca.getElemType(), alloca.getArraySize(),
        alloca.getAlignment().value_or(0));
    b.setInsertionPointAfter(moved);
    Value cast = LLVM::AddrSpaceCastOp::create(
        b, alloca.getLoc(), LLVM::LLVMPointerType::get(ctx, generic), moved);
    alloca.replaceAllUsesWith(cast);
    alloca.erase();
  }
}
