//===- SIMTDialect.h - The simt dialect -------------------------*- C++ -*-===//
#ifndef LINGQU_DIALECT_SIMT_SIMTDIALECT_H
#define LINGQU_DIALECT_SIMT_SIMTDIALECT_H

#include "mlir/IR/Dialect.h"

#include "lingqu/Dialect/SIMT/SIMTOpsDialect.h.inc"

#endif // LINGQU_DIALECT_SIMT_SIMTDIALECT_H
