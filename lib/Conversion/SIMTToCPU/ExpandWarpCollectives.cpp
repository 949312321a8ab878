//===- ExpandWarpCollectives.cpp - Warp collectives through memory --------===//
//
// On a CPU the lanes of a warp are iterations of the thread loops. A warp
// collective becomes: each lane stores its operand in a per-thread array; a
// block barrier (which the thread-loop construction turns into a split);
// each lane reads the elements of its warp it needs. Warps are runs of 32
// consecutive linear thread indices; the last warp of a block may be partial.
//
//===----------------------------------------------------------------------===//

#include "PerThreadSlots.h"
#include "lingqu/Analysis/Uniformity.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/ScopeExit.h"

using namespace mlir;
using namespace lingqu;

namespace {

/// Where the executing lane sits in its warp.
struct LanePosition {
  Value tid, lane, warpBase, laneCount; // laneCount: lanes in this warp
};

class Expander {
public:
  Expander(PerThreadSlots &slots) : slots(slots) {}

  void expand(simt::ShuffleOp op);
  void expand(simt::VoteOp op);
  void expand(simt::ActiveMaskOp op);
  void expand(simt::WarpBarrierOp op);

private:
  Value i32(OpBuilder &b, Location loc, int64_t v) {
    return LLVM::ConstantOp::create(b, loc, b.getI32Type(),
                                    b.getI32IntegerAttr(v));
  }
  LanePosition position(OpBuilder &b, Location loc);
  /// Mask of the lanes that exist in this warp.
  Value existingLanes(OpBuilder &b, Location loc, const LanePosition &pos);
  /// OR over the lanes l of this warp of (array[warp base + l] << l).
  Value warpBits(OpBuilder &b, Location loc, const LanePosition &pos,
                 Value array);

public:
  /// Stores that record whether a thread reaches them at all (see
  /// expandWarpCollectives).
  SmallVector<Operation *> presenceStores;

  PerThreadSlots &slots;
};

} // namespace

LanePosition Expander::position(OpBuilder &b, Location loc) {
  LanePosition pos;
  pos.tid = slots.currentThread(b, loc);
  pos.lane = LLVM::AndOp::create(b, loc, pos.tid, i32(b, loc, 31));
  pos.warpBase = LLVM::SubOp::create(b, loc, pos.tid, pos.lane);
  Value left = LLVM::SubOp::create(b, loc, slots.blockThreads(b, loc),
                                   pos.warpBase);
  Value full = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::uge, left,
                                    i32(b, loc, 32));
  pos.laneCount = LLVM::SelectOp::create(b, loc, full, i32(b, loc, 32), left);
  return pos;
}

Value Expander::existingLanes(OpBuilder &b, Location loc,
                              const LanePosition &pos) {
  // (1 << count) - 1, computed in 64 bits so that count == 32 works.
  auto i64 = b.getI64Type();
  Value count = LLVM::ZExtOp::create(b, loc, i64, pos.laneCount);
  Value one = LLVM::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(1));
  Value bits = LLVM::SubOp::create(
      b, loc, LLVM::ShlOp::create(b, loc, one, count), one);
  return LLVM::TruncOp::create(b, loc, b.getI32Type(), bits);
}

