//===- DevicePipeline.cpp - Device code to a fat binary -------------------===//
//
// A unit's device module through MLIR to one entry per target: the CPU's
// shared object, and PTX, SPIR-V or AMDGPU code objects for --offload-arch;
// or, with -rdc, kept as bitcode for the device link.
//
//===----------------------------------------------------------------------===//

#include "Compilation.h"

#include "RelocatableDeviceCode.h"
#include "lingqu/Config.h"
#include "lingqu/Frontend/DeviceCallCheck.h"
#include "lingqu/Frontend/DeviceImport.h"
#include "lingqu/Target/AMDGPUTarget.h"
#include "lingqu/Target/CPUTarget.h"
#include "lingqu/Target/FatBinaryWriter.h"
#include "lingqu/Target/PTXTarget.h"
#include "lingqu/Target/SPIRVTarget.h"

#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"

using namespace lingqu;
using namespace lingqu::driver;

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
