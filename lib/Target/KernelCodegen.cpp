//===- KernelCodegen.cpp - Code generation shared by GPU-like targets -----===//

#include "KernelCodegen.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Conversion/UBToLLVM/UBToLLVM.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

using namespace lingqu;

void lingqu::addLowerToLLVMDialect(mlir::OpPassManager &pm) {
  pm.addPass(mlir::createSCFToControlFlowPass());
  pm.addPass(mlir::createArithToLLVMConversionPass());
  pm.addPass(mlir::createConvertControlFlowToLLVMPass());
  pm.addPass(mlir::createUBToLLVMConversionPass());
  pm.addPass(mlir::createReconcileUnrealizedCastsPass());
}

static llvm::Error checkCallees(const llvm::Module &module,
                                const KernelCodegen &codegen) {
  for (const llvm::Function &f : module) {
    if (!f.isDeclaration() || f.isIntrinsic() || f.use_empty() ||
        codegen.resolvable(f.getName()))
      continue;
    std::string caller = "?";
    for (const llvm::User *user : f.users())
      if (const auto *inst = llvm::dyn_cast<llvm::Instruction>(user)) {
        caller = llvm::demangle(inst->getFunction()->getName());
        break;
      }
    return llvm::createStringError(
        "kernel code in '" + caller + "' calls '" +
        llvm::demangle(f.getName()) + "', which " + codegen.targetName +
        " cannot provide yet: Lingqu's device library is the host C "
        "library's" + codegen.unresolvedNote);
  }
  return llvm::Error::success();
}

static void optimize(llvm::Module &module, llvm::TargetMachine &machine,
                     unsigned optLevel) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(&machine);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  pb.buildPerModuleDefaultPipeline(optLevel == 1   ? llvm::OptimizationLevel::O1
                                   : optLevel == 2 ? llvm::OptimizationLevel::O2
                                                   : llvm::OptimizationLevel::O3)
      .run(module, mam);
}

llvm::Expected<std::string>
lingqu::emitKernels(mlir::ModuleOp module, const KernelCodegen &codegen) {
  // NVPTX's data layout and triple stay behind in MLIR: the target's are
  // set below.
  module->removeAttr("dlti.dl_spec");
  module->removeAttr("llvm.target_triple");
  module->removeAttr("llvm.data_layout");
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> llvmModule =
      mlir::translateModuleToLLVMIR(module, context);
  if (!llvmModule)
    return llvm::createStringError("translation to LLVM IR for " +
                                   codegen.targetName + " failed");
  if (llvm::Error e = checkCallees(*llvmModule, codegen))
    return std::move(e);
  // The line tables were for lqcc's diagnostics; the output keeps them only
  // when asked (-lineinfo, -G), as nvcc does.
  if (!codegen.lineInfo)
    llvm::StripDebugInfo(*llvmModule);
  if (auto *annotations = llvmModule->getNamedMetadata("nvvm.annotations"))
    llvmModule->eraseNamedMetadata(annotations);

  std::string error;
  llvm::Triple triple(codegen.triple);
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return llvm::createStringError("no LLVM backend for " +
                                   codegen.targetName + ": " + error);
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, codegen.cpu, codegen.features, llvm::TargetOptions(),
      std::nullopt, std::nullopt,
      codegen.optLevel == 0 ? llvm::CodeGenOptLevel::None
                            : llvm::CodeGenOptLevel::Default));
  llvmModule->setTargetTriple(triple);
  llvmModule->setDataLayout(machine->createDataLayout());
  for (llvm::Function &f : *llvmModule) {
    f.removeFnAttr("target-cpu");
    f.removeFnAttr("target-features");
  }
  if (codegen.optLevel > 0)
    optimize(*llvmModule, *machine, codegen.optLevel);

  llvm::SmallString<0> output;
  llvm::raw_svector_ostream os(output);
  llvm::legacy::PassManager passes;
  if (machine->addPassesToEmitFile(passes, os, nullptr, codegen.fileType))
    return llvm::createStringError("the LLVM backend cannot emit code for " +
                                   codegen.targetName);
  passes.run(*llvmModule);
  return std::string(output.str());
}