void Expander::expand(simt::ShuffleOp op) {
  Location loc = op.getLoc();
  OpBuilder b(op);
  Type type = op.getValue().getType();
  Value array = slots.allocate(type, loc);
  LanePosition pos = position(b, loc);
  LLVM::StoreOp::create(b, loc, op.getValue(),
                        slots.element(b, loc, array, type, pos.tid));
  simt::BarrierOp::create(b, loc);

  Value width = op.getWidth(), offset = op.getOffset();
  Value segMask = LLVM::SubOp::create(b, loc, width, i32(b, loc, 1));
  Value rel = LLVM::AndOp::create(b, loc, pos.lane, segMask);
  Value segBase = LLVM::SubOp::create(b, loc, pos.lane, rel);
  Value src, valid;
  using P = LLVM::ICmpPredicate;
  switch (op.getMode()) {
  case simt::ShuffleMode::idx:
    src = LLVM::AddOp::create(b, loc, segBase,
                              LLVM::AndOp::create(b, loc, offset, segMask));
    valid = LLVM::ConstantOp::create(b, loc, b.getI1Type(),
                                     b.getBoolAttr(true));
    break;
  case simt::ShuffleMode::up:
    src = LLVM::SubOp::create(b, loc, pos.lane, offset);
    valid = LLVM::ICmpOp::create(b, loc, P::uge, rel, offset);
    break;
  case simt::ShuffleMode::down:
    src = LLVM::AddOp::create(b, loc, pos.lane, offset);
    valid = LLVM::ICmpOp::create(
        b, loc, P::ult, LLVM::AddOp::create(b, loc, rel, offset), width);
    break;
  case simt::ShuffleMode::bfly:
    // An earlier segment may be read, a later one not (as CUDA's).
    src = LLVM::XOrOp::create(b, loc, pos.lane, offset);
    valid = LLVM::ICmpOp::create(b, loc, P::ult, src,
                                 LLVM::AddOp::create(b, loc, segBase, width));
    break;
  }
  // A source past the last lane of a partial warp reads the lane's own value.
  valid = LLVM::AndOp::create(
      b, loc, valid, LLVM::ICmpOp::create(b, loc, P::ult, src, pos.laneCount));
  Value index = LLVM::SelectOp::create(
      b, loc, valid, LLVM::AddOp::create(b, loc, pos.warpBase, src), pos.tid);
  Value result = LLVM::LoadOp::create(
      b, loc, type, slots.element(b, loc, array, type, index));
  op.replaceAllUsesWith(result);
  op.erase();
}

Value Expander::warpBits(OpBuilder &b, Location loc, const LanePosition &pos,
                         Value array) {
  auto i32Ty = b.getI32Type();
  auto loop = scf::ForOp::create(b, loc, i32(b, loc, 0), pos.laneCount,
                                 i32(b, loc, 1), ValueRange{i32(b, loc, 0)});
  Block *body = loop.getBody();
  if (body->mightHaveTerminator())
    body->getTerminator()->erase();
  OpBuilder lb = OpBuilder::atBlockEnd(body);
  Value l = loop.getInductionVar();
  Value p = LLVM::LoadOp::create(
      lb, loc, i32Ty,
      slots.element(lb, loc, array, i32Ty,
                    LLVM::AddOp::create(lb, loc, pos.warpBase, l)));
  Value acc = LLVM::OrOp::create(lb, loc, loop.getRegionIterArgs()[0],
                                 LLVM::ShlOp::create(lb, loc, p, l));
  scf::YieldOp::create(lb, loc, acc);
  return loop.getResult(0);
}

void Expander::expand(simt::VoteOp op) {
  Location loc = op.getLoc();
  OpBuilder b(op);
  auto i32Ty = b.getI32Type();
  Value array = slots.allocate(i32Ty, loc);
  LanePosition pos = position(b, loc);
  LLVM::StoreOp::create(b, loc, LLVM::ZExtOp::create(b, loc, i32Ty, op.getPredicate()),
                        slots.element(b, loc, array, i32Ty, pos.tid));
  simt::BarrierOp::create(b, loc);

  Value ballot =
      LLVM::AndOp::create(b, loc, warpBits(b, loc, pos, array), op.getMask());
  Value result;
  switch (op.getKind()) {
  case simt::VoteKind::ballot:
    result = ballot;
    break;
  case simt::VoteKind::any:
    result = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ne, ballot,
                                  i32(b, loc, 0));
    break;
  case simt::VoteKind::all:
    result = LLVM::ICmpOp::create(
        b, loc, LLVM::ICmpPredicate::eq, ballot,
        LLVM::AndOp::create(b, loc, op.getMask(), existingLanes(b, loc, pos)));
    break;
  }
  op.replaceAllUsesWith(result);
  op.erase();
}

