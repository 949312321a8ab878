//===- lqcc.cpp - Lingqu's CUDA compiler driver ---------------------------===//
//
// A drop-in for nvcc: lqcc a.cu [b.cu c.cpp d.o] -o app. See lib/Driver.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Driver/Driver.h"
#include "lingqu/Driver/Options.h"
#include "lingqu/Target/TargetRegistry.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/TargetSelect.h"

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  auto options = lingqu::parseOptions(
      llvm::ArrayRef<const char *>(argv + 1, argv + argc));
  if (!options)
    return 1;
  if (options->help) {
    lingqu::printHelp();
    return 0;
  }
  if (options->listTargets) {
    llvm::outs() << lingqu::describeTargets();
    return 0;
  }
  if (options->version) {
    lingqu::printVersion();
    return 0;
  }
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  // Clang's front end also needs the NVPTX target for the device side.
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargets();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmPrinters();

  std::string executable =
      llvm::sys::fs::getMainExecutable(argv[0], (void *)&main);
  return lingqu::runDriver(*options, executable);
}
