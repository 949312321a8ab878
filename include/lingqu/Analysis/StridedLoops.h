//===- StridedLoops.h - Loops striding from a thread index -*- C++ -*-===//
//
// Shared by lingqu-uniform-strided-loops and convert-simt-to-cpu's folding
// of thread loops: computing a loop's bound or step before the loop, and
// the arithmetic of their run-time no-wrap checks, done in twice the
// index's width so that nothing there overflows.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_ANALYSIS_STRIDEDLOOPS_H
#define LINGQU_ANALYSIS_STRIDEDLOOPS_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"

namespace lingqu {

/// Whether `v` is defined outside `op` (and so available before it).
bool isDefinedOutside(mlir::Value v, mlir::Operation *op);

/// Whether `v` can be computed before `op`: defined outside it, or by pure
/// region-free ops in it from such values (not divisions, which may trap).
bool isHoistable(mlir::Value v, mlir::Operation *op);

/// `v` computed at `b`, before `op` (see isHoistable); `map` remembers the
/// copies made.
mlir::Value hoist(mlir::OpBuilder &b, mlir::Value v, mlir::Operation *op,
                  mlir::IRMapping &map);

/// Integer arithmetic in twice a loop index's width: values extended
/// (signed or not, as the loop's compare is) and constants.
class WideArithmetic {
public:
  WideArithmetic(mlir::OpBuilder &b, mlir::Location loc, unsigned width,
                 bool isSigned);
  /// `v` in the wide type (extended as the compare is signed or not).
  mlir::Value extend(mlir::Value v) const;
  /// A value of at most 32 bits that is never negative, zero-extended.
  mlir::Value extendUnsigned(mlir::Value v) const;
  mlir::Value constant(const llvm::APInt &v) const;
  /// The largest value of the index type, in the wide type.
  mlir::Value max() const;
  /// Whether `base + tx` fits the index type for every tx in [0, extent),
  /// both given wide (an i1; extent is at least 1).
  mlir::Value fitsBelow(mlir::Value base, mlir::Value extent) const;
  mlir::Type type() const { return wide; }

private:
  mlir::OpBuilder &b;
  mlir::Location loc;
  unsigned width;
  bool isSigned;
  mlir::Type wide;
};

} // namespace lingqu

#endif // LINGQU_ANALYSIS_STRIDEDLOOPS_H
