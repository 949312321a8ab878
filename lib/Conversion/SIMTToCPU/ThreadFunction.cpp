//===- ThreadFunction.cpp - The per-thread form of a kernel ---------------===//
//
// The fiber executor runs one fiber per CUDA thread, so this form is the
// kernel nearly as written: coordinates come from the lingqu_thread_ctx,
// and barriers and warp operations become calls into the executor, which
// switches threads there (see include/lingqu/ABI/FatBinary.h).
//
//===----------------------------------------------------------------------===//

#include "KernelForms.h"
#include "lingqu/ABI/FatBinary.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace lingqu;

namespace {

/// "file:line:col" of the user source behind `loc`; for code inlined from a
/// header, followed by " via header:line:col" so that two barriers of one
/// device function stay apart.
std::string siteName(Location loc) {
  std::optional<FileLineColLoc> user = userSourceLoc(loc);
  if (!user)
    return "<unknown>";
  auto describe = [](FileLineColLoc l, bool base) {
    StringRef file = l.getFilename().getValue();
    return ((base ? llvm::sys::path::filename(file) : file) + ":" +
            Twine(l.getLine()) + ":" + Twine(l.getColumn()))
        .str();
  };
  std::string name = describe(*user, /*base=*/false);
  // The innermost location: the callee end of the call-site chain.
  Location inner = loc;
  while (auto callSite = dyn_cast<CallSiteLoc>(inner))
    inner = callSite.getCallee();
  if (auto fused = dyn_cast<FusedLoc>(inner); fused && !fused.getLocations().empty())
    inner = fused.getLocations().front();
  if (auto innerFile = dyn_cast<FileLineColLoc>(inner); innerFile && innerFile != *user)
    name += " via " + describe(innerFile, /*base=*/true);
  return name;
}

/// `loc` without the debug-info scopes fused into it: they belong to the
/// kernel's DISubprogram, and one subprogram cannot describe two functions.
/// (The reference executor's form goes without debug info.)
Location withoutScopes(Location loc) {
  if (auto fused = dyn_cast<FusedLoc>(loc)) {
    SmallVector<Location> inner;
    for (Location l : fused.getLocations())
      inner.push_back(withoutScopes(l));
    return FusedLoc::get(loc.getContext(), inner);
  }
  if (auto callSite = dyn_cast<CallSiteLoc>(loc))
    return CallSiteLoc::get(withoutScopes(callSite.getCallee()),
                            withoutScopes(callSite.getCaller()));
  if (auto name = dyn_cast<NameLoc>(loc))
    return NameLoc::get(name.getName(), withoutScopes(name.getChildLoc()));
  return loc;
}

class ThreadFunctionBuilder {
public:
  ThreadFunctionBuilder(LLVM::LLVMFuncOp kernel)
      : kernel(kernel), module(kernel->getParentOfType<ModuleOp>()),
        ctx(kernel.getContext()), ptrTy(LLVM::LLVMPointerType::get(ctx)),
        i32(IntegerType::get(ctx, 32)) {}

  LLVM::LLVMFuncOp build(const SharedLayout &layout);

private:
  void cloneBody();
  void loadCoordinates(OpBuilder &b);
  void lowerSIMTOps();
  Value site(OpBuilder &b, Location loc);
  Value call(OpBuilder &b, Location loc, StringRef callee, Type result,
             ValueRange operands);
  Value i32Const(OpBuilder &b, Location loc, int64_t v) {
    return LLVM::ConstantOp::create(b, loc, i32, b.getI32IntegerAttr(v));
  }

  LLVM::LLVMFuncOp kernel;
  ModuleOp module;
  MLIRContext *ctx;
  Type ptrTy, i32;
  LLVM::LLVMFuncOp fn;
  Value ctxArg;
  Value threadIdx[3], blockIdx[3], blockDim[3], gridDim[3], lane, shared;
};

} // namespace

