//===- CudaCompiler.cpp - Clang in-process for CUDA sources ---------------===//
//
// Clang's driver knows the host toolchain (system headers, resource dir); we
// ask it for the cc1 command lines of a CUDA compilation, adjust them for
// Lingqu (own headers, fixed launch ABI, no NVIDIA SDK), and run them in this
// process.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Frontend/CudaCompiler.h"
#include "lingqu/Config.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/CodeGen/CodeGenAction.h"
#include "clang/Driver/Compilation.h"
#include "clang/Driver/Driver.h"
#include "clang/Driver/Job.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/FrontendTool/Utils.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

using namespace lingqu;

/// Fixes the launch ABI: __cudaPushCallConfiguration + cudaLaunchKernel and
/// __cudaRegisterFatBinaryEnd, whatever CUDA may be installed.
static constexpr const char *kSdkVersion = "-target-sdk-version=12.8";

llvm::StringRef lingqu::clangExecutable() { return LINGQU_CLANG_EXECUTABLE; }

std::vector<std::string>
lingqu::preprocessorFlags(const CudaCompileOptions &options) {
  std::vector<std::string> flags;
  for (const std::string &dir : options.includeDirs)
    flags.push_back("-I" + dir);
  for (const std::string &dir : options.systemIncludeDirs) {
    flags.push_back("-isystem");
    flags.push_back(dir);
  }
  for (const std::string &name : options.replacedMacros)
    flags.push_back("-U" + name);
  for (const std::string &def : options.defines)
    flags.push_back("-D" + def);
  for (const std::string &undef : options.undefines)
    flags.push_back("-U" + undef);
  return flags;
}

namespace {
enum class Side { Device, Host, HostPreprocess };
} // namespace

/// Asks Clang's driver for the cc1 arguments of one side of a CUDA
/// compilation of `options.input` into `output`.
static std::optional<std::vector<std::string>>
buildCC1Args(const CudaCompileOptions &options, Side side,
             llvm::StringRef output) {
  std::vector<std::string> args = {
      clangExecutable().str(), "-x", "cuda",
      "--cuda-gpu-arch=" + options.gpuArchitecture,
      // Lingqu's own headers replace CUDA's; no NVIDIA SDK is looked for.
      "-nocudainc", "-nocudalib", "--cuda-path=/lingqu-has-no-cuda-sdk",
      "--no-offload-new-driver", "-std=" + options.languageStandard,
      "-isystem", options.cudaHeaderDir, "-include", "cuda_runtime.h"};
  if (side == Side::Device) {
    // Optimisation happens after the SIMT lowering, at the user's level; the
    // front end only has to produce clean IR (no optnone, with TBAA).
    args.insert(args.end(), {"--cuda-device-only", "-S", "-emit-llvm", "-O2",
                             "-Xclang", "-disable-llvm-passes"});
    // Line tables let the compiler point at user source in diagnostics.
    args.push_back(options.deviceDebugInfo ? "-g" : "-gline-tables-only");
    // nvcc contracts a * b + c into an FMA in device code unless -fmad=false.
    args.push_back(options.fusedMultiplyAdd ? "-ffp-contract=fast"
                                            : "-ffp-contract=off");
  } else {
    args.insert(args.end(), {"--cuda-host-only",
                             "-O" + std::to_string(options.optLevel), "-fPIC"});
    if (side == Side::Host)
      args.push_back("-c");
    if (options.debugInfo)
      args.push_back("-g");
    args.insert(args.end(), options.hostFlags.begin(), options.hostFlags.end());
  }
  const std::string &triple =
      side == Side::Device ? options.deviceAuxTriple : options.hostTriple;
  if (!triple.empty())
    args.push_back("--target=" + triple);
  if (options.relocatable)
    args.push_back("-fgpu-rdc");
  if (!options.cuid.empty())
    args.push_back("-cuid=" + options.cuid);
  if (options.noWarnings)
    args.push_back("-w");
  if (options.fastMath)
    args.push_back("-D__USE_FAST_MATH__");
  for (std::string &flag : preprocessorFlags(options))
    args.push_back(std::move(flag));
  args.push_back(options.input);
  if (!output.empty())
    args.insert(args.end(), {"-o", output.str()});

  clang::DiagnosticOptions diagOpts;
  auto *printer = new clang::TextDiagnosticPrinter(llvm::errs(), diagOpts);
  clang::DiagnosticsEngine diags(new clang::DiagnosticIDs(), diagOpts, printer);
  clang::driver::Driver driver(clangExecutable(),
                               llvm::sys::getDefaultTargetTriple(), diags,
                               "lqcc");
  driver.setCheckInputsExist(false);
  std::vector<const char *> argv;
  for (const std::string &a : args)
    argv.push_back(a.c_str());
  std::unique_ptr<clang::driver::Compilation> compilation(
      driver.BuildCompilation(argv));
  if (!compilation || diags.hasErrorOccurred())
    return std::nullopt;

  for (const clang::driver::Command &job : compilation->getJobs()) {
    const auto &jobArgs = job.getArguments();
    if (jobArgs.empty() || llvm::StringRef(jobArgs.front()) != "-cc1")
      continue;
    std::vector<std::string> cc1;
    for (size_t i = 1; i < jobArgs.size(); ++i) {
      llvm::StringRef arg = jobArgs[i];
      if (arg == "--offload-new-driver")
        continue;
      cc1.push_back(arg.str());
    }
    cc1.push_back(kSdkVersion);
    if (side == Side::Device)
      cc1.insert(cc1.end(),
                 {"-target-feature", options.ptxFeature});
    return cc1;
  }
  llvm::errs() << "lqcc: error: clang's driver produced no compile job for '"
               << options.input << "'\n";
  return std::nullopt;
}

