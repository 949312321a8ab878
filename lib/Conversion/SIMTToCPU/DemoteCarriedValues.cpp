//===- DemoteCarriedValues.cpp - Control flow around barriers, to memory --===//
//
// A loop or branch that holds a barrier runs once per block, with thread
// loops inside it. Of the SSA values it carries (iteration arguments, region
// arguments, results), the block-uniform ones stay SSA values at block
// level; the others belong to each thread and become per-thread arrays: each
// thread stores its value where the op would have passed it and loads it
// where the op would have received it. Every store and load is an ordinary
// thread-level op, placed next to the code that the thread loops wrap.
//
//===----------------------------------------------------------------------===//

#include "PerThreadSlots.h"
#include "lingqu/Analysis/Uniformity.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace lingqu;

namespace {

/// How one list of carried values is passed: uniform positions stay SSA
/// values, the others go through per-thread arrays.
class CarriedValues {
public:
  CarriedValues(ValueRange representatives, const UniformityAnalysis &uniformity,
                Location loc, PerThreadSlots &allocator)
      : allocator(allocator) {
    for (Value v : representatives) {
      bool uniform = uniformity.isUniform(v);
      kept.push_back(uniform);
      types.push_back(v.getType());
      slots.push_back(uniform ? Value() : allocator.allocate(v.getType(), loc));
    }
  }

  /// The values and types that stay SSA values.
  SmallVector<Value> keptValues(ValueRange values) const {
    SmallVector<Value> out;
    for (auto [keep, v] : llvm::zip(kept, values))
      if (keep)
        out.push_back(v);
    return out;
  }
  SmallVector<Type> keptTypes() const {
    SmallVector<Type> out;
    for (auto [keep, t] : llvm::zip(kept, types))
      if (keep)
        out.push_back(t);
    return out;
  }

  /// Each thread stores the demoted ones of `values` at `b`.
  void store(OpBuilder &b, Location loc, ValueRange values) const {
    Value tid;
    for (auto [i, v] : llvm::enumerate(values)) {
      if (kept[i])
        continue;
      if (!tid)
        tid = allocator.currentThread(b, loc);
      LLVM::StoreOp::create(b, loc, v,
                            allocator.element(b, loc, slots[i], types[i], tid));
    }
  }

  /// All values, at `b`: kept ones from `keptSource` in order, demoted ones
  /// loaded by each thread.
  SmallVector<Value> receive(OpBuilder &b, Location loc,
                             ValueRange keptSource) const {
    SmallVector<Value> out;
    Value tid;
    unsigned next = 0;
    for (unsigned i = 0; i < kept.size(); ++i) {
      if (kept[i]) {
        out.push_back(keptSource[next++]);
        continue;
      }
      if (!tid)
        tid = allocator.currentThread(b, loc);
      out.push_back(LLVM::LoadOp::create(
          b, loc, types[i], allocator.element(b, loc, slots[i], types[i], tid)));
    }
    return out;
  }

private:
  PerThreadSlots &allocator;
  SmallVector<bool> kept;
  SmallVector<Type> types;
  SmallVector<Value> slots;
};

} // namespace

/// Moves `from`'s ops (without its terminator) to the start of `to`, after
/// replacing `from`'s arguments with `replacements`.
static void moveBody(Block &from, Block &to, ValueRange replacements) {
  for (auto [arg, repl] : llvm::zip(from.getArguments(), replacements))
    arg.replaceAllUsesWith(repl);
  Operation *fromTerm = from.getTerminator();
  to.getOperations().splice(to.begin(), from.getOperations(), from.begin(),
                            fromTerm->getIterator());
}

/// Arguments of `block` as `carried` receives them, built at its start.
static SmallVector<Value> receiveAtStart(Block &block, const CarriedValues &carried,
                                         ValueRange keptArgs, Location loc) {
  OpBuilder b = OpBuilder::atBlockBegin(&block);
  return carried.receive(b, loc, keptArgs);
}

