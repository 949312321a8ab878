//===- CompileJobs.cpp - One input to an object ---------------------------===//
//
// A .cu file (its device side to a fat binary, its host side with it
// embedded), a C or C++ file through the host compiler, -E, and the
// dependency flags (-M family) they share.
//
//===----------------------------------------------------------------------===//

#include "Compilation.h"

#include "RelocatableDeviceCode.h"
#include "lingqu/Config.h"
#include "lingqu/Target/FatBinaryWriter.h"
#include "lingqu/Target/PTXTarget.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/xxhash.h"

#include <filesystem>

using namespace lingqu;
using namespace lingqu::driver;

bool lingqu::driver::isOtherSource(llvm::StringRef path) {
  return llvm::StringSwitch<bool>(llvm::sys::path::extension(path))
      .Cases({".cpp", ".cc", ".cxx", ".c", ".C"}, true)
      .Default(false);
}

bool Compilation::isCuda(llvm::StringRef input) const {
  switch (options.language) {
  case InputLanguage::Cuda:
    return isOtherSource(input) || input.ends_with(".cu");
  case InputLanguage::ByExtension:
    return input.ends_with(".cu");
  default:
    return false;
  }
}

/// Whether --target's C library headers are installed: Debian's cross
/// sysroots live in /usr/<triple>.
bool Compilation::hasCrossSysroot() const {
  return !options.targetTriple.empty() &&
         llvm::sys::fs::is_directory("/usr/" + options.targetTriple +
                                     "/include");
}

/// The macros nvcc defines in every compilation it drives, and Lingqu's own.
static std::vector<std::string> driverMacros() {
  return {"__NVCC__", "__LINGQU__=" + std::to_string(LINGQU_VERSION_NUMBER)};
}

/// nvcc's macros of a CUDA compilation (Clang defines __CUDACC__ and, on the
/// device side, __CUDA_ARCH__).
static std::vector<std::string> cudaMacros(const LqccOptions &options) {
  std::vector<std::string> macros = driverMacros();
  macros.push_back("__CUDACC_VER_MAJOR__=" + std::to_string(kCudaVersionMajor));
  macros.push_back("__CUDACC_VER_MINOR__=" + std::to_string(kCudaVersionMinor));
  macros.push_back("__CUDACC_VER_BUILD__=" + std::to_string(kCudaVersionBuild));
  std::vector<unsigned> archs = options.architectures;
  if (archs.empty())
    archs.push_back(80);
  llvm::sort(archs);
  std::string list;
  for (unsigned cc : archs)
    list += (list.empty() ? "" : ",") + std::to_string(cc * 10);
  macros.push_back("__CUDA_ARCH_LIST__=" + list);
  if (options.relocatableDeviceCode)
    macros.push_back("__CUDACC_RDC__");
  if (options.relaxedConstexpr)
    macros.push_back("__CUDACC_RELAXED_CONSTEXPR__");
  if (options.extendedLambda)
    macros.push_back("__CUDACC_EXTENDED_LAMBDA__");
  if (options.deviceDebugInfo)
    macros.push_back("__CUDACC_DEBUG__");
  return macros;
}

CudaCompileOptions Compilation::cudaOptions(const std::string &input) const {
  CudaCompileOptions cuda;
  cuda.input = input;
  cuda.includeDirs = options.includeDirs;
  cuda.systemIncludeDirs = options.systemIncludeDirs;
  cuda.defines = cudaMacros(options);
  cuda.defines.insert(cuda.defines.end(), options.defines.begin(),
                      options.defines.end());
  cuda.undefines = options.undefines;
  cuda.replacedMacros = {"__CUDA_ARCH_LIST__"};
  cuda.languageStandard = options.languageStandard;
  cuda.optLevel = options.optLevel;
  cuda.debugInfo = options.hostDebugInfo;
  cuda.deviceDebugInfo = options.deviceDebugInfo;
  cuda.gpuArchitecture = options.deviceArchitecture;
  cuda.ptxFeature = ptxFeature(options.deviceArchitecture);
  cuda.hostTriple = options.targetTriple;
  // Debian's cross sysroots live in /usr/<triple>. Without one (LoongArch
  // on Debian 12), the device side is parsed with the build machine's C
  // headers: every Linux ISA Lingqu targets is LP64 and little-endian, so
  // the device code means the same (-fatbin only: the host side needs the
  // target's own headers and libraries).
  if (hasCrossSysroot())
    cuda.deviceAuxTriple = options.targetTriple;
  cuda.hostFlags = options.hostCompilerFlags;
  if (options.warningsAreErrors)
    cuda.hostFlags.push_back("-Werror");
  cuda.verbose = options.verbose;
  cuda.noWarnings = options.noWarnings;
  cuda.fastMath = options.fastMath;
  cuda.fusedMultiplyAdd = options.fusedMultiplyAdd;
  cuda.cudaHeaderDir = layout.headerDir;
  return cuda;
}

