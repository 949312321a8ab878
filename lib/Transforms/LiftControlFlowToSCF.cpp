//===- LiftControlFlowToSCF.cpp - Lift llvm.func control flow to scf ------===//

#include "lingqu/Transforms/Passes.h"

#include "mlir/Conversion/ControlFlowToSCF/ControlFlowToSCF.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/CFGToSCF.h"

namespace lingqu {
#define GEN_PASS_DEF_LIFTCONTROLFLOWTOSCF
#include "lingqu/Transforms/Passes.h.inc"
} // namespace lingqu

using namespace mlir;

namespace {

/// The upstream transformation, with llvm.unreachable (not func.return) on
/// paths that never reach the exit.
struct LLVMFuncCFGToSCF : ControlFlowToSCFTransformation {
  FailureOr<Operation *> createUnreachableTerminator(Location loc,
                                                     OpBuilder &builder,
                                                     Region &) override {
    return LLVM::UnreachableOp::create(builder, loc).getOperation();
  }
};

struct LiftControlFlowToSCFPass
    : lingqu::impl::LiftControlFlowToSCFBase<LiftControlFlowToSCFPass> {
  void runOnOperation() override;
};

} // namespace

/// llvm.br/cond_br/switch -> cf.br/cond_br/switch, which the generic lifting
/// understands. Branch weights are dropped: they have no place on structured
/// ops (loop annotations travel separately, see markLoopHeaders).
static LogicalResult convertBranches(LLVM::LLVMFuncOp func) {
  IRRewriter rewriter(func.getContext());
  WalkResult result = func.walk([&](Operation *op) {
    rewriter.setInsertionPoint(op);
    if (auto br = dyn_cast<LLVM::BrOp>(op)) {
      rewriter.replaceOpWithNewOp<cf::BranchOp>(br, br.getDest(),
                                                br.getDestOperands());
    } else if (auto cbr = dyn_cast<LLVM::CondBrOp>(op)) {
      rewriter.replaceOpWithNewOp<cf::CondBranchOp>(
          cbr, cbr.getCondition(), cbr.getTrueDest(),
          cbr.getTrueDestOperands(), cbr.getFalseDest(),
          cbr.getFalseDestOperands());
    } else if (auto sw = dyn_cast<LLVM::SwitchOp>(op)) {
      SmallVector<APInt> values;
      if (auto caseValues = sw.getCaseValues())
        values.assign(caseValues->value_begin<APInt>(),
                      caseValues->value_end<APInt>());
      SmallVector<ValueRange> caseOperands;
      for (unsigned i = 0, e = sw.getCaseDestinations().size(); i < e; ++i)
        caseOperands.push_back(sw.getCaseOperands(i));
      rewriter.replaceOpWithNewOp<cf::SwitchOp>(
          sw, sw.getValue(), sw.getDefaultDestination(),
          sw.getDefaultOperands(), values, sw.getCaseDestinations(),
          caseOperands);
    } else if (isa<LLVM::IndirectBrOp>(op)) {
      op->emitError() << "computed goto is not supported";
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}

/// A block argument that carries a local (as block merging upstream leaves
/// the cases of a switch that each call a function on their own local)
/// becomes an scf result, so a lifetime marker can end up naming one where
/// LLVM requires an alloca. The markers are hints: those are dropped.
static void dropStrayLifetimeMarkers(LLVM::LLVMFuncOp func) {
  SmallVector<Operation *> stray;
  func.walk([&](Operation *op) {
    if (!isa<LLVM::LifetimeStartOp, LLVM::LifetimeEndOp>(op))
      return;
    Value ptr = op->getOperand(0);
    if (!ptr.getDefiningOp<LLVM::AllocaOp>() &&
        !ptr.getDefiningOp<LLVM::PoisonOp>())
      stray.push_back(op);
  });
  for (Operation *op : stray)
    op->erase();
}

/// The attribute of the op that stands in a loop header for the loop's
/// annotation (`#pragma unroll` and the like) while the control flow is
/// lifted: the annotation sits on the latch branch, which lifting replaces.
static constexpr llvm::StringLiteral kLoopHint = "lingqu.loop_hint";

/// Puts a marker holding each latch branch's loop annotation at the start of
/// the loop's header (the successor that dominates the branch).
static void markLoopHeaders(LLVM::LLVMFuncOp func, DominanceInfo &dominance) {
  func.walk([&](Operation *op) {
    LLVM::LoopAnnotationAttr annotation;
    if (auto br = dyn_cast<LLVM::BrOp>(op))
      annotation = br.getLoopAnnotationAttr();
    else if (auto cbr = dyn_cast<LLVM::CondBrOp>(op))
      annotation = cbr.getLoopAnnotationAttr();
    if (!annotation)
      return;
    for (Block *succ : op->getSuccessors()) {
      if (!dominance.dominates(succ, op->getBlock()))
        continue;
      OpBuilder b = OpBuilder::atBlockBegin(succ);
      auto marker = ub::PoisonOp::create(b, op->getLoc(), b.getI1Type());
      marker->setAttr(kLoopHint, annotation);
      return;
    }
  });
}

/// After lifting: each marker's annotation goes on the scf.while whose
/// body (its `before` region, in do-while form) it ended up in, where
/// scf-to-cf puts it back on the latch branch.
static void annotateLiftedLoops(LLVM::LLVMFuncOp func) {
  SmallVector<Operation *> markers;
  func.walk([&](ub::PoisonOp op) {
    if (op->hasAttr(kLoopHint))
      markers.push_back(op);
  });
  for (Operation *marker : markers) {
    auto loop = dyn_cast<scf::WhileOp>(marker->getParentOp());
    if (loop && marker->getParentRegion() == &loop.getBefore() &&
        !loop->hasAttr(lingqu::kLoopAnnotationAttrName))
      loop->setAttr(lingqu::kLoopAnnotationAttrName,
                    marker->getAttr(kLoopHint));
    marker->erase();
  }
}

void LiftControlFlowToSCFPass::runOnOperation() {
  LLVMFuncCFGToSCF transformation;
  for (auto func : getOperation().getOps<LLVM::LLVMFuncOp>()) {
    if (func.isExternal())
      continue;
    {
      DominanceInfo latches(func);
      markLoopHeaders(func, latches);
    }
    if (failed(convertBranches(func)))
      return signalPassFailure();
    DominanceInfo dominance(func);
    FailureOr<bool> changed =
        transformCFGToSCF(func.getBody(), transformation, dominance);
    if (failed(changed)) {
      func.emitError() << "control flow of '" << func.getSymName()
                       << "' could not be structured";
      return signalPassFailure();
    }
    dropStrayLifetimeMarkers(func);
    annotateLiftedLoops(func);
  }
}
