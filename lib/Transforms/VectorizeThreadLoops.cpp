//===- VectorizeThreadLoops.cpp - Outer-loop vectorisation of threads -----===//

#include "lingqu/Transforms/Passes.h"

#include "lingqu/Dialect/SIMT/SIMTDialect.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

namespace lingqu {
#define GEN_PASS_DEF_VECTORIZETHREADLOOPS
#include "lingqu/Transforms/Passes.h.inc"
} // namespace lingqu

using namespace mlir;

namespace {
struct VectorizeThreadLoopsPass
    : lingqu::impl::VectorizeThreadLoopsBase<VectorizeThreadLoopsPass> {
  void runOnOperation() override;
};
} // namespace

/// Whether `loop`'s body holds a loop.
static bool holdsLoop(scf::ForOp loop) {
  return loop.getBody()
      ->walk([](LoopLikeOpInterface) { return WalkResult::interrupt(); })
      .wasInterrupted();
}

/// Puts every memory access in `loop` into `group`; false (and nothing
/// changed) if one is volatile or atomic, or touches memory some other way.
static bool markParallelAccesses(scf::ForOp loop, LLVM::AccessGroupAttr group) {
  SmallVector<LLVM::AccessGroupOpInterface> accesses;
  WalkResult result = loop.getBody()->walk([&](Operation *op) {
    if (auto load = dyn_cast<LLVM::LoadOp>(op)) {
      if (load.getVolatile_() ||
          load.getOrdering() != LLVM::AtomicOrdering::not_atomic)
        return WalkResult::interrupt();
    } else if (auto store = dyn_cast<LLVM::StoreOp>(op)) {
      if (store.getVolatile_() ||
          store.getOrdering() != LLVM::AtomicOrdering::not_atomic)
        return WalkResult::interrupt();
    } else if (isa<LLVM::AtomicRMWOp, LLVM::AtomicCmpXchgOp, LLVM::FenceOp>(
                   op)) {
      return WalkResult::interrupt();
    }
    if (auto access = dyn_cast<LLVM::AccessGroupOpInterface>(op))
      accesses.push_back(access);
    return WalkResult::advance();
  });
  if (result.wasInterrupted())
    return false;
  for (LLVM::AccessGroupOpInterface access : accesses) {
    SmallVector<Attribute> groups;
    if (ArrayAttr old = access.getAccessGroupsOrNull())
      groups.append(old.begin(), old.end());
    groups.push_back(group);
    access.setAccessGroups(ArrayAttr::get(loop.getContext(), groups));
  }
  return true;
}

void VectorizeThreadLoopsPass::runOnOperation() {
  MLIRContext *ctx = &getContext();
  StringRef marker = lingqu::simt::SIMTDialect::getThreadLoopAttrName();
  StringRef annotationName = lingqu::kLoopAnnotationAttrName;
  auto vectorize = LLVM::LoopVectorizeAttr::get(
      ctx, /*disable=*/BoolAttr::get(ctx, false), /*predicateEnable=*/{},
      /*scalableEnable=*/{}, /*width=*/{}, /*followupVectorized=*/{},
      /*followupEpilogue=*/{}, /*followupAll=*/{});
  getOperation().walk([&](scf::ForOp loop) {
    if (!loop->hasAttr(marker) || loop->hasAttr(annotationName))
      return;
    // CUDA threads between two barriers share no data except through
    // atomics (anything else is a data race): the iterations of a thread
    // loop do not depend on each other, which the vectoriser then need
    // not check at run time. Volatile and atomic accesses stay out of the
    // group, and a loop with any keeps the vectoriser's own analysis.
    auto group =
        LLVM::AccessGroupAttr::get(ctx, DistinctAttr::create(UnitAttr::get(ctx)));
    bool parallel = markParallelAccesses(loop, group);
    auto annotation = LLVM::LoopAnnotationAttr::get(
        ctx, /*disableNonforced=*/{}, holdsLoop(loop) ? vectorize : nullptr,
        /*interleave=*/{}, /*unroll=*/{}, /*unrollAndJam=*/{}, /*licm=*/{},
        /*distribute=*/{}, /*pipeline=*/{}, /*peeled=*/{}, /*unswitch=*/{},
        /*mustProgress=*/{}, /*isVectorized=*/{}, /*startLoc=*/{},
        /*endLoc=*/{},
        parallel ? ArrayRef<LLVM::AccessGroupAttr>(group)
                 : ArrayRef<LLVM::AccessGroupAttr>());
    if (annotation.getVectorize() || !annotation.getParallelAccesses().empty())
      loop->setAttr(annotationName, annotation);
  });
}
