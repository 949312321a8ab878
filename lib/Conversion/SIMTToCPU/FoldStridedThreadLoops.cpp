//===- FoldStridedThreadLoops.cpp - A thread loop and a block-stride loop -===//
//
// Step 9 of the SIMT-to-CPU lowering. A tile walked by the block, column
// by column: `for (x = u + threadIdx.x; x < n; x += S)` in each thread,
// where S is the block's width. Built as it is, that is a thread loop
// around a per-thread loop of a few iterations: scalar, the threads' columns
// interleaved. When S equals the thread loop's extent, the threads'
// iterations together are every x from u up to n, once each, and the
// thread loop with the strided loop in it is one loop over x: contiguous
// and vectorisable. The thread loop becomes `if (S == extent) {that loop}
// else {the thread loop as it was}`. Each thread's iterations still run in
// their order; those of different threads interleave differently, as
// threads may.
//
//===----------------------------------------------------------------------===//

#include "PerThreadSlots.h"
#include "lingqu/Analysis/StridedLoops.h"
#include "lingqu/Dialect/SIMT/SIMTDialect.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"

using namespace mlir;
using Predicate = LLVM::ICmpPredicate;

namespace {
/// `while (i pred n) {...; i += step}` with i starting at `base + tx`.
struct StridedLoop {
  scf::WhileOp loop;
  unsigned index;
  Value base; // null: i starts at tx
  Value step;
  bool isSigned;
};
} // namespace

/// The loop that is the only user of the thread index `tx`, in while form,
/// stepping by a value from outside the thread loop.
static std::optional<StridedLoop> match(scf::ForOp threadLoop) {
  Value tx = threadLoop.getInductionVar();
  if (!tx.hasOneUse())
    return std::nullopt;
  StridedLoop s;
  Value init = tx;
  Operation *user = *tx.getUsers().begin();
  if (auto add = dyn_cast<LLVM::AddOp>(user)) {
    s.base = add.getLhs() == tx ? add.getRhs() : add.getLhs();
    if (s.base == tx || !lingqu::isHoistable(s.base, threadLoop) ||
        !add->hasOneUse())
      return std::nullopt;
    init = add;
    user = *add->getUsers().begin();
  }
  s.loop = dyn_cast<scf::WhileOp>(user);
  if (!s.loop || !llvm::all_of(s.loop->getResults(),
                               [](Value r) { return r.use_empty(); }))
    return std::nullopt;
  s.index = llvm::find(s.loop.getInits(), init) - s.loop.getInits().begin();
  if (llvm::count(s.loop.getInits(), init) != 1)
    return std::nullopt;
  // While form: the before region compares and hands the arguments on.
  Block &before = s.loop.getBefore().front();
  scf::ConditionOp condition = s.loop.getConditionOp();
  if (!llvm::equal(condition.getArgs(), before.getArguments()))
    return std::nullopt;
  auto cmp = condition.getCondition().getDefiningOp<LLVM::ICmpOp>();
  if (!cmp || cmp.getLhs() != before.getArgument(s.index))
    return std::nullopt;
  Predicate pred = cmp.getPredicate();
  if (pred != Predicate::slt && pred != Predicate::ult &&
      pred != Predicate::sle && pred != Predicate::ule)
    return std::nullopt;
  s.isSigned = pred == Predicate::slt || pred == Predicate::sle;
  // The bound may not change from one iteration to the next.
  Operation *boundDef = cmp.getRhs().getDefiningOp();
  if (!lingqu::isDefinedOutside(cmp.getRhs(), s.loop) &&
      (!boundDef || !isPure(boundDef) ||
       !llvm::all_of(boundDef->getOperands(), [&](Value v) {
         return lingqu::isDefinedOutside(v, s.loop);
       })))
    return std::nullopt;
  // i only grows, by the step: no wrap (nsw or nuw as the compare is).
  Block &after = s.loop.getAfter().front();
  auto next =
      after.getTerminator()->getOperand(s.index).getDefiningOp<LLVM::AddOp>();
  Value i = after.getArgument(s.index);
  if (!next || (next.getLhs() != i && next.getRhs() != i))
    return std::nullopt;
  s.step = next.getLhs() == i ? next.getRhs() : next.getLhs();
  auto flags = next.getOverflowFlags();
  if (!lingqu::isHoistable(s.step, threadLoop) ||
      !bitEnumContainsAll(flags, s.isSigned ? LLVM::IntegerOverflowFlags::nsw
                                            : LLVM::IntegerOverflowFlags::nuw))
    return std::nullopt;
  // Everything else the thread loop does is pure: it would otherwise run
  // once instead of once per thread.
  WalkResult impure =
      threadLoop.getBody()->walk<WalkOrder::PreOrder>([&](Operation *op) {
        if (op == s.loop.getOperation())
          return WalkResult::skip();
        if (op->getNumRegions() == 0 && !isMemoryEffectFree(op))
          return WalkResult::interrupt();
        if (op->getNumRegions() != 0 && !isa<scf::IfOp>(op))
          return WalkResult::interrupt();
        return WalkResult::advance();
      });
  if (impure.wasInterrupted())
    return std::nullopt;
  return s;
}

