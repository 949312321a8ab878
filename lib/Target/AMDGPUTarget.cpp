//===- AMDGPUTarget.cpp - AMD GPUs as a SIMT-preserving target ------------===//

#include "lingqu/Target/AMDGPUTarget.h"
#include "KernelCodegen.h"
#include "lingqu/Config.h"
#include "lingqu/Conversion/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/ROCDL/ROCDLToLLVMIRTranslation.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

using namespace lingqu;

static constexpr llvm::StringLiteral kTriple = "amdgcn-amd-amdhsa";

std::string lingqu::amdgpuEntryTarget(llvm::StringRef arch) {
  return (kTriple + ":" + arch).str();
}

llvm::Expected<std::string> lingqu::compileToAMDGPU(mlir::ModuleOp module,
                                                    llvm::StringRef arch,
                                                    unsigned optLevel,
                                                    llvm::StringRef workDir) {
  mlir::MLIRContext *context = module.getContext();
  mlir::DialectRegistry registry;
  mlir::registerROCDLDialectTranslation(registry);
  context->appendDialectRegistry(registry);

  mlir::PassManager pm(context);
  pm.addPass(createConvertSIMTToROCDL());
  addLowerToLLVMDialect(pm);
  if (mlir::failed(pm.run(module)))
    return llvm::createStringError("lowering to ROCDL for " + arch + " failed");

  KernelCodegen codegen;
  codegen.triple = kTriple;
  codegen.cpu = arch;
  codegen.targetName = ("the amdgpu target (" + arch + ")").str();
  // Without ROCm's device libraries, only intrinsics resolve.
  codegen.resolvable = [](llvm::StringRef) { return false; };
  codegen.optLevel = optLevel;
  codegen.fileType = llvm::CodeGenFileType::ObjectFile;
  llvm::Expected<std::string> object = emitKernels(module, codegen);
  if (!object)
    return object.takeError();

  // A code object is the object linked into a shared object (as clang's
  // AMDGPU toolchain does).
  llvm::SmallString<256> objectPath(workDir), codeObjectPath(workDir);
  llvm::sys::path::append(objectPath, arch + ".o");
  llvm::sys::path::append(codeObjectPath, arch + ".hsaco");
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(objectPath, ec);
    if (ec)
      return llvm::createStringError("cannot write '" + objectPath.str() +
                                     "': " + ec.message());
    os << *object;
  }
  llvm::StringRef lld = LINGQU_LLD_EXECUTABLE;
  llvm::SmallVector<llvm::StringRef> argv = {lld, "-shared", "-o",
                                             codeObjectPath, objectPath};
  std::string error;
  if (llvm::sys::ExecuteAndWait(lld, argv, std::nullopt, {}, 0, 0, &error) !=
      0)
    return llvm::createStringError("linking the " + arch +
                                   " code object failed" +
                                   (error.empty() ? "" : ": " + error));
  auto buffer = llvm::MemoryBuffer::getFile(codeObjectPath);
  if (!buffer)
    return llvm::createStringError("cannot read '" + codeObjectPath.str() +
                                   "'");
  return (*buffer)->getBuffer().str();
}
