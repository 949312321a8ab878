//===- OptimizationRemarks.cpp - -Rpass remarks on device code ------------===//

#include "OptimizationRemarks.h"
#include "lingqu/Target/CPUTarget.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DiagnosticHandler.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

using namespace lingqu;

namespace {

std::optional<llvm::Regex> compile(const std::string &pattern) {
  if (pattern.empty())
    return std::nullopt;
  return llvm::Regex(pattern); // validated by the option parser
}

/// The kernel a block or thread function was made from, demangled:
/// `__lingqu_block__Z4axpyPff` -> `axpy(float*, float)`.
std::string kernelName(const llvm::Function &f) {
  llvm::StringRef name = f.getName();
  for (llvm::StringRef prefix : {"__lingqu_block_", "__lingqu_thread_"})
    if (name.consume_front(prefix))
      break;
  return llvm::demangle(name.str());
}

struct RemarkHandler : llvm::DiagnosticHandler {
  std::optional<llvm::Regex> passed, missed, analysis;

  bool isAnalysisRemarkEnabled(llvm::StringRef pass) const override {
    return analysis && analysis->match(pass);
  }
  bool isMissedOptRemarkEnabled(llvm::StringRef pass) const override {
    return missed && missed->match(pass);
  }
  bool isPassedOptRemarkEnabled(llvm::StringRef pass) const override {
    return passed && passed->match(pass);
  }
  bool isAnyRemarkEnabled() const override {
    return passed || missed || analysis;
  }

  bool handleDiagnostics(const llvm::DiagnosticInfo &info) override {
    auto *remark = llvm::dyn_cast<llvm::DiagnosticInfoOptimizationBase>(&info);
    if (!remark)
      return false; // the default handling
    // Analyses "always printed" (no pass name) and failed forced
    // transformations come with whatever the vectoriser explains; Lingqu
    // forces outer-loop vectorisation itself (VectorizeThreadLoops.cpp), so
    // these are remarks for who asks, not warnings.
    bool failure = info.getKind() == llvm::DK_OptimizationFailure;
    if (failure || remark->getPassName().empty()) {
      if (!missed && !analysis)
        return true;
    } else if (!remark->isEnabled()) {
      return true;
    }
    llvm::StringRef flag = remark->isPassed()   ? "-Rpass"
                           : remark->isMissed() ? "-Rpass-missed"
                                                : "-Rpass-analysis";
    llvm::raw_ostream &os = llvm::errs();
    auto *located =
        llvm::dyn_cast<llvm::DiagnosticInfoWithLocationBase>(remark);
    if (located && located->isLocationAvailable())
      os << located->getLocationStr() << ": ";
    os << "remark: " << remark->getMsg();
    if (located)
      os << " (in kernel '" << kernelName(located->getFunction()) << "')";
    os << " [" << flag;
    if (!remark->getPassName().empty())
      os << "=" << remark->getPassName();
    os << "]\n";
    return true;
  }
};

} // namespace

bool lingqu::wantsRemarks(const CPUTargetOptions &options) {
  return !options.remarksPassed.empty() || !options.remarksMissed.empty() ||
         !options.remarksAnalysis.empty();
}

std::unique_ptr<llvm::DiagnosticHandler>
lingqu::createRemarkHandler(const CPUTargetOptions &options) {
  auto handler = std::make_unique<RemarkHandler>();
  handler->passed = compile(options.remarksPassed);
  handler->missed = compile(options.remarksMissed);
  handler->analysis = compile(options.remarksAnalysis);
  return handler;
}
