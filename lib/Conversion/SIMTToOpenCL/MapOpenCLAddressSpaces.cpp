//===- MapOpenCLAddressSpaces.cpp - NVPTX address spaces as OpenCL's ------===//

#include "lingqu/Conversion/SIMTToOpenCL.h"
#include "lingqu/Conversion/PrivateAllocas.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/AttrTypeSubElements.h"
#include "mlir/IR/BuiltinOps.h"

namespace lingqu {
#define GEN_PASS_DEF_MAPOPENCLADDRESSSPACES
#include "lingqu/Conversion/Passes.h.inc"
} // namespace lingqu

using namespace mlir;

namespace {
struct MapOpenCLAddressSpacesPass
    : lingqu::impl::MapOpenCLAddressSpacesBase<MapOpenCLAddressSpacesPass> {
  void runOnOperation() override;
};

// OpenCL's (SPIR's) numbering.
constexpr unsigned kPrivate = 0, kGlobal = 1, kConstant = 2, kLocal = 3,
                   kGeneric = 4;
} // namespace

/// NVPTX's address space `space` in OpenCL's numbering.
static unsigned mapped(unsigned space) {
  switch (space) {
  case 0: // generic
    return kGeneric;
  case 1: // global
    return kGlobal;
  case 3: // shared
    return kLocal;
  case 4: // constant
    return kConstant;
  case 5: // local (per thread)
    return kPrivate;
  default:
    return space;
  }
}

void MapOpenCLAddressSpacesPass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *ctx = &getContext();
  auto pointer = [&](unsigned space) {
    return LLVM::LLVMPointerType::get(ctx, space);
  };

  AttrTypeReplacer replacer;
  replacer.addReplacement([&](LLVM::LLVMPointerType type) -> Type {
    return pointer(mapped(type.getAddressSpace()));
  });
  replacer.recursivelyReplaceElementsIn(module, /*replaceAttrs=*/true,
                                        /*replaceLocs=*/false,
                                        /*replaceTypes=*/true);
  for (auto global : module.getOps<LLVM::GlobalOp>())
    global.setAddrSpace(mapped(global.getAddrSpace()));

  // Allocas were generic: make them private, seen through a generic cast.
  lingqu::moveAllocasToPrivateSpace(module, kGeneric, kPrivate);

  // Kernels take global pointers, used as generic ones inside.
  for (auto func : module.getOps<LLVM::LLVMFuncOp>()) {
    if (func.getCConv() != LLVM::cconv::CConv::SPIR_KERNEL || func.isExternal())
      continue;
    Block &entry = func.getBody().front();
    SmallVector<Type> inputs(func.getFunctionType().getParams());
    OpBuilder b = OpBuilder::atBlockBegin(&entry);
    for (auto [i, arg] : llvm::enumerate(entry.getArguments())) {
      auto type = dyn_cast<LLVM::LLVMPointerType>(arg.getType());
      if (!type || type.getAddressSpace() != kGeneric)
        continue;
      arg.setType(pointer(kGlobal));
      inputs[i] = pointer(kGlobal);
      auto cast =
          LLVM::AddrSpaceCastOp::create(b, func.getLoc(), type, arg);
      arg.replaceAllUsesExcept(cast, cast);
    }
    func.setFunctionType(LLVM::LLVMFunctionType::get(
        func.getFunctionType().getReturnType(), inputs,
        func.getFunctionType().isVarArg()));
  }
}