/// A compiler instance for `cc1Args`, printing diagnostics to stderr.
static std::unique_ptr<clang::CompilerInstance>
createInstance(const std::vector<std::string> &cc1Args, bool verbose) {
  if (verbose) {
    llvm::errs() << "lqcc: clang -cc1";
    for (const std::string &a : cc1Args)
      llvm::errs() << " " << a;
    llvm::errs() << "\n";
  }
  std::vector<const char *> argv;
  for (const std::string &a : cc1Args)
    argv.push_back(a.c_str());

  auto invocation = std::make_shared<clang::CompilerInvocation>();
  clang::DiagnosticOptions diagOpts;
  auto *printer = new clang::TextDiagnosticPrinter(llvm::errs(), diagOpts);
  clang::DiagnosticsEngine diags(new clang::DiagnosticIDs(), diagOpts, printer);
  if (!clang::CompilerInvocation::CreateFromArgs(*invocation, argv, diags))
    return nullptr;
  auto instance = std::make_unique<clang::CompilerInstance>(invocation);
  instance->createDiagnostics();
  return instance;
}

std::unique_ptr<llvm::Module>
lingqu::compileDeviceToLLVM(const CudaCompileOptions &options,
                            llvm::LLVMContext &context) {
  auto cc1 = buildCC1Args(options, Side::Device, "-");
  if (!cc1)
    return nullptr;
  auto instance = createInstance(*cc1, options.verbose);
  if (!instance)
    return nullptr;
  clang::EmitLLVMOnlyAction action(&context);
  if (!instance->ExecuteAction(action))
    return nullptr;
  return action.takeModule();
}

bool lingqu::compileHostToObject(const CudaCompileOptions &options,
                                 llvm::StringRef fatBinaryPath,
                                 llvm::StringRef objectPath) {
  auto cc1 = buildCC1Args(options, Side::Host, objectPath);
  if (!cc1)
    return false;
  cc1.value().insert(cc1->end(),
                     {"-fcuda-include-gpubinary", fatBinaryPath.str()});
  auto instance = createInstance(*cc1, options.verbose);
  if (!instance)
    return false;
  clang::EmitObjAction action;
  return instance->ExecuteAction(action);
}

bool lingqu::preprocessHost(const CudaCompileOptions &options,
                            const std::vector<std::string> &action) {
  CudaCompileOptions withAction = options;
  withAction.hostFlags.insert(withAction.hostFlags.end(), action.begin(),
                              action.end());
  auto cc1 = buildCC1Args(withAction, Side::HostPreprocess, "");
  if (!cc1)
    return false;
  auto instance = createInstance(*cc1, options.verbose);
  return instance && clang::ExecuteCompilerInvocation(instance.get());
}
