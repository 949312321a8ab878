//===- Options.h - lqcc command-line options --------------------*- C++ -*-===//
#ifndef LINGQU_DRIVER_OPTIONS_H
#define LINGQU_DRIVER_OPTIONS_H

#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>
#include <vector>

namespace lingqu {

/// Where `--emit=` stops the pipeline of a .cu file.
enum class EmitStage {
  Link,         // no --emit: compile and link (or -c: stop at the object)
  DeviceLLVM,   // device-llvm: Clang's NVPTX IR, inlined and cleaned
  MLIRImported, // mlir-imported: that IR in MLIR's llvm + nvvm dialects
  MLIRSCF,      // mlir-scf: raised to simt, control flow lifted to scf
  MLIRCPU,      // mlir-cpu: block functions with thread loops
  CPULLVM       // cpu-llvm: optimised host LLVM IR of the CPU entry
};

struct LqccOptions {
  std::vector<std::string> inputs;
  std::string output;           // -o
  bool compileOnly = false;     // -c
  bool fatbinOnly = false;      // -fatbin: the device fat binary only
  bool verbose = false;         // -v
  bool noWarnings = false;      // -w: no warnings or remarks
  bool debugInfo = false;       // -g
  bool help = false;
  unsigned optLevel = 3;        // nvcc's default for device code
  std::string languageStandard = "c++17";
  bool fastMath = false;         // -use_fast_math
  bool flushToZero = false;      // -ftz
  bool fusedMultiplyAdd = true;  // -fmad
  std::vector<std::string> includeDirs, defines, undefines;
  std::vector<std::string> libraryDirs, libraries; // -L, -l
  EmitStage emit = EmitStage::Link;
  /// -Rpass=, -Rpass-missed=, -Rpass-analysis=: LLVM passes (a regular
  /// expression) whose optimisation remarks on device code are printed.
  std::string remarksPassed, remarksMissed, remarksAnalysis;
};

/// Parses lqcc's arguments (argv without the program name). Prints one
/// `lqcc: error:` line and returns nothing on bad input.
std::optional<LqccOptions> parseOptions(llvm::ArrayRef<const char *> args);

/// The --help text.
void printHelp();

} // namespace lingqu

#endif // LINGQU_DRIVER_OPTIONS_H
