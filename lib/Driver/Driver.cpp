//===- Driver.cpp - lqcc: compile and link CUDA programs ------------------===//
//
// For each .cu input: device side through Clang -> MLIR -> CPU shared object
// -> fat binary; host side through Clang with that fat binary embedded. Other
// sources go through clang++; everything is linked against Lingqu's
// libcudart.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Driver/Driver.h"
#include "RelocatableDeviceCode.h"
#include "lingqu/Config.h"
#include "lingqu/Frontend/CudaCompiler.h"
#include "lingqu/Frontend/DeviceCallCheck.h"
#include "lingqu/Frontend/DeviceImport.h"
#include "lingqu/Target/CPUTarget.h"
#include "lingqu/Target/FatBinaryWriter.h"
#include "lingqu/Target/AMDGPUTarget.h"
#include "lingqu/Target/PTXTarget.h"
#include "lingqu/Target/SPIRVTarget.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Support/xxhash.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>

using namespace lingqu;

static int fail(const llvm::Twine &message) {
  llvm::errs() << "lqcc: error: " << message << "\n";
  return 1;
}

namespace {

/// Where Lingqu's pieces are, relative to lqcc: <prefix>/bin/lqcc,
/// <prefix>/lib/libcudart.so, <prefix>/include/cuda_runtime.h: the layout
/// of a CUDA toolkit, which CMake's CUDA support expects.
struct Layout {
  std::string prefix, libDir, headerDir;
  explicit Layout(const std::string &executable) {
    llvm::SmallString<256> root(executable);
    llvm::sys::path::remove_filename(root); // bin
    llvm::sys::path::remove_filename(root); // prefix
    prefix = root.str().str();
    llvm::SmallString<256> lib(root), headers(root);
    llvm::sys::path::append(lib, "lib");
    llvm::sys::path::append(headers, "include");
    libDir = lib.str().str();
    headerDir = headers.str().str();
  }
};

/// Prints "lqcc: <stage> (<ms> ms)" under -v.
class StageTimer {
public:
  StageTimer(bool verbose, llvm::StringRef stage)
      : verbose(verbose), stage(stage.str()),
        start(std::chrono::steady_clock::now()) {}
  ~StageTimer() {
    if (!verbose)
      return;
    auto ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    llvm::errs() << "lqcc: " << stage << " ("
                 << llvm::format("%.1f", ms) << " ms)\n";
  }

private:
  bool verbose;
  std::string stage;
  std::chrono::steady_clock::time_point start;
};

/// A scratch directory private to this run (mode 0700), removed at exit.
class WorkDir {
public:
  std::error_code create() {
    return llvm::sys::fs::createUniqueDirectory("lqcc", path);
  }
  ~WorkDir() {
    if (!path.empty())
      llvm::sys::fs::remove_directories(path);
  }
  llvm::StringRef root() const { return path; }
  std::string file(const llvm::Twine &name) const {
    llvm::SmallString<256> p(path);
    llvm::sys::path::append(p, name);
    return p.str().str();
  }

private:
  llvm::SmallString<256> path;
};

class Compilation {
public:
  Compilation(const LqccOptions &options, const std::string &executable)
      : options(options), layout(executable) {}
  int run();

private:
  int compileCuda(const std::string &input, const std::string &object);
  int compileOther(const std::string &input, const std::string &object);
  int preprocess(const std::string &input);
  CudaCompileOptions cudaOptions(const std::string &input) const;
  std::vector<std::string> otherSourceFlags(const std::string &input) const;
  std::vector<std::string> dependencyFlags() const;
  bool isCuda(llvm::StringRef input) const;
  bool hasCrossSysroot() const;
  std::string hostCompiler() const;
  int link(const std::vector<std::string> &objects);
  int archive(const std::vector<std::string> &objects);
  void keepIntermediates();
  std::optional<std::string> buildFatBinary(const CudaCompileOptions &cuda,
                                            const std::string &stem);
  std::optional<std::string> lowerDevice(std::unique_ptr<llvm::Module> device,
                                         const std::string &stem,
                                         bool deviceLinked = false);
  std::optional<std::string> relocatableImage(const CudaCompileOptions &cuda);
  std::optional<std::string> deviceLink(const std::vector<std::string> &inputs,
                                        const std::string &object);
  std::vector<std::string> linkedLibraries() const;
  bool writeOutput(const std::string &path,
                   llvm::function_ref<void(llvm::raw_ostream &)> write);
  int runProgram(llvm::ArrayRef<std::string> argv);

