//===- LiftedLoops.h - The loop form lifting gives ----------*- C++ -*-===//
//
// Lifting gives `for (...; c; ...) {body}` the form
//   scf.while (args) { %r = scf.if c {body; yield next..., 1}
//                                else {yield ..., 0};
//                      scf.condition(trunc(%r#flag)) %r... }
//   do { yield args }
// Shared by the passes that rewrite such loops (UniformStridedLoops.cpp,
// WhileFormLoops.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_LIB_TRANSFORMS_LIFTEDLOOPS_H
#define LINGQU_LIB_TRANSFORMS_LIFTEDLOOPS_H

#include "mlir/Dialect/SCF/IR/SCF.h"

#include <optional>

namespace lingqu {

struct LiftedLoop {
  mlir::scf::IfOp body;          // in the before region, on the compare
  unsigned flag;                 // the body's result the loop goes on by
  mlir::Operation *trunc;        // the flag's truncation to i1, or null
};

/// `loop` in lifted form: its after region hands the values on, its
/// condition is (the truncation of) a result of an scf.if in its before
/// region that is 1 where the body runs and 0 where it does not (no
/// `break`), and the condition alone uses that branch's results.
std::optional<LiftedLoop> matchLiftedLoop(mlir::scf::WhileOp loop);

/// Whether `v` is the integer constant `c`.
bool isConstantInt(mlir::Value v, uint64_t c);

} // namespace lingqu

#endif // LINGQU_LIB_TRANSFORMS_LIFTEDLOOPS_H
