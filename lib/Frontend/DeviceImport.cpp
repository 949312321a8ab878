//===- DeviceImport.cpp - Device LLVM IR into MLIR ------------------------===//

#include "lingqu/Frontend/DeviceImport.h"
#include "lingqu/Dialect/SIMT/SIMTDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/DLTI/DLTI.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMIRToLLVMTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/NVVM/LLVMIRToNVVMTranslation.h"
#include "mlir/Target/LLVMIR/Import.h"
#include "llvm/IR/CallingConv.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"

using namespace lingqu;

void lingqu::prepareDeviceModule(llvm::Module &module) {
  // Every device function is inlined, whatever its inline hints: the lowering
  // turns a kernel's threads into loops and must see all code between
  // barriers. Recursive functions are left alone (the inliner refuses them).
  for (llvm::Function &f : module) {
    if (f.isDeclaration() ||
        f.getCallingConv() == llvm::CallingConv::PTX_Kernel)
      continue;
    f.removeFnAttr(llvm::Attribute::NoInline);
    f.removeFnAttr(llvm::Attribute::OptimizeNone);
    f.addFnAttr(llvm::Attribute::AlwaysInline);
    // Without separate compilation (-rdc), nothing outside this file calls a
    // device function: once inlined everywhere, globaldce drops its body.
    f.setLinkage(llvm::GlobalValue::InternalLinkage);
  }

  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb;
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::ModulePassManager mpm;
  // sroa turns locals into SSA values; simplifycfg gives the CFG lifting a
  // clean graph. No instcombine or loop rotation: they move barriers.
  llvm::cantFail(
      pb.parsePassPipeline(mpm, "always-inline,function(sroa,simplifycfg),"
                                "globaldce"));
  mpm.run(module, mam);
}

void lingqu::registerDeviceDialects(mlir::DialectRegistry &registry) {
  registry.insert<mlir::DLTIDialect, mlir::LLVM::LLVMDialect,
                  mlir::NVVM::NVVMDialect, mlir::arith::ArithDialect,
                  mlir::cf::ControlFlowDialect, mlir::scf::SCFDialect,
                  mlir::ub::UBDialect, simt::SIMTDialect>();
  mlir::registerBuiltinDialectTranslation(registry);
  mlir::registerLLVMDialectImport(registry);
  mlir::registerLLVMDialectTranslation(registry);
  mlir::registerNVVMDialectImport(registry);
}

mlir::OwningOpRef<mlir::ModuleOp>
lingqu::importDeviceModule(std::unique_ptr<llvm::Module> module,
                           mlir::MLIRContext &context) {
  // NVPTX's data layout has vector tokens MLIR does not model; the warnings
  // say nothing about the user's code.
  mlir::ScopedDiagnosticHandler dropWarnings(
      &context, [](mlir::Diagnostic &diag) {
        return mlir::success(diag.getSeverity() ==
                             mlir::DiagnosticSeverity::Warning);
      });
  return mlir::translateLLVMIRToModule(std::move(module), &context,
                                       /*emitExpensiveWarnings=*/false);
}
