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

  // 2. Globals carry their address space as an attribute, not a type. A
  //    __constant__ variable is constant only to the device: the host
  //    writes it (cudaMemcpyToSymbol), so in the one flat space it must
  //    not land in read-only memory. (LLVM's importer drops the
  //    externally_initialized flag; linkage tells them apart from the
  //    compiler's own internal constants.)
  constexpr unsigned kConstantAddrSpace = 4;
  for (auto global : module.getOps<LLVM::GlobalOp>()) {
    LLVM::Linkage linkage = global.getLinkage();
    if (global.getAddrSpace() == kConstantAddrSpace &&
        linkage != LLVM::Linkage::Internal && linkage != LLVM::Linkage::Private)
      global.setConstant(false);
    global.setAddrSpace(0);
  }

  // 3. Casts between what are now equal types are no-ops.
  module.walk([](LLVM::AddrSpaceCastOp cast) {
    if (cast.getArg().getType() == cast.getType()) {
      cast.replaceAllUsesWith(cast.getArg());
      cast.erase();
    }
  });
}
