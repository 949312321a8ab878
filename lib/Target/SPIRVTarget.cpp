//===- SPIRVTarget.cpp - OpenCL-flavoured SPIR-V as a target --------------===//

#include "lingqu/Target/SPIRVTarget.h"
#include "KernelCodegen.h"
#include "lingqu/Conversion/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"

using namespace lingqu;

llvm::Expected<std::string> lingqu::compileToSPIRV(mlir::ModuleOp module,
                                                   unsigned optLevel) {
  mlir::PassManager pm(module.getContext());
  pm.addPass(createConvertSIMTToOpenCL());
  pm.addPass(createMapOpenCLAddressSpaces());
  addLowerToLLVMDialect(pm);
  if (mlir::failed(pm.run(module)))
    return llvm::createStringError("lowering to OpenCL SPIR-V failed");

  KernelCodegen codegen;
  codegen.triple = kSPIRVEntryTarget;
  codegen.targetName = "the spirv64 target";
  // OpenCL's built-ins, by their mangled names, are the backend's to map.
  codegen.resolvable = [](llvm::StringRef name) {
    return name.starts_with("_Z");
  };
  codegen.optLevel = optLevel == 0 ? 0 : 2;
  codegen.fileType = llvm::CodeGenFileType::ObjectFile;
  return emitKernels(module, codegen);
}