/// The kernel's body, its parameters read from args[i] (a byval aggregate
/// is used in place, as the pointer the kernel expects).
void ThreadFunctionBuilder::cloneBody() {
  Location loc = kernel.getLoc();
  OpBuilder b(kernel);
  auto voidTy = LLVM::LLVMVoidType::get(ctx);
  fn = LLVM::LLVMFuncOp::create(
      b, loc, (LINGQU_THREAD_FN_PREFIX + kernel.getSymName()).str(),
      LLVM::LLVMFunctionType::get(voidTy, {ptrTy, ptrTy}));
  Block *entry = fn.addEntryBlock(b);
  Value args = entry->getArgument(0);
  ctxArg = entry->getArgument(1);

  IRMapping mapping;
  kernel.getBody().cloneInto(&fn.getBody(), mapping);
  Block *body = mapping.lookup(&kernel.getBody().front());
  b.setInsertionPointToStart(entry);
  for (auto [i, arg] : llvm::enumerate(body->getArguments())) {
    Value slot = LLVM::GEPOp::create(b, loc, ptrTy, ptrTy, args,
                                     ArrayRef<LLVM::GEPArg>{int32_t(i)});
    Value argPtr = LLVM::LoadOp::create(b, loc, ptrTy, slot);
    Value value = argPtr;
    if (!kernel.getArgAttr(i, LLVM::LLVMDialect::getByValAttrName()))
      value = LLVM::LoadOp::create(b, loc, arg.getType(), argPtr);
    else if (arg.getType() != ptrTy)
      value = LLVM::AddrSpaceCastOp::create(b, loc, arg.getType(), argPtr);
    arg.replaceAllUsesWith(value);
  }
  loadCoordinates(b);
  // The entry block has no predecessors: its ops simply follow.
  entry->getOperations().splice(entry->end(), body->getOperations());
  body->erase();
}

/// lingqu_thread_ctx: {lingqu_block_ctx, uint32_t[3], uint32_t, void *}.
void ThreadFunctionBuilder::loadCoordinates(OpBuilder &b) {
  Location loc = kernel.getLoc();
  auto dimsTy = LLVM::LLVMArrayType::get(i32, 3);
  auto blockTy =
      LLVM::LLVMStructType::getLiteral(ctx, {dimsTy, dimsTy, dimsTy, i32, ptrTy});
  auto threadTy =
      LLVM::LLVMStructType::getLiteral(ctx, {blockTy, dimsTy, i32, ptrTy});
  auto load = [&](ArrayRef<LLVM::GEPArg> path, Type type) -> Value {
    SmallVector<LLVM::GEPArg> indices = {0};
    indices.append(path.begin(), path.end());
    Value addr = LLVM::GEPOp::create(b, loc, ptrTy, threadTy, ctxArg, indices);
    return LLVM::LoadOp::create(b, loc, type, addr);
  };
  for (int32_t d = 0; d < 3; ++d) {
    gridDim[d] = load({0, 0, d}, i32);
    blockDim[d] = load({0, 1, d}, i32);
    blockIdx[d] = load({0, 2, d}, i32);
    threadIdx[d] = load({1, d}, i32);
  }
  shared = load({0, 4}, ptrTy);
  lane = load({2}, i32);
}

Value ThreadFunctionBuilder::call(OpBuilder &b, Location loc, StringRef callee,
                                  Type result, ValueRange operands) {
  auto fnTy = LLVM::LLVMFunctionType::get(
      result ? result : LLVM::LLVMVoidType::get(ctx),
      llvm::to_vector(operands.getTypes()));
  if (!module.lookupSymbol<LLVM::LLVMFuncOp>(callee)) {
    OpBuilder mb = OpBuilder::atBlockEnd(module.getBody());
    LLVM::LLVMFuncOp::create(mb, module.getLoc(), callee, fnTy);
  }
  auto op = LLVM::CallOp::create(b, loc, fnTy, callee, operands);
  return result ? op.getResult() : Value();
}

