//===- BindDeviceLibcalls.cpp - Device runtime calls on a CPU -------------===//

#include "lingqu/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/SymbolTable.h"

namespace lingqu {
#define GEN_PASS_DEF_BINDDEVICELIBCALLS
#include "lingqu/Transforms/Passes.h.inc"
} // namespace lingqu

using namespace mlir;

namespace {
/// Names Clang's device code calls that mean something else on a CPU.
constexpr std::pair<llvm::StringLiteral, llvm::StringLiteral> kBindings[] = {
    {"vprintf", "__lingqu_vprintf"},
};

struct BindDeviceLibcallsPass
    : lingqu::impl::BindDeviceLibcallsBase<BindDeviceLibcallsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    for (auto [from, to] : kBindings) {
      auto func = module.lookupSymbol<LLVM::LLVMFuncOp>(from);
      if (!func || !func.isExternal())
        continue;
      StringAttr name = StringAttr::get(&getContext(), to);
      if (failed(SymbolTable::replaceAllSymbolUses(func, name, module)))
        return signalPassFailure();
      func.setSymName(to);
    }
  }
};
} // namespace
