//===- SIMTToOpenCL.h - Lower simt for OpenCL SPIR-V targets ----*- C++ -*-===//
#ifndef LINGQU_CONVERSION_SIMTTOOPENCL_H
#define LINGQU_CONVERSION_SIMTTOOPENCL_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class ModuleOp;
namespace LLVM { class LLVMDialect; }
} // namespace mlir

namespace lingqu {

#define GEN_PASS_DECL_CONVERTSIMTTOOPENCL
#define GEN_PASS_DECL_MAPOPENCLADDRESSSPACES
#include "lingqu/Conversion/Passes.h.inc"

} // namespace lingqu

#endif // LINGQU_CONVERSION_SIMTTOOPENCL_H
