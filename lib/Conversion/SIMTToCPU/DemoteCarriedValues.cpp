//===- DemoteCarriedValues.cpp - Control flow around barriers, to memory --===//
//
// A loop or branch that holds a barrier runs once per block, with thread
// loops inside it. Its SSA values (iteration arguments, region arguments,
// results) belong to each thread, so they become per-thread arrays: each
// thread stores its value where the op would have passed it and loads it
// where the op would have received it. Every store and load is an ordinary
// thread-level op, placed next to the code that the thread loops wrap.
//
//===----------------------------------------------------------------------===//

#include "PerThreadSlots.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace lingqu;

namespace {

/// Per-thread arrays for a list of values of given types.
struct SlotGroup {
  SmallVector<Value> slots;
  SmallVector<Type> types;

  SlotGroup(TypeRange valueTypes, Location loc, PerThreadSlots &allocator) {
    for (Type t : valueTypes) {
      types.push_back(t);
      slots.push_back(allocator.allocate(t, loc));
    }
  }

  /// Each thread stores `values` at `b`'s insertion point.
  void store(OpBuilder &b, Location loc, ValueRange values,
             PerThreadSlots &allocator) const {
    if (values.empty())
      return;
    Value tid = allocator.currentThread(b, loc);
    for (auto [slot, type, v] : llvm::zip(slots, types, values))
      LLVM::StoreOp::create(b, loc, v, allocator.element(b, loc, slot, type, tid));
  }

  /// Each thread loads the values at `b`'s insertion point.
  SmallVector<Value> load(OpBuilder &b, Location loc,
                          PerThreadSlots &allocator) const {
    SmallVector<Value> values;
    if (slots.empty())
      return values;
    Value tid = allocator.currentThread(b, loc);
    for (auto [slot, type] : llvm::zip(slots, types))
      values.push_back(LLVM::LoadOp::create(
          b, loc, type, allocator.element(b, loc, slot, type, tid)));
    return values;
  }
};

} // namespace

/// Moves the ops of `from` (without arguments or terminator) to the start of
/// `to`, after replacing `from`'s arguments with `replacements`.
static void moveBody(Block &from, Block &to, ValueRange replacements) {
  for (auto [arg, repl] : llvm::zip(from.getArguments(), replacements))
    arg.replaceAllUsesWith(repl);
  Operation *fromTerm = from.getTerminator();
  to.getOperations().splice(to.begin(), from.getOperations(), from.begin(),
                            fromTerm->getIterator());
}

/// Loads of a slot group at the start of `block`, for its arguments.
static SmallVector<Value> loadAtStart(Block &block, const SlotGroup &group,
                                     Location loc, PerThreadSlots &allocator) {
  OpBuilder b = OpBuilder::atBlockBegin(&block);
  return group.load(b, loc, allocator);
}

static void demoteFor(scf::ForOp op, PerThreadSlots &allocator) {
  Location loc = op.getLoc();
  OpBuilder b(op);
  SlotGroup carried(op.getResultTypes(), loc, allocator);
  carried.store(b, loc, op.getInitArgs(), allocator);

  auto newFor = scf::ForOp::create(b, loc, op.getLowerBound(),
                                   op.getUpperBound(), op.getStep());
  newFor->setAttrs(op->getDiscardableAttrDictionary());
  Block &oldBody = *op.getBody(), &newBody = *newFor.getBody();
  SmallVector<Value> args = loadAtStart(oldBody, carried, loc, allocator);
  // Loads were inserted at the old body's start; move them along.
  SmallVector<Value> replacements = {newFor.getInductionVar()};
  replacements.append(args);
  auto oldYield = cast<scf::YieldOp>(oldBody.getTerminator());
  OpBuilder yb(oldYield);
  carried.store(yb, loc, oldYield.getOperands(), allocator);
  moveBody(oldBody, newBody, replacements);

  b.setInsertionPointAfter(newFor);
  op.replaceAllUsesWith(carried.load(b, loc, allocator));
  op.erase();
}