  const LqccOptions &options;
  Layout layout;
  WorkDir work;
  unsigned counter = 0;
  bool emitFailed = false;
};

} // namespace

static bool isOtherSource(llvm::StringRef path) {
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

bool Compilation::writeOutput(
    const std::string &path,
    llvm::function_ref<void(llvm::raw_ostream &)> write) {
  std::error_code ec;
  llvm::ToolOutputFile out(path.empty() ? "-" : path, ec,
                           llvm::sys::fs::OF_None);
  if (ec) {
    fail("cannot write '" + path + "': " + ec.message());
    return false;
  }
  write(out.os());
  out.keep();
  return true;
}

int Compilation::runProgram(llvm::ArrayRef<std::string> argv) {
  if (options.verbose || options.dryRun) {
    llvm::errs() << "#$";
    for (const std::string &a : argv)
      llvm::errs() << " " << a;
    llvm::errs() << "\n";
  }
  if (options.dryRun)
    return 0;
  llvm::SmallVector<llvm::StringRef> refs(argv.begin(), argv.end());
  std::string error;
  int rc = llvm::sys::ExecuteAndWait(argv.front(), refs, std::nullopt, {}, 0,
                                     0, &error);
  if (rc < 0)
    fail("cannot run '" + argv.front() + "': " + error);
  return rc;
}

/// Device side of one .cu file, up to the fat binary image (or, for
/// --emit, up to the requested stage).
std::optional<std::string>
Compilation::buildFatBinary(const CudaCompileOptions &cuda,
                            const std::string &stem) {
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> device;
  {
    StageTimer t(options.verbose, "device front end (clang, nvptx64)");
    device = compileDeviceToLLVM(cuda, llvmContext);
    if (!device)
      return std::nullopt;
  }
  return lowerDevice(std::move(device), stem);
}

/// -rdc: the unit's device side, as bitcode, for the device link.
std::optional<std::string>
Compilation::relocatableImage(const CudaCompileOptions &cuda) {
  llvm::LLVMContext llvmContext;
  StageTimer t(options.verbose, "device front end (clang, nvptx64, -rdc)");
  std::unique_ptr<llvm::Module> device =
      compileDeviceToLLVM(cuda, llvmContext);
  if (!device)
    return std::nullopt;
  std::string bitcode;
  llvm::raw_string_ostream os(bitcode);
  llvm::WriteBitcodeToFile(*device, os);
  FatBinaryEntry entry{device->getTargetTriple().str(),
                       LINGQU_FATBIN_KIND_LLVM_BITCODE, std::move(bitcode)};
  return writeFatBinary(entry);
}

/// A device module (one unit's, or the device link's) down to the fat
/// binary image, or to the --emit stage asked for.
std::optional<std::string>
Compilation::lowerDevice(std::unique_ptr<llvm::Module> device,
                         const std::string &stem, bool deviceLinked) {
  {
    StageTimer t(options.verbose, "device inlining");
    prepareDeviceModule(*device);
    if (!checkDeviceCallees(*device, llvm::errs(), deviceLinked))
      return std::nullopt;
  }
  auto emitHere = [&](EmitStage stage,
                      llvm::function_ref<void(llvm::raw_ostream &)> print) {
    if (options.emit != stage)
      return false;
    if (!writeOutput(options.output, print))
      emitFailed = true;
    return true;
  };
  if (emitHere(EmitStage::DeviceLLVM,
               [&](llvm::raw_ostream &os) { device->print(os, nullptr); }))
    return std::nullopt;

  mlir::DialectRegistry registry;
  registerDeviceDialects(registry);
  mlir::MLIRContext context(registry);
  context.loadAllAvailableDialects();
  // Unsupported constructs are reported by the passes with the kernel and
  // the source line; anything else here is an internal error. Remarks say
  // which kernels run on the fiber executor.
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &diag) {
    switch (diag.getSeverity()) {
    case mlir::DiagnosticSeverity::Error:
      llvm::errs() << "lqcc: error: " << diag.str() << "\n";
      break;
    case mlir::DiagnosticSeverity::Warning:
      if (!options.noWarnings)
        llvm::errs() << "lqcc: warning: " << diag.str() << "\n";
      break;
    case mlir::DiagnosticSeverity::Remark:
      if (!options.noWarnings)
        llvm::errs() << "lqcc: remark: " << diag.str() << "\n";
      break;
    case mlir::DiagnosticSeverity::Note:
      break;
    }
    return mlir::success();
  });

  mlir::OwningOpRef<mlir::ModuleOp> module;
  {
    StageTimer t(options.verbose, "import into MLIR");
    module = importDeviceModule(std::move(device), context);
    if (!module)
      return std::nullopt;
  }
  auto printModule = [&](llvm::raw_ostream &os) { module->print(os); };
  if (emitHere(EmitStage::MLIRImported, printModule))
    return std::nullopt;

  auto runPipeline = [&](llvm::StringRef name,
                         void (*build)(mlir::OpPassManager &)) {
    StageTimer t(options.verbose, name);
    mlir::PassManager pm(&context);
    build(pm);
    return mlir::succeeded(pm.run(*module));
  };
  if (!runPipeline("raise to simt and scf", buildRaiseToSCFPipeline))
    return std::nullopt;
  if (emitHere(EmitStage::MLIRSCF, printModule))
    return std::nullopt;
  // SIMT-preserving targets start from the raised module, each from its
  // own copy; the CPU's collapsing pipeline then takes the original.
  std::vector<FatBinaryEntry> entries(1);
  for (const std::string &arch : options.offloadArchs) {
    mlir::OwningOpRef<mlir::ModuleOp> copy = module->clone();
    if (arch == "spirv64") {
      StageTimer t(options.verbose, "spir-v");
      llvm::Expected<std::string> spirv = compileToSPIRV(
          *copy, options.deviceDebugInfo ? 0 : options.optLevel);
      if (!spirv) {
        fail(llvm::toString(spirv.takeError()));
        return std::nullopt;
      }
      entries.push_back(
          {kSPIRVEntryTarget, LINGQU_FATBIN_KIND_SPIRV, std::move(*spirv)});
      continue;
    }
    if (llvm::StringRef(arch).starts_with("gfx")) {
      StageTimer t(options.verbose, "amdgpu code object for " + arch);
      llvm::Expected<std::string> codeObject = compileToAMDGPU(
          *copy, arch, options.deviceDebugInfo ? 0 : options.optLevel,
          work.root());
      if (!codeObject) {
        fail(llvm::toString(codeObject.takeError()));
        return std::nullopt;
      }
      entries.push_back({amdgpuEntryTarget(arch),
                         LINGQU_FATBIN_KIND_CODE_OBJECT,
                         std::move(*codeObject)});
      continue;
    }
    StageTimer t(options.verbose, "ptx for " + arch);
    llvm::Expected<std::string> ptx =
        compileToPTX(*copy, arch, options.deviceDebugInfo ? 0 : options.optLevel,
                     options.deviceDebugInfo || options.lineInfo);
    if (!ptx) {
      fail(llvm::toString(ptx.takeError()));
      return std::nullopt;
    }
    if (emitHere(EmitStage::PTX,
                 [&](llvm::raw_ostream &os) { os << *ptx; }))
      return std::nullopt;
    entries.push_back(
        {ptxEntryTarget(arch), LINGQU_FATBIN_KIND_PTX, std::move(*ptx)});
  }
  if (!runPipeline("collapse threads (simt to cpu)", buildSIMTToCPUPipeline))
    return std::nullopt;
  if (emitHere(EmitStage::MLIRCPU, printModule))
    return std::nullopt;
  if (!runPipeline("lower to the llvm dialect", buildCPUToLLVMPipeline))
    return std::nullopt;

  CPUTargetOptions target;
  target.triple = options.targetTriple;
  target.cpu = options.targetCPU;
  target.features = options.targetFeatures;
  // -G: device code as written, for a debugger (nvcc's -G turns device
  // optimisation off too).
  target.optLevel = options.deviceDebugInfo ? 0 : options.optLevel;
  target.debugInfo = options.deviceDebugInfo || options.lineInfo;
  target.remarksPassed = options.remarksPassed;
  target.remarksMissed = options.remarksMissed;
  target.remarksAnalysis = options.remarksAnalysis;
  target.workDir = work.file(stem);
  if (auto ec = llvm::sys::fs::create_directory(target.workDir)) {
    fail("cannot create '" + target.workDir + "': " + ec.message());
    return std::nullopt;
  }
  llvm::LLVMContext hostContext;
  std::unique_ptr<llvm::Module> host;
  {
    StageTimer t(options.verbose, "host llvm ir and optimisation");
    auto translated = translateToHostLLVM(*module, hostContext, target);
    if (!translated) {
      fail(llvm::toString(translated.takeError()));
      return std::nullopt;
    }
    host = std::move(*translated);
  }
  if (emitHere(EmitStage::CPULLVM,
               [&](llvm::raw_ostream &os) { host->print(os, nullptr); }))
    return std::nullopt;

  StageTimer t(options.verbose, "cpu code generation and fat binary");
  auto sharedObject = emitSharedObject(*host, target);
  if (!sharedObject) {
    fail(llvm::toString(sharedObject.takeError()));
    return std::nullopt;
  }
  entries.front() = {cpuTargetTriple(options.targetTriple),
                     LINGQU_FATBIN_KIND_SHARED_OBJECT,
                     std::move(*sharedObject)};
  return writeFatBinary(entries);
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