void Expander::expand(simt::ActiveMaskOp op) {
  // The lanes that reach this point: each thread records whether it is
  // here (a presence store, which stores 0 for the threads that predication
  // keeps out), then reads its warp's records.
  OpBuilder b(op);
  Location loc = op.getLoc();
  auto i32Ty = b.getI32Type();
  Value array = slots.allocate(i32Ty, loc);
  LanePosition pos = position(b, loc);
  presenceStores.push_back(LLVM::StoreOp::create(
      b, loc, i32(b, loc, 1), slots.element(b, loc, array, i32Ty, pos.tid)));
  simt::BarrierOp::create(b, loc);
  op.replaceAllUsesWith(warpBits(b, loc, pos, array));
  op.erase();
}

void Expander::expand(simt::WarpBarrierOp op) {
  OpBuilder b(op);
  simt::BarrierOp::create(b, op.getLoc());
  op.erase();
}

/// True when the control flow around `op` allows lowering it: loops with
/// uniform bounds (scf.for), and, when `divergenceAllowed`, branches and
/// while loops that threads may take differently (the lowering predicates
/// each thread's code by its own conditions).
static bool supportedControl(Operation *op, Operation *root,
                             const UniformityAnalysis &uniformity,
                             bool divergenceAllowed) {
  for (Operation *parent = op->getParentOp(); parent && parent != root;
       parent = parent->getParentOp()) {
    if (auto ifOp = dyn_cast<scf::IfOp>(parent)) {
      if (!divergenceAllowed && !uniformity.isUniform(ifOp.getCondition()))
        return false;
    } else if (auto switchOp = dyn_cast<scf::IndexSwitchOp>(parent)) {
      if (!divergenceAllowed && !uniformity.isUniform(switchOp.getArg()))
        return false;
    } else if (auto whileOp = dyn_cast<scf::WhileOp>(parent)) {
      if (!divergenceAllowed &&
          !uniformity.isUniform(whileOp.getConditionOp().getCondition()))
        return false;
    } else if (auto forOp = dyn_cast<scf::ForOp>(parent)) {
      if (!uniformity.isUniform(forOp.getLowerBound()) ||
          !uniformity.isUniform(forOp.getUpperBound()) ||
          !uniformity.isUniform(forOp.getStep()))
        return false;
    } else {
      return false;
    }
  }
  return true;
}

static StringRef describe(Operation *op) {
  if (isa<simt::ShuffleOp>(op))
    return "a warp shuffle (__shfl*_sync)";
  if (isa<simt::VoteOp>(op))
    return "a warp vote (__ballot_sync, __any_sync, __all_sync)";
  if (isa<simt::ActiveMaskOp>(op))
    return "__activemask()";
  return "__syncwarp()";
}

LogicalResult lingqu::expandWarpCollectives(
    Operation *root, const UniformityAnalysis &uniformity,
    PerThreadSlots &slots, SmallVectorImpl<Operation *> &presenceStores,
    llvm::function_ref<void(Operation *, const llvm::Twine &)> unsupported) {
  SmallVector<Operation *> collectives;
  root->walk([&](Operation *op) {
    if (isa<simt::ShuffleOp, simt::VoteOp, simt::ActiveMaskOp,
            simt::WarpBarrierOp>(op))
      collectives.push_back(op);
  });
  bool ok = true;
  for (Operation *op : collectives)
    if (!supportedControl(op, root, uniformity, /*divergenceAllowed=*/true)) {
      unsupported(op, describe(op) +
                          llvm::Twine(" in a loop with thread-dependent bounds"));
      ok = false;
    }
  if (!ok)
    return failure();

  Expander expander(slots);
  llvm::scope_exit done([&] {
    presenceStores.append(expander.presenceStores.begin(),
                          expander.presenceStores.end());
  });
  for (Operation *op : collectives) {
    if (auto shuffle = dyn_cast<simt::ShuffleOp>(op))
      expander.expand(shuffle);
    else if (auto vote = dyn_cast<simt::VoteOp>(op))
      expander.expand(vote);
    else if (auto mask = dyn_cast<simt::ActiveMaskOp>(op))
      expander.expand(mask);
    else
      expander.expand(cast<simt::WarpBarrierOp>(op));
  }
  return success();
}
