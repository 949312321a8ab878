//===- NVVMToSIMT.h - Raise NVVM to the simt dialect ------------*- C++ -*-===//
#ifndef LINGQU_CONVERSION_NVVMTOSIMT_H
#define LINGQU_CONVERSION_NVVMTOSIMT_H

#include "mlir/Pass/Pass.h"

namespace mlir { class ModuleOp; }
namespace lingqu {
namespace simt { class SIMTDialect; }

#define GEN_PASS_DECL_CONVERTNVVMTOSIMT
#include "lingqu/Conversion/Passes.h.inc"

} // namespace lingqu

#endif // LINGQU_CONVERSION_NVVMTOSIMT_H
