//===- ScalarizeUniformGathers.cpp - Gathers from one address -------------===//
//
// A vector value is uniform (all its lanes equal) when it is built lane by
// lane from uniform vectors and scalars: splat constants and splat
// shuffles, lane-wise arithmetic, casts, compares, selects and GEPs, and
// phis of such values (a widened loop counter: a splat start plus a splat
// step). The check walks back over the vector operands; everything it
// reaches must be one of those, so a phi cycle is uniform exactly when
// nothing outside that set feeds it.
//
//===----------------------------------------------------------------------===//

#include "lingqu/LLVMTransforms/ScalarizeUniformGathers.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/VectorUtils.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/PatternMatch.h"

using namespace llvm;

/// Whether every lane of the vector `root` holds the same value.
static bool isUniformVector(Value *root) {
  SmallVector<Value *> work = {root};
  SmallPtrSet<Value *, 16> seen = {root};
  while (!work.empty()) {
    Value *v = work.pop_back_val();
    if (auto *c = dyn_cast<Constant>(v)) {
      if (!c->getSplatValue() && !isa<PoisonValue>(c))
        return false;
      continue;
    }
    if (auto *shuffle = dyn_cast<ShuffleVectorInst>(v)) {
      if (!shuffle->isZeroEltSplat() &&
          !all_of(shuffle->getShuffleMask(), [](int m) { return m == 0; }))
        return false;
      continue; // every lane is lane 0 of the source
    }
    auto *inst = dyn_cast<Instruction>(v);
    if (!inst || !(isa<BinaryOperator, CastInst, CmpInst, SelectInst,
                       GetElementPtrInst, PHINode, FreezeInst>(inst) ||
                   isa<UnaryOperator>(inst)))
      return false;
    for (Value *operand : inst->operands())
      if (operand->getType()->isVectorTy() && seen.insert(operand).second)
        work.push_back(operand);
  }
  return true;
}

namespace {
/// Lane 0 of uniform vectors, computed with scalar instructions next to
/// the vector ones (phis as phis), so that the vector chain can go.
class UniformScalars {
public:
  Value *get(Value *v);

private:
  DenseMap<Value *, Value *> scalars;
};
} // namespace

Value *UniformScalars::get(Value *v) {
  if (Value *known = scalars.lookup(v))
    return known;
  if (auto *c = dyn_cast<Constant>(v)) {
    Value *s = isa<PoisonValue>(c)
                   ? PoisonValue::get(v->getType()->getScalarType())
                   : c->getSplatValue();
    return scalars[v] = s;
  }
  auto *inst = cast<Instruction>(v);
  IRBuilder<> b(inst->getParent(), std::next(inst->getIterator()));
  if (isa<PHINode>(inst))
    b.SetInsertPoint(inst->getParent()->getFirstNonPHIIt());
  if (auto *shuffle = dyn_cast<ShuffleVectorInst>(inst)) {
    // Lane 0 of the source: the scalar inserted there, in the splat idiom.
    Value *source = shuffle->getOperand(0);
    Value *s;
    auto *insert = dyn_cast<InsertElementInst>(source);
    if (insert && PatternMatch::match(insert->getOperand(2),
                                      PatternMatch::m_Zero()))
      s = insert->getOperand(1);
    else
      s = b.CreateExtractElement(source, uint64_t(0));
    return scalars[v] = s;
  }
  if (auto *phi = dyn_cast<PHINode>(inst)) {
    IRBuilder<> pb(phi);
    PHINode *s = pb.CreatePHI(phi->getType()->getScalarType(),
                              phi->getNumIncomingValues());
    scalars[v] = s; // before the incoming values: they may lead back here
    for (auto [value, block] : zip(phi->incoming_values(), phi->blocks()))
      s->addIncoming(get(value), block);
    return s;
  }
  // A lane-wise instruction: the same on lane 0 of its operands.
  Instruction *s = inst->clone();
  s->mutateType(inst->getType()->getScalarType());
  if (auto *gep = dyn_cast<GetElementPtrInst>(inst))
    s->mutateType(gep->getPointerOperandType()->getScalarType());
  for (Use &operand : s->operands())
    if (operand->getType()->isVectorTy())
      operand.set(get(operand.get()));
  b.Insert(s);
  return scalars[v] = s;
}

PreservedAnalyses
lingqu::ScalarizeUniformGathersPass::run(Function &f,
                                         FunctionAnalysisManager &) {
  SmallVector<IntrinsicInst *> gathers;
  for (Instruction &inst : instructions(f))
    if (auto *call = dyn_cast<IntrinsicInst>(&inst);
        call && call->getIntrinsicID() == Intrinsic::masked_gather &&
        PatternMatch::match(call->getArgOperand(1), PatternMatch::m_One()) &&
        isUniformVector(call->getArgOperand(0)))
      gathers.push_back(call);
  UniformScalars scalars;
  for (IntrinsicInst *gather : gathers) {
    IRBuilder<> b(gather);
    auto *type = cast<FixedVectorType>(gather->getType());
    Value *address = scalars.get(gather->getArgOperand(0));
    LoadInst *load = b.CreateAlignedLoad(type->getElementType(), address,
                                         gather->getParamAlign(0));
    // Type-based aliasing and access groups hold for the scalar access.
    load->copyMetadata(*gather, {LLVMContext::MD_tbaa,
                                 LLVMContext::MD_access_group,
                                 LLVMContext::MD_alias_scope,
                                 LLVMContext::MD_noalias});
    Value *splat = b.CreateVectorSplat(type->getNumElements(), load);
    gather->replaceAllUsesWith(splat);
    splat->takeName(gather);
    gather->eraseFromParent();
  }
  // The widened loop counter such a gather read through is also read
  // lane by lane (the latch compares lane 0): those reads take the scalar.
  SmallVector<ExtractElementInst *> extracts;
  for (Instruction &inst : instructions(f))
    if (auto *extract = dyn_cast<ExtractElementInst>(&inst);
        extract && isa<ConstantInt>(extract->getIndexOperand()) &&
        isUniformVector(extract->getVectorOperand()))
      extracts.push_back(extract);
  for (ExtractElementInst *extract : extracts) {
    extract->replaceAllUsesWith(scalars.get(extract->getVectorOperand()));
    extract->eraseFromParent();
  }
  return gathers.empty() && extracts.empty() ? PreservedAnalyses::all()
                                             : PreservedAnalyses::none();
}