static void demoteFor(scf::ForOp op, const UniformityAnalysis &uniformity,
                      PerThreadSlots &allocator) {
  Location loc = op.getLoc();
  OpBuilder b(op);
  CarriedValues carried(op.getRegionIterArgs(), uniformity, loc, allocator);
  carried.store(b, loc, op.getInitArgs());

  auto newFor =
      scf::ForOp::create(b, loc, op.getLowerBound(), op.getUpperBound(),
                         op.getStep(), carried.keptValues(op.getInitArgs()));
  newFor->setAttrs(op->getDiscardableAttrDictionary());
  Block &oldBody = *op.getBody(), &newBody = *newFor.getBody();
  auto oldYield = cast<scf::YieldOp>(oldBody.getTerminator());
  OpBuilder yb(oldYield);
  carried.store(yb, loc, oldYield.getOperands());

  SmallVector<Value> replacements = {newFor.getInductionVar()};
  llvm::append_range(replacements,
                     receiveAtStart(oldBody, carried,
                                    newFor.getRegionIterArgs(), loc));
  if (newBody.mightHaveTerminator())
    newBody.getTerminator()->erase();
  moveBody(oldBody, newBody, replacements);
  // Read after the move: the yield may pass the old arguments on.
  SmallVector<Value> keptNext = carried.keptValues(oldYield.getOperands());
  OpBuilder eb = OpBuilder::atBlockEnd(&newBody);
  scf::YieldOp::create(eb, loc, keptNext);

  b.setInsertionPointAfter(newFor);
  op.replaceAllUsesWith(carried.receive(b, loc, newFor.getResults()));
  op.erase();
}

/// Moves one side of a branch (scf.if or scf.index_switch) into the side
/// `to` of its replacement: each thread stores the demoted results, the
/// kept ones are yielded.
static void moveBranchSide(Region &from, Region &to,
                           const CarriedValues &results, Location loc) {
  Block &fromBlock = from.front();
  if (to.empty())
    to.push_back(new Block());
  Block &toBlock = to.front();
  if (toBlock.mightHaveTerminator())
    toBlock.getTerminator()->erase();
  auto yield = cast<scf::YieldOp>(fromBlock.getTerminator());
  OpBuilder yb(yield);
  results.store(yb, loc, yield.getOperands());
  SmallVector<Value> kept = results.keptValues(yield.getOperands());
  moveBody(fromBlock, toBlock, {});
  OpBuilder eb = OpBuilder::atBlockEnd(&toBlock);
  scf::YieldOp::create(eb, loc, kept);
}

static void demoteIf(scf::IfOp op, const UniformityAnalysis &uniformity,
                     PerThreadSlots &allocator) {
  Location loc = op.getLoc();
  OpBuilder b(op);
  CarriedValues results(op.getResults(), uniformity, loc, allocator);
  bool hasElse = !op.getElseRegion().empty();
  auto newIf = scf::IfOp::create(b, loc, results.keptTypes(), op.getCondition(),
                                 hasElse);
  newIf->setAttrs(op->getDiscardableAttrDictionary());
  moveBranchSide(op.getThenRegion(), newIf.getThenRegion(), results, loc);
  if (hasElse)
    moveBranchSide(op.getElseRegion(), newIf.getElseRegion(), results, loc);

  b.setInsertionPointAfter(newIf);
  op.replaceAllUsesWith(results.receive(b, loc, newIf.getResults()));
  op.erase();
}

/// A switch is a branch with more sides.
static void demoteSwitch(scf::IndexSwitchOp op,
                         const UniformityAnalysis &uniformity,
                         PerThreadSlots &allocator) {
  Location loc = op.getLoc();
  OpBuilder b(op);
  CarriedValues results(op.getResults(), uniformity, loc, allocator);
  auto newSwitch = scf::IndexSwitchOp::create(
      b, loc, results.keptTypes(), op.getArg(), op.getCases(),
      op.getNumCases());
  newSwitch->setAttrs(op->getDiscardableAttrDictionary());
  moveBranchSide(op.getDefaultRegion(), newSwitch.getDefaultRegion(), results,
                 loc);
  for (auto [from, to] :
       llvm::zip(op.getCaseRegions(), newSwitch.getCaseRegions()))
    moveBranchSide(from, to, results, loc);

  b.setInsertionPointAfter(newSwitch);
  op.replaceAllUsesWith(results.receive(b, loc, newSwitch.getResults()));
  op.erase();
}

