//===- KernelCodegen.h - Code generation shared by GPU-like targets -------===//
//
// The SIMT-preserving targets (PTX, SPIR-V) end alike: their module, in the
// llvm dialect, goes to LLVM IR for a triple, is checked for calls nothing
// will resolve, optimised, and emitted by that triple's LLVM backend.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_LIB_TARGET_KERNELCODEGEN_H
#define LINGQU_LIB_TARGET_KERNELCODEGEN_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CodeGen.h"
#include "llvm/Support/Error.h"

#include <string>

namespace mlir {
class ModuleOp;
class OpPassManager;
} // namespace mlir

namespace lingqu {

/// scf, cf, arith and ub to the llvm dialect.
void addLowerToLLVMDialect(mlir::OpPassManager &pm);

struct KernelCodegen {
  llvm::StringRef triple, cpu, features;
  /// The target's name in diagnostics ("the ptx target (sm_90)").
  std::string targetName;
  /// Which external functions the target can call (besides intrinsics and
  /// what the module defines).
  llvm::function_ref<bool(llvm::StringRef)> resolvable;
  /// Appended to the error for a call nothing resolves.
  std::string unresolvedNote;
  bool lineInfo = false;
  unsigned optLevel = 3;
  llvm::CodeGenFileType fileType = llvm::CodeGenFileType::AssemblyFile;
};

/// The backend's output for `module` (in the llvm dialect), or an error
/// naming the kernel and the call when something cannot be resolved.
llvm::Expected<std::string> emitKernels(mlir::ModuleOp module,
                                        const KernelCodegen &codegen);

} // namespace lingqu

#endif // LINGQU_LIB_TARGET_KERNELCODEGEN_H
