//===- CudaCompiler.h - Clang in-process for CUDA sources -------*- C++ -*-===//
//
// Runs Clang's CUDA front end inside lqcc: the device side to NVPTX LLVM IR,
// the host side to an object that registers Lingqu's fat binary.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_FRONTEND_CUDACOMPILER_H
#define LINGQU_FRONTEND_CUDACOMPILER_H

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace lingqu {

/// What the user asked for, in Clang's terms.
struct CudaCompileOptions {
  std::string input;
  std::vector<std::string> includeDirs, systemIncludeDirs;
  std::vector<std::string> defines;   // NAME or NAME=VALUE
  std::vector<std::string> undefines; // NAME
  /// Macros Clang predefines that `defines` gives other values (nvcc's
  /// __CUDA_ARCH_LIST__): undefined before the definitions.
  std::vector<std::string> replacedMacros;
  std::string languageStandard = "c++17";
  unsigned optLevel = 3;
  bool debugInfo = false;       // host side (-g)
  bool deviceDebugInfo = false; // device side (-G)
  /// The GPU architecture the device side is parsed for: it decides
  /// __CUDA_ARCH__ and which builtins exist.
  std::string gpuArchitecture = "sm_80";
  /// The PTX ISA it needs (LLVM's NVPTX feature), set explicitly because
  /// without a CUDA installation Clang assumes PTX 4.2 and aborts on sm_80.
  std::string ptxFeature = "+ptx80";
  /// The host side's triple (--target), empty for the host's.
  std::string hostTriple;
  /// The triple whose C library headers the device side is parsed with
  /// (Clang's auxiliary triple), empty for the host's.
  std::string deviceAuxTriple;
  /// Relocatable device code (-rdc=true): device functions and variables
  /// may be defined in other translation units, joined by the device link.
  bool relocatable = false;
  /// The translation unit's id, the same on both sides: Clang names the
  /// unit's static device variables and its registration after it.
  std::string cuid;
  /// Flags for Clang's driver on the host side (-Xcompiler, dependency
  /// output).
  std::vector<std::string> hostFlags;
  bool verbose = false;
  bool noWarnings = false; // -w
  bool fastMath = false;   // -use_fast_math: defines __USE_FAST_MATH__
  bool fusedMultiplyAdd = true; // -fmad
  /// Directory with Lingqu's own CUDA headers (cuda_runtime.h, ...).
  std::string cudaHeaderDir;
};

/// The -I, -isystem, -D and -U flags of `options`, as Clang and GCC spell
/// them.
std::vector<std::string> preprocessorFlags(const CudaCompileOptions &options);

/// The device side of `options.input` as NVPTX LLVM IR, or null after Clang
/// has printed its diagnostics.
std::unique_ptr<llvm::Module>
compileDeviceToLLVM(const CudaCompileOptions &options,
                    llvm::LLVMContext &context);

/// Compiles the host side of `options.input` into the object `objectPath`,
/// embedding the fat binary at `fatBinaryPath`. False after diagnostics.
bool compileHostToObject(const CudaCompileOptions &options,
                         llvm::StringRef fatBinaryPath,
                         llvm::StringRef objectPath);

/// Runs Clang on the host side of `options.input` with `action` (-E, -M or
/// -MM, and their -MF/-MT) in place of compiling: preprocessed source or a
/// dependency rule. False after diagnostics.
bool preprocessHost(const CudaCompileOptions &options,
                    const std::vector<std::string> &action);

/// The Clang executable whose resource directory and host toolchain lqcc
/// uses.
llvm::StringRef clangExecutable();

} // namespace lingqu

#endif // LINGQU_FRONTEND_CUDACOMPILER_H
