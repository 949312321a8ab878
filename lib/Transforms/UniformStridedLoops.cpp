//===- UniformStridedLoops.cpp - Strided loops, block-uniform trip count --===//
//
// `for (i = u + threadIdx.x; i < n; i += s)` becomes
// `for (b = u; b < n; b += s) if (b + threadIdx.x < n) {...}`: the same
// iterations in each thread, in the same order, but a trip count every
// thread of the block shares, which lets convert-simt-to-cpu run the loop
// once per block with the thread loop (which vectorises) inside it. See
// Passes.td for the loop shape matched and the run-time check.
//
//===----------------------------------------------------------------------===//

#include "LiftedLoops.h"
#include "lingqu/Analysis/StridedLoops.h"
#include "lingqu/Analysis/Uniformity.h"
#include "lingqu/Dialect/SIMT/SIMTDialect.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"
#include "lingqu/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace lingqu {
#define GEN_PASS_DEF_UNIFORMSTRIDEDLOOPS
#include "lingqu/Transforms/Passes.h.inc"
} // namespace lingqu

using namespace mlir;
using lingqu::simt::Dimension;
using Predicate = LLVM::ICmpPredicate;

namespace {
struct UniformStridedLoopsPass
    : lingqu::impl::UniformStridedLoopsBase<UniformStridedLoopsPass> {
  void runOnOperation() override;
};

/// A loop `for (i = base + thread; i pred bound; i += step)`, as matched.
struct StridedLoop {
  scf::WhileOp loop;
  unsigned index; // the iteration argument that is i
  Value base;     // null for 0
  Value thread;   // threadIdx.dim, maybe extended
  Dimension dim;
  Predicate pred; // slt, ult, sle or ule, with i on the left
  Value bound, step;
  scf::IfOp body;      // runs where the compare holds
  unsigned next, flag; // the body's results that are i + step and the
                       // continue flag
};
} // namespace

/// threadIdx's dimension, if `v` is threadIdx, or it zero- or
/// sign-extended (it is below 1024: the same either way).
static std::optional<Dimension> threadIndex(Value v) {
  while (Operation *def = v.getDefiningOp()) {
    if (!isa<LLVM::ZExtOp, LLVM::SExtOp, arith::ExtUIOp, arith::ExtSIOp>(def))
      break;
    v = def->getOperand(0);
  }
  if (auto tid = v.getDefiningOp<lingqu::simt::ThreadIdOp>())
    return tid.getDimension();
  return std::nullopt;
}

/// Warp collectives and barriers need every thread of the warp or block in
/// each iteration: a loop holding one is not a candidate.
static bool holdsCollective(Operation *loop) {
  return loop
      ->walk([](Operation *op) {
        return isa<lingqu::simt::BarrierOp, lingqu::simt::ShuffleOp,
                   lingqu::simt::VoteOp, lingqu::simt::ActiveMaskOp,
                   lingqu::simt::WarpBarrierOp>(op)
                   ? WalkResult::interrupt()
                   : WalkResult::advance();
      })
      .wasInterrupted();
}

/// `pred` with i on its left: slt, ult, sle or ule; nothing for others.
static std::optional<Predicate> normalize(Predicate pred, bool indexOnLeft) {
  switch (pred) {
  case Predicate::slt:
  case Predicate::ult:
  case Predicate::sle:
  case Predicate::ule:
    if (indexOnLeft)
      return pred;
    return std::nullopt;
  case Predicate::sgt:
    return indexOnLeft ? std::nullopt : std::optional(Predicate::slt);
  case Predicate::ugt:
    return indexOnLeft ? std::nullopt : std::optional(Predicate::ult);
  case Predicate::sge:
    return indexOnLeft ? std::nullopt : std::optional(Predicate::sle);
  case Predicate::uge:
    return indexOnLeft ? std::nullopt : std::optional(Predicate::ule);
  default:
    return std::nullopt;
  }
}

