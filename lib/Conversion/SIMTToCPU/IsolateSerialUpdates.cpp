//===- IsolateSerialUpdates.cpp - Atomics in a thread loop of their own ---===//
//
// Step 5d of the SIMT-to-CPU lowering. An atomic, or a volatile access (as
// LowerSharedAtomics makes of an atomic on __shared__ memory), keeps the
// thread loop around it from vectorising: its threads must update in turn.
// A kernel that first computes much per thread and then records the result
// with atomics (k-means: the nearest of the centroids, then the cluster's
// sums) would run its computation scalar for the sake of a few updates. A
// split point (a block barrier, which the later steps remove) before the
// first such update gives the updates a thread loop of their own, and the
// computation before it vectorises; the values the updates need go through
// per-thread arrays, like any value used across a barrier.
//
//===----------------------------------------------------------------------===//

#include "PerThreadSlots.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"

using namespace mlir;

/// Float operations before an update that make a thread loop of their own
/// worth the per-thread arrays that carry values into the updates' loop.
constexpr int kMinWork = 16;

/// Whether `op` must run one thread after another.
static bool isSerial(Operation *op) {
  if (auto load = dyn_cast<LLVM::LoadOp>(op))
    return load.getVolatile_() ||
           load.getOrdering() != LLVM::AtomicOrdering::not_atomic;
  if (auto store = dyn_cast<LLVM::StoreOp>(op))
    return store.getVolatile_() ||
           store.getOrdering() != LLVM::AtomicOrdering::not_atomic;
  return isa<LLVM::AtomicRMWOp, LLVM::AtomicCmpXchgOp>(op);
}

static bool holdsSerial(Operation *op) {
  return op->walk([](Operation *inner) {
             return isSerial(inner) ? WalkResult::interrupt()
                                    : WalkResult::advance();
           })
      .wasInterrupted();
}

/// Float arithmetic and calls (math functions) in `op`, an op in a loop
/// counting as kLoopTrips (loops here are short: a longer one of a uniform
/// trip count is block-level by now).
constexpr int kLoopTrips = 8;
static int work(Operation *op) {
  int n = 0;
  op->walk([&](Operation *inner) {
    if (!isa<LLVM::FAddOp, LLVM::FSubOp, LLVM::FMulOp, LLVM::FDivOp,
             LLVM::FMAOp, LLVM::FMulAddOp, LLVM::CallOp>(inner))
      return;
    int weight = 1;
    for (Operation *p = inner->getParentOp(); p && p != op->getParentOp();
         p = p->getParentOp())
      if (isa<scf::WhileOp, scf::ForOp>(p))
        weight *= kLoopTrips;
    n += weight;
  });
  return n;
}

/// Where the thread loop of `update` can start: before it, or before the
/// outermost loop around it that its threads run on their own (a barrier
/// cannot go inside such a loop), through the branches around it; null
/// where other region ops are in the way.
static Operation *splitPoint(Operation *update, Operation *root) {
  Operation *anchor = update;
  for (Operation *op = update->getParentOp(); op != root;
       op = op->getParentOp()) {
    if (isa<scf::WhileOp, scf::ForOp>(op)) {
      if (lingqu::holdsBarrier(op))
        break; // block-level: its body starts a piece
      anchor = op;
    } else if (!isa<scf::IfOp>(op)) {
      return nullptr;
    }
  }
  return anchor;
}

/// The float work in the piece before `anchor`: the ops before it in its
/// block and, through the branches around it, in the enclosing blocks, up
/// to a barrier, an earlier update or the start of a block-level loop's
/// body.
static int workBefore(Operation *anchor, Operation *root) {
  int n = 0;
  for (Operation *op = anchor; op != root; op = op->getParentOp()) {
    for (Operation *prev = op->getPrevNode(); prev;
         prev = prev->getPrevNode()) {
      if (lingqu::holdsBarrier(prev) || holdsSerial(prev))
        return n;
      n += work(prev);
    }
    if (!isa<scf::IfOp>(op->getParentOp()))
      return n;
  }
  return n;
}

int lingqu::isolateSerialUpdates(
    Operation *root, llvm::function_ref<bool(Operation *)> isPrologue) {
  SmallVector<Operation *> updates;
  root->walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (isPrologue(op))
      return WalkResult::skip();
    if (isSerial(op))
      updates.push_back(op);
    return WalkResult::advance();
  });
  int splits = 0;
  for (Operation *update : updates) {
    Operation *anchor = splitPoint(update, root);
    if (!anchor || workBefore(anchor, root) < kMinWork)
      continue;
    OpBuilder b(anchor);
    lingqu::simt::BarrierOp::create(b, update->getLoc());
    ++splits;
  }
  return splits;
}
