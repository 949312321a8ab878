//===- SIMTOps.cpp - simt dialect operations ------------------------------===//

#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace lingqu::simt;

LogicalResult BarrierOp::verify() {
  if (!(*this)->getParentOfType<FunctionOpInterface>())
    return emitOpError() << "must be nested in a function";
  return success();
}

LogicalResult VoteOp::verify() {
  bool wantsMask = getKind() == VoteKind::ballot;
  if (getResult().getType().isInteger(32) != wantsMask)
    return emitOpError() << "'" << stringifyVoteKind(getKind())
                         << "' returns " << (wantsMask ? "i32" : "i1");
  return success();
}

#define GET_OP_CLASSES
#include "lingqu/Dialect/SIMT/SIMTOps.cpp.inc"
