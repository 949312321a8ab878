//===- LowerSharedAtomics.cpp - Shared-memory atomics as plain RMW --------===//

#include "lingqu/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

namespace lingqu {
#define GEN_PASS_DEF_LOWERSHAREDATOMICS
#include "lingqu/Transforms/Passes.h.inc"
} // namespace lingqu

using namespace mlir;

namespace {
struct LowerSharedAtomicsPass
    : lingqu::impl::LowerSharedAtomicsBase<LowerSharedAtomicsPass> {
  void runOnOperation() override;
};
} // namespace

/// The CUDA shared address space.
constexpr unsigned kShared = 3;

/// Whether `p` points into __shared__ memory: a pointer of the shared
/// address space, or one derived from it by GEPs and address-space casts.
static bool pointsToShared(Value p) {
  while (true) {
    if (auto type = dyn_cast<LLVM::LLVMPointerType>(p.getType());
        type && type.getAddressSpace() == kShared)
      return true;
    Operation *def = p.getDefiningOp();
    if (auto gep = dyn_cast_or_null<LLVM::GEPOp>(def))
      p = gep.getBase();
    else if (auto cast = dyn_cast_or_null<LLVM::AddrSpaceCastOp>(def))
      p = cast.getArg();
    else
      return false;
  }
}

/// The value `op` stores, given the old one; null for an operation this
/// pass leaves atomic.
static Value combine(OpBuilder &b, Location loc, LLVM::AtomicBinOp kind,
                     Value old, Value v) {
  using K = LLVM::AtomicBinOp;
  auto select = [&](LLVM::ICmpPredicate pred) -> Value {
    Value keep = LLVM::ICmpOp::create(b, loc, pred, old, v);
    return LLVM::SelectOp::create(b, loc, keep, old, v);
  };
  Type t = old.getType();
  auto constant = [&](int64_t c) -> Value {
    return LLVM::ConstantOp::create(b, loc, t, b.getIntegerAttr(t, c));
  };
  switch (kind) {
  case K::xchg: return v;
  case K::add: return LLVM::AddOp::create(b, loc, old, v);
  case K::sub: return LLVM::SubOp::create(b, loc, old, v);
  case K::_and: return LLVM::AndOp::create(b, loc, old, v);
  case K::_or: return LLVM::OrOp::create(b, loc, old, v);
  case K::_xor: return LLVM::XOrOp::create(b, loc, old, v);
  case K::max: return select(LLVM::ICmpPredicate::sgt);
  case K::min: return select(LLVM::ICmpPredicate::slt);
  case K::umax: return select(LLVM::ICmpPredicate::ugt);
  case K::umin: return select(LLVM::ICmpPredicate::ult);
  case K::fadd: return LLVM::FAddOp::create(b, loc, old, v);
  case K::fsub: return LLVM::FSubOp::create(b, loc, old, v);
  case K::fmax: return LLVM::MaxNumOp::create(b, loc, old, v);
  case K::fmin: return LLVM::MinNumOp::create(b, loc, old, v);
  case K::uinc_wrap: { // old >= v ? 0 : old + 1 (atomicInc)
    Value wrap = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::uge, old, v);
    Value next = LLVM::AddOp::create(b, loc, old, constant(1));
    return LLVM::SelectOp::create(b, loc, wrap, constant(0), next);
  }
  case K::udec_wrap: { // old == 0 || old > v ? v : old - 1 (atomicDec)
    Value zero = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::eq, old,
                                      constant(0));
    Value above = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ugt, old, v);
    Value wrap = LLVM::OrOp::create(b, loc, zero, above);
    Value next = LLVM::SubOp::create(b, loc, old, constant(1));
    return LLVM::SelectOp::create(b, loc, wrap, v, next);
  }
  default:
    return {};
  }
}

void LowerSharedAtomicsPass::runOnOperation() {
  SmallVector<Operation *> atomics;
  getOperation().walk([&](Operation *op) {
    if (auto rmw = dyn_cast<LLVM::AtomicRMWOp>(op);
        rmw && !rmw.getVolatile_() && pointsToShared(rmw.getPtr()))
      atomics.push_back(op);
    else if (auto cas = dyn_cast<LLVM::AtomicCmpXchgOp>(op);
             cas && !cas.getVolatile_() && pointsToShared(cas.getPtr()))
      atomics.push_back(op);
  });
  // The plain accesses are volatile: two threads may update the same
  // counter, so they must stay out of the parallel access groups that
  // VectorizeThreadLoops gives a thread loop's memory accesses.
  for (Operation *op : atomics) {
    OpBuilder b(op);
    Location loc = op->getLoc();
    if (auto rmw = dyn_cast<LLVM::AtomicRMWOp>(op)) {
      unsigned align = rmw.getAlignment().value_or(0);
      Value old = LLVM::LoadOp::create(b, loc, rmw.getVal().getType(),
                                       rmw.getPtr(), align, /*isVolatile=*/true);
      Value next = combine(b, loc, rmw.getBinOp(), old, rmw.getVal());
      if (!next) {
        old.getDefiningOp()->erase();
        continue;
      }
      LLVM::StoreOp::create(b, loc, next, rmw.getPtr(), align,
                            /*isVolatile=*/true);
      rmw.replaceAllUsesWith(old);
      rmw.erase();
      continue;
    }
    auto cas = cast<LLVM::AtomicCmpXchgOp>(op);
    unsigned align = cas.getAlignment().value_or(0);
    Value old = LLVM::LoadOp::create(b, loc, cas.getVal().getType(),
                                     cas.getPtr(), align, /*isVolatile=*/true);
    Value equal = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::eq, old,
                                       cas.getCmp());
    Value next = LLVM::SelectOp::create(b, loc, equal, cas.getVal(), old);
    LLVM::StoreOp::create(b, loc, next, cas.getPtr(), align,
                          /*isVolatile=*/true);
    Value result = LLVM::UndefOp::create(b, loc, cas.getType());
    result = LLVM::InsertValueOp::create(b, loc, result, old,
                                         ArrayRef<int64_t>{0});
    result = LLVM::InsertValueOp::create(b, loc, result, equal,
                                         ArrayRef<int64_t>{1});
    cas.replaceAllUsesWith(result);
    cas.erase();
  }
}
