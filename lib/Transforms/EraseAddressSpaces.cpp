//===- EraseAddressSpaces.cpp - Flatten LLVM address spaces ---------------===//

#include "lingqu/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/AttrTypeSubElements.h"
#include "mlir/IR/BuiltinOps.h"

namespace lingqu {
#define GEN_PASS_DEF_ERASEADDRESSSPACES
#include "lingqu/Transforms/Passes.h.inc"
} // namespace lingqu

using namespace mlir;

namespace {
struct EraseAddressSpacesPass
    : lingqu::impl::EraseAddressSpacesBase<EraseAddressSpacesPass> {
  void runOnOperation() override;
};
} // namespace

void EraseAddressSpacesPass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *ctx = &getContext();
  auto flat = LLVM::LLVMPointerType::get(ctx);

  // 1. Rewrite every pointer type, wherever it is nested (results, block
  //    arguments, function types, type attributes).
  AttrTypeReplacer replacer;
  replacer.addReplacement([&](LLVM::LLVMPointerType type) -> Type {
    return flat;
  });
  replacer.recursivelyReplaceElementsIn(module, /*replaceAttrs=*/true,
                                        /*replaceLocs=*/false,
                                        /*replaceTypes=*/true);

  // 2. Globals carry their address space as an attribute, not a type.
  for (auto global : module.getOps<LLVM::GlobalOp>())
    global.setAddrSpace(0);

  // 3. Casts between what are now equal types are no-ops.
  module.walk([](LLVM::AddrSpaceCastOp cast) {
    if (cast.getArg().getType() == cast.getType()) {
      cast.replaceAllUsesWith(cast.getArg());
      cast.erase();
    }
  });
}
