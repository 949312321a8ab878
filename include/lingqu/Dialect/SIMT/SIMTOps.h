//===- SIMTOps.h - simt dialect operations ----------------------*- C++ -*-===//
#ifndef LINGQU_DIALECT_SIMT_SIMTOPS_H
#define LINGQU_DIALECT_SIMT_SIMTOPS_H

#include "lingqu/Dialect/SIMT/SIMTDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "lingqu/Dialect/SIMT/SIMTEnums.h.inc"
#define GET_OP_CLASSES
#include "lingqu/Dialect/SIMT/SIMTOps.h.inc"

#endif // LINGQU_DIALECT_SIMT_SIMTOPS_H