/// A constant string naming the source of `loc`, one global per name.
Value ThreadFunctionBuilder::site(OpBuilder &b, Location loc) {
  std::string name = siteName(loc);
  std::string symbol;
  for (unsigned i = 0;; ++i) {
    symbol = "__lingqu_site_" + std::to_string(i);
    auto global = module.lookupSymbol<LLVM::GlobalOp>(symbol);
    if (!global)
      break;
    auto value = dyn_cast_or_null<StringAttr>(global.getValueOrNull());
    if (value && value.getValue().drop_back() == name)
      return LLVM::AddressOfOp::create(b, loc, global);
  }
  OpBuilder mb = OpBuilder::atBlockBegin(module.getBody());
  name.push_back('\0');
  auto type = LLVM::LLVMArrayType::get(IntegerType::get(ctx, 8), name.size());
  auto global = LLVM::GlobalOp::create(mb, loc, type, /*isConstant=*/true,
                                       LLVM::Linkage::Private, symbol,
                                       mb.getStringAttr(name));
  return LLVM::AddressOfOp::create(b, loc, global);
}

void ThreadFunctionBuilder::lowerSIMTOps() {
  SmallVector<Operation *> ops;
  fn.walk([&](Operation *op) {
    if (isa_and_nonnull<simt::SIMTDialect>(op->getDialect()))
      ops.push_back(op);
  });
  for (Operation *op : ops) {
    OpBuilder b(op);
    Location loc = op->getLoc();
    Value result;
    if (auto q = dyn_cast<simt::ThreadIdOp>(op))
      result = threadIdx[int(q.getDimension())];
    else if (auto q = dyn_cast<simt::BlockIdOp>(op))
      result = blockIdx[int(q.getDimension())];
    else if (auto q = dyn_cast<simt::BlockDimOp>(op))
      result = blockDim[int(q.getDimension())];
    else if (auto q = dyn_cast<simt::GridDimOp>(op))
      result = gridDim[int(q.getDimension())];
    else if (isa<simt::LaneIdOp>(op))
      result = lane;
    else if (isa<simt::WarpSizeOp>(op))
      result = i32Const(b, loc, 32);
    else if (isa<simt::BarrierOp>(op))
      call(b, loc, "__lingqu_fiber_barrier", {}, {ctxArg, site(b, loc)});
    else if (auto w = dyn_cast<simt::WarpBarrierOp>(op))
      call(b, loc, "__lingqu_fiber_warp_barrier", {}, {ctxArg, w.getMask()});
    else if (isa<simt::ActiveMaskOp>(op))
      result = call(b, loc, "__lingqu_fiber_active_mask", i32,
                    {ctxArg, site(b, loc)});
    else if (auto s = dyn_cast<simt::ShuffleOp>(op)) {
      Value bits = s.getValue();
      if (bits.getType() != i32)
        bits = LLVM::BitcastOp::create(b, loc, i32, bits);
      result = call(b, loc, "__lingqu_fiber_shuffle", i32,
                    {ctxArg, i32Const(b, loc, int64_t(s.getMode())),
                     s.getMask(), bits, s.getOffset(), s.getWidth()});
      if (s.getType() != i32)
        result = LLVM::BitcastOp::create(b, loc, s.getType(), result);
    } else if (auto v = dyn_cast<simt::VoteOp>(op)) {
      Value pred = LLVM::ZExtOp::create(b, loc, i32, v.getPredicate());
      result = call(b, loc, "__lingqu_fiber_vote", i32,
                    {ctxArg, i32Const(b, loc, int64_t(v.getKind())),
                     v.getMask(), pred});
      if (v.getType() != i32)
        result = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ne, result,
                                      i32Const(b, loc, 0));
    } else {
      llvm_unreachable("a simt op without a per-thread lowering");
    }
    if (result)
      op->getResult(0).replaceAllUsesWith(result);
    op->erase();
  }
}

LLVM::LLVMFuncOp ThreadFunctionBuilder::build(const SharedLayout &layout) {
  cloneBody();
  OpBuilder b(ctx);
  b.setInsertionPointAfterValue(lane);
  rewriteSharedAddresses(fn, layout, shared, b);
  lowerSIMTOps();
  fn->walk([](Operation *op) {
    op->setLoc(withoutScopes(op->getLoc()));
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (BlockArgument arg : block.getArguments())
          arg.setLoc(withoutScopes(arg.getLoc()));
  });
  return fn;
}

LLVM::LLVMFuncOp lingqu::emitThreadFunction(LLVM::LLVMFuncOp kernel,
                                            const SharedLayout &layout) {
  return ThreadFunctionBuilder(kernel).build(layout);
}
