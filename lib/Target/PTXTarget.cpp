//===- PTXTarget.cpp - NVIDIA PTX as a SIMT-preserving target -------------===//

#include "lingqu/Target/PTXTarget.h"
#include "lingqu/Conversion/Passes.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Conversion/UBToLLVM/UBToLLVM.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/NVVM/NVVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

using namespace lingqu;

static constexpr llvm::StringLiteral kTriple = "nvptx64-nvidia-cuda";

std::string lingqu::ptxEntryTarget(llvm::StringRef arch) {
  return (kTriple + ":" + arch).str();
}

/// The PTX ISA an architecture needs (LLVM's feature name).
static const char *ptxVersion(llvm::StringRef arch) {
  unsigned cc = 0;
  arch.drop_front(3).take_while(llvm::isDigit).getAsInteger(10, cc);
  return cc >= 100 ? "+ptx87" : "+ptx80";
}

/// Device code may call only what a PTX program can resolve: intrinsics,
/// functions defined in the module, and vprintf (CUDA's device printf).
static llvm::Error checkCallees(const llvm::Module &module,
                                llvm::StringRef arch) {
  for (const llvm::Function &f : module) {
    if (!f.isDeclaration() || f.isIntrinsic() || f.getName() == "vprintf" ||
        f.use_empty())
      continue;
    std::string caller = "?";
    for (const llvm::User *user : f.users())
      if (const auto *inst = llvm::dyn_cast<llvm::Instruction>(user)) {
        caller = llvm::demangle(inst->getFunction()->getName());
        break;
      }
    return llvm::createStringError(
        "kernel code in '" + caller + "' calls '" + llvm::demangle(f.getName()) +
        "', which the ptx target (" + arch +
        ") cannot provide yet: Lingqu's device library is the host C "
        "library's, and there is no libdevice for PTX");
  }
  return llvm::Error::success();
}

llvm::Expected<std::string> lingqu::compileToPTX(mlir::ModuleOp module,
                                                 llvm::StringRef arch,
                                                 unsigned optLevel,
                                                 bool lineInfo) {
  mlir::MLIRContext *context = module.getContext();
  mlir::DialectRegistry registry;
  mlir::registerNVVMDialectTranslation(registry);
  context->appendDialectRegistry(registry);

  mlir::PassManager pm(context);
  pm.addPass(createConvertSIMTToNVVM());
  pm.addPass(mlir::createSCFToControlFlowPass());
  pm.addPass(mlir::createArithToLLVMConversionPass());
  pm.addPass(mlir::createConvertControlFlowToLLVMPass());
  pm.addPass(mlir::createUBToLLVMConversionPass());
  pm.addPass(mlir::createReconcileUnrealizedCastsPass());
  if (mlir::failed(pm.run(module)))
    return llvm::createStringError("lowering to NVVM for " + arch + " failed");

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      mlir::translateModuleToLLVMIR(module, llvmContext);
  if (!llvmModule)
    return llvm::createStringError("translation to LLVM IR for " + arch +
                                   " failed");
  if (llvm::Error e = checkCallees(*llvmModule, arch))
    return std::move(e);
  // The line tables were for lqcc's diagnostics; PTX keeps them (.loc) only
  // when asked, as nvcc does with -lineinfo.
  if (!lineInfo)
    llvm::StripDebugInfo(*llvmModule);

  std::string error;
  llvm::Triple triple(kTriple);
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return llvm::createStringError("no NVPTX backend in this LLVM: " + error);
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, arch, ptxVersion(arch), llvm::TargetOptions(), std::nullopt,
      std::nullopt,
      optLevel == 0 ? llvm::CodeGenOptLevel::None
                    : llvm::CodeGenOptLevel::Aggressive));
  llvmModule->setTargetTriple(triple);
  llvmModule->setDataLayout(machine->createDataLayout());
  for (llvm::Function &f : *llvmModule) {
    f.removeFnAttr("target-cpu");
    f.removeFnAttr("target-features");
  }

  if (optLevel > 0) {
    llvm::LoopAnalysisManager lam;
    llvm::FunctionAnalysisManager fam;
    llvm::CGSCCAnalysisManager cgam;
    llvm::ModuleAnalysisManager mam;
    llvm::PassBuilder pb(machine.get());
    pb.registerModuleAnalyses(mam);
    pb.registerCGSCCAnalyses(cgam);
    pb.registerFunctionAnalyses(fam);
    pb.registerLoopAnalyses(lam);
    pb.crossRegisterProxies(lam, fam, cgam, mam);
    pb.buildPerModuleDefaultPipeline(optLevel == 1   ? llvm::OptimizationLevel::O1
                                     : optLevel == 2 ? llvm::OptimizationLevel::O2
                                                     : llvm::OptimizationLevel::O3)
        .run(*llvmModule, mam);
  }

  llvm::SmallString<0> ptx;
  llvm::raw_svector_ostream os(ptx);
  llvm::legacy::PassManager codegen;
  if (machine->addPassesToEmitFile(codegen, os, nullptr,
                                   llvm::CodeGenFileType::AssemblyFile))
    return llvm::createStringError("the NVPTX backend cannot emit PTX");
  codegen.run(*llvmModule);
  return std::string(ptx.str());
}