/// scf.while: `before` receives the loop-carried values and forwards the
/// exit/continue values through scf.condition to `after` (and the results);
/// `after` yields the next loop-carried values.
static void demoteWhile(scf::WhileOp op, const UniformityAnalysis &uniformity,
                        PerThreadSlots &allocator) {
  Location loc = op.getLoc();
  OpBuilder b(op);
  CarriedValues carried(op.getBeforeArguments(), uniformity, loc, allocator);
  CarriedValues forwarded(op.getAfterArguments(), uniformity, loc, allocator);
  carried.store(b, loc, op.getInits());

  auto newWhile = scf::WhileOp::create(b, loc, forwarded.keptTypes(),
                                       carried.keptValues(op.getInits()));
  newWhile->setAttrs(op->getDiscardableAttrDictionary());
  SmallVector<Location> beforeLocs(carried.keptTypes().size(), loc);
  SmallVector<Location> afterLocs(forwarded.keptTypes().size(), loc);
  Block *before =
      b.createBlock(&newWhile.getBefore(), newWhile.getBefore().end(),
                    carried.keptTypes(), beforeLocs);
  Block *after = b.createBlock(&newWhile.getAfter(), newWhile.getAfter().end(),
                               forwarded.keptTypes(), afterLocs);

  // before: receive carried values, run, pass forwarded ones on, test.
  Block &oldBefore = op.getBefore().front();
  SmallVector<Value> beforeArgs =
      receiveAtStart(oldBefore, carried, before->getArguments(), loc);
  auto condition = cast<scf::ConditionOp>(oldBefore.getTerminator());
  OpBuilder cb(condition);
  forwarded.store(cb, loc, condition.getArgs());
  moveBody(oldBefore, *before, beforeArgs);
  SmallVector<Value> keptForward = forwarded.keptValues(condition.getArgs());
  Value cond = condition.getCondition();
  OpBuilder eb = OpBuilder::atBlockEnd(before);
  scf::ConditionOp::create(eb, loc, cond, keptForward);

  // after: receive forwarded values, run, pass the next carried ones on.
  Block &oldAfter = op.getAfter().front();
  SmallVector<Value> afterArgs =
      receiveAtStart(oldAfter, forwarded, after->getArguments(), loc);
  auto yield = cast<scf::YieldOp>(oldAfter.getTerminator());
  OpBuilder yb(yield);
  carried.store(yb, loc, yield.getOperands());
  moveBody(oldAfter, *after, afterArgs);
  SmallVector<Value> keptNext = carried.keptValues(yield.getOperands());
  eb.setInsertionPointToEnd(after);
  scf::YieldOp::create(eb, loc, keptNext);

  b.setInsertionPointAfter(newWhile);
  op.replaceAllUsesWith(forwarded.receive(b, loc, newWhile.getResults()));
  op.erase();
}

LogicalResult lingqu::demoteCarriedValues(ArrayRef<Operation *> blockLevelOps,
                                          const UniformityAnalysis &uniformity,
                                          PerThreadSlots &allocator) {
  for (Operation *op : blockLevelOps) {
    if (auto forOp = dyn_cast<scf::ForOp>(op))
      demoteFor(forOp, uniformity, allocator);
    else if (auto ifOp = dyn_cast<scf::IfOp>(op))
      demoteIf(ifOp, uniformity, allocator);
    else if (auto whileOp = dyn_cast<scf::WhileOp>(op))
      demoteWhile(whileOp, uniformity, allocator);
    else if (auto switchOp = dyn_cast<scf::IndexSwitchOp>(op))
      demoteSwitch(switchOp, uniformity, allocator);
    else
      return op->emitOpError("holds a barrier and cannot be lowered");
  }
  return success();
}
