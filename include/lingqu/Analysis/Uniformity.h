//===- Uniformity.h - Which values are the same in every thread -*- C++ -*-===//
//
// A value is block-uniform when every thread of a block computes the same
// one: kernel parameters, grid and block coordinates, and pure functions of
// uniform values, including loop-carried values whose start and every update
// are uniform under uniform control. Thread indices, loads, calls and
// atomics are taken as varying (conservatively: a load from a uniform
// address may still see different data in different threads' time), unless
// the client asks to take plain loads from uniform addresses as uniform,
// which holds in programs without data races.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_ANALYSIS_UNIFORMITY_H
#define LINGQU_ANALYSIS_UNIFORMITY_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace lingqu {

class UniformityAnalysis {
public:
  /// Analyses the regions of `root` (typically a kernel function). Values
  /// defined outside them, and results of ops for which `assumeUniform`
  /// holds (say, reads of the launch coordinates), count as uniform.
  /// With `raceFreeLoads`, a non-volatile, non-atomic llvm.load from a
  /// uniform address is uniform too.
  explicit UniformityAnalysis(
      mlir::Operation *root,
      llvm::function_ref<bool(mlir::Operation *)> assumeUniform = nullptr,
      bool raceFreeLoads = false);

  bool isUniform(mlir::Value v) const { return !varying.contains(v); }

private:
  /// Marks `v` varying; true if that is news.
  bool markVarying(mlir::Value v) { return varying.insert(v).second; }
  bool anyVarying(mlir::ValueRange values) const;
  bool visit(mlir::Operation *op);

  llvm::function_ref<bool(mlir::Operation *)> assumeUniform;
  bool raceFreeLoads;

  llvm::DenseSet<mlir::Value> varying;
};

} // namespace lingqu

#endif // LINGQU_ANALYSIS_UNIFORMITY_H
