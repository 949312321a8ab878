//===- Uniformity.cpp - Which values are the same in every thread ---------===//

#include "lingqu/Analysis/Uniformity.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;
using namespace lingqu;

UniformityAnalysis::UniformityAnalysis(
    Operation *root, llvm::function_ref<bool(Operation *)> assumeUniform,
    bool raceFreeLoads)
    : assumeUniform(assumeUniform), raceFreeLoads(raceFreeLoads) {
  // Loop-carried values need a fixed point: iterate until nothing changes.
  bool changed = true;
  while (changed) {
    changed = false;
    for (Region &region : root->getRegions())
      region.walk([&](Operation *op) { changed |= visit(op); });
  }
}

bool UniformityAnalysis::anyVarying(ValueRange values) const {
  return llvm::any_of(values, [&](Value v) { return varying.contains(v); });
}

/// Updates the facts about `op`'s results (and region arguments); true if
/// any new value became varying.
bool UniformityAnalysis::visit(Operation *op) {
  bool changed = false;
  auto markAll = [&](auto values) {
    for (Value v : values)
      changed |= markVarying(v);
  };

  if (auto forOp = dyn_cast<scf::ForOp>(op)) {
    bool control = anyVarying({forOp.getLowerBound(), forOp.getUpperBound(),
                               forOp.getStep()});
    if (control)
      changed |= markVarying(forOp.getInductionVar());
    auto yield = cast<scf::YieldOp>(forOp.getBody()->getTerminator());
    for (auto [i, arg] : llvm::enumerate(forOp.getRegionIterArgs()))
      if (control || varying.contains(forOp.getInitArgs()[i]) ||
          varying.contains(yield.getOperand(i))) {
        changed |= markVarying(arg);
        changed |= markVarying(forOp.getResult(i));
      }
    return changed;
  }
  if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
    bool control = varying.contains(ifOp.getCondition());
    for (auto [i, result] : llvm::enumerate(ifOp.getResults())) {
      bool v = control;
      for (Region *region : {&ifOp.getThenRegion(), &ifOp.getElseRegion()})
        if (!region->empty())
          v |= varying.contains(
              region->front().getTerminator()->getOperand(i));
      if (v)
        changed |= markVarying(result);
    }
    return changed;
  }
  if (auto switchOp = dyn_cast<scf::IndexSwitchOp>(op)) {
    bool control = varying.contains(switchOp.getArg());
    for (auto [i, result] : llvm::enumerate(switchOp.getResults())) {
      bool v = control;
      for (Region &region : switchOp->getRegions())
        if (!region.empty())
          v |= varying.contains(region.front().getTerminator()->getOperand(i));
      if (v)
        changed |= markVarying(result);
    }
    return changed;
  }
  if (auto whileOp = dyn_cast<scf::WhileOp>(op)) {
    auto condition = whileOp.getConditionOp();
    auto yield = whileOp.getYieldOp();
    // A thread-dependent exit makes everything the loop carries varying.
    bool control = varying.contains(condition.getCondition());
    for (auto [i, arg] : llvm::enumerate(whileOp.getBeforeArguments()))
      if (control || varying.contains(whileOp.getInits()[i]) ||
          varying.contains(yield.getOperand(i)))
        changed |= markVarying(arg);
    for (auto [i, arg] : llvm::enumerate(whileOp.getAfterArguments()))
      if (control || varying.contains(condition.getArgs()[i])) {
        changed |= markVarying(arg);
        changed |= markVarying(whileOp.getResult(i));
      }
    return changed;
  }
  if (op->getNumResults() == 0 || (assumeUniform && assumeUniform(op)))
    return false;
  if (auto load = dyn_cast<LLVM::LoadOp>(op);
      load && raceFreeLoads && !load.getVolatile_() &&
      load.getOrdering() == LLVM::AtomicOrdering::not_atomic)
    return varying.contains(load.getAddr()) && markVarying(load.getResult());
  bool isVarying = isa<simt::ThreadIdOp, simt::LaneIdOp>(op) ||
                   op->getNumRegions() != 0 || !isPure(op) ||
                   anyVarying(op->getOperands());
  if (isVarying)
    markAll(op->getResults());
  return changed;
}
