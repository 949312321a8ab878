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
  CPULLVM,      // cpu-llvm: optimised host LLVM IR of the CPU entry
  PTX           // ptx: the PTX entry of the first --offload-arch
};

/// -x: the language of every input, or each one's by its extension.
enum class InputLanguage { ByExtension, Cuda, Cxx, C };

/// -M/-MM (rule only) or -MD/-MMD (while compiling).
enum class Dependencies { None, Only, WithCompile };

struct LqccOptions {
  std::vector<std::string> inputs;
  std::string output;           // -o
  bool compileOnly = false;     // -c (and -dc)
  bool relocatableDeviceCode = false; // -rdc=true (and -dc)
  bool deviceLink = false;      // -dlink
  bool staticLibrary = false;   // -lib
  bool sharedLibrary = false;   // -shared
  bool preprocessOnly = false;  // -E
  bool fatbinOnly = false;      // -fatbin: the device fat binary only
  InputLanguage language = InputLanguage::ByExtension;

  std::vector<std::string> includeDirs, systemIncludeDirs, defines, undefines;
  Dependencies dependencies = Dependencies::None;
  bool dependenciesWithoutSystem = false; // -MM, -MMD
  std::string dependencyFile, dependencyTarget; // -MF, -MT

  bool verbose = false;         // -v
  bool dryRun = false;          // --dryrun
  bool noWarnings = false;      // -w
  bool warningsAreErrors = false; // -Werror all-warnings
  bool hostDebugInfo = false;   // -g
  bool deviceDebugInfo = false; // -G
  bool lineInfo = false;        // -lineinfo
  bool help = false;
  bool version = false;
  bool keep = false;            // -keep
  std::string keepDir;          // --keep-dir
  unsigned optLevel = 3;        // nvcc's default for device code
  std::string languageStandard = "c++17";

  /// The compute capabilities of -arch, -code and -gencode (80 for sm_80
  /// and compute_80; 90 for sm_90a), in the order given, without repeats.
  std::vector<unsigned> architectures;
  /// The GPU architecture the device code is parsed for ("sm_80"): the
  /// lowest requested, so that code written for several takes its most
  /// portable path; sm_80 if none was requested.
  std::string deviceArchitecture = "sm_80";

  bool fastMath = false;         // -use_fast_math
  bool flushToZero = false;      // -ftz
  bool fusedMultiplyAdd = true;  // -fmad
  bool relaxedConstexpr = false; // --expt-relaxed-constexpr
  bool extendedLambda = false;   // --extended-lambda
  bool linkCudart = true;        // not -cudart none

  std::vector<std::string> hostCompilerFlags; // -Xcompiler, forwarded
  std::vector<std::string> hostLinkerFlags;   // -Xlinker, forwarded
  std::string hostCompiler;                   // -ccbin
  std::vector<std::string> libraryDirs, libraries; // -L, -l
  /// Options accepted without effect here, each with why: -v prints them.
  std::vector<std::string> ignored;

  /// --offload-arch: GPU-like targets' entries beside the CPU's (sm_90).
  std::vector<std::string> offloadArchs;
  bool listTargets = false; // --list-targets
  /// --target: another CPU's triple as given (aarch64-linux-gnu); empty for
  /// the host.
  std::string targetTriple;
  /// --target-cpu, --target-features: the kernels' CPU and ISA extensions
  /// (LLVM's names); empty for the default.
  std::string targetCPU, targetFeatures;

  EmitStage emit = EmitStage::Link;
  /// -Rpass=, -Rpass-missed=, -Rpass-analysis=: LLVM passes (a regular
  /// expression) whose optimisation remarks on device code are printed.
  std::string remarksPassed, remarksMissed, remarksAnalysis;
};

/// Parses lqcc's arguments (argv without the program name), response files
/// (@file, -optf file) expanded. Prints one `lqcc: error:` line and returns
/// nothing on bad input.
std::optional<LqccOptions> parseOptions(llvm::ArrayRef<const char *> args);

/// The --help text.
void printHelp();

/// The --version text: Lingqu's version and the CUDA release it implements.
void printVersion();

/// The CUDA release lqcc implements, as nvcc's macros spell it.
constexpr unsigned kCudaVersionMajor = 12, kCudaVersionMinor = 8,
                   kCudaVersionBuild = 93;

} // namespace lingqu

#endif // LINGQU_DRIVER_OPTIONS_H