int Compilation::compileCuda(const std::string &input,
                             const std::string &object) {
  CudaCompileOptions cuda = cudaOptions(input);
  bool relocatable =
      options.relocatableDeviceCode && options.emit == EmitStage::Link &&
      !options.fatbinOnly;
  cuda.relocatable = relocatable;
  if (relocatable)
    cuda.cuid = llvm::utohexstr(llvm::xxh3_64bits(
        llvm::StringRef(std::filesystem::absolute(input).string() + "\n" +
                        std::to_string(counter))));
  if (options.dryRun || options.verbose) {
    // The steps run inside lqcc, named as nvcc names its (CMake reads the
    // architecture from "-arch compute_XX").
    llvm::errs() << "#$ lqcc device: " << input << " -arch compute_"
                 << llvm::StringRef(cuda.gpuArchitecture).drop_front(3)
                 << ": clang (nvptx64) -> mlir (simt -> cpu) -> llvm -> "
                 << (relocatable ? "bitcode for the device link"
                                 : "cpu shared object -> fat binary")
                 << "\n"
                 << "#$ lqcc host: " << input
                 << " -> clang (host, fat binary embedded) -> "
                 << (object.empty() ? "-" : object) << "\n";
    if (options.dryRun)
      return 0;
  }
  if (options.dependencies == Dependencies::WithCompile)
    for (std::string &flag : dependencyFlags())
      cuda.hostFlags.push_back(std::move(flag));
  std::string stem =
      llvm::sys::path::stem(input).str() + "." + std::to_string(counter++);
  std::optional<std::string> image =
      relocatable ? relocatableImage(cuda) : buildFatBinary(cuda, stem);
  if (options.emit != EmitStage::Link)
    return emitFailed ? 1 : (image || options.emit != EmitStage::Link ? 0 : 1);
  if (!image)
    return 1;

  std::string fatbinPath = work.file(stem + ".fatbin");
  if (!writeOutput(fatbinPath, [&](llvm::raw_ostream &os) { os << *image; }))
    return 1;
  StageTimer t(options.verbose, "host front end (clang, x86-64)");
  return compileHostToObject(cuda, fatbinPath, object) ? 0 : 1;
}

/// -MD/-MMD with -MF and -MT, for the compilation of one input.
std::vector<std::string> Compilation::dependencyFlags() const {
  std::vector<std::string> flags;
  if (options.dependencies == Dependencies::None)
    return flags;
  bool only = options.dependencies == Dependencies::Only;
  flags.push_back(options.dependenciesWithoutSystem ? (only ? "-MM" : "-MMD")
                                                    : (only ? "-M" : "-MD"));
  if (!options.dependencyFile.empty())
    flags.insert(flags.end(), {"-MF", options.dependencyFile});
  if (!options.dependencyTarget.empty())
    flags.insert(flags.end(), {"-MT", options.dependencyTarget});
  return flags;
}

/// -ccbin's compiler (a path, or a directory holding g++), else Clang's.
std::string Compilation::hostCompiler() const {
  if (options.hostCompiler.empty())
    return std::string(clangExecutable()) + "++";
  if (llvm::sys::fs::is_directory(options.hostCompiler)) {
    llvm::SmallString<256> gxx(options.hostCompiler);
    llvm::sys::path::append(gxx, "g++");
    return gxx.str().str();
  }
  return options.hostCompiler;
}

/// The flags of a .c/.cpp input, compiled by the host compiler.
std::vector<std::string>
Compilation::otherSourceFlags(const std::string &input) const {
  std::vector<std::string> argv = {"-fPIC",
                                   "-O" + std::to_string(options.optLevel),
                                   "-isystem", layout.headerDir};
  if (!options.targetTriple.empty())
    argv.push_back("--target=" + options.targetTriple);
  bool c = options.language == InputLanguage::C ||
           (options.language == InputLanguage::ByExtension &&
            llvm::StringRef(input).ends_with(".c"));
  argv.insert(argv.end(), {"-x", c ? "c" : "c++"});
  if (!c)
    argv.push_back("-std=" + options.languageStandard);
  if (options.hostDebugInfo)
    argv.push_back("-g");
  if (options.warningsAreErrors)
    argv.push_back("-Werror");
  CudaCompileOptions flags = cudaOptions(input);
  flags.replacedMacros.clear();
  flags.defines = driverMacros();
  flags.defines.insert(flags.defines.end(), options.defines.begin(),
                       options.defines.end());
  for (std::string &flag : preprocessorFlags(flags))
    argv.push_back(std::move(flag));
  argv.insert(argv.end(), options.hostCompilerFlags.begin(),
              options.hostCompilerFlags.end());
  return argv;
}

int Compilation::compileOther(const std::string &input,
                              const std::string &object) {
  std::vector<std::string> argv = {hostCompiler(), "-c"};
  for (std::string &flag : otherSourceFlags(input))
    argv.push_back(std::move(flag));
  argv.insert(argv.end(), {input, "-o", object});
  for (std::string &flag : dependencyFlags())
    argv.push_back(std::move(flag));
  StageTimer t(options.verbose, "compile " + input);
  return runProgram(argv) == 0 ? 0 : 1;
}

/// -E, -M, -MM: the host side of one input, preprocessed or as a make rule.
int Compilation::preprocess(const std::string &input) {
  std::vector<std::string> action = dependencyFlags();
  if (action.empty())
    action.push_back("-E");
  bool toOutput =
      !options.output.empty() && options.dependencies == Dependencies::None;
  if (isCuda(input)) {
    CudaCompileOptions cuda = cudaOptions(input);
    if (options.dryRun) {
      llvm::errs() << "#$ lqcc host: " << input << " -> clang (host,";
      for (const std::string &a : action)
        llvm::errs() << " " << a;
      llvm::errs() << ")\n";
      return 0;
    }
    if (toOutput)
      action.insert(action.end(), {"-o", options.output});
    return preprocessHost(cuda, action) ? 0 : 1;
  }
  std::vector<std::string> argv = {hostCompiler()};
  for (std::string &flag : otherSourceFlags(input))
    argv.push_back(std::move(flag));
  argv.insert(argv.end(), action.begin(), action.end());
  argv.push_back(input);
  if (toOutput)
    argv.insert(argv.end(), {"-o", options.output});
  return runProgram(argv) == 0 ? 0 : 1;
}
