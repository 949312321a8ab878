//===- Plugin.cpp - Lingqu's LLVM passes as an opt plugin ----------------===//
//
// `opt -load-pass-plugin=LingquLLVMPlugin.so -passes=<name>` runs one of
// the LLVM passes lqcc's CPU code generator adds, for their lit tests.
//
//===----------------------------------------------------------------------===//

#include "lingqu/LLVMTransforms/ScalarizeUniformGathers.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Plugins/PassPlugin.h"

extern "C" LLVM_ATTRIBUTE_WEAK llvm::PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "Lingqu", "1", [](llvm::PassBuilder &pb) {
            pb.registerPipelineParsingCallback(
                [](llvm::StringRef name, llvm::FunctionPassManager &fpm,
                   llvm::ArrayRef<llvm::PassBuilder::PipelineElement>) {
                  if (name != "lingqu-scalarize-uniform-gathers")
                    return false;
                  fpm.addPass(lingqu::ScalarizeUniformGathersPass());
                  return true;
                });
          }};
}
