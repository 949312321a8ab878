//===- ScalarizeUniformGathers.h - Gathers from one address -*- C++ -*-===//
//
// An LLVM pass for lqcc's CPU code generator (and, as a pass plugin, for
// opt in the tests).
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_LLVMTRANSFORMS_SCALARIZEUNIFORMGATHERS_H
#define LINGQU_LLVMTRANSFORMS_SCALARIZEUNIFORMGATHERS_H

#include "llvm/IR/PassManager.h"

namespace lingqu {

/// Replaces masked gathers whose lanes all read one address, with every
/// lane enabled, by a scalar load and a broadcast. LLVM's outer-loop
/// vectoriser widens every value of the inner loop, the loop's counter
/// included, so a load each CUDA thread makes from the same address (a
/// `__shared__` tile element in an n-body or matrix kernel) becomes a
/// gather through a vector of equal pointers. Reads of a lane of such a
/// uniform vector (the latch compares the widened counter's lane 0) take
/// a scalar computed alongside it, so the vector counter goes too.
class ScalarizeUniformGathersPass
    : public llvm::PassInfoMixin<ScalarizeUniformGathersPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &f,
                              llvm::FunctionAnalysisManager &am);
};

} // namespace lingqu

#endif
