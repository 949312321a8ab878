//===- Passes.h - Lingqu transformation passes ------------------*- C++ -*-===//
#ifndef LINGQU_TRANSFORMS_PASSES_H
#define LINGQU_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class ModuleOp;
namespace arith { class ArithDialect; }
namespace cf { class ControlFlowDialect; }
namespace scf { class SCFDialect; }
namespace ub { class UBDialect; }
} // namespace mlir

namespace lingqu {

/// The discardable attribute that carries a loop's `#llvm.loop_annotation`
/// on an scf.for or scf.while, and that scf-to-cf moves onto the latch.
inline constexpr llvm::StringLiteral kLoopAnnotationAttrName =
    "llvm.loop_annotation";

#define GEN_PASS_DECL
#include "lingqu/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "lingqu/Transforms/Passes.h.inc"

} // namespace lingqu

#endif // LINGQU_TRANSFORMS_PASSES_H
