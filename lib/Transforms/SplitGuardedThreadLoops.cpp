//===- SplitGuardedThreadLoops.cpp - Thread loops split at their guard ----===//
//
// `if (blockIdx.x * blockDim.x + threadIdx.x < n)` in a thread loop holds
// for a prefix of the block's threads (or, as `>=`, for a suffix): the loop
// is two loops, one over the threads the guard admits and one over the
// rest, each with the compare replaced by its value there and folded into
// the branches and logic that read it. The threads run in the same order
// as before; the vectoriser sees a loop without the branch, where it had
// to mask every access (a load every thread makes from one address
// included). Where the guard's index could wrap for some thread the split
// would be wrong, so the loops are versioned on a block-uniform check, the
// original where it fails.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Analysis/StridedLoops.h"
#include "lingqu/Dialect/SIMT/SIMTDialect.h"
#include "lingqu/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"

namespace lingqu {
#define GEN_PASS_DEF_SPLITGUARDEDTHREADLOOPS
#include "lingqu/Transforms/Passes.h.inc"
} // namespace lingqu

using namespace mlir;
using Predicate = LLVM::ICmpPredicate;

namespace {
struct SplitGuardedThreadLoopsPass
    : lingqu::impl::SplitGuardedThreadLoopsBase<SplitGuardedThreadLoopsPass> {
  void runOnOperation() override;
};

/// A compare in a thread loop, `base + tx < bound` (or `<=`, `>`, `>=`).
struct Guard {
  LLVM::ICmpOp cmp;
  Value base; // null: the index is tx itself
  Value bound;
  bool isSigned;
  bool inclusive;  // `<=` or `>`: the split is one past bound - base
  bool holdsBelow; // `<` or `<=`: it holds for the threads below the split
};
} // namespace

/// Whether `v` is the thread index `tx`, possibly extended.
static bool isThreadIndex(Value v, Value tx) {
  if (auto ext = v.getDefiningOp<LLVM::ZExtOp>())
    v = ext.getArg();
  else if (auto ext = v.getDefiningOp<LLVM::SExtOp>())
    v = ext.getArg(); // tx is below the block's size: never negative
  return v == tx;
}

/// `pred` with its operands swapped: `a < b` is `b > a`.
static Predicate swapped(Predicate pred) {
  switch (pred) {
  case Predicate::slt: return Predicate::sgt;
  case Predicate::sle: return Predicate::sge;
  case Predicate::sgt: return Predicate::slt;
  case Predicate::sge: return Predicate::sle;
  case Predicate::ult: return Predicate::ugt;
  case Predicate::ule: return Predicate::uge;
  case Predicate::ugt: return Predicate::ult;
  case Predicate::uge: return Predicate::ule;
  default: return pred;
  }
}

/// Matches `cmp` as a guard on `loop`'s thread index into `g`.
static bool matchCompare(LLVM::ICmpOp cmp, scf::ForOp loop, Guard &g) {
  g.cmp = cmp;
  Value tx = loop.getInductionVar();
  Value index = cmp.getLhs(), bound = cmp.getRhs();
  Predicate pred = cmp.getPredicate();
  auto isIndex = [&](Value v) {
    if (isThreadIndex(v, tx))
      return true;
    auto add = v.getDefiningOp<LLVM::AddOp>();
    return add && (isThreadIndex(add.getLhs(), tx) ||
                   isThreadIndex(add.getRhs(), tx));
  };
  if (!isIndex(index)) {
    std::swap(index, bound);
    pred = swapped(pred);
    if (!isIndex(index))
      return false;
  }
  switch (pred) {
  case Predicate::slt: case Predicate::sle: case Predicate::sgt:
  case Predicate::sge:
    g.isSigned = true;
    break;
  case Predicate::ult: case Predicate::ule: case Predicate::ugt:
  case Predicate::uge:
    g.isSigned = false;
    break;
  default:
    return false;
  }
  g.inclusive = pred == Predicate::sle || pred == Predicate::ule ||
                pred == Predicate::sgt || pred == Predicate::ugt;
  g.holdsBelow = pred == Predicate::slt || pred == Predicate::sle ||
                pred == Predicate::ult || pred == Predicate::ule;
  g.base = nullptr;
  if (auto add = index.getDefiningOp<LLVM::AddOp>())
    g.base = isThreadIndex(add.getLhs(), tx) ? add.getRhs() : add.getLhs();
  g.bound = bound;
  return (!g.base || lingqu::isHoistable(g.base, loop)) &&
         lingqu::isHoistable(bound, loop);
}

