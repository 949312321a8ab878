//===- PTXTarget.cpp - NVIDIA PTX as a SIMT-preserving target -------------===//

#include "lingqu/Target/PTXTarget.h"
#include "KernelCodegen.h"
#include "lingqu/Conversion/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/NVVM/NVVMToLLVMIRTranslation.h"
#include "llvm/ADT/StringExtras.h"

using namespace lingqu;

static constexpr llvm::StringLiteral kTriple = "nvptx64-nvidia-cuda";

std::string lingqu::ptxEntryTarget(llvm::StringRef arch) {
  return (kTriple + ":" + arch).str();
}

const char *lingqu::ptxFeature(llvm::StringRef arch) {
  unsigned cc = 0;
  arch.drop_front(3).take_while(llvm::isDigit).getAsInteger(10, cc);
  return cc >= 100 ? "+ptx87" : "+ptx80";
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
  addLowerToLLVMDialect(pm);
  if (mlir::failed(pm.run(module)))
    return llvm::createStringError("lowering to NVVM for " + arch + " failed");

  KernelCodegen codegen;
  codegen.triple = kTriple;
  codegen.cpu = arch;
  codegen.features = ptxFeature(arch);
  codegen.targetName = ("the ptx target (" + arch + ")").str();
  // Device printf is PTX's vprintf system call; nothing else links in
  // (NVIDIA's libdevice would be the math library).
  codegen.resolvable = [](llvm::StringRef name) { return name == "vprintf"; };
  codegen.unresolvedNote = ", and there is no libdevice for PTX";
  codegen.lineInfo = lineInfo;
  codegen.optLevel = optLevel;
  codegen.fileType = llvm::CodeGenFileType::AssemblyFile;
  return emitKernels(module, codegen);
}
