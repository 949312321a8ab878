//===- CPUCodegen.cpp - Block functions to a host shared object -----------===//

#include "lingqu/Target/CPUTarget.h"
#include "OptimizationRemarks.h"
#include "lingqu/Config.h"
#include "lingqu/LLVMTransforms/ScalarizeUniformGathers.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"

#include <mutex>

using namespace lingqu;

std::string lingqu::cpuTargetTriple(llvm::StringRef requested) {
  if (requested.empty())
    return llvm::sys::getDefaultTargetTriple();
  return llvm::Triple::normalize(requested);
}

/// The baseline of another ISA: what every Linux machine of it has.
/// RISC-V's is RV64GC (the vector extension is not in every RVA20 machine).
static std::pair<std::string, std::string> baselineCPU(const llvm::Triple &t) {
  switch (t.getArch()) {
  case llvm::Triple::aarch64:
    return {"generic", "+neon"};
  case llvm::Triple::riscv64:
    return {"generic-rv64", "+m,+a,+f,+d,+c"};
  case llvm::Triple::loongarch64:
    return {"la464", "+d"};
  default:
    return {"generic", ""};
  }
}

static llvm::CodeGenOptLevel codeGenLevel(unsigned optLevel) {
  switch (optLevel) {
  case 0: return llvm::CodeGenOptLevel::None;
  case 1: return llvm::CodeGenOptLevel::Less;
  case 2: return llvm::CodeGenOptLevel::Default;
  default: return llvm::CodeGenOptLevel::Aggressive;
  }
}

/// The machine the fat binary's CPU entry is built for: this host's CPU, as
/// a CUDA fat binary is built for the GPUs it will run on; another ISA's
/// baseline for --target; --target-cpu's CPU with its own features, and
/// --target-features on top of whichever it is.
static llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const CPUTargetOptions &options) {
  llvm::Triple triple(cpuTargetTriple(options.triple));
  std::string error;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return llvm::createStringError("no LLVM target for '" + triple.str() +
                                   "': " + error);
  // What LLVM knows of the ISA, to check --target-cpu and --target-features
  // against; asked of the ISA's default CPU (asking of an unknown one warns).
  std::unique_ptr<llvm::MCSubtargetInfo> info;
  if (!options.cpu.empty() || !options.features.empty())
    info.reset(target->createMCSubtargetInfo(triple, "", ""));
  llvm::SubtargetFeatures features;
  std::string cpu;
  if (!options.cpu.empty()) {
    cpu = options.cpu;
    if (!info || !info->isCPUStringValid(cpu))
      return llvm::createStringError(
          "--target-cpu=" + cpu + ": not a CPU LLVM knows for " +
          triple.getArchName().str() + " (llc -mtriple=" + triple.str() +
          " -mcpu=help lists them)");
  } else if (options.triple.empty()) {
    for (const auto &[name, enabled] : llvm::sys::getHostCPUFeatures())
      features.AddFeature(name, enabled);
    cpu = llvm::sys::getHostCPUName().str();
  } else {
    auto [baseline, baselineFeatures] = baselineCPU(triple);
    cpu = baseline;
    features = llvm::SubtargetFeatures(baselineFeatures);
  }
  if (!options.features.empty()) {
    for (llvm::StringRef feature : llvm::split(options.features, ',')) {
      llvm::StringRef name = feature.drop_front();
      if ((!feature.starts_with("+") && !feature.starts_with("-")) ||
          !info || !llvm::any_of(info->getAllProcessorFeatures(),
                                 [&](const llvm::SubtargetFeatureKV &kv) {
                                   return name == kv.Key;
                                 }))
        return llvm::createStringError(
            "--target-features: '" + feature.str() + "' is not +<feature> or " +
            "-<feature> with a feature LLVM knows for " +
            triple.getArchName().str() + " (llc -mtriple=" + triple.str() +
            " -mattr=help lists them)");
      features.AddFeature(feature);
    }
  }
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, cpu, features.getString(),
      llvm::TargetOptions(), llvm::Reloc::PIC_, std::nullopt,
      codeGenLevel(options.optLevel)));
  if (!machine)
    return llvm::createStringError("cannot create a target machine for '" +
                                   triple.str() + "'");
  return machine;
}

