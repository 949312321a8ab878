//===- LiftedLoops.cpp - The loop form lingqu-lift-cf-to-scf gives --------===//

#include "LiftedLoops.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

bool lingqu::isConstantInt(Value v, uint64_t c) {
  APInt value;
  return matchPattern(v, m_ConstantInt(&value)) && value == c;
}

std::optional<lingqu::LiftedLoop>
lingqu::matchLiftedLoop(scf::WhileOp loop) {
  Block &before = loop.getBefore().front();
  Block &after = loop.getAfter().front();
  if (&after.front() != after.getTerminator() ||
      !llvm::equal(after.getTerminator()->getOperands(), after.getArguments()))
    return std::nullopt;
  scf::ConditionOp condition = loop.getConditionOp();
  LiftedLoop lifted;
  Value flag = condition.getCondition();
  lifted.trunc = flag.getDefiningOp();
  if (isa_and_nonnull<arith::TruncIOp, LLVM::TruncOp>(lifted.trunc))
    flag = lifted.trunc->getOperand(0);
  else
    lifted.trunc = nullptr;
  auto flagResult = dyn_cast<OpResult>(flag);
  lifted.body =
      flagResult ? dyn_cast<scf::IfOp>(flagResult.getOwner()) : nullptr;
  if (!lifted.body || lifted.body->getBlock() != &before ||
      lifted.body.getElseRegion().empty())
    return std::nullopt;
  lifted.flag = flagResult.getResultNumber();
  if (!isConstantInt(lifted.body.thenYield().getOperand(lifted.flag), 1) ||
      !isConstantInt(lifted.body.elseYield().getOperand(lifted.flag), 0))
    return std::nullopt;
  for (OpResult result : lifted.body->getResults())
    for (Operation *user : result.getUsers())
      if (user != condition && user != lifted.trunc)
        return std::nullopt;
  if (lifted.trunc && !lifted.trunc->hasOneUse())
    return std::nullopt;
  return lifted;
}
