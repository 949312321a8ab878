//===- PTXTarget.h - NVIDIA PTX as a SIMT-preserving target -----*- C++ -*-===//
//
// The GPU runs CUDA's threads itself: the raised simt module goes back to
// NVVM (convert-simt-to-nvvm) and through LLVM's NVPTX backend to PTX text,
// one fat-binary entry per architecture (--offload-arch=sm_XX).
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_TARGET_PTXTARGET_H
#define LINGQU_TARGET_PTXTARGET_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace lingqu {

/// The PTX ISA `arch` (sm_XX) needs, as LLVM's NVPTX feature ("+ptx80"):
/// for the front end's device parse as for code generation.
const char *ptxFeature(llvm::StringRef arch);

/// The fat-binary target string of a PTX entry: "nvptx64-nvidia-cuda" and
/// the architecture, "nvptx64-nvidia-cuda:sm_90".
std::string ptxEntryTarget(llvm::StringRef arch);

/// PTX text for `arch` (sm_XX) of a module raised to simt + scf (the
/// module is lowered in place: pass a clone). Fails naming the kernel and
/// the construct the target cannot express (a call of a function no PTX
/// library provides, say).
/// `lineInfo`: keep the source lines (.loc) for profilers and debuggers.
llvm::Expected<std::string> compileToPTX(mlir::ModuleOp module,
                                         llvm::StringRef arch,
                                         unsigned optLevel, bool lineInfo);

} // namespace lingqu

#endif // LINGQU_TARGET_PTXTARGET_H
