//===- MapOpenCLAddressSpaces.cpp - NVPTX address spaces as OpenCL's ------===//

#include "lingqu/Conversion/SIMTToOpenCL.h"

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
  // (Collected first: the rewrite erases ops after them.)
  SmallVector<LLVM::AllocaOp> allocas;
  module.walk([&](LLVM::AllocaOp alloca) { allocas.push_back(alloca); });
  for (LLVM::AllocaOp alloca : allocas) {
    if (alloca.getType().getAddressSpace() != kGeneric)
      continue;
    // Lifetime markers must name the alloca itself; they are only hints.
    for (Operation *user : llvm::make_early_inc_range(alloca->getUsers()))
      if (isa<LLVM::LifetimeStartOp, LLVM::LifetimeEndOp>(user))
        user->erase();
    OpBuilder b(alloca);
    auto privateAlloca = LLVM::AllocaOp::create(
        b, alloca.getLoc(), pointer(kPrivate), alloca.getElemType(),
        alloca.getArraySize(), alloca.getAlignment().value_or(0));
    b.setInsertionPointAfter(privateAlloca);
    Value generic = LLVM::AddrSpaceCastOp::create(
        b, alloca.getLoc(), pointer(kGeneric), privateAlloca);
    alloca.replaceAllUsesWith(generic);
    alloca.erase();
  }

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