static void fold(scf::ForOp threadLoop, StridedLoop s) {
  Location loc = threadLoop.getLoc();
  OpBuilder b(threadLoop);
  Type type = s.step.getType();
  unsigned width = cast<IntegerType>(type).getWidth();
  lingqu::WideArithmetic wide(b, loc, width, s.isSigned);
  // The thread loop runs tx over [0, extent); its bound is an i32.
  IRMapping hoisted;
  Value extent = wide.extendUnsigned(threadLoop.getUpperBound());
  Value step = wide.extend(lingqu::hoist(b, s.step, threadLoop, hoisted));
  Value ok = LLVM::ICmpOp::create(b, loc, Predicate::eq, step, extent);
  // base + tx does not wrap for any tx (the original adds them as they are).
  if (s.base)
    ok = LLVM::AndOp::create(
        b, loc, ok,
        wide.fitsBelow(
            wide.extend(lingqu::hoist(b, s.base, threadLoop, hoisted)),
            extent));
  auto version = scf::IfOp::create(b, loc, ok, /*withElseRegion=*/true);
  // Where it holds: the thread loop's body once, for tx = 0, with the
  // strided loop stepping by one.
  OpBuilder tb = version.getThenBodyBuilder();
  IRMapping map;
  Type txType = threadLoop.getInductionVar().getType();
  Value zero =
      LLVM::ConstantOp::create(tb, loc, txType, tb.getIntegerAttr(txType, 0));
  map.map(threadLoop.getInductionVar(), zero);
  for (Operation &op : threadLoop.getBody()->without_terminator())
    tb.clone(op, map);
  auto folded = cast<scf::WhileOp>(map.lookup(s.loop.getOperation()));
  Operation *yield = folded.getAfter().front().getTerminator();
  auto next = yield->getOperand(s.index).getDefiningOp<LLVM::AddOp>();
  OpBuilder nb(next);
  next->setOperand(
      next.getLhs() == folded.getAfter().front().getArgument(s.index) ? 1 : 0,
      LLVM::ConstantOp::create(nb, loc, type, nb.getIntegerAttr(type, 1)));
  // Elsewhere: the thread loop.
  threadLoop->moveBefore(version.elseYield());
}

int lingqu::foldStridedThreadLoops(Operation *root) {
  SmallVector<std::pair<scf::ForOp, StridedLoop>> found;
  root->walk([&](scf::ForOp loop) {
    if (!loop->hasAttr(simt::SIMTDialect::getThreadLoopAttrName()))
      return;
    // Index arithmetic the lowering left unused would count as uses.
    IRRewriter rewriter(loop.getContext());
    (void)runRegionDCE(rewriter, loop.getRegion());
    if (std::optional<StridedLoop> s = match(loop))
      found.emplace_back(loop, *s);
  });
  for (auto &[loop, s] : found)
    fold(loop, s);
  return found.size();
}