/// -keep: the scratch directory's files (fat binaries, device objects and
/// shared objects) copied to --keep-dir or the current directory.
void Compilation::keepIntermediates() {
  std::string into = options.keepDir.empty() ? "." : options.keepDir;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(work.root(), ec), end;
       it != end && !ec; it.increment(ec)) {
    if (it->type() != llvm::sys::fs::file_type::regular_file)
      continue;
    llvm::StringRef relative =
        llvm::StringRef(it->path()).drop_front(work.root().size() + 1);
    llvm::SmallString<256> target(into);
    llvm::sys::path::append(target, relative);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(target));
    if (auto copied = llvm::sys::fs::copy_file(it->path(), target))
      llvm::errs() << "lqcc: warning: cannot keep '" << it->path()
                   << "': " << copied.message() << "\n";
    else if (options.verbose)
      llvm::errs() << "lqcc: kept " << target << "\n";
  }
}

/// The static libraries -l names, found in -L's directories: the link may
/// take relocatable device code from them.
std::vector<std::string> Compilation::linkedLibraries() const {
  std::vector<std::string> found;
  for (const std::string &name : options.libraries)
    for (const std::string &dir : options.libraryDirs) {
      llvm::SmallString<256> path(dir);
      llvm::sys::path::append(path, "lib" + name + ".a");
      if (llvm::sys::fs::exists(path)) {
        found.push_back(path.str().str());
        break;
      }
    }
  return found;
}

