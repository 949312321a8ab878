//===- KernelInfo.cpp - Shared memory, parameters and the kernel info -----===//

#include "KernelForms.h"
#include "lingqu/ABI/FatBinary.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace lingqu;

std::optional<FileLineColLoc> lingqu::userSourceLoc(Location loc) {
  if (auto callSite = dyn_cast<CallSiteLoc>(loc)) {
    if (auto caller = userSourceLoc(callSite.getCaller()))
      return caller;
    return userSourceLoc(callSite.getCallee());
  }
  if (auto fused = dyn_cast<FusedLoc>(loc)) {
    for (Location inner : fused.getLocations())
      if (auto found = userSourceLoc(inner))
        return found;
    return std::nullopt;
  }
  if (auto name = dyn_cast<NameLoc>(loc))
    return userSourceLoc(name.getChildLoc());
  if (auto fileLoc = dyn_cast<FileLineColLoc>(loc))
    return fileLoc;
  return std::nullopt;
}

std::string lingqu::sourceLine(Location loc) {
  if (auto fileLoc = userSourceLoc(loc))
    return (fileLoc->getFilename().getValue() + ":" +
            Twine(fileLoc->getLine()))
        .str();
  return "<unknown>";
}

SharedLayout lingqu::computeSharedLayout(LLVM::LLVMFuncOp kernel,
                                         const DataLayout &dataLayout) {
  auto module = kernel->getParentOfType<ModuleOp>();
  SharedLayout layout;
  SmallVector<LLVM::GlobalOp> dynamic;
  uint64_t offset = 0;
  kernel.walk([&](LLVM::AddressOfOp addr) {
    auto global = dyn_cast_or_null<LLVM::GlobalOp>(
        SymbolTable::lookupSymbolIn(module, addr.getGlobalNameAttr()));
    if (!global || global.getAddrSpace() != kSharedAddrSpace ||
        layout.offsets.contains(global) || llvm::is_contained(dynamic, global))
      return;
    // `extern __shared__`: no initializer, external linkage.
    if (global.getLinkage() == LLVM::Linkage::External &&
        global.getInitializerRegion().empty() && !global.getValueOrNull()) {
      dynamic.push_back(global);
      return;
    }
    uint64_t align = std::max<uint64_t>(
        global.getAlignment().value_or(1),
        dataLayout.getTypeABIAlignment(global.getGlobalType()));
    offset = llvm::alignTo(offset, align);
    layout.offsets[global] = offset;
    offset += dataLayout.getTypeSize(global.getGlobalType());
  });
  layout.staticBytes = llvm::alignTo(offset, LINGQU_SHARED_ALIGN);
  for (LLVM::GlobalOp global : dynamic)
    layout.offsets[global] = layout.staticBytes;
  return layout;
}

void lingqu::rewriteSharedAddresses(Operation *root, const SharedLayout &layout,
                                    Value base, OpBuilder &b) {
  auto module = root->getParentOfType<ModuleOp>();
  SmallVector<LLVM::AddressOfOp> uses;
  root->walk([&](LLVM::AddressOfOp addr) {
    auto global = dyn_cast_or_null<LLVM::GlobalOp>(
        SymbolTable::lookupSymbolIn(module, addr.getGlobalNameAttr()));
    if (global && layout.offsets.contains(global))
      uses.push_back(addr);
  });
  auto ptrTy = LLVM::LLVMPointerType::get(b.getContext());
  llvm::DenseMap<uint64_t, Value> atOffset;
  for (LLVM::AddressOfOp addr : uses) {
    auto global = cast<LLVM::GlobalOp>(
        SymbolTable::lookupSymbolIn(module, addr.getGlobalNameAttr()));
    uint64_t offset = layout.offsets.lookup(global);
    Value &ptr = atOffset[offset];
    if (!ptr)
      ptr = LLVM::GEPOp::create(b, global.getLoc(), ptrTy, b.getI8Type(), base,
                                ArrayRef<LLVM::GEPArg>{int32_t(offset)});
    Value typed = ptr;
    if (addr.getType() != ptrTy)
      typed = LLVM::AddrSpaceCastOp::create(b, global.getLoc(), addr.getType(),
                                            ptr);
    addr.replaceAllUsesWith(typed);
    addr.erase();
  }
}