/// The first compare in `loop` (at any depth) that guards on its thread
/// index against a bound known before the loop.
static std::optional<Guard> matchGuard(scf::ForOp loop) {
  if (loop.getNumResults() != 0 || !matchPattern(loop.getStep(), m_One()) ||
      !isa<IntegerType>(loop.getInductionVar().getType()))
    return std::nullopt;
  Guard g;
  WalkResult found = loop.getBody()->walk([&](LLVM::ICmpOp cmp) {
    return matchCompare(cmp, loop, g) ? WalkResult::interrupt()
                                      : WalkResult::advance();
  });
  if (!found.wasInterrupted())
    return std::nullopt;
  return g;
}

static bool isPoison(Value v) {
  return v.getDefiningOp<ub::PoisonOp>() || v.getDefiningOp<LLVM::PoisonOp>();
}

/// Replaces `branch` by the ops of one of its sides.
static void inlineSide(scf::IfOp branch, bool thenSide) {
  Region &region = thenSide ? branch.getThenRegion() : branch.getElseRegion();
  if (region.empty()) { // no else side, and so no results
    branch.erase();
    return;
  }
  Block &side = region.front();
  Operation *yield = side.getTerminator();
  branch.replaceAllUsesWith(yield->getOperands());
  branch->getBlock()->getOperations().splice(Block::iterator(branch),
                                             side.getOperations(), side.begin(),
                                             Block::iterator(yield));
  branch.erase();
}

static std::optional<bool> constantBool(Value v) {
  APInt value;
  if (!v.getType().isInteger(1) || !matchPattern(v, m_ConstantInt(&value)))
    return std::nullopt;
  return value.getBoolValue();
}