/// The device link: the relocatable device code of `inputs` (objects and
/// archives), joined and compiled into one image, and an object at
/// `object` that registers it for every unit. "" when no unit needs it.
std::optional<std::string>
Compilation::deviceLink(const std::vector<std::string> &inputs,
                        const std::string &object) {
  if (options.dryRun) {
    // The objects do not exist: the device link runs where -rdc asks.
    if (!options.relocatableDeviceCode && !options.deviceLink)
      return std::string();
    llvm::errs() << "#$ lqcc device link: the relocatable device code of "
                    "the objects -> cpu shared object -> "
                 << object << "\n";
    return object;
  }
  llvm::Expected<RelocatableDeviceCode> code =
      readRelocatableDeviceCode(inputs);
  if (!code) {
    fail(llvm::toString(code.takeError()));
    return std::nullopt;
  }
  std::vector<std::string> &ids = code->unresolvedModuleIds;
  if (ids.empty() && !options.deviceLink)
    return std::string();

  std::optional<std::string> image;
  if (!code->units.empty()) {
    llvm::LLVMContext context;
    bool failed = false;
    context.setDiagnosticHandlerCallBack(
        [](const llvm::DiagnosticInfo *info, void *failedFlag) {
          if (info->getSeverity() != llvm::DS_Error)
            return;
          llvm::errs() << "lqcc: error: device link: ";
          llvm::DiagnosticPrinterRawOStream printer(llvm::errs());
          info->print(printer);
          llvm::errs() << "\n";
          *static_cast<bool *>(failedFlag) = true;
        },
        &failed);
    std::unique_ptr<llvm::Module> linked;
    StageTimer t(options.verbose, "device link");
    for (const RelocatableDeviceCode::Unit &unit : code->units) {
      auto module = llvm::parseBitcodeFile(
          llvm::MemoryBufferRef(unit.bitcode, unit.origin), context);
      if (!module) {
        fail("cannot read the device code of '" + unit.origin +
             "': " + llvm::toString(module.takeError()));
        return std::nullopt;
      }
      if (!linked)
        linked = std::move(*module);
      else if (llvm::Linker::linkModules(*linked, std::move(*module)) ||
               failed) {
        fail("the device link failed at '" + unit.origin + "'");
        return std::nullopt;
      }
    }
    image = lowerDevice(std::move(linked), "dlink", /*deviceLinked=*/true);
    if (!image)
      return std::nullopt;
  }
  std::string imagePath = work.file("dlink.fatbin");
  std::string sourcePath = work.file("dlink.c");
  if ((image && !writeOutput(imagePath,
                             [&](llvm::raw_ostream &os) { os << *image; })) ||
      !writeOutput(sourcePath, [&](llvm::raw_ostream &os) {
        if (image)
          os << registrationSource(ids, imagePath);
      }))
    return std::nullopt;
  std::vector<std::string> argv = {std::string(clangExecutable()), "-c",
                                   "-fPIC", "-O1", sourcePath, "-o", object};
  if (runProgram(argv) != 0) {
    fail("compiling the device link's object failed");
    return std::nullopt;
  }
  return object;
}

