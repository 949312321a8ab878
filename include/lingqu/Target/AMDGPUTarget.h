//===- AMDGPUTarget.h - AMD GPUs as a SIMT-preserving target ----*- C++ -*-===//
//
// CUDA's threads stay work-items: the raised simt module is lowered to
// ROCDL (convert-simt-to-rocdl) and through LLVM's AMDGPU backend and lld
// to an HSA code object, the entry of --offload-arch=gfx90a or gfx942.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_TARGET_AMDGPUTARGET_H
#define LINGQU_TARGET_AMDGPUTARGET_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace lingqu {

/// The fat-binary target string of an AMDGPU entry:
/// "amdgcn-amd-amdhsa:gfx90a".
std::string amdgpuEntryTarget(llvm::StringRef arch);

/// The code object for `arch` of a module raised to simt + scf (lowered in
/// place: pass a clone); `workDir` holds the intermediate object.
llvm::Expected<std::string> compileToAMDGPU(mlir::ModuleOp module,
                                            llvm::StringRef arch,
                                            unsigned optLevel,
                                            llvm::StringRef workDir);

} // namespace lingqu

#endif // LINGQU_TARGET_AMDGPUTARGET_H
