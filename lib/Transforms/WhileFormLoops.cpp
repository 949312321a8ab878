//===- WhileFormLoops.cpp - Lifted loops in while form ------------------===//
//
// Lifting gives a loop `for (...; c; ...) {body}` the form
//   scf.while (args) { %r = scf.if c {body; yield next..., 1}
//                                else {yield poison..., 0};
//                      scf.condition(%r#flag) %r... } do { yield args }
// which LLVM sees as a loop whose latch selects between the body's values
// and poison: no trip count (so no full unrolling of `#pragma unroll`
// loops before the vectoriser) unless the body can be speculated. This
// pass gives such loops their while form,
//   scf.while (args) { scf.condition(c) args } do { body; yield next... }.
//
//===----------------------------------------------------------------------===//

#include "LiftedLoops.h"
#include "lingqu/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace lingqu {
#define GEN_PASS_DEF_WHILEFORMLOOPS
#include "lingqu/Transforms/Passes.h.inc"
} // namespace lingqu

using namespace mlir;

namespace {
struct WhileFormLoopsPass
    : lingqu::impl::WhileFormLoopsBase<WhileFormLoopsPass> {
  void runOnOperation() override;
};
} // namespace

static bool isPoison(Value v) {
  return v.getDefiningOp<ub::PoisonOp>() || v.getDefiningOp<LLVM::PoisonOp>();
}

/// Rewrites `loop` if it has the lifted form (see above) and the values it
/// hands on allow it; returns whether it did.
static bool rewrite(scf::WhileOp loop) {
  std::optional<lingqu::LiftedLoop> lifted = lingqu::matchLiftedLoop(loop);
  if (!lifted)
    return false;
  Block &before = loop.getBefore().front();
  Block &after = loop.getAfter().front();
  scf::ConditionOp condition = loop.getConditionOp();
  scf::IfOp body = lifted->body;
  Operation *trunc = lifted->trunc;
  // Nothing but the flag's truncation between the branch and the
  // condition.
  if (body->getNextNode() != (trunc ? trunc : condition.getOperation()) ||
      (trunc && trunc->getNextNode() != condition.getOperation()))
    return false;
  auto thenYield = body.thenYield(), elseYield = body.elseYield();

  // What each iteration argument becomes on the way round (a value of the
  // body, or of the arguments), where the loop goes on; where it stops,
  // the loop's result must be the argument itself (or poison, or unused).
  // A result that is, on exit, a value from outside the loop (lifting
  // routes the next loop's start values through this one) is that value.
  auto definedOutside = [&](Value v) {
    return !loop->isAncestor(v.getParentRegion()->getParentOp());
  };
  SmallVector<Value> next;
  SmallVector<std::pair<unsigned, Value>> exitValues;
  SmallVector<std::pair<unsigned, unsigned>> exitArgs;
  for (auto [m, forwarded] : llvm::enumerate(condition.getArgs())) {
    bool resultUsed = !loop.getResult(m).use_empty();
    if (auto r = dyn_cast<OpResult>(forwarded); r && r.getOwner() == body) {
      Value onExit = elseYield.getOperand(r.getResultNumber());
      if (resultUsed && !isPoison(onExit) && onExit != before.getArgument(m)) {
        if (!definedOutside(onExit))
          return false;
        exitValues.emplace_back(m, onExit);
      }
      next.push_back(thenYield.getOperand(r.getResultNumber()));
      continue;
    }
    if (auto arg = dyn_cast<BlockArgument>(forwarded);
        arg && arg.getOwner() == &before) {
      // On exit the result is that argument: the loop's result for it.
      if (resultUsed && arg.getArgNumber() != m)
        exitArgs.emplace_back(m, arg.getArgNumber());
      next.push_back(arg);
      continue;
    }
    if (!definedOutside(forwarded) || resultUsed)
      return false; // defined in the loop, or its exit value matters
    next.push_back(forwarded);
  }

  // The body moves to the after region; the ops before the branch stay.
  // Values of those the body (or `next`) uses are recomputed there: they
  // must be pure.
  IRMapping map;
  for (auto [from, to] : llvm::zip(before.getArguments(), after.getArguments()))
    map.map(from, to);
  SmallVector<Operation *> recompute;
  for (Operation &op : before) {
    if (&op == body.getOperation())
      break;
    bool used = llvm::any_of(op.getUsers(), [&](Operation *user) {
      return body.getThenRegion().isAncestor(user->getParentRegion());
    }) || llvm::any_of(next, [&](Value v) { return v.getDefiningOp() == &op; });
    if (!used)
      continue;
    if (!isPure(&op) || op.getNumRegions() != 0)
      return false;
    recompute.push_back(&op);
  }
  // Recomputed ops need what they use recomputed too (in block order).
  for (bool grew = true; grew;) {
    grew = false;
    for (Operation &op : before) {
      if (&op == body.getOperation())
        break;
      if (llvm::is_contained(recompute, &op))
        continue;
      bool feeds = llvm::any_of(op.getUsers(), [&](Operation *user) {
        return llvm::is_contained(recompute, user);
      });
      if (!feeds)
        continue;
      if (!isPure(&op) || op.getNumRegions() != 0)
        return false;
      recompute.push_back(&op);
      grew = true;
    }
  }
  llvm::sort(recompute, [](Operation *a, Operation *b) {
    return a->isBeforeInBlock(b);
  });

  for (auto [m, value] : exitValues)
    loop.getResult(m).replaceAllUsesWith(value);
  // After those: the result an argument's exit value moves to is, in the
  // while form, that argument on exit.
  for (auto [m, j] : exitArgs)
    loop.getResult(m).replaceAllUsesWith(loop.getResult(j));
  Operation *afterYield = after.getTerminator();
  OpBuilder b(afterYield);
  for (Operation *op : recompute)
    b.clone(*op, map);
  Block &then = body.getThenRegion().front();
  for (Operation &op : llvm::make_early_inc_range(then.without_terminator())) {
    op.moveBefore(afterYield);
    op.walk([&](Operation *inner) {
      for (OpOperand &operand : inner->getOpOperands())
        if (Value mapped = map.lookupOrNull(operand.get()))
          operand.set(mapped);
    });
  }
  SmallVector<Value> yielded;
  for (Value v : next)
    yielded.push_back(map.lookupOrDefault(v));
  afterYield->setOperands(yielded);

  OpBuilder cb(condition);
  scf::ConditionOp::create(cb, condition.getLoc(), body.getCondition(),
                           before.getArguments());
  condition->erase();
  if (trunc)
    trunc->erase();
  body->erase();
  return true;
}

void WhileFormLoopsPass::runOnOperation() {
  SmallVector<scf::WhileOp> loops;
  getOperation().walk([&](scf::WhileOp loop) { loops.push_back(loop); });
  for (scf::WhileOp loop : loops)
    (void)rewrite(loop);
}
