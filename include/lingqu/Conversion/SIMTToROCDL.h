//===- SIMTToROCDL.h - Lower simt to ROCDL for AMDGPU -----------*- C++ -*-===//
#ifndef LINGQU_CONVERSION_SIMTTOROCDL_H
#define LINGQU_CONVERSION_SIMTTOROCDL_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class ModuleOp;
namespace LLVM { class LLVMDialect; }
namespace ROCDL { class ROCDLDialect; }
} // namespace mlir

namespace lingqu {

#define GEN_PASS_DECL_CONVERTSIMTTOROCDL
#include "lingqu/Conversion/Passes.h.inc"

} // namespace lingqu

#endif // LINGQU_CONVERSION_SIMTTOROCDL_H