/// -lib: the objects, archived.
int Compilation::archive(const std::vector<std::string> &objects) {
  std::string output = options.output.empty() ? "a.a" : options.output;
  llvm::sys::fs::remove(output);
  std::vector<std::string> argv = {LINGQU_AR_EXECUTABLE, "rcs", output};
  argv.insert(argv.end(), objects.begin(), objects.end());
  StageTimer t(options.verbose, "archive " + output);
  if (runProgram(argv) != 0)
    return fail("archiving '" + output + "' failed");
  return 0;
}

int Compilation::link(const std::vector<std::string> &objects) {
  std::string output = options.output.empty() ? "a.out" : options.output;
  // Another ISA links against Lingqu's runtime built for it, in
  // <prefix>/lib/<triple>.
  std::string libDir = layout.libDir;
  if (!options.targetTriple.empty()) {
    llvm::SmallString<256> dir(layout.libDir);
    llvm::sys::path::append(dir, options.targetTriple);
    libDir = dir.str().str();
    llvm::SmallString<256> cudart(dir);
    llvm::sys::path::append(cudart, "libcudart.so");
    if (!options.dryRun && !llvm::sys::fs::exists(cudart))
      return fail("linking for '" + options.targetTriple +
                  "' needs Lingqu's runtime built for it in '" + libDir +
                  "', which is not there: build it with `make "
                  "cross-runtime` (AArch64), or compile with -c or -fatbin");
  }
  std::vector<std::string> argv = {hostCompiler(), "-o", output};
  if (options.hostCompiler.empty())
    argv.push_back("-fuse-ld=lld");
  if (!options.targetTriple.empty())
    argv.push_back("--target=" + options.targetTriple);
  if (options.sharedLibrary)
    argv.push_back("-shared");
  argv.insert(argv.end(), objects.begin(), objects.end());
  for (const std::string &d : options.libraryDirs)
    argv.push_back("-L" + d);
  argv.insert(argv.end(), {"-L" + libDir, "-Wl,-rpath," + libDir});
  for (const std::string &l : options.libraries)
    argv.push_back("-l" + l);
  for (const std::string &flag : options.hostLinkerFlags)
    argv.insert(argv.end(), {"-Xlinker", flag});
  if (options.linkCudart)
    argv.push_back("-lcudart");
  StageTimer t(options.verbose, "link " + output);
  if (runProgram(argv) != 0)
    return fail("linking '" + output + "' failed");
  return 0;
}

