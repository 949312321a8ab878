//===- SIMTToNVVM.h - Lower simt to NVVM for PTX targets --------*- C++ -*-===//
#ifndef LINGQU_CONVERSION_SIMTTONVVM_H
#define LINGQU_CONVERSION_SIMTTONVVM_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class ModuleOp;
namespace NVVM { class NVVMDialect; }
namespace LLVM { class LLVMDialect; }
} // namespace mlir

namespace lingqu {

#define GEN_PASS_DECL_CONVERTSIMTTONVVM
#include "lingqu/Conversion/Passes.h.inc"

} // namespace lingqu

#endif // LINGQU_CONVERSION_SIMTTONVVM_H