static std::optional<StridedLoop>
match(scf::WhileOp loop, const lingqu::UniformityAnalysis &uniformity) {
  std::optional<lingqu::LiftedLoop> lifted = lingqu::matchLiftedLoop(loop);
  if (!lifted)
    return std::nullopt;
  Block &before = loop.getBefore().front();
  scf::ConditionOp condition = loop.getConditionOp();
  StridedLoop s;
  s.loop = loop;
  s.body = lifted->body;
  s.flag = lifted->flag;

  // The body runs where `i pred bound`.
  auto compare = s.body.getCondition().getDefiningOp<LLVM::ICmpOp>();
  if (!compare)
    return std::nullopt;
  auto index = dyn_cast<BlockArgument>(compare.getLhs());
  bool indexOnLeft = index && index.getOwner() == &before;
  if (!indexOnLeft)
    index = dyn_cast<BlockArgument>(compare.getRhs());
  if (!index || index.getOwner() != &before)
    return std::nullopt;
  std::optional<Predicate> pred =
      normalize(compare.getPredicate(), indexOnLeft);
  if (!pred)
    return std::nullopt;
  s.pred = *pred;
  s.bound = indexOnLeft ? compare.getRhs() : compare.getLhs();
  s.index = index.getArgNumber();

  // The body yields i + step as the next i.
  auto nextResult = dyn_cast<OpResult>(condition.getArgs()[s.index]);
  if (!nextResult || nextResult.getOwner() != s.body.getOperation())
    return std::nullopt;
  s.next = nextResult.getResultNumber();
  auto add = s.body.thenYield().getOperand(s.next).getDefiningOp<LLVM::AddOp>();
  if (!add || s.next == s.flag)
    return std::nullopt;
  s.step = add.getLhs() == index   ? add.getRhs()
           : add.getRhs() == index ? add.getLhs()
                                   : Value();
  if (!s.step)
    return std::nullopt;

  // i is the compare's and the body's only: not the exit path's, not
  // handed on, not used after the loop.
  Region &then = s.body.getThenRegion();
  for (Operation *user : index.getUsers())
    if (user != compare && !then.isAncestor(user->getParentRegion()))
      return std::nullopt;
  if (!loop.getResult(s.index).use_empty())
    return std::nullopt;
  // The rest of the before block runs once per base instead of once per
  // test of i: it must be pure.
  for (Operation &op : before)
    if (&op != s.body && &op != condition && !isPure(&op))
      return std::nullopt;
  // Each other result of the body is handed on to one iteration argument
  // (which keeps its value in a thread that has finished) or unused.
  for (OpResult result : s.body->getResults())
    if (llvm::count(condition.getArgs(), result) > 1)
      return std::nullopt;

  // i starts at base + threadIdx.
  Value init = loop.getInits()[s.index];
  if (std::optional<Dimension> dim = threadIndex(init)) {
    s.thread = init;
    s.dim = *dim;
  } else if (auto sum = init.getDefiningOp<LLVM::AddOp>()) {
    for (auto [t, u] : {std::pair(sum.getLhs(), sum.getRhs()),
                        std::pair(sum.getRhs(), sum.getLhs())})
      if (std::optional<Dimension> dim = threadIndex(t)) {
        s.thread = t;
        s.base = u;
        s.dim = *dim;
        break;
      }
  }
  if (!s.thread || (s.base && !uniformity.isUniform(s.base)))
    return std::nullopt;
  for (Value v : {s.bound, s.step})
    if (!lingqu::isHoistable(v, loop) || !uniformity.isUniform(v))
      return std::nullopt;
  if (holdsCollective(loop))
    return std::nullopt;
  return s;
}

/// Whether no index of `s` wraps, computed at `b` in twice the index's
/// width (where nothing below overflows): step > 0, and base + T and
/// bound + step + T representable, T the largest thread index. Then every
/// thread's i only grows, and it and the base stay below bound + step + T.
static Value noWrap(OpBuilder &b, Location loc, const StridedLoop &s,
                    Value base, Value bound, Value step) {
  unsigned width = cast<IntegerType>(bound.getType()).getWidth();
  bool isSigned = s.pred == Predicate::slt || s.pred == Predicate::sle;
  lingqu::WideArithmetic wide(b, loc, width, isSigned);
  auto add = [&](Value x, Value y) -> Value {
    return LLVM::AddOp::create(b, loc, x, y);
  };
  auto cmp = [&](Predicate p, Value x, Value y) -> Value {
    return LLVM::ICmpOp::create(b, loc, p, x, y);
  };
  Value one = wide.constant(APInt(width, 1));
  Value threads = wide.extendUnsigned(
      lingqu::simt::BlockDimOp::create(b, loc, b.getI32Type(), s.dim));
  Value lastThread = LLVM::SubOp::create(b, loc, threads, one);
  Value max = wide.max();
  Value end = wide.extend(bound);
  if (s.pred == Predicate::sle || s.pred == Predicate::ule)
    end = add(end, one);
  Value wideStep = wide.extend(step);
  Value stepPositive =
      cmp(Predicate::sgt, wideStep, wide.constant(APInt(width, 0)));
  Value startFits =
      cmp(Predicate::sle, add(wide.extend(base), lastThread), max);
  Value endFits = cmp(Predicate::sle, add(add(end, wideStep), lastThread), max);
  return LLVM::AndOp::create(
      b, loc, LLVM::AndOp::create(b, loc, stepPositive, startFits), endFits);
}