/// Simplifies one op of `root` that reads a constant condition: a branch
/// becomes the side it takes, a select its operand, `and`/`or`/`xor` what
/// the constant leaves of them. Returns whether it found one.
static bool simplifyOne(Operation *root, OpBuilder &b) {
  WalkResult result = root->walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (auto branch = dyn_cast<scf::IfOp>(op)) {
      if (std::optional<bool> c = constantBool(branch.getCondition())) {
        inlineSide(branch, *c);
        return WalkResult::interrupt();
      }
    } else if (auto select = dyn_cast<LLVM::SelectOp>(op)) {
      if (std::optional<bool> c = constantBool(select.getCondition())) {
        select.replaceAllUsesWith(*c ? select.getTrueValue()
                                     : select.getFalseValue());
        select.erase();
        return WalkResult::interrupt();
      }
    } else if (isa<LLVM::AndOp, LLVM::OrOp, LLVM::XOrOp>(op)) {
      Value lhs = op->getOperand(0), rhs = op->getOperand(1);
      std::optional<bool> cl = constantBool(lhs), cr = constantBool(rhs);
      if (!cl && !cr)
        return WalkResult::advance();
      Value result;
      if (cl && cr) {
        bool v = isa<LLVM::AndOp>(op)  ? *cl && *cr
                 : isa<LLVM::OrOp>(op) ? *cl || *cr
                                       : *cl != *cr;
        b.setInsertionPoint(op);
        result = LLVM::ConstantOp::create(b, op->getLoc(), b.getI1Type(),
                                          b.getBoolAttr(v));
      } else if (!isa<LLVM::XOrOp>(op)) {
        // `x and true` is x, `x and false` false; `or` the other way.
        bool c = cl ? *cl : *cr;
        Value constant = cl ? lhs : rhs, other = cl ? rhs : lhs;
        result = c == isa<LLVM::AndOp>(op) ? other : constant;
      } else {
        return WalkResult::advance();
      }
      op->getResult(0).replaceAllUsesWith(result);
      op->erase();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return result.wasInterrupted();
}

/// `loop`'s copy for the threads on one side of the split, where the
/// guard's compare is `holds`. Stores of poison (a value no thread here
/// defines) go; a copy left without effects goes.
static void specialise(scf::ForOp copy, LLVM::ICmpOp cmp, bool holds) {
  OpBuilder b = OpBuilder::atBlockBegin(copy.getBody());
  cmp.getResult().replaceAllUsesWith(LLVM::ConstantOp::create(
      b, cmp.getLoc(), b.getI1Type(), b.getBoolAttr(holds)));
  // One rewrite at a time: inlining a branch erases its other side.
  while (simplifyOne(copy, b))
    ;
  // The compare and the logic it fed, now unused.
  IRRewriter rewriter(copy.getContext());
  (void)runRegionDCE(rewriter, copy.getRegion());
  copy.getBody()->walk([](Operation *op) {
    if (auto store = dyn_cast<LLVM::StoreOp>(op); store &&
        isPoison(store.getValue()))
      store.erase();
  });
  bool effects = llvm::any_of(copy.getBody()->without_terminator(),
                              [](Operation &op) {
                                return !isMemoryEffectFree(&op);
                              });
  if (!effects)
    copy.erase();
}

static void split(scf::ForOp loop, Guard g) {
  Location loc = loop.getLoc();
  OpBuilder b(loop);
  Type cmpType = g.bound.getType();
  unsigned width = cast<IntegerType>(cmpType).getWidth();
  lingqu::WideArithmetic wide(b, loc, width, g.isSigned);
  IRMapping hoisted;
  Value lower = wide.extendUnsigned(loop.getLowerBound());
  Value upper = wide.extendUnsigned(loop.getUpperBound());
  // Where nothing wraps, base + tx < bound exactly when tx < bound - base
  // (<= when tx < bound - base + 1), computed wide: the split point.
  Value at = wide.extend(lingqu::hoist(b, g.bound, loop, hoisted));
  Value ok;
  if (g.base) {
    Value base = wide.extend(lingqu::hoist(b, g.base, loop, hoisted));
    at = LLVM::SubOp::create(b, loc, at, base);
    // base + tx must not wrap for any thread (tx starts at 0 or above).
    ok = wide.fitsBelow(base, upper);
  }
  if (g.inclusive)
    at = LLVM::AddOp::create(b, loc, at, wide.constant(APInt(width, 1)));
  auto clamp = [&](Predicate pred, Value v, Value limit) {
    Value keep = LLVM::ICmpOp::create(b, loc, pred, v, limit);
    return LLVM::SelectOp::create(b, loc, keep, v, limit).getResult();
  };
  at = clamp(Predicate::sgt, at, lower);
  at = clamp(Predicate::slt, at, upper);
  at = LLVM::TruncOp::create(b, loc, loop.getInductionVar().getType(), at);

  scf::IfOp version;
  if (ok) {
    version = scf::IfOp::create(b, loc, ok, /*withElseRegion=*/true);
    b.setInsertionPoint(version.thenYield());
  }
  IRMapping belowMap, aboveMap;
  auto below = cast<scf::ForOp>(b.clone(*loop, belowMap));
  auto above = cast<scf::ForOp>(b.clone(*loop, aboveMap));
  below.getUpperBoundMutable().assign(at);
  above.getLowerBoundMutable().assign(at);
  auto cmpIn = [&](IRMapping &map) {
    return cast<LLVM::ICmpOp>(map.lookup(g.cmp.getOperation()));
  };
  specialise(below, cmpIn(belowMap), g.holdsBelow);
  specialise(above, cmpIn(aboveMap), !g.holdsBelow);
  if (version)
    loop->moveBefore(version.elseYield());
  else
    loop.erase();
}

void SplitGuardedThreadLoopsPass::runOnOperation() {
  SmallVector<std::pair<scf::ForOp, Guard>> found;
  getOperation()->walk([&](scf::ForOp loop) {
    if (!loop->hasAttr(lingqu::simt::SIMTDialect::getThreadLoopAttrName()))
      return;
    if (std::optional<Guard> g = matchGuard(loop))
      found.emplace_back(loop, *g);
  });
  for (auto &[loop, g] : found)
    split(loop, g);
}
