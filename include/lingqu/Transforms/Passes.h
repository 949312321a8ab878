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

#define GEN_PASS_DECL
#include "lingqu/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "lingqu/Transforms/Passes.h.inc"

} // namespace lingqu

#endif // LINGQU_TRANSFORMS_PASSES_H
