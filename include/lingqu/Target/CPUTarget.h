//===- CPUTarget.h - The host CPU as a Lingqu target ------------*- C++ -*-===//
//
// The SIMT-collapsing target for the CPU lqcc runs on: pass pipelines from
// imported device MLIR to block functions, and code generation of those into
// a shared object for the fat binary.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_TARGET_CPUTARGET_H
#define LINGQU_TARGET_CPUTARGET_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>

namespace llvm {
class LLVMContext;
class Module;
class TargetLibraryInfoImpl;
class Triple;
} // namespace llvm

namespace mlir {
class ModuleOp;
class OpPassManager;
} // namespace mlir

namespace lingqu {

struct CPUTargetOptions {
  /// The CPU's LLVM triple; empty for the host (whose CPU and features the
  /// entry is then tuned for; another ISA gets its baseline).
  std::string triple;
  /// --target-cpu and --target-features (LLVM's names, "+v,-c"); empty:
  /// the host's CPU, or the ISA's baseline.
  std::string cpu, features;
  unsigned optLevel = 3;
  bool debugInfo = false;
  /// Regular expressions naming the LLVM passes whose optimisation remarks
  /// (done, missed, analysis) are printed, as clang's -Rpass family.
  std::string remarksPassed, remarksMissed, remarksAnalysis;
  /// Scratch directory private to this compilation.
  std::string workDir;
};

/// The LLVM triple of the CPU entries lqcc produces: the host's, or
/// `requested` (a --target triple) normalised.
std::string cpuTargetTriple(llvm::StringRef requested = "");

/// Imported device MLIR -> simt + scf (`--emit=mlir-scf`).
void buildRaiseToSCFPipeline(mlir::OpPassManager &pm);
/// simt + scf -> block functions with thread loops (`--emit=mlir-cpu`).
void buildSIMTToCPUPipeline(mlir::OpPassManager &pm);
/// Block functions -> pure LLVM dialect, ready for translation.
void buildCPUToLLVMPipeline(mlir::OpPassManager &pm);

/// Translates a module in the LLVM dialect into optimised host LLVM IR.
llvm::Expected<std::unique_ptr<llvm::Module>>
translateToHostLLVM(mlir::ModuleOp module, llvm::LLVMContext &context,
                    const CPUTargetOptions &options);

/// Tells the vectoriser the vector forms of math functions (SLEEF's) that
/// the CPU entries of `triple` may call; none where there are none.
void addVectorMathFunctions(llvm::TargetLibraryInfoImpl &info,
                            const llvm::Triple &triple);

/// Compiles host LLVM IR into the bytes of a shared object.
llvm::Expected<std::string> emitSharedObject(llvm::Module &module,
                                             const CPUTargetOptions &options);

} // namespace lingqu

#endif // LINGQU_TARGET_CPUTARGET_H
