//===- StridedLoops.cpp - Helpers for loops striding from a thread index --===//

#include "lingqu/Analysis/StridedLoops.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;

bool lingqu::isDefinedOutside(Value v, Operation *op) {
  Operation *def = v.getDefiningOp();
  Operation *owner = def ? def : v.getParentRegion()->getParentOp();
  return !op->isAncestor(owner);
}

bool lingqu::isHoistable(Value v, Operation *op) {
  if (isDefinedOutside(v, op))
    return true;
  Operation *def = v.getDefiningOp();
  // A division may trap where the loop (or the branch in it) would not
  // have run it; MLIR counts llvm.urem and llvm.srem as pure.
  return def && def->getNumRegions() == 0 && isPure(def) &&
         isSpeculatable(def) &&
         !isa<LLVM::UDivOp, LLVM::SDivOp, LLVM::URemOp, LLVM::SRemOp>(def) &&
         llvm::all_of(def->getOperands(),
                      [&](Value o) { return isHoistable(o, op); });
}

Value lingqu::hoist(OpBuilder &b, Value v, Operation *op, IRMapping &map) {
  if (Value known = map.lookupOrNull(v))
    return known;
  if (isDefinedOutside(v, op))
    return v;
  Operation *def = v.getDefiningOp();
  for (Value operand : def->getOperands())
    hoist(b, operand, op, map);
  return b.clone(*def, map)->getResult(cast<OpResult>(v).getResultNumber());
}

lingqu::WideArithmetic::WideArithmetic(OpBuilder &b, Location loc,
                                       unsigned width, bool isSigned)
    : b(b), loc(loc), width(width), isSigned(isSigned),
      wide(b.getIntegerType(2 * width)) {}

Value lingqu::WideArithmetic::extend(Value v) const {
  if (isSigned)
    return LLVM::SExtOp::create(b, loc, wide, v);
  return LLVM::ZExtOp::create(b, loc, wide, v);
}

Value lingqu::WideArithmetic::extendUnsigned(Value v) const {
  return LLVM::ZExtOp::create(b, loc, wide, v);
}

Value lingqu::WideArithmetic::constant(const llvm::APInt &v) const {
  return LLVM::ConstantOp::create(b, loc, wide,
                                  b.getIntegerAttr(wide, v.zext(2 * width)));
}

Value lingqu::WideArithmetic::max() const {
  return constant(isSigned ? llvm::APInt::getSignedMaxValue(width)
                           : llvm::APInt::getMaxValue(width));
}

Value lingqu::WideArithmetic::fitsBelow(Value base, Value extent) const {
  Value last = LLVM::AddOp::create(
      b, loc, base,
      LLVM::SubOp::create(b, loc, extent, constant(llvm::APInt(width, 1))));
  return LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::sle, last, max());
}
