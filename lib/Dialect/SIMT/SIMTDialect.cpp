//===- SIMTDialect.cpp - The simt dialect ---------------------------------===//

#include "lingqu/Dialect/SIMT/SIMTDialect.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/IR/DialectImplementation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace lingqu::simt;

#include "lingqu/Dialect/SIMT/SIMTOpsDialect.cpp.inc"
#include "lingqu/Dialect/SIMT/SIMTEnums.cpp.inc"

void SIMTDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "lingqu/Dialect/SIMT/SIMTOps.cpp.inc"
      >();
}

/// `simt.kernel` must be a unit attribute on a function that returns nothing:
/// a launch has nowhere to put a result. `simt.thread_loop` is a unit
/// attribute on an scf.for.
LogicalResult SIMTDialect::verifyOperationAttribute(Operation *op,
                                                    NamedAttribute attr) {
  if (attr.getName() == getThreadLoopAttrName()) {
    if (!isa<UnitAttr>(attr.getValue()) ||
        op->getName().getStringRef() != "scf.for")
      return op->emitError() << "'" << getThreadLoopAttrName()
                             << "' must be a unit attribute on an scf.for";
    return success();
  }
  if (attr.getName() != getKernelAttrName())
    return op->emitError() << "unknown simt attribute '" << attr.getName().getValue()
                           << "'";
  if (!isa<UnitAttr>(attr.getValue()))
    return op->emitError() << "'" << getKernelAttrName()
                           << "' must be a unit attribute";
  auto func = dyn_cast<FunctionOpInterface>(op);
  if (!func)
    return op->emitError() << "'" << getKernelAttrName()
                           << "' is only valid on a function";
  if (func.getNumResults() != 0 &&
      !llvm::all_of(func.getResultTypes(), [](Type t) {
        return t.getDialect().getNamespace() == "llvm" &&
               t.getAbstractType().getName() == "llvm.void";
      }))
    return op->emitError() << "a kernel must not return a value";
  return success();
}
