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

void VectorizeThreadLoopsPass::runOnOperation() {
  MLIRContext *ctx = &getContext();
  StringRef marker = lingqu::simt::SIMTDialect::getThreadLoopAttrName();
  // The discardable attribute scf-to-cf moves onto the loop latch.
  StringRef annotationName = "llvm.loop_annotation";
  auto vectorize = LLVM::LoopVectorizeAttr::get(
      ctx, /*disable=*/BoolAttr::get(ctx, false), /*predicateEnable=*/{},
      /*scalableEnable=*/{}, /*width=*/{}, /*followupVectorized=*/{},
      /*followupEpilogue=*/{}, /*followupAll=*/{});
  auto enable = LLVM::LoopAnnotationAttr::get(
      ctx, /*disableNonforced=*/{}, vectorize, /*interleave=*/{},
      /*unroll=*/{}, /*unrollAndJam=*/{}, /*licm=*/{}, /*distribute=*/{},
      /*pipeline=*/{}, /*peeled=*/{}, /*unswitch=*/{}, /*mustProgress=*/{},
      /*isVectorized=*/{}, /*startLoc=*/{}, /*endLoc=*/{},
      /*parallelAccesses=*/{});
  getOperation().walk([&](scf::ForOp loop) {
    if (!loop->hasAttr(marker) || loop->hasAttr(annotationName) ||
        !holdsLoop(loop))
      return;
    loop->setAttr(annotationName, enable);
  });
}