/// Thread loops are as wide as a block and branch-free where the passes
/// before could make them so: the work a GPU's warps do. On a host with
/// AVX-512, LLVM would still vectorise them 256 bits wide (its default for
/// those CPUs, tuned for scalar code's frequency); 512 was measured faster
/// on every workload that vectorises (SGEMM 0.18 -> 0.16 s, k-means 0.20
/// -> 0.15 s, Black-Scholes 0.13 -> 0.08 s).
static void preferWidestVectors(llvm::Function &f,
                                const llvm::TargetMachine &machine) {
  if (machine.getTargetFeatureString().contains("+avx512f"))
    f.addFnAttr("prefer-vector-width", "512");
}

/// Options of LLVM's loop vectoriser that are off by default:
/// - the outer-loop (VPlan-native) vectoriser, for the thread loops that
///   hold loops of their own (VectorizeThreadLoops.cpp marks them); it acts
///   on outer loops annotated for vectorisation only;
/// - interleaved stores with gaps, as masked wide stores: a thread's run of
///   consecutive elements (`mine[k] = ...` for k < 8, a scan's tile) is a
///   stride-8 store group across threads, and one member is often gone (the
///   store of a value just loaded from the same place); without this the
///   group became seven scatters (scan 0.45 -> 0.43 s).
static void enableVectorizerOptions() {
  static std::once_flag once;
  std::call_once(once, [] {
    const char *argv[] = {"lqcc", "-enable-vplan-native-path",
                          "-enable-masked-interleaved-mem-accesses"};
    llvm::cl::ParseCommandLineOptions(std::size(argv), argv);
  });
}

static void optimize(llvm::Module &module, llvm::TargetMachine &machine,
                     unsigned optLevel) {
  enableVectorizerOptions();
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(&machine);
  // Math calls in thread loops vectorise into SLEEF (VectorMath.cpp); the
  // shared object records the library as needed.
  llvm::TargetLibraryInfoImpl libraryInfo(machine.getTargetTriple());
  if (*LINGQU_SLEEF)
    addVectorMathFunctions(libraryInfo, machine.getTargetTriple());
  fam.registerPass([&] { return llvm::TargetLibraryAnalysis(libraryInfo); });
  // The outer-loop vectoriser gathers what each thread loads from one
  // address; instcombine then folds what the scalar loads leave behind.
  pb.registerVectorizerEndEPCallback(
      [](llvm::FunctionPassManager &fpm, llvm::OptimizationLevel) {
        fpm.addPass(lingqu::ScalarizeUniformGathersPass());
        fpm.addPass(llvm::InstCombinePass());
      });
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::OptimizationLevel level = optLevel == 0   ? llvm::OptimizationLevel::O0
                                  : optLevel == 1 ? llvm::OptimizationLevel::O1
                                  : optLevel == 2 ? llvm::OptimizationLevel::O2
                                                  : llvm::OptimizationLevel::O3;
  llvm::ModulePassManager mpm =
      optLevel == 0 ? pb.buildO0DefaultPipeline(level)
                    : pb.buildPerModuleDefaultPipeline(level);
  mpm.run(module, mam);
}

