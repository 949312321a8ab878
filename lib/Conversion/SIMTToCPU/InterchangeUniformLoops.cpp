//===- InterchangeUniformLoops.cpp - Per-thread loops to block level ------===//
//
// Step 5c of the SIMT-to-CPU lowering. A kernel whose threads each run a
// loop of the same trip count (over a tile of bodies, the k of a matrix
// product, the z of a stencil column) would otherwise become a thread loop
// around that loop: each thread's iterations one after another, scalar,
// with the vectoriser facing the inner loop across one thread's data. Such
// a loop can as well run once per block with the thread loop inside it, as
// if it held a barrier: `for j { for tx {body} }`, where the thread loop
// over consecutive threads vectorises. A split point (a block barrier,
// which the later steps remove) at the start of its body makes it
// block-level; the existing machinery then carries the thread-dependent
// values across it in per-thread arrays and predicates the branches around
// it that threads take differently (the usual `if (i < n)` guard).
//
//===----------------------------------------------------------------------===//

#include "PerThreadSlots.h"
#include "lingqu/Analysis/Uniformity.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

/// Whether every thread runs `loop` for the same number of iterations.
static bool hasUniformTripCount(Operation *loop,
                                const lingqu::UniformityAnalysis &uniformity) {
  if (auto forOp = dyn_cast<scf::ForOp>(loop))
    return uniformity.isUniform(forOp.getLowerBound()) &&
           uniformity.isUniform(forOp.getUpperBound()) &&
           uniformity.isUniform(forOp.getStep());
  if (auto whileOp = dyn_cast<scf::WhileOp>(loop))
    return uniformity.isUniform(whileOp.getConditionOp().getCondition());
  return false;
}

/// A bound on the trip count of a loop over compile-time constants, as
/// Clang's loops lift: an scf.for with constant bounds, or an scf.while
/// whose first compare is of a counter (a region argument) against a
/// constant (a counter from 0 up, the common case; lifting may route its
/// initial value through earlier loops, so that is not looked at).
static std::optional<uint64_t> constantTripCount(Operation *loop) {
  APInt lb, ub, step;
  if (auto forOp = dyn_cast<scf::ForOp>(loop)) {
    if (matchPattern(forOp.getLowerBound(), m_ConstantInt(&lb)) &&
        matchPattern(forOp.getUpperBound(), m_ConstantInt(&ub)) &&
        matchPattern(forOp.getStep(), m_ConstantInt(&step)) && !step.isZero())
      return (ub - lb).abs().getZExtValue() / step.abs().getZExtValue();
    return std::nullopt;
  }
  Block &before = cast<scf::WhileOp>(loop).getBefore().front();
  for (Operation &op : before) {
    auto cmp = dyn_cast<LLVM::ICmpOp>(&op);
    if (!cmp)
      continue;
    for (auto [counter, bound] : {std::pair(cmp.getLhs(), cmp.getRhs()),
                                  std::pair(cmp.getRhs(), cmp.getLhs())}) {
      auto arg = dyn_cast<BlockArgument>(counter);
      if (arg && arg.getOwner() == &before &&
          matchPattern(bound, m_ConstantInt(&ub)))
        return ub.abs().getZExtValue();
    }
    return std::nullopt;
  }
  return std::nullopt;
}

/// LLVM unrolls a loop this short, and the thread loop around it then
/// vectorises as it is.
constexpr uint64_t kShortLoop = 32;

bool lingqu::holdsBarrier(Operation *op) {
  return op
      ->walk([](lingqu::simt::BarrierOp) { return WalkResult::interrupt(); })
      .wasInterrupted();
}

/// Whether the loop's body does enough per iteration to be worth a thread
/// loop of its own: a load, a store, an atomic or a call (a loop of pure
/// arithmetic on a few registers stays with its thread). A load every
/// thread makes from the same address (a tile element in shared memory) is
/// a broadcast: where no branch threads take differently is around the
/// loop, the thread loop around it vectorises as an outer loop
/// (VectorizeThreadLoops.cpp), with what each thread carries in registers,
/// so such loads do not count.
static bool touchesMemory(Operation *loop,
                          const lingqu::UniformityAnalysis &uniformity,
                          Operation *root) {
  bool divergent = false;
  for (Operation *p = loop->getParentOp(); p && p != root; p = p->getParentOp())
    if (auto branch = dyn_cast<scf::IfOp>(p))
      divergent |= !uniformity.isUniform(branch.getCondition());
  return loop
      ->walk([&](Operation *op) -> WalkResult {
        if (auto load = dyn_cast<LLVM::LoadOp>(op))
          return !divergent && uniformity.isUniform(load.getAddr()) &&
                         !load.getVolatile_()
                     ? WalkResult::advance()
                     : WalkResult::interrupt();
        return isa<LLVM::StoreOp, LLVM::CallOp, LLVM::AtomicRMWOp,
                   LLVM::AtomicCmpXchgOp>(op)
                   ? WalkResult::interrupt()
                   : WalkResult::advance();
      })
      .wasInterrupted();
}

int lingqu::interchangeUniformLoops(
    Operation *root, const UniformityAnalysis &uniformity,
    llvm::function_ref<bool(Operation *)> isPrologue) {
  SmallVector<Operation *> loops;
  root->walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (isPrologue(op))
      return WalkResult::skip();
    if (!isa<scf::ForOp, scf::WhileOp>(op))
      return WalkResult::advance();
    // Already block-level: loops inside it may still qualify.
    if (holdsBarrier(op))
      return WalkResult::advance();
    // A loop whose trip count differs between threads stays per thread,
    // with everything in it.
    if (!hasUniformTripCount(op, uniformity))
      return WalkResult::skip();
    std::optional<uint64_t> trips = constantTripCount(op);
    if (touchesMemory(op, uniformity, root) && !(trips && *trips <= kShortLoop))
      loops.push_back(op);
    return WalkResult::skip(); // the outermost such loop only
  });
  for (Operation *loop : loops) {
    Region &body = isa<scf::ForOp>(loop)
                       ? cast<scf::ForOp>(loop).getRegion()
                       : cast<scf::WhileOp>(loop).getBefore();
    OpBuilder b = OpBuilder::atBlockBegin(&body.front());
    simt::BarrierOp::create(b, loop->getLoc());
  }
  return loops.size();
}