/// Versions the loop on the no-wrap check; the loop taken where it holds
/// runs over the bases.
static void rewrite(StridedLoop s) {
  scf::WhileOp loop = s.loop;
  Location loc = loop.getLoc();
  OpBuilder b(loop);
  Type type = s.bound.getType();
  bool isSigned = s.pred == Predicate::slt || s.pred == Predicate::sle;
  auto flags = isSigned ? LLVM::IntegerOverflowFlags::nsw
                        : LLVM::IntegerOverflowFlags::nuw;

  IRMapping hoisted;
  Value base = s.base ? s.base
                      : LLVM::ConstantOp::create(b, loc, type,
                                                 b.getIntegerAttr(type, 0));
  Value bound = lingqu::hoist(b, s.bound, loop, hoisted);
  Value step = lingqu::hoist(b, s.step, loop, hoisted);
  Value safe = noWrap(b, loc, s, base, bound, step);
  auto version = scf::IfOp::create(b, loc, loop->getResultTypes(), safe,
                                   /*withElseRegion=*/true);
  OpBuilder eb = OpBuilder::atBlockEnd(&version.getElseRegion().front());
  Operation *original = eb.clone(*loop);
  scf::YieldOp::create(eb, loc, original->getResults());
  loop->replaceAllUsesWith(version.getResults());
  Block *taken = &version.getThenRegion().front();
  loop->moveBefore(taken, taken->end());
  OpBuilder tb = OpBuilder::atBlockEnd(taken);
  scf::YieldOp::create(tb, loc, loop->getResults());

  // The iteration argument is now the base.
  loop->setOperand(s.index, base);
  Block &before = loop.getBefore().front();
  Value b0 = before.getArgument(s.index);
  Block &body = s.body.getThenRegion().front();
  OpBuilder bb = OpBuilder::atBlockBegin(&body);
  Value i = LLVM::AddOp::create(bb, loc, b0, s.thread, flags);
  b0.replaceUsesWithIf(i, [&](OpOperand &use) {
    return use.getOwner() != i.getDefiningOp() &&
           s.body.getThenRegion().isAncestor(use.getOwner()->getParentRegion());
  });
  Value inRange = LLVM::ICmpOp::create(bb, loc, s.pred, i, s.bound);

  // The thread's own iteration runs where its i is in range; elsewhere its
  // carried values keep the values they have.
  auto bodyYield = cast<scf::YieldOp>(body.getTerminator());
  scf::ConditionOp condition = loop.getConditionOp();
  SmallVector<unsigned> kept;
  SmallVector<unsigned> unused;
  for (unsigned q = 0, e = bodyYield.getNumOperands(); q != e; ++q) {
    if (q == s.next || q == s.flag)
      continue;
    if (s.body->getResult(q).use_empty()) {
      unused.push_back(q);
      continue;
    }
    kept.push_back(q);
  }
  bb.setInsertionPoint(bodyYield);
  auto guard = scf::IfOp::create(
      bb, loc, inRange,
      [&](OpBuilder &gb, Location l) {
        SmallVector<Value> values;
        for (unsigned q : kept)
          values.push_back(bodyYield.getOperand(q));
        scf::YieldOp::create(gb, l, values);
      },
      [&](OpBuilder &gb, Location l) {
        SmallVector<Value> values;
        for (unsigned q : kept) {
          Value result = s.body->getResult(q);
          auto arg = llvm::find(condition.getArgs(), result);
          values.push_back(before.getArgument(
              std::distance(condition.getArgs().begin(), arg)));
        }
        scf::YieldOp::create(gb, l, values);
      });
  Block &guarded = guard.getThenRegion().front();
  guarded.getOperations().splice(
      guarded.begin(), body.getOperations(),
      std::next(Block::iterator(inRange.getDefiningOp())),
      Block::iterator(guard));

  bb.setInsertionPoint(bodyYield);
  for (unsigned q : unused)
    bodyYield->setOperand(
        q, ub::PoisonOp::create(bb, loc, bodyYield.getOperand(q).getType()));
  bodyYield->setOperand(s.next, LLVM::AddOp::create(bb, loc, b0, step, flags));
  Type flagType = bodyYield.getOperand(s.flag).getType();
  bodyYield->setOperand(
      s.flag, LLVM::ConstantOp::create(bb, loc, flagType,
                                       bb.getIntegerAttr(flagType, 1)));
  for (auto [q, value] : llvm::zip(kept, guard.getResults()))
    bodyYield->setOperand(q, value);
}

void UniformStridedLoopsPass::runOnOperation() {
  getOperation().walk([](LLVM::LLVMFuncOp fn) {
    if (!fn->hasAttr(lingqu::simt::SIMTDialect::getKernelAttrName()))
      return;
    lingqu::UniformityAnalysis uniformity(fn);
    SmallVector<StridedLoop> loops;
    // The outermost only: convert-simt-to-cpu moves only the outermost
    // uniform loop to block level, and a strided loop left in its thread
    // keeps its plain form, which a thread loop can absorb
    // (FoldStridedThreadLoops.cpp).
    fn.walk<WalkOrder::PreOrder>([&](scf::WhileOp loop) {
      if (std::optional<StridedLoop> s = match(loop, uniformity)) {
        loops.push_back(*s);
        return WalkResult::skip();
      }
      return WalkResult::advance();
    });
    for (StridedLoop &s : loops)
      rewrite(s);
  });
}
