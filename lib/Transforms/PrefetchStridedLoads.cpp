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

/// A load of `base[ext(offset + ext(tx))]` in a thread loop over tx.
struct Stream {
  Value base;
  Type element;
  Value offset;
  Extension txExt;    // tx to the offset's type
  Extension indexExt; // the sum to the GEP index's type
  Type indexType;
};
} // namespace

/// The cache line the prefetches step by.
constexpr int64_t kLineBytes = 64;

static bool isThreadLoop(Operation *op) {
  return isa<scf::ForOp>(op) &&
         op->hasAttr(lingqu::simt::SIMTDialect::getThreadLoopAttrName());
}

/// `loop`'s induction value and step, where the step is known before the
/// loop: an `scf.for`, or an `scf.while` that forwards its arguments to
/// its body unchanged and yields one of them plus a loop-invariant value.
static void addInductions(Operation *loop, SmallVectorImpl<Induction> &result) {
  if (auto forOp = dyn_cast<scf::ForOp>(loop)) {
    if (isa<IntegerType>(forOp.getInductionVar().getType()))
      result.push_back({loop, forOp.getInductionVar(), forOp.getStep()});
    return;
  }
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

/// Matches `load` as a load of `base[offset + tx]` (either order, either
/// possibly extended) with base and offset defined before `loop`, the
/// thread loop over tx.
static std::optional<Stream> matchStream(LLVM::LoadOp load,
                                         scf::ForOp loop) {
  if (load.getVolatile_())
    return std::nullopt;
  auto gep = load.getAddr().getDefiningOp<LLVM::GEPOp>();
  if (!gep || gep.getIndices().size() != 1)
    return std::nullopt;
  auto index = dyn_cast<Value>(gep.getIndices()[0]);
  if (!index)
    return std::nullopt;
  Stream s{gep.getBase(), gep.getElemType(), Value(), Extension::None,
           Extension::None, index.getType()};
  auto add = peel(index, s.indexExt).getDefiningOp<LLVM::AddOp>();
  if (!add)
    return std::nullopt;
  Value tx = loop.getInductionVar();
  if (peel(add.getRhs(), s.txExt) == tx)
    s.offset = add.getLhs();
  else if (peel(add.getLhs(), s.txExt) == tx)
    s.offset = add.getRhs();
  else
    return std::nullopt;
  if (!lingqu::isDefinedOutside(s.offset, loop) ||
      !lingqu::isDefinedOutside(s.base, loop))
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
    if (!s || !seen.insert({s->base, s->offset, s->element}).second)
      return;
    // A base that changes with the block loop is not a stream.
    for (const Induction &ind : ivs) {
      bool baseDepends = false, offsetDepends = false;
      if (!dependsOn(s->base, ind.iv, ind.loop, baseDepends) ||
          baseDepends ||
          !dependsOn(s->offset, ind.iv, ind.loop, offsetDepends))
        continue;
      if (offsetDepends) {
        streams.push_back({*s, ind});
        return;
      }
    }
  });
  if (streams.empty())
    return;
  OpBuilder b(thread);
  Location loc = thread.getLoc();
  for (auto &[s, ind] : streams) {
    IRMapping map;
    Type ivType = ind.iv.getType();
    Value d = LLVM::ConstantOp::create(b, loc, ivType,
                                       b.getIntegerAttr(ivType, distance));
    Value ahead = LLVM::AddOp::create(
        b, loc, ind.iv, LLVM::MulOp::create(b, loc, ind.step, d));
    map.map(ind.iv, ahead);
    Value offset = recompute(b, s.offset, ind.loop, map);
    int64_t bytes = std::max<int64_t>(1, layout.getTypeSize(s.element));
    int64_t perLine = std::max<int64_t>(1, kLineBytes / bytes);
    Type txType = thread.getInductionVar().getType();
    Type offsetType = offset.getType();
    Value lineStep = LLVM::ConstantOp::create(
        b, loc, txType, b.getIntegerAttr(txType, perLine));
    scf::ForOp lines = scf::ForOp::create(b, loc, thread.getLowerBound(),
                                          thread.getUpperBound(), lineStep);
    OpBuilder inner = OpBuilder::atBlockBegin(lines.getBody());
    Value t = extend(inner, loc, lines.getInductionVar(), offsetType, s.txExt);
    Value index = extend(inner, loc, LLVM::AddOp::create(inner, loc, offset, t),
                         s.indexType, s.indexExt);
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
