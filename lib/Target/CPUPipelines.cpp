//===- CPUPipelines.cpp - Pass pipelines of the CPU target ----------------===//

#include "lingqu/Conversion/Passes.h"
#include "lingqu/Target/CPUTarget.h"
#include "lingqu/Transforms/Passes.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Conversion/UBToLLVM/UBToLLVM.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

using namespace lingqu;

void lingqu::buildRaiseToSCFPipeline(mlir::OpPassManager &pm) {
  pm.addPass(createConvertNVVMToSIMT());
  pm.addPass(createLiftControlFlowToSCF());
}

void lingqu::buildSIMTToCPUPipeline(mlir::OpPassManager &pm) {
  pm.addPass(createUniformStridedLoops());
  pm.addPass(createWhileFormLoops());
  pm.addPass(createLowerSharedAtomics());
  pm.addPass(createConvertSIMTToCPU());
  pm.addPass(createSplitGuardedThreadLoops());
  pm.addPass(createPrefetchStridedLoads());
  pm.addPass(createVectorizeThreadLoops());
  pm.addPass(createEraseAddressSpaces());
  pm.addPass(createBindDeviceLibcalls());
}

void lingqu::buildCPUToLLVMPipeline(mlir::OpPassManager &pm) {
  pm.addPass(mlir::createSCFToControlFlowPass());
  pm.addPass(mlir::createArithToLLVMConversionPass());
  pm.addPass(mlir::createConvertControlFlowToLLVMPass());
  pm.addPass(createMaterializeLoopAnnotations());
  pm.addPass(mlir::createUBToLLVMConversionPass());
  pm.addPass(mlir::createReconcileUnrealizedCastsPass());
}
