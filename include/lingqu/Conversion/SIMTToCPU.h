//===- SIMTToCPU.h - Lower simt kernels to CPU block functions --*- C++ -*-===//
#ifndef LINGQU_CONVERSION_SIMTTOCPU_H
#define LINGQU_CONVERSION_SIMTTOCPU_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class ModuleOp;
namespace arith { class ArithDialect; }
namespace LLVM { class LLVMDialect; }
namespace scf { class SCFDialect; }
} // namespace mlir

namespace lingqu {

#define GEN_PASS_DECL_CONVERTSIMTTOCPU
#include "lingqu/Conversion/Passes.h.inc"

} // namespace lingqu

#endif // LINGQU_CONVERSION_SIMTTOCPU_H
