//===- SPIRVTarget.h - OpenCL-flavoured SPIR-V as a target ------*- C++ -*-===//
//
// SIMT-preserving: CUDA's threads stay work-items. The raised simt module
// is lowered to OpenCL's built-ins and address spaces and through LLVM's
// SPIR-V backend to a SPIR-V module (Kernel capability), the fat-binary
// entry of --offload-arch=spirv64.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_TARGET_SPIRVTARGET_H
#define LINGQU_TARGET_SPIRVTARGET_H

#include "llvm/Support/Error.h"

#include <string>

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace lingqu {

/// The fat-binary target string of the SPIR-V entry.
constexpr const char *kSPIRVEntryTarget = "spirv64-unknown-unknown";

/// The SPIR-V binary of a module raised to simt + scf (lowered in place:
/// pass a clone). Fails naming the kernel and the construct SPIR-V cannot
/// express here (warp-level operations, calls no OpenCL library provides).
llvm::Expected<std::string> compileToSPIRV(mlir::ModuleOp module,
                                           unsigned optLevel);

} // namespace lingqu

#endif // LINGQU_TARGET_SPIRVTARGET_H