llvm::Expected<std::unique_ptr<llvm::Module>>
lingqu::translateToHostLLVM(mlir::ModuleOp module, llvm::LLVMContext &context,
                            const CPUTargetOptions &options) {
  // The NVPTX data layout and target attributes stay behind in MLIR; the
  // host's are set on the LLVM module below.
  module->removeAttr("dlti.dl_spec");
  module->removeAttr("llvm.target_triple");
  module->removeAttr("llvm.data_layout");
  std::unique_ptr<llvm::Module> llvmModule =
      mlir::translateModuleToLLVMIR(module, context);
  if (!llvmModule)
    return llvm::createStringError("translation to LLVM IR failed");

  auto machine = createTargetMachine(options);
  if (!machine)
    return machine.takeError();
  llvmModule->setTargetTriple((*machine)->getTargetTriple());
  llvmModule->setDataLayout((*machine)->createDataLayout());
  for (llvm::Function &f : *llvmModule) {
    f.removeFnAttr("target-cpu");
    f.removeFnAttr("target-features");
    f.removeFnAttr("uniform-work-group-size");
    preferWidestVectors(f, **machine);
  }
  if (auto *annotations = llvmModule->getNamedMetadata("nvvm.annotations"))
    llvmModule->eraseNamedMetadata(annotations);
  // Remarks point at user source through the line tables, so those stay
  // until optimisation is done.
  bool remarks = wantsRemarks(options);
  context.setDiagnosticHandler(createRemarkHandler(options));
  if (!options.debugInfo && !remarks)
    llvm::StripDebugInfo(*llvmModule);

  optimize(*llvmModule, **machine, options.optLevel);
  if (!options.debugInfo && remarks)
    llvm::StripDebugInfo(*llvmModule);
  return llvmModule;
}

llvm::Expected<std::string>
lingqu::emitSharedObject(llvm::Module &module, const CPUTargetOptions &options) {
  auto machine = createTargetMachine(options);
  if (!machine)
    return machine.takeError();

  llvm::SmallString<128> objectPath(options.workDir), soPath(options.workDir);
  llvm::sys::path::append(objectPath, "device.o");
  llvm::sys::path::append(soPath, "device.so");
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(objectPath, ec);
    if (ec)
      return llvm::createStringError("cannot write '" + objectPath.str() +
                                     "': " + ec.message());
    llvm::legacy::PassManager pm;
    if ((*machine)->addPassesToEmitFile(pm, os, nullptr,
                                        llvm::CodeGenFileType::ObjectFile))
      return llvm::createStringError("the host target cannot emit objects");
    // A crash in LLVM's code generator (LLVM 22's RISC-V backend has one
    // with +v on some kernels) is a bug of LLVM's, reported as an error
    // naming the target instead of a crash of lqcc's.
    llvm::CrashRecoveryContext::Enable();
    llvm::CrashRecoveryContext crc;
    crc.DumpStackAndCleanupOnFailure = true;
    if (!crc.RunSafely([&] { pm.run(module); }))
      return llvm::createStringError(
          "LLVM's code generator crashed building the kernels for " +
          (*machine)->getTargetTriple().str() + " (CPU '" +
          (*machine)->getTargetCPU().str() + "', features '" +
          (*machine)->getTargetFeatureString().str() +
          "'): a bug of LLVM's; another --target-cpu or --target-features "
          "may avoid it");
  }

  // Device code may call into libc (and later Lingqu's device library); the
  // symbols resolve when the runtime loads the object into the process.
  // -Bsymbolic: a __device__ variable or __host__ __device__ function has a
  // host twin of the same name in the program, which must not interpose.
  std::string lld = LINGQU_LLD_EXECUTABLE;
  llvm::SmallVector<llvm::StringRef> argv = {
      lld, "-shared", "-Bsymbolic", "-o", soPath, objectPath};
  // Recorded only if used, so that loading the object loads SLEEF too.
  // SLEEF is the host's (VectorMath.cpp maps calls to it on x86 only).
  llvm::StringRef sleef = options.triple.empty() ? LINGQU_SLEEF : "";
  if (!sleef.empty())
    argv.append({"--as-needed", sleef});
  std::string error;
  int rc = llvm::sys::ExecuteAndWait(lld, argv, std::nullopt, {}, 0, 0,
                                     &error);
  if (rc != 0)
    return llvm::createStringError("linking the device shared object failed" +
                                   (error.empty() ? "" : ": " + error));
  auto buffer = llvm::MemoryBuffer::getFile(soPath);
  if (!buffer)
    return llvm::createStringError("cannot read '" + soPath.str() + "'");
  return (*buffer)->getBuffer().str();
}
