//===- SplitGuardedThreadLoops.cpp - Thread loops split at their guard ----===//
//
// `if (blockIdx.x * blockDim.x + threadIdx.x < n)` in a thread loop holds
// for a prefix of the block's threads (or, as `>=`, for a suffix): the loop
// is two loops, one over the threads the guard admits with the branch's
// `then` side in place of the branch, one over the rest with its `else`
// side. The threads run in the same order as before; the vectoriser sees
// a loop without the branch, where it had to mask every access (a load
// every thread makes from one address included). Where the guard's index
// could wrap for some thread the split would be wrong, so the loops are
// versioned on a block-uniform check, the original where it fails.
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
#include "mlir/Interfaces/SideEffectInterfaces.h"

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

/// A branch in a thread loop's body whose condition is `base + tx < bound`
/// (or `<=`, `>`, `>=`), possibly and-ed with a condition `rest`.
struct Guard {
  scf::IfOp branch;
  Value base; // null: the index is tx itself
  Value bound;
  Value rest; // null: the compare is the whole condition
  bool isSigned;
  bool inclusive;  // `<=` or `>`: the split is one past bound - base
  bool thenBelow;  // `<` or `<=`: the threads below the split take `then`
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
static bool matchCompare(Value cond, scf::ForOp loop, Guard &g) {
  auto cmp = cond.getDefiningOp<LLVM::ICmpOp>();
  if (!cmp)
    return false;
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
  g.thenBelow = pred == Predicate::slt || pred == Predicate::sle ||
                pred == Predicate::ult || pred == Predicate::ule;
  g.base = nullptr;
  if (auto add = index.getDefiningOp<LLVM::AddOp>())
    g.base = isThreadIndex(add.getLhs(), tx) ? add.getRhs() : add.getLhs();
  g.bound = bound;
  return (!g.base || lingqu::isHoistable(g.base, loop)) &&
         lingqu::isHoistable(bound, loop);
}

/// The first branch in `loop`'s body guarded on its thread index.
static std::optional<Guard> matchGuard(scf::ForOp loop) {
  if (loop.getNumResults() != 0 || !matchPattern(loop.getStep(), m_One()) ||
      !isa<IntegerType>(loop.getInductionVar().getType()))
    return std::nullopt;
  for (auto branch : loop.getBody()->getOps<scf::IfOp>()) {
    Guard g;
    g.branch = branch;
    g.rest = nullptr;
    Value cond = branch.getCondition();
    if (matchCompare(cond, loop, g))
      return g;
    if (auto conj = cond.getDefiningOp<LLVM::AndOp>()) {
      if (matchCompare(conj.getLhs(), loop, g)) {
        g.rest = conj.getRhs();
        return g;
      }
      if (matchCompare(conj.getRhs(), loop, g)) {
        g.rest = conj.getLhs();
        return g;
      }
    }
  }
  return std::nullopt;
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

/// `loop`'s copy for the threads on one side of the split: the guard's
/// branch resolved (to its `then` side, or to `rest` deciding, where the
/// guard holds). Stores of poison (a value no thread here defines) go; a
/// copy left without effects goes.
static void specialise(scf::ForOp copy, scf::IfOp branch, Value rest,
                       bool holds) {
  if (holds && rest)
    branch.getConditionMutable().assign(rest);
  else
    inlineSide(branch, holds);
  copy.getBody()->walk([](LLVM::StoreOp store) {
    if (isPoison(store.getValue()))
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
  auto branchIn = [&](IRMapping &map) {
    return cast<scf::IfOp>(map.lookup(g.branch.getOperation()));
  };
  Value restBelow = g.rest ? belowMap.lookupOrDefault(g.rest) : Value();
  Value restAbove = g.rest ? aboveMap.lookupOrDefault(g.rest) : Value();
  specialise(below, branchIn(belowMap), restBelow, g.thenBelow);
  specialise(above, branchIn(aboveMap), restAbove, !g.thenBelow);
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