SmallVector<uint32_t> lingqu::paramSizesOf(LLVM::LLVMFuncOp kernel,
                                           const DataLayout &dataLayout) {
  SmallVector<uint32_t> sizes;
  for (auto [i, type] :
       llvm::enumerate(kernel.getFunctionType().getParams())) {
    // A byval aggregate arrives as a pointer to its bytes.
    if (auto byval = kernel.getArgAttrOfType<TypeAttr>(
            i, LLVM::LLVMDialect::getByValAttrName()))
      sizes.push_back(dataLayout.getTypeSize(byval.getValue()));
    else
      sizes.push_back(dataLayout.getTypeSize(type));
  }
  return sizes;
}

SmallVector<uint32_t> lingqu::paramAlignsOf(LLVM::LLVMFuncOp kernel,
                                            const DataLayout &dataLayout) {
  SmallVector<uint32_t> aligns;
  for (auto [i, type] :
       llvm::enumerate(kernel.getFunctionType().getParams())) {
    if (auto byval = kernel.getArgAttrOfType<TypeAttr>(
            i, LLVM::LLVMDialect::getByValAttrName()))
      aligns.push_back(dataLayout.getTypeABIAlignment(byval.getValue()));
    else
      aligns.push_back(dataLayout.getTypeABIAlignment(type));
  }
  return aligns;
}

void lingqu::emitKernelInfo(LLVM::LLVMFuncOp kernel,
                            ArrayRef<uint32_t> paramSizes,
                            ArrayRef<uint32_t> paramAligns,
                            const SharedLayout &layout,
                            LLVM::LLVMFuncOp blockFn,
                            LLVM::LLVMFuncOp threadFn) {
  MLIRContext *ctx = kernel.getContext();
  Location loc = kernel.getLoc();
  OpBuilder builder(kernel);
  auto i32 = builder.getI32Type();
  auto ptrTy = LLVM::LLVMPointerType::get(ctx);

  auto paramArray = [&](ArrayRef<uint32_t> values,
                        StringRef prefix) -> LLVM::GlobalOp {
    if (values.empty())
      return {};
    auto arrayTy = LLVM::LLVMArrayType::get(i32, values.size());
    auto tensorTy = RankedTensorType::get({int64_t(values.size())}, i32);
    return LLVM::GlobalOp::create(
        builder, loc, arrayTy, /*isConstant=*/true, LLVM::Linkage::Internal,
        (prefix + kernel.getSymName()).str(),
        DenseElementsAttr::get(tensorTy, values));
  };
  LLVM::GlobalOp sizes = paramArray(paramSizes, "__lingqu_param_sizes_");
  LLVM::GlobalOp aligns = paramArray(paramAligns, "__lingqu_param_aligns_");

  auto infoTy = LLVM::LLVMStructType::getLiteral(
      ctx, {i32, i32, i32, i32, ptrTy, ptrTy, ptrTy, ptrTy});
  auto info = LLVM::GlobalOp::create(
      builder, loc, infoTy, /*isConstant=*/true, LLVM::Linkage::External,
      (LINGQU_KERNEL_INFO_PREFIX + kernel.getSymName()).str(), Attribute());
  OpBuilder b(ctx);
  b.setInsertionPointToStart(b.createBlock(&info.getInitializerRegion()));
  auto i32Const = [&](uint64_t v) -> Value {
    return LLVM::ConstantOp::create(b, loc, i32, b.getI32IntegerAttr(v));
  };
  auto addressOrNull = [&](Operation *symbol) -> Value {
    if (!symbol)
      return LLVM::ZeroOp::create(b, loc, ptrTy);
    if (auto fn = dyn_cast<LLVM::LLVMFuncOp>(symbol))
      return LLVM::AddressOfOp::create(b, loc, fn);
    return LLVM::AddressOfOp::create(b, loc, cast<LLVM::GlobalOp>(symbol));
  };
  Value v = LLVM::UndefOp::create(b, loc, infoTy);
  int64_t field = 0;
  for (Value value :
       {i32Const(LINGQU_LAUNCH_ABI_VERSION), i32Const(paramSizes.size()),
        i32Const(layout.staticBytes),
        i32Const(blockFn ? 0 : LINGQU_KERNEL_FIBER_ONLY),
        addressOrNull(blockFn), addressOrNull(sizes), addressOrNull(threadFn),
        addressOrNull(aligns)})
    v = LLVM::InsertValueOp::create(b, loc, v, value, field++);
  LLVM::ReturnOp::create(b, loc, v);
}
