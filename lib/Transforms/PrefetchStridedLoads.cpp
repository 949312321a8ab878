//===- PrefetchStridedLoads.cpp - Prefetch a block loop's next strides ----===//
//
// A grid-stride loop (`for (i = blockIdx.x * blockDim.x + threadIdx.x;
// i < n; i += gridDim.x * blockDim.x)`) runs on the CPU as a block-level
// loop whose every iteration has the block's threads read one contiguous
// run (a kilobyte for 256 floats), then jump by the whole grid's stride.
// The hardware prefetchers, which follow a stream for a few lines inside a
// page, never catch up with runs that short: each one starts with a miss.
// Before each thread loop this pass prefetches, a cache line at a time, the
// run the loop will read a few iterations of the block loop later.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Analysis/StridedLoops.h"
#include "lingqu/Dialect/SIMT/SIMTDialect.h"
#include "lingqu/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "llvm/ADT/DenseSet.h"

namespace lingqu {
#define GEN_PASS_DEF_PREFETCHSTRIDEDLOADS
#include "lingqu/Transforms/Passes.h.inc"
} // namespace lingqu

using namespace mlir;

namespace {
struct PrefetchStridedLoadsPass
    : lingqu::impl::PrefetchStridedLoadsBase<PrefetchStridedLoadsPass> {
  using PrefetchStridedLoadsBase::PrefetchStridedLoadsBase;
  void runOnOperation() override;
};

/// A block-level loop's induction value in its body and its step.
struct Induction {
  Operation *loop;
  Value iv;
  Value step;
};

/// How a narrower integer became a wider one.
enum class Extension { None, Zero, Sign };

/// One step on the way from tx to a load's index: an extension to `type`,
/// or (`ext` None) the addition of `term`, computable before the loop.
struct Step {
  Extension ext;
  Type type;
  Value term;
};

/// A load of `base[index]` in a thread loop over tx, the index tx with
/// `steps` applied in order (`(a + ext(b + tx))` is tx, + b, ext, + a).
struct Stream {
  Value base;
  Type element;
  Value index;
  SmallVector<Step> steps;
};
} // namespace

/// The cache line the prefetches step by.
constexpr int64_t kLineBytes = 64;

static bool isThreadLoop(Operation *op) {
  return isa<scf::ForOp>(op) &&
         op->hasAttr(lingqu::simt::SIMTDialect::getThreadLoopAttrName());
}

/// `loop`'s induction value and step, where the step is known before the
/// loop: an `scf.while` that forwards its arguments to its body unchanged
/// and yields one of them plus a loop-invariant value. (Lifted loops are
/// all in while form; the `scf.for` loops around a thread loop are the
/// block's y and z dimensions, whose next iterations are other threads.)
static void addInductions(Operation *loop, SmallVectorImpl<Induction> &result) {
  auto whileOp = dyn_cast<scf::WhileOp>(loop);
  if (!whileOp)
    return;
  scf::ConditionOp cond = whileOp.getConditionOp();
  Block &before = whileOp.getBefore().front();
  Block &after = whileOp.getAfter().front();
  if (cond.getArgs().size() != before.getNumArguments() ||
      !llvm::equal(cond.getArgs(), before.getArguments()))
    return;
  for (auto [arg, next] :
       llvm::zip(after.getArguments(), whileOp.getYieldOp().getOperands())) {
    auto add = next.getDefiningOp<LLVM::AddOp>();
    if (!add)
      continue;
    Value step = add.getLhs() == arg ? add.getRhs()
                 : add.getRhs() == arg ? add.getLhs()
                                       : Value();
    if (step && isa<IntegerType>(arg.getType()) &&
        lingqu::isDefinedOutside(step, loop))
      result.push_back({loop, arg, step});
  }
}

/// `v` without the extension that made it, and which that was.
static Value peel(Value v, Extension &ext) {
  ext = Extension::None;
  if (auto zext = v.getDefiningOp<LLVM::ZExtOp>()) {
    ext = Extension::Zero;
    return zext.getArg();
  }
  if (auto sext = v.getDefiningOp<LLVM::SExtOp>()) {
    ext = Extension::Sign;
    return sext.getArg();
  }
  return v;
}

