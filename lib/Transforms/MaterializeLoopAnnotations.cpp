//===- MaterializeLoopAnnotations.cpp - Latch annotations to properties ---===//

#include "lingqu/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"

namespace lingqu {
#define GEN_PASS_DEF_MATERIALIZELOOPANNOTATIONS
#include "lingqu/Transforms/Passes.h.inc"
} // namespace lingqu

using namespace mlir;

namespace {
struct MaterializeLoopAnnotationsPass
    : lingqu::impl::MaterializeLoopAnnotationsBase<
          MaterializeLoopAnnotationsPass> {
  void runOnOperation() override;
};
} // namespace

void MaterializeLoopAnnotationsPass::runOnOperation() {
  StringRef name = lingqu::kLoopAnnotationAttrName;
  getOperation().walk([&](Operation *op) {
    auto annotation =
        dyn_cast_or_null<LLVM::LoopAnnotationAttr>(op->getDiscardableAttr(name));
    if (!annotation)
      return;
    if (auto br = dyn_cast<LLVM::BrOp>(op)) {
      if (!br.getLoopAnnotationAttr())
        br.setLoopAnnotationAttr(annotation);
    } else if (auto cbr = dyn_cast<LLVM::CondBrOp>(op)) {
      if (!cbr.getLoopAnnotationAttr())
        cbr.setLoopAnnotationAttr(annotation);
    } else {
      return;
    }
    op->removeDiscardableAttr(name);
  });
}
