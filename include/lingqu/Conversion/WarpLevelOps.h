//===- WarpLevelOps.h - What GPU lowerings besides PTX share ----*- C++ -*-===//
//
// The SPIR-V and AMDGPU lowerings replace the same coordinate ops and
// barriers, and refuse the warp-level ops alike: their hardware groups
// threads other than CUDA's 32-lane warps (OpenCL sub-groups, 64-lane
// wavefronts).
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_CONVERSION_WARPLEVELOPS_H
#define LINGQU_CONVERSION_WARPLEVELOPS_H

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"

namespace mlir {
class ModuleOp;
class Operation;
} // namespace mlir

namespace lingqu {

/// The coordinate ops (thread and block ids and sizes) and barriers of
/// `module`, in order: what every such lowering replaces.
llvm::SmallVector<mlir::Operation *> collectCoordinatesAndBarriers(
    mlir::ModuleOp module);

/// Fails, with an error at the first warp-level op naming it and its
/// (demangled) function: "'<op>' in '<function>' is not supported on
/// <target> yet: <why>".
llvm::LogicalResult refuseWarpLevelOps(mlir::ModuleOp module,
                                       llvm::StringRef target,
                                       llvm::StringRef why);

} // namespace lingqu

#endif // LINGQU_CONVERSION_WARPLEVELOPS_H