static Value extend(OpBuilder &b, Location loc, Value v, Type to,
                    Extension ext) {
  switch (ext) {
  case Extension::None: return v;
  case Extension::Zero: return LLVM::ZExtOp::create(b, loc, to, v);
  case Extension::Sign: return LLVM::SExtOp::create(b, loc, to, v);
  }
  llvm_unreachable("extension");
}

/// Whether `v` is tx plus terms computable before `loop`, through
/// additions and extensions; appends the steps from tx to `v`.
static bool matchIndex(Value v, Value tx, scf::ForOp loop,
                       SmallVectorImpl<Step> &steps) {
  if (v == tx)
    return true;
  Extension ext;
  Value narrow = peel(v, ext);
  if (ext != Extension::None) {
    if (!matchIndex(narrow, tx, loop, steps))
      return false;
    steps.push_back({ext, v.getType(), Value()});
    return true;
  }
  auto add = v.getDefiningOp<LLVM::AddOp>();
  if (!add)
    return false;
  for (auto [side, term] : {std::pair(add.getLhs(), add.getRhs()),
                            std::pair(add.getRhs(), add.getLhs())}) {
    size_t mark = steps.size();
    if (lingqu::isHoistable(term, loop) &&
        matchIndex(side, tx, loop, steps)) {
      steps.push_back({Extension::None, v.getType(), term});
      return true;
    }
    steps.resize(mark);
  }
  return false;
}

/// Matches `load` as a load of `base[index]` with the index tx plus terms
/// known before `loop`, the thread loop over tx (consecutive threads read
/// consecutive elements).
static std::optional<Stream> matchStream(LLVM::LoadOp load,
                                         scf::ForOp loop) {
  if (load.getVolatile_())
    return std::nullopt;
  auto gep = load.getAddr().getDefiningOp<LLVM::GEPOp>();
  if (!gep || gep.getIndices().size() != 1)
    return std::nullopt;
  auto index = dyn_cast<Value>(gep.getIndices()[0]);
  if (!index || !lingqu::isDefinedOutside(gep.getBase(), loop))
    return std::nullopt;
  // Per-thread slots and local arrays are the block's own, in cache.
  Value root = gep.getBase();
  while (auto inner = root.getDefiningOp<LLVM::GEPOp>())
    root = inner.getBase();
  if (root.getDefiningOp<LLVM::AllocaOp>())
    return std::nullopt;
  Stream s{gep.getBase(), gep.getElemType(), index, {}};
  if (!matchIndex(index, loop.getInductionVar(), loop, s.steps))
    return std::nullopt;
  return s;
}

/// Whether `v`, computed in `loop`, depends on `iv` through integer
/// arithmetic only (which can be recomputed for a later iteration), at
/// most `depth` ops deep (address arithmetic is shallow; the walk does not
/// remember what it has seen).
static bool dependsOn(Value v, Value iv, Operation *loop, bool &depends,
                      unsigned depth = 12) {
  if (v == iv) {
    depends = true;
    return true;
  }
  if (lingqu::isDefinedOutside(v, loop))
    return true;
  Operation *def = v.getDefiningOp();
  if (!def) // another of the loop's values: taken as it is now
    return true;
  if (depth == 0 ||
      !isa<LLVM::AddOp, LLVM::SubOp, LLVM::MulOp, LLVM::ShlOp, LLVM::ZExtOp,
           LLVM::SExtOp, LLVM::TruncOp, LLVM::AndOp, LLVM::OrOp,
           LLVM::ConstantOp>(def))
    return false;
  return llvm::all_of(def->getOperands(), [&](Value o) {
    return dependsOn(o, iv, loop, depends, depth - 1);
  });
}

/// `v` recomputed at `b` with `map`'s replacement of the induction value;
/// wrap flags dropped (a later iteration's offset may wrap where the loop
/// would have stopped).
static Value recompute(OpBuilder &b, Value v, Operation *loop,
                       IRMapping &map) {
  if (Value known = map.lookupOrNull(v))
    return known;
  Operation *def = v.getDefiningOp();
  if (!def || lingqu::isDefinedOutside(v, loop))
    return v;
  bool changed = false;
  for (Value operand : def->getOperands())
    changed |= recompute(b, operand, loop, map) != operand;
  if (!changed)
    return v;
  Operation *copy = b.clone(*def, map);
  if (auto flags = dyn_cast<LLVM::IntegerOverflowFlagsInterface>(copy))
    flags.setOverflowFlags(LLVM::IntegerOverflowFlags::none);
  return copy->getResult(0);
}