static void demoteIf(scf::IfOp op, PerThreadSlots &allocator) {
  Location loc = op.getLoc();
  OpBuilder b(op);
  SlotGroup results(op.getResultTypes(), loc, allocator);
  bool hasElse = !op.getElseRegion().empty();
  auto newIf = scf::IfOp::create(b, loc, TypeRange{}, op.getCondition(), hasElse);
  newIf->setAttrs(op->getDiscardableAttrDictionary());
  auto moveRegion = [&](Region &from, Region &to) {
    Block &fromBlock = from.front();
    auto yield = cast<scf::YieldOp>(fromBlock.getTerminator());
    OpBuilder yb(yield);
    results.store(yb, loc, yield.getOperands(), allocator);
    moveBody(fromBlock, to.front(), {});
  };
  moveRegion(op.getThenRegion(), newIf.getThenRegion());
  if (hasElse)
    moveRegion(op.getElseRegion(), newIf.getElseRegion());

  b.setInsertionPointAfter(newIf);
  op.replaceAllUsesWith(results.load(b, loc, allocator));
  op.erase();
}

/// scf.while: `before` receives the loop-carried values and forwards the
/// exit/continue values through scf.condition to `after` (and the results);
/// `after` yields the next loop-carried values.
static void demoteWhile(scf::WhileOp op, PerThreadSlots &allocator) {
  Location loc = op.getLoc();
  OpBuilder b(op);
  SlotGroup carried(op.getInits().getTypes(), loc, allocator);
  SlotGroup forwarded(op.getResultTypes(), loc, allocator);
  carried.store(b, loc, op.getInits(), allocator);

  auto newWhile =
      scf::WhileOp::create(b, loc, TypeRange{}, ValueRange{});
  newWhile->setAttrs(op->getDiscardableAttrDictionary());
  Block *before = b.createBlock(&newWhile.getBefore());
  Block *after = b.createBlock(&newWhile.getAfter());

  // before: load carried values, run, store forwarded ones, test.
  Block &oldBefore = op.getBefore().front();
  SmallVector<Value> beforeArgs = loadAtStart(oldBefore, carried, loc, allocator);
  auto condition = cast<scf::ConditionOp>(oldBefore.getTerminator());
  OpBuilder cb(condition);
  forwarded.store(cb, loc, condition.getArgs(), allocator);
  Value cond = condition.getCondition();
  moveBody(oldBefore, *before, beforeArgs);
  OpBuilder eb = OpBuilder::atBlockEnd(before);
  scf::ConditionOp::create(eb, loc, cond, ValueRange{});

  // after: load forwarded values, run, store next carried ones.
  Block &oldAfter = op.getAfter().front();
  SmallVector<Value> afterArgs = loadAtStart(oldAfter, forwarded, loc, allocator);
  auto yield = cast<scf::YieldOp>(oldAfter.getTerminator());
  OpBuilder yb(yield);
  carried.store(yb, loc, yield.getOperands(), allocator);
  moveBody(oldAfter, *after, afterArgs);
  eb.setInsertionPointToEnd(after);
  scf::YieldOp::create(eb, loc);

  b.setInsertionPointAfter(newWhile);
  op.replaceAllUsesWith(forwarded.load(b, loc, allocator));
  op.erase();
}

LogicalResult lingqu::demoteCarriedValues(ArrayRef<Operation *> blockLevelOps,
                                          PerThreadSlots &allocator) {
  for (Operation *op : blockLevelOps) {
    if (auto forOp = dyn_cast<scf::ForOp>(op))
      demoteFor(forOp, allocator);
    else if (auto ifOp = dyn_cast<scf::IfOp>(op))
      demoteIf(ifOp, allocator);
    else if (auto whileOp = dyn_cast<scf::WhileOp>(op))
      demoteWhile(whileOp, allocator);
    else
      return op->emitOpError("holds a barrier and cannot be lowered");
  }
  return success();
}