int Compilation::run() {
  if (options.verbose || options.dryRun) {
    // nvcc's environment lines: CMake reads the toolkit's root, headers and
    // libraries from them, and takes the link line for the one holding
    // LIBRARIES's value.
    const char *path = std::getenv("PATH");
    llvm::errs() << "#$ TOP=" << layout.prefix << "\n"
                 << "#$ PATH=" << layout.prefix << "/bin"
                 << (path ? ":" + std::string(path) : "") << "\n"
                 << "#$ INCLUDES=\"-I" << layout.headerDir << "\"\n"
                 << "#$ LIBRARIES=  -L" << layout.libDir << "\n"
                 << "#$ NVVMIR_LIBRARY_DIR=" << layout.prefix
                 << "/nvvm/libdevice\n";
  }
  for (const std::string &input : options.inputs)
    if (!llvm::sys::fs::exists(input))
      return fail("no such file or directory: '" + input + "'");
  if (!options.targetTriple.empty() && !options.fatbinOnly &&
      !hasCrossSysroot())
    return fail("compiling host code for '" + options.targetTriple +
                "' needs its C library headers in /usr/" +
                options.targetTriple +
                "/include, which are not installed (Debian 12 has none for "
                "LoongArch): -fatbin compiles the device code alone");
  if (auto ec = work.create())
    return fail("cannot create a scratch directory: " + ec.message());
  if (options.verbose)
    for (const std::string &note : options.ignored)
      llvm::errs() << "lqcc: ignored: " << note << "\n";
  if (options.dependencies == Dependencies::Only || options.preprocessOnly) {
    for (const std::string &input : options.inputs)
      if (int rc = preprocess(input))
        return rc;
    return 0;
  }
  if (options.flushToZero && !options.noWarnings)
    llvm::errs() << "lqcc: warning: -ftz=true has no effect on the cpu "
                    "target: single-precision denormals are computed, not "
                    "flushed to zero\n";

  if (options.dryRun && (options.fatbinOnly || options.emit != EmitStage::Link)) {
    for (const std::string &input : options.inputs)
      llvm::errs() << "#$ lqcc device: " << input
                   << " -> the device compilation's "
                   << (options.fatbinOnly ? "fat binary" : "--emit stage")
                   << "\n";
    return 0;
  }
  if (options.fatbinOnly && options.emit == EmitStage::Link) {
    // nvcc -fatbin: the device code alone, for cuModuleLoad.
    for (const std::string &input : options.inputs) {
      if (!isCuda(input))
        return fail("-fatbin applies to .cu files only, not '" + input + "'");
      std::string stem = llvm::sys::path::stem(input).str();
      std::optional<std::string> image =
          buildFatBinary(cudaOptions(input), stem + "." +
                                                 std::to_string(counter++));
      if (!image)
        return 1;
      std::string out =
          !options.output.empty() ? options.output : stem + ".fatbin";
      if (!writeOutput(out, [&](llvm::raw_ostream &os) { os << *image; }))
        return 1;
    }
    return 0;
  }

  if (options.emit != EmitStage::Link) {
    for (const std::string &input : options.inputs) {
      if (!isCuda(input))
        return fail("--emit applies to .cu files only, not '" + input + "'");
      if (compileCuda(input, "") != 0)
        return 1;
    }
    return 0;
  }

  std::vector<std::string> objects;
  for (const std::string &input : options.inputs) {
    bool cuda = isCuda(input);
    if (!cuda && !isOtherSource(input)) {
      if (options.compileOnly)
        continue; // nvcc ignores objects under -c as well
      objects.push_back(input);
      continue;
    }
    std::string object;
    if (options.compileOnly)
      object = !options.output.empty()
                   ? options.output
                   : llvm::sys::path::stem(input).str() + ".o";
    else
      object = work.file(llvm::sys::path::stem(input) + "." +
                         std::to_string(counter++) + ".o");
    if (options.compileOnly && !options.dryRun) {
      // Fail early and clearly on an unwritable output path.
      std::error_code ec;
      llvm::raw_fd_ostream probe(object, ec);
      if (ec)
        return fail("cannot write '" + object + "': " + ec.message());
    }
    int rc = cuda ? compileCuda(input, object) : compileOther(input, object);
    if (rc != 0) {
      if (options.compileOnly)
        llvm::sys::fs::remove(object);
      return rc;
    }
    objects.push_back(object);
  }
  int rc = 0;
  if (options.deviceLink) {
    // -dlink: the device link's object alone; a host linker links it with
    // the objects (CMake's separable compilation does so).
    std::vector<std::string> inputs = objects;
    for (std::string &lib : linkedLibraries())
      inputs.push_back(std::move(lib));
    std::string output =
        options.output.empty() ? "a_dlink.o" : options.output;
    rc = deviceLink(inputs, output) ? 0 : 1;
  } else if (options.staticLibrary) {
    rc = archive(objects);
  } else if (!options.compileOnly) {
    std::vector<std::string> inputs = objects;
    for (std::string &lib : linkedLibraries())
      inputs.push_back(std::move(lib));
    std::optional<std::string> linked =
        deviceLink(inputs, work.file("dlink.o"));
    if (!linked)
      return 1;
    if (!linked->empty())
      objects.push_back(*linked);
    rc = link(objects);
  }
  if (options.keep)
    keepIntermediates();
  return rc;
}

int lingqu::runDriver(const LqccOptions &options,
                      const std::string &executable) {
  Compilation compilation(options, executable);
  return compilation.run();
}
