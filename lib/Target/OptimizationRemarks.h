//===- OptimizationRemarks.h - -Rpass remarks on device code ----*- C++ -*-===//
//
// lqcc's -Rpass, -Rpass-missed and -Rpass-analysis: the LLVM optimisation
// remarks of the passes they name, printed as clang prints them, so that a
// user can see which thread loops vectorised and why others did not.
//
//===----------------------------------------------------------------------===//

#ifndef LINGQU_LIB_TARGET_OPTIMIZATIONREMARKS_H
#define LINGQU_LIB_TARGET_OPTIMIZATIONREMARKS_H

#include <memory>

namespace llvm {
struct DiagnosticHandler;
} // namespace llvm

namespace lingqu {
struct CPUTargetOptions;

/// Whether any remarks were asked for.
bool wantsRemarks(const CPUTargetOptions &options);

/// A diagnostic handler printing the remarks `options` asks for to stderr
/// as `file:line:col: remark: <message> [-Rpass=<pass>]`, and nothing of
/// the optimiser's otherwise (its warnings about the vectorisation lqcc
/// forces on thread loops included).
std::unique_ptr<llvm::DiagnosticHandler>
createRemarkHandler(const CPUTargetOptions &options);
} // namespace lingqu

#endif
