//===- Driver.cpp - lqcc: compile and link CUDA programs ------------------===//
//
// For each .cu input: device side through Clang -> MLIR -> CPU shared object
// -> fat binary; host side through Clang with that fat binary embedded. Other
// sources go through clang++; everything is linked against Lingqu's
// libcudart.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Driver/Driver.h"
#include "lingqu/Frontend/CudaCompiler.h"
#include "lingqu/Frontend/DeviceCallCheck.h"
#include "lingqu/Frontend/DeviceImport.h"
#include "lingqu/Target/CPUTarget.h"
#include "lingqu/Target/FatBinaryWriter.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>

using namespace lingqu;

static int fail(const llvm::Twine &message) {
  llvm::errs() << "lqcc: error: " << message << "\n";
  return 1;
}

namespace {

/// Where Lingqu's pieces are, relative to lqcc: <prefix>/bin/lqcc,
/// <prefix>/lib/libcudart.so, <prefix>/lib/lingqu/include/cuda_runtime.h.
struct Layout {
  std::string libDir, headerDir;
  explicit Layout(const std::string &executable) {
    llvm::SmallString<256> prefix(executable);
    llvm::sys::path::remove_filename(prefix); // bin
    llvm::sys::path::remove_filename(prefix); // prefix
    llvm::SmallString<256> lib(prefix), headers(prefix);
    llvm::sys::path::append(lib, "lib");
    llvm::sys::path::append(headers, "lib", "lingqu", "include");
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
  CudaCompileOptions cudaOptions(const std::string &input) const;
  int link(const std::vector<std::string> &objects);
  std::optional<std::string> buildFatBinary(const CudaCompileOptions &cuda,
                                            const std::string &stem);
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

static bool isCudaSource(llvm::StringRef path) {
  return path.ends_with(".cu");
}
static bool isOtherSource(llvm::StringRef path) {
  return llvm::StringSwitch<bool>(llvm::sys::path::extension(path))
      .Cases({".cpp", ".cc", ".cxx", ".c", ".C"}, true)
      .Default(false);
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
  if (options.verbose) {
    llvm::errs() << "lqcc:";
    for (const std::string &a : argv)
      llvm::errs() << " " << a;
    llvm::errs() << "\n";
  }
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
    prepareDeviceModule(*device);
    if (!checkDeviceCallees(*device, llvm::errs()))
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
  if (!runPipeline("collapse threads (simt to cpu)", buildSIMTToCPUPipeline))
    return std::nullopt;
  if (emitHere(EmitStage::MLIRCPU, printModule))
    return std::nullopt;
  if (!runPipeline("lower to the llvm dialect", buildCPUToLLVMPipeline))
    return std::nullopt;

  CPUTargetOptions target;
  target.optLevel = options.optLevel;
  target.debugInfo = options.debugInfo;
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
  FatBinaryEntry entry{cpuTargetTriple(), LINGQU_FATBIN_KIND_SHARED_OBJECT,
                       std::move(*sharedObject)};
  return writeFatBinary(entry);
}

CudaCompileOptions Compilation::cudaOptions(const std::string &input) const {
  CudaCompileOptions cuda;
  cuda.input = input;
  cuda.includeDirs = options.includeDirs;
  cuda.defines = options.defines;
  cuda.undefines = options.undefines;
  cuda.languageStandard = options.languageStandard;
  cuda.optLevel = options.optLevel;
  cuda.debugInfo = options.debugInfo;
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
  std::string stem =
      llvm::sys::path::stem(input).str() + "." + std::to_string(counter++);
  std::optional<std::string> image = buildFatBinary(cuda, stem);
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

int Compilation::compileOther(const std::string &input,
                              const std::string &object) {
  std::vector<std::string> argv = {
      std::string(clangExecutable()) + "++", "-c", input, "-o", object,
      "-fPIC", "-O" + std::to_string(options.optLevel),
      "-isystem", layout.headerDir};
  if (!isCudaSource(input) && !llvm::StringRef(input).ends_with(".c"))
    argv.push_back("-std=" + options.languageStandard);
  if (options.debugInfo)
    argv.push_back("-g");
  for (std::string &flag : preprocessorFlags(cudaOptions(input)))
    argv.push_back(std::move(flag));
  StageTimer t(options.verbose, "compile " + input);
  return runProgram(argv) == 0 ? 0 : 1;
}

int Compilation::link(const std::vector<std::string> &objects) {
  std::string output = options.output.empty() ? "a.out" : options.output;
  std::vector<std::string> argv = {std::string(clangExecutable()) + "++",
                                   "-fuse-ld=lld", "-o", output};
  argv.insert(argv.end(), objects.begin(), objects.end());
  for (const std::string &d : options.libraryDirs)
    argv.push_back("-L" + d);
  argv.insert(argv.end(), {"-L" + layout.libDir,
                           "-Wl,-rpath," + layout.libDir});
  for (const std::string &l : options.libraries)
    argv.push_back("-l" + l);
  argv.push_back("-lcudart");
  StageTimer t(options.verbose, "link " + output);
  if (runProgram(argv) != 0)
    return fail("linking '" + output + "' failed");
  return 0;
}

int Compilation::run() {
  for (const std::string &input : options.inputs)
    if (!llvm::sys::fs::exists(input))
      return fail("no such file or directory: '" + input + "'");
  if (auto ec = work.create())
    return fail("cannot create a scratch directory: " + ec.message());
  if (options.flushToZero && !options.noWarnings)
    llvm::errs() << "lqcc: warning: -ftz=true has no effect on the cpu "
                    "target: single-precision denormals are computed, not "
                    "flushed to zero\n";

  if (options.fatbinOnly && options.emit == EmitStage::Link) {
    // nvcc -fatbin: the device code alone, for cuModuleLoad.
    for (const std::string &input : options.inputs) {
      if (!isCudaSource(input))
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
      if (!isCudaSource(input))
        return fail("--emit applies to .cu files only, not '" + input + "'");
      if (compileCuda(input, "") != 0)
        return 1;
    }
    return 0;
  }

  std::vector<std::string> objects;
  for (const std::string &input : options.inputs) {
    bool cuda = isCudaSource(input);
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
    if (options.compileOnly) {
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
  if (options.compileOnly)
    return 0;
  return link(objects);
}

int lingqu::runDriver(const LqccOptions &options,
                      const std::string &executable) {
  Compilation compilation(options, executable);
  return compilation.run();
}