/// Prefetches, before `thread`, the streams it loads at the offsets
/// `distance` iterations on of the nearest of `ivs` (the block-level loops
/// around it) that they advance with.
static void prefetchAhead(scf::ForOp thread, ArrayRef<Induction> ivs,
                          int64_t distance,
                          const DataLayout &layout) {
  llvm::SmallDenseSet<std::tuple<Value, Value, Type>> seen;
  SmallVector<std::pair<Stream, Induction>> streams;
  thread.getBody()->walk([&](LLVM::LoadOp load) {
    std::optional<Stream> s = matchStream(load, thread);
    if (!s || !seen.insert({s->base, s->index, s->element}).second)
      return;
    // The terms change with the block loop (one at least), the base not.
    for (const Induction &ind : ivs) {
      bool baseDepends = false, termsDepend = false;
      if (!dependsOn(s->base, ind.iv, ind.loop, baseDepends) || baseDepends)
        continue;
      bool computable = llvm::all_of(s->steps, [&](const Step &step) {
        return !step.term ||
               dependsOn(step.term, ind.iv, ind.loop, termsDepend);
      });
      if (computable && termsDepend) {
        streams.push_back({*s, ind});
        return;
      }
    }
  });
  if (streams.empty())
    return;
  OpBuilder b(thread);
  Location loc = thread.getLoc();
  Type txType = thread.getInductionVar().getType();
  IRMapping hoisted;
  for (auto &[s, ind] : streams) {
    Type ivType = ind.iv.getType();
    Value d = LLVM::ConstantOp::create(b, loc, ivType,
                                       b.getIntegerAttr(ivType, distance));
    Value ahead = LLVM::AddOp::create(
        b, loc, ind.iv, LLVM::MulOp::create(b, loc, ind.step, d));
    IRMapping later;
    later.map(ind.iv, ahead);
    // Each term before the thread loop, then as it will be `distance`
    // iterations on.
    SmallVector<Value> terms;
    for (const Step &step : s.steps)
      terms.push_back(step.term ? recompute(b,
                                            lingqu::hoist(b, step.term,
                                                          thread, hoisted),
                                            ind.loop, later)
                                : Value());
    int64_t bytes = std::max<int64_t>(1, layout.getTypeSize(s.element));
    int64_t perLine = std::max<int64_t>(1, kLineBytes / bytes);
    Value lineStep = LLVM::ConstantOp::create(
        b, loc, txType, b.getIntegerAttr(txType, perLine));
    scf::ForOp lines = scf::ForOp::create(b, loc, thread.getLowerBound(),
                                          thread.getUpperBound(), lineStep);
    OpBuilder inner = OpBuilder::atBlockBegin(lines.getBody());
    Value index = lines.getInductionVar();
    for (auto [step, term] : llvm::zip(s.steps, terms))
      index = term ? LLVM::AddOp::create(inner, loc, term, index).getResult()
                   : extend(inner, loc, index, step.type, step.ext);
    // No `inbounds`: the run a few strides on may be past the array's end,
    // where a prefetch is still harmless.
    Value addr = LLVM::GEPOp::create(inner, loc, s.base.getType(), s.element,
                                     s.base, ValueRange{index});
    LLVM::Prefetch::create(inner, loc, addr, /*rw=*/0, /*hint=*/3,
                           /*cache=*/1);
  }
}

void PrefetchStridedLoadsPass::runOnOperation() {
  SmallVector<scf::ForOp> threads;
  getOperation().walk([&](scf::ForOp loop) {
    if (isThreadLoop(loop))
      threads.push_back(loop);
  });
  for (scf::ForOp thread : threads) {
    // The loops around that are not thread loops, nearest first: their
    // iterations are the block's, each running the thread loops in it.
    SmallVector<Induction> ivs;
    for (Operation *op = thread->getParentOp(); op; op = op->getParentOp())
      if (!isThreadLoop(op))
        addInductions(op, ivs);
    if (!ivs.empty())
      prefetchAhead(thread, ivs, distance, DataLayout::closest(thread));
  }
}
