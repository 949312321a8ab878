//===- WarpLevelOps.cpp - Refusing warp-level ops -------------------------===//

#include "lingqu/Conversion/WarpLevelOps.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/Demangle/Demangle.h"

using namespace mlir;

LogicalResult lingqu::refuseWarpLevelOps(ModuleOp module, StringRef target,
                                         StringRef why) {
  WalkResult refused = module.walk([&](Operation *op) {
    if (!isa<simt::LaneIdOp, simt::WarpSizeOp, simt::ShuffleOp, simt::VoteOp,
             simt::ActiveMaskOp, simt::WarpBarrierOp>(op))
      return WalkResult::advance();
    auto func = op->getParentOfType<LLVM::LLVMFuncOp>();
    op->emitError() << "'" << op->getName() << "' in '"
                    << llvm::demangle(func ? func.getName() : StringRef("?"))
                    << "' is not supported on " << target << " yet: " << why;
    return WalkResult::interrupt();
  });
  return failure(refused.wasInterrupted());
}

SmallVector<Operation *> lingqu::collectCoordinatesAndBarriers(ModuleOp module) {
  SmallVector<Operation *> ops;
  module.walk([&](Operation *op) {
    if (isa<simt::ThreadIdOp, simt::BlockIdOp, simt::BlockDimOp,
            simt::GridDimOp, simt::BarrierOp>(op))
      ops.push_back(op);
  });
  return ops;
}
