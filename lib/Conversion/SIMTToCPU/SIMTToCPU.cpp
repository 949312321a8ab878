//===- SIMTToCPU.cpp - Lower simt kernels to CPU block functions ----------===//
//
// A kernel runs one block per call of its block function; the threads of the
// block become loops. See the pass description in Conversion/Passes.td and the
// launch ABI in include/lingqu/ABI/FatBinary.h.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Conversion/SIMTToCPU.h"
#include "KernelForms.h"
#include "PerThreadSlots.h"
#include "lingqu/Analysis/Uniformity.h"
#include "lingqu/ABI/FatBinary.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Demangle/Demangle.h"

#include <functional>

namespace lingqu {
#define GEN_PASS_DEF_CONVERTSIMTTOCPU
#include "lingqu/Conversion/Passes.h.inc"
} // namespace lingqu

using namespace mlir;
using namespace lingqu;

/// How deep a chain of pure ops may be recomputed after a barrier before its
/// value is kept per thread instead.
static constexpr unsigned kMaxRematDepth = 8;

namespace {

/// The per-block loop nest that runs one barrier-free piece of a kernel.
struct ThreadLoopNest {
  scf::ForOp outer;            // over z
  Block *body = nullptr;       // innermost body, over x
  Value tid[3];                // x, y, z
  Value linearTid;             // x + bdx * (y + bdy * z), i32
};

/// Lowers one kernel. run() follows the numbered steps.
class KernelLowering {
public:
  KernelLowering(LLVM::LLVMFuncOp kernel, const SharedLayout &shared,
                 bool interchangeLoops)
      : whyNotLoc(UnknownLoc::get(kernel.getContext())),
        interchangeLoops(interchangeLoops), kernel(kernel),
        module(kernel->getParentOfType<ModuleOp>()), ctx(kernel.getContext()),
        shared(shared), builder(ctx) {}

  /// The block function, or failure with `whyNot` saying what could not be
  /// collapsed. Either way the kernel's body is gone.
  FailureOr<LLVM::LLVMFuncOp> run();

  /// What stopped the lowering, and where.
  std::string whyNot;
  Location whyNotLoc;

private:
  /// Whether step 5c moves uniform per-thread loops to block level.
  bool interchangeLoops;

  LogicalResult unsupported(Operation *op, const Twine &what);
  LogicalResult checkSupported();
  void createBlockFunction();
  void replaceGridQueries();
  LogicalResult privatizeAllocas();
  LogicalResult placeSharedMemory();
  void carryValuesAcrossBarriers();
  void replaceThreadIds();

  LogicalResult demoteBlockLevelControlFlow();
  LogicalResult predicateDivergentBranches(const UniformityAnalysis &uniformity);
  std::optional<uint64_t> xLimit(Block *block) const;
  Value piecePredicate(OpBuilder &b, Location loc, Block *block,
                       Value linearTid);
  void predicateDivergentLoop(scf::WhileOp loop);
  void decideDivergentLoops();
  void buildThreadLoops(Block &block, Operation *first);
  void wrapInThreadLoops(ArrayRef<Operation *> piece);
  bool isBlockUniform(Operation *op) const;
  void makeBlockLevelUsesUniform();
  Value materializeUniform(Value v, Operation *user);
  Value i32Const(OpBuilder &b, Location loc, int64_t v);
  Value i64Const(OpBuilder &b, Location loc, int64_t v);
  int nestOf(Operation *op) const;
  Value materialize(Value v, int nest, unsigned depth);
  bool isRecomputable(Value v, int fromNest, unsigned depth) const;
  Value perThreadSlot(Value v, int defNest);

  LLVM::LLVMFuncOp kernel;
  ModuleOp module;
  MLIRContext *ctx;
  const SharedLayout &shared;
  OpBuilder builder;

  LLVM::LLVMFuncOp blockFn;
  Block *entry = nullptr;
  Operation *prologueEnd = nullptr; // last op of the prologue: an i32 zero
  Value loopStep;                   // i32 one
  Value gridDim[3], blockDim[3], blockIdx[3], sharedBase, numThreads64;
  std::optional<PerThreadSlots> slotAllocator;
  /// The prologue reads parameters and coordinates: the same in all threads.
  std::function<bool(Operation *)> isPrologue = [this](Operation *op) {
    return op->getBlock() == entry && !prologueEnd->isBeforeInBlock(op);
  };
  /// Ops that hold a barrier (its ancestors below the block function): they
  /// run once per block, the thread loops inside their regions.
  llvm::SetVector<Operation *> blockLevel;
  /// Ops placed in thread loops (their values may differ between threads).
  DenseSet<Operation *> threadLevel;
  /// Always-entered scopes standing for a divergent branch, and the
  /// per-thread condition under which each thread runs their contents.
  DenseMap<Operation *, Value> predicateOf;
  /// Loops whose exit differs between threads: the per-thread array saying
  /// which threads are still iterating (i32, 0 or 1).
  DenseMap<Operation *, Value> activeSlotOf;
  /// Stores that record whether a thread gets somewhere at all (a divergent
  /// loop's entry, an __activemask()): they run for every thread, storing
  /// the thread's predicate there.
  DenseSet<Operation *> activeInits;

  SmallVector<ThreadLoopNest> nests;
  DenseMap<Block *, int> nestOfBody;
  DenseMap<std::pair<int, Value>, Value> materialized;
  DenseMap<Value, Value> slots;
  /// Per nest, the last op of the preamble that recomputes or reloads
  /// values from earlier nests; the next one goes after it.
  DenseMap<int, Operation *> cursor;
};

} // namespace

LogicalResult KernelLowering::unsupported(Operation *op, const Twine &what) {
  Location loc = op->getLoc();
  if (!userSourceLoc(loc))
    loc = kernel.getLoc();
  if (whyNot.empty()) {
    whyNot = what.str();
    whyNotLoc = loc;
  }
  return failure();
}

Value KernelLowering::i32Const(OpBuilder &b, Location loc, int64_t v) {
  return LLVM::ConstantOp::create(b, loc, b.getI32Type(),
                                  b.getI32IntegerAttr(v));
}

Value KernelLowering::i64Const(OpBuilder &b, Location loc, int64_t v) {
  return LLVM::ConstantOp::create(b, loc, b.getI64Type(),
                                  b.getI64IntegerAttr(v));
}

/// 1. What this lowering cannot express is rejected: the constructs below up
///    front, control flow around collectives once uniformity is known
///    (steps 5b and 6b). Such a kernel runs on the fiber executor instead.
LogicalResult KernelLowering::checkSupported() {
  if (!kernel.getBody().hasOneBlock())
    return unsupported(kernel, "unstructured control flow");
  // The kernel's parameters are block-uniform, as its block arguments. A
  // condition read from memory every thread reads alike (a flag in shared
  // memory, a count behind a parameter) is the same in every thread of a
  // race-free program: only a condition that derives from the thread's
  // coordinates or its own data makes a barrier thread-dependent.
  UniformityAnalysis uniformity(kernel, nullptr, /*raceFreeLoads=*/true);
  auto dependent = [&](Operation *parent) -> const char * {
    if (auto ifOp = dyn_cast<scf::IfOp>(parent))
      return uniformity.isUniform(ifOp.getCondition()) ? nullptr : "branch";
    if (auto switchOp = dyn_cast<scf::IndexSwitchOp>(parent))
      return uniformity.isUniform(switchOp.getArg()) ? nullptr : "switch";
    if (auto whileOp = dyn_cast<scf::WhileOp>(parent))
      return uniformity.isUniform(whileOp.getConditionOp().getCondition())
                 ? nullptr
                 : "loop";
    if (auto forOp = dyn_cast<scf::ForOp>(parent))
      return uniformity.isUniform(forOp.getLowerBound()) &&
                     uniformity.isUniform(forOp.getUpperBound()) &&
                     uniformity.isUniform(forOp.getStep())
                 ? nullptr
                 : "loop";
    return nullptr;
  };
  WalkResult result = kernel.walk([&](Operation *op) {
    if (isa<simt::BarrierOp>(op)) {
      // Loops and branches around a barrier run once per block; their
      // control must be block-uniform, as CUDA requires of __syncthreads().
      // Where it cannot be shown to be, only real threads are exact.
      for (Operation *parent = op->getParentOp(); parent != kernel;
           parent = parent->getParentOp()) {
        if (!isa<scf::IfOp, scf::IndexSwitchOp, scf::ForOp, scf::WhileOp>(
                parent)) {
          (void)unsupported(op, "__syncthreads() inside '" +
                                    parent->getName().getStringRef() + "'");
          return WalkResult::interrupt();
        }
        if (const char *kind = dependent(parent)) {
          Location at = userSourceLoc(parent->getLoc()) ? parent->getLoc()
                                                        : op->getLoc();
          (void)unsupported(op, "__syncthreads() at " + sourceLine(op->getLoc()) +
                                    " under a thread-dependent " + kind);
          whyNotLoc = at;
          return WalkResult::interrupt();
        }
      }
    }
    if (auto alloca = dyn_cast<LLVM::AllocaOp>(op);
        alloca && !matchPattern(alloca.getArraySize(), m_Constant())) {
      (void)unsupported(op, "a variable-length local array");
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}

/// 2. `void __lingqu_block_K(void **args, const lingqu_block_ctx *ctx)`: the
///    prologue reads the launch coordinates and the parameters, then the
///    kernel body is moved in after it.
void KernelLowering::createBlockFunction() {
  Location loc = kernel.getLoc();
  auto ptrTy = LLVM::LLVMPointerType::get(ctx);
  auto i32 = builder.getI32Type();
  auto voidTy = LLVM::LLVMVoidType::get(ctx);

  builder.setInsertionPoint(kernel);
  std::string name = (LINGQU_BLOCK_FN_PREFIX + kernel.getSymName()).str();
  blockFn = LLVM::LLVMFuncOp::create(
      builder, loc, name, LLVM::LLVMFunctionType::get(voidTy, {ptrTy, ptrTy}));
  entry = blockFn.addEntryBlock(builder);
  Value args = entry->getArgument(0), ctxArg = entry->getArgument(1);
  builder.setInsertionPointToStart(entry);

  // lingqu_block_ctx: three uint32_t[3], uint32_t, void *.
  auto dimsTy = LLVM::LLVMArrayType::get(i32, 3);
  auto ctxTy =
      LLVM::LLVMStructType::getLiteral(ctx, {dimsTy, dimsTy, dimsTy, i32, ptrTy});
  auto loadField = [&](int32_t field, std::optional<int32_t> index,
                       Type type) -> Value {
    SmallVector<LLVM::GEPArg> indices = {0, field};
    if (index)
      indices.push_back(*index);
    Value addr =
        LLVM::GEPOp::create(builder, loc, ptrTy, ctxTy, ctxArg, indices);
    return LLVM::LoadOp::create(builder, loc, type, addr);
  };
  for (int d = 0; d < 3; ++d) {
    gridDim[d] = loadField(0, d, i32);
    blockDim[d] = loadField(1, d, i32);
    blockIdx[d] = loadField(2, d, i32);
  }
  sharedBase = loadField(4, std::nullopt, ptrTy);
  Value bdx = LLVM::ZExtOp::create(builder, loc, builder.getI64Type(),
                                   blockDim[0]);
  Value bdy = LLVM::ZExtOp::create(builder, loc, builder.getI64Type(),
                                   blockDim[1]);
  Value bdz = LLVM::ZExtOp::create(builder, loc, builder.getI64Type(),
                                   blockDim[2]);
  numThreads64 = LLVM::MulOp::create(
      builder, loc, LLVM::MulOp::create(builder, loc, bdx, bdy), bdz);

  // Parameters: args[i] points at the i-th argument's bytes. A byval
  // aggregate is used in place, as the pointer the kernel expects.
  Block &oldBody = kernel.getBody().front();
  for (auto [i, arg] : llvm::enumerate(oldBody.getArguments())) {
    Value slot = LLVM::GEPOp::create(builder, loc, ptrTy, ptrTy, args,
                                     ArrayRef<LLVM::GEPArg>{int32_t(i)});
    Value argPtr = LLVM::LoadOp::create(builder, loc, ptrTy, slot);
    Value value;
    if (kernel.getArgAttr(i, LLVM::LLVMDialect::getByValAttrName())) {
      value = argPtr;
      if (arg.getType() != ptrTy)
        value = LLVM::AddrSpaceCastOp::create(builder, loc, arg.getType(),
                                              argPtr);
    } else {
      value = LLVM::LoadOp::create(builder, loc, arg.getType(), argPtr);
    }
    arg.replaceAllUsesWith(value);
  }

  // Loop bounds; the zero also marks the end of the prologue: later steps
  // insert block-wide values before it, and the kernel body follows it.
  loopStep = i32Const(builder, loc, 1);
  Value zero = i32Const(builder, loc, 0);
  prologueEnd = zero.getDefiningOp();
  slotAllocator.emplace(prologueEnd, numThreads64, ArrayRef<Value>(blockDim));

  // The kernel body, terminator included, follows the prologue.
  entry->getOperations().splice(entry->end(), oldBody.getOperations());
}

/// 3. Block-uniform queries read the prologue; lane and warp size derive from
///    the thread index (warps are runs of 32 consecutive linear indices).
void KernelLowering::replaceGridQueries() {
  SmallVector<Operation *> toErase;
  blockFn.walk([&](Operation *op) {
    auto replaceWith = [&](Value v) {
      op->getResult(0).replaceAllUsesWith(v);
      toErase.push_back(op);
    };
    if (auto q = dyn_cast<simt::BlockIdOp>(op))
      replaceWith(blockIdx[int(q.getDimension())]);
    else if (auto q = dyn_cast<simt::BlockDimOp>(op))
      replaceWith(blockDim[int(q.getDimension())]);
    else if (auto q = dyn_cast<simt::GridDimOp>(op))
      replaceWith(gridDim[int(q.getDimension())]);
    else if (auto q = dyn_cast<simt::WarpSizeOp>(op)) {
      OpBuilder b(op);
      replaceWith(i32Const(b, op->getLoc(), 32));
    } else if (auto q = dyn_cast<simt::LaneIdOp>(op)) {
      OpBuilder b(op);
      Location loc = op->getLoc();
      Value lin = slotAllocator->currentThread(b, loc);
      replaceWith(LLVM::AndOp::create(b, loc, lin, i32Const(b, loc, 31)));
    }
  });
  for (Operation *op : toErase)
    op->erase();
}

/// 4. A local variable is per thread, and may live across barriers: each
///    alloca becomes one slice per thread of a block-wide alloca in the
///    prologue (an alloca inside the thread loops would grow the stack on
///    every iteration).
LogicalResult KernelLowering::privatizeAllocas() {
  SmallVector<LLVM::AllocaOp> allocas;
  blockFn.walk([&](LLVM::AllocaOp op) { allocas.push_back(op); });
  for (LLVM::AllocaOp alloca : allocas) {
    // Lifetime markers must name an alloca; a slice of one is not.
    for (Operation *user : llvm::make_early_inc_range(alloca->getUsers()))
      if (isa<LLVM::LifetimeStartOp, LLVM::LifetimeEndOp>(user))
        user->erase();
    APInt count;
    (void)matchPattern(alloca.getArraySize(), m_ConstantInt(&count));
    Location loc = alloca.getLoc();

    OpBuilder pb(ctx);
    pb.setInsertionPoint(prologueEnd);
    Value total = LLVM::MulOp::create(pb, loc, numThreads64,
                                      i64Const(pb, loc, count.getZExtValue()));
    auto base = LLVM::AllocaOp::create(pb, loc, alloca.getType(),
                                       alloca.getElemType(), total,
                                       alloca.getAlignment().value_or(0));

    OpBuilder b(alloca);
    Value lin = slotAllocator->currentThread(b, loc);
    Value offset = LLVM::MulOp::create(
        b, loc, LLVM::ZExtOp::create(b, loc, b.getI64Type(), lin),
        i64Const(b, loc, count.getZExtValue()));
    Value slice = LLVM::GEPOp::create(b, loc, alloca.getType(),
                                      alloca.getElemType(), base,
                                      ArrayRef<LLVM::GEPArg>{offset});
    alloca.replaceAllUsesWith(slice);
    alloca.erase();
  }
  return success();
}

/// 5. `__shared__` globals live in the per-block buffer (KernelInfo.cpp
///    chose the offsets, the same for the kernel's per-thread form).
LogicalResult KernelLowering::placeSharedMemory() {
  OpBuilder b(ctx);
  b.setInsertionPoint(prologueEnd);
  rewriteSharedAddresses(blockFn, shared, sharedBase, b);
  return success();
}

/// 6. Loops and branches that hold a barrier run once per block: their
///    carried values move to per-thread arrays (see DemoteCarriedValues.cpp).
LogicalResult KernelLowering::demoteBlockLevelControlFlow() {
  blockFn.walk([&](simt::BarrierOp barrier) {
    for (Operation *op = barrier->getParentOp(); op != blockFn;
         op = op->getParentOp())
      blockLevel.insert(op);
  });
  // Innermost first: an outer op's rewrite moves, never clones, inner ones.
  SmallVector<Operation *> postOrder;
  blockFn.walk([&](Operation *op) {
    if (blockLevel.contains(op))
      postOrder.push_back(op);
  });
  blockLevel.clear();
  UniformityAnalysis uniformity(blockFn, isPrologue);
  if (failed(demoteCarriedValues(postOrder, uniformity, *slotAllocator)))
    return failure();
  // The rewrite replaced the ops; collect the new ones.
  auto collectBlockLevel = [&] {
    blockLevel.clear();
    blockFn.walk([&](simt::BarrierOp barrier) {
      for (Operation *op = barrier->getParentOp(); op != blockFn;
           op = op->getParentOp())
        blockLevel.insert(op);
    });
  };
  collectBlockLevel();
  if (failed(predicateDivergentBranches(uniformity)))
    return failure();
  collectBlockLevel();
  return success();
}

/// 6b. A branch that threads may take differently (its condition is not
///     provably uniform) around a warp collective (whose expansion holds a
///     barrier; a user's barrier there sends the kernel to the fiber
///     executor, see step 1) is entered by
///     the whole block, and every thread loop inside runs each thread's code
///     only where that thread's condition holds: `if (c) {T} else {E}`
///     becomes two always-entered scopes, T predicated on c and E on !c.
///     A loop whose exit differs between threads (scf.while) iterates while
///     any thread of the block still does; each thread's code in it runs
///     only while that thread's own loop goes on.
LogicalResult KernelLowering::predicateDivergentBranches(
    const UniformityAnalysis &uniformity) {
  SmallVector<Operation *> divergent;
  for (Operation *op : blockLevel) {
    Value selector;
    if (auto ifOp = dyn_cast<scf::IfOp>(op))
      selector = ifOp.getCondition();
    else if (auto switchOp = dyn_cast<scf::IndexSwitchOp>(op))
      selector = switchOp.getArg();
    if (selector && !uniformity.isUniform(selector))
      divergent.push_back(op);
  }
  for (Operation *op : blockLevel)
    if (auto loop = dyn_cast<scf::WhileOp>(op);
        loop && !uniformity.isUniform(loop.getConditionOp().getCondition()))
      predicateDivergentLoop(loop);
  // An scf.for runs at block level on thread 0's bounds; inside a branch
  // thread 0 may not take, that is no stand-in. (Clang's control flow lifts
  // to scf.while, so only hand-written IR gets here.)
  for (Operation *branch : divergent) {
    WalkResult result = branch->walk([&](scf::ForOp loop) {
      if (!blockLevel.contains(loop) ||
          (uniformity.isUniform(loop.getLowerBound()) &&
           uniformity.isUniform(loop.getUpperBound()) &&
           uniformity.isUniform(loop.getStep())))
        return WalkResult::advance();
      (void)unsupported(loop, "an scf.for with thread-dependent bounds around "
                              "a barrier, inside a thread-dependent branch,");
      return WalkResult::interrupt();
    });
    if (result.wasInterrupted())
      return failure();
  }

  for (Operation *branch : divergent) {
    Location loc = branch->getLoc();
    OpBuilder b(branch);
    Value always = LLVM::ConstantOp::create(b, loc, b.getI1Type(),
                                            b.getBoolAttr(true));
    auto scope = [&](Region &from, Value predicate) {
      // A side without barriers is ordinary per-thread code: a plain branch
      // on the thread's own condition.
      bool holdsBarrier = from.walk([](simt::BarrierOp) {
                                return WalkResult::interrupt();
                              }).wasInterrupted();
      auto newIf = scf::IfOp::create(b, loc, TypeRange{},
                                     holdsBarrier ? always : predicate, false);
      Block &to = newIf.getThenRegion().front();
      Block &body = from.front();
      to.getOperations().splice(to.begin(), body.getOperations(),
                                body.begin(), body.getTerminator()->getIterator());
      if (holdsBarrier)
        predicateOf[newIf] = predicate;
    };
    if (auto ifOp = dyn_cast<scf::IfOp>(branch)) {
      Value cond = ifOp.getCondition();
      scope(ifOp.getThenRegion(), cond);
      if (!ifOp.getElseRegion().empty())
        scope(ifOp.getElseRegion(), LLVM::XOrOp::create(b, loc, cond, always));
    } else {
      // case k runs where arg == k; default where the arg matches no case.
      auto switchOp = cast<scf::IndexSwitchOp>(branch);
      Value arg = switchOp.getArg();
      Value none = always;
      for (auto [value, region] :
           llvm::zip(switchOp.getCases(), switchOp.getCaseRegions())) {
        Value k = arith::ConstantIndexOp::create(b, loc, value);
        scope(region, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                            arg, k));
        none = LLVM::AndOp::create(
            b, loc, none,
            arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, arg, k));
      }
      scope(switchOp.getDefaultRegion(), none);
    }
    branch->erase();
  }
  return success();
}

/// 7. Each barrier-free run of ops in a block-level block runs in its own
///    loop nest over the block's threads (z outermost, x innermost so that
///    consecutive iterations touch consecutive addresses). Barriers vanish
///    between nests; block-level ops are entered and handled the same way.
void KernelLowering::buildThreadLoops(Block &block, Operation *first) {
  SmallVector<Operation *> piece;
  Operation *terminator = block.getTerminator();
  for (Operation *op = first; op && op != terminator;) {
    Operation *next = op->getNextNode();
    if (isa<simt::BarrierOp>(op)) {
      wrapInThreadLoops(piece);
      piece.clear();
      op->erase();
    } else if (blockLevel.contains(op)) {
      wrapInThreadLoops(piece);
      piece.clear();
      for (Region &region : op->getRegions())
        for (Block &inner : region)
          buildThreadLoops(inner, inner.empty() ? nullptr : &inner.front());
    } else if (isBlockUniform(op)) {
      // Computed once per block, before the thread loops that use it.
      if (!piece.empty())
        op->moveBefore(piece.front());
    } else {
      piece.push_back(op);
      threadLevel.insert(op);
    }
    op = next;
  }
  wrapInThreadLoops(piece);
}

/// A pure op of block-uniform operands (parameters, launch coordinates,
/// block-level loop indices, other uniform values) has the same value in
/// every thread: it need not run per thread.
bool KernelLowering::isBlockUniform(Operation *op) const {
  if (op->getNumRegions() != 0 || !isPure(op) || isa<simt::ThreadIdOp>(op))
    return false;
  return llvm::all_of(op->getOperands(), [&](Value v) {
    Operation *def = v.getDefiningOp();
    // Thread-level: waiting for its loop nest, or already inside one.
    return !def || (!threadLevel.contains(def) && nestOf(def) < 0);
  });
}

void KernelLowering::wrapInThreadLoops(ArrayRef<Operation *> piece) {
  if (piece.empty())
    return;
  // The loops are the kernel's own, not of a function inlined into it (the
  // first op is often threadIdx's getter): the outermost call site, so that
  // remarks on the loop point at the kernel's source.
  Location loc = piece.front()->getLoc();
  while (auto site = dyn_cast<CallSiteLoc>(loc))
    loc = site.getCaller();
  OpBuilder b(piece.front());
  ThreadLoopNest nest;
  Value zero = prologueEnd->getResult(0);
  // A piece that only threads with threadIdx.x < C run (say, one warp's
  // reduction under `if (tid < 32)`) needs only those iterations of x.
  Value xBound = blockDim[0];
  if (!llvm::any_of(piece, [&](Operation *op) { return activeInits.contains(op); }))
    if (std::optional<uint64_t> limit = xLimit(piece.front()->getBlock())) {
      Value c = i32Const(b, loc, int64_t(*limit));
      Value below = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ult, c,
                                         blockDim[0]);
      xBound = LLVM::SelectOp::create(b, loc, below, c, blockDim[0]);
    }
  for (int d = 2; d >= 0; --d) {
    auto loop = scf::ForOp::create(b, loc, zero, d == 0 ? xBound : blockDim[d],
                                   loopStep);
    if (d == 2)
      nest.outer = loop;
    if (d == 0)
      loop->setAttr(simt::SIMTDialect::getThreadLoopAttrName(),
                    b.getUnitAttr());
    nest.tid[d] = loop.getInductionVar();
    b.setInsertionPointToStart(loop.getBody());
  }
  nest.body = b.getInsertionBlock();
  nest.linearTid = slotAllocator->linearIndex(b, loc, nest.tid[0],
                                              nest.tid[1], nest.tid[2]);
  Operation *yield = nest.body->getTerminator();
  Block *pieceBlock = piece.front()->getBlock();
  Value predicate = piecePredicate(b, loc, pieceBlock, nest.linearTid);
  if (!predicate) {
    for (Operation *op : piece)
      op->moveBefore(yield);
  } else {
    // Presence flags are stored by every thread: whether it gets here.
    for (Operation *op : piece)
      if (activeInits.contains(op)) {
        // The store leaves the guard, so it addresses its element anew
        // (the original address is computed inside the guard).
        auto store = cast<LLVM::StoreOp>(op);
        auto i32 = b.getI32Type();
        Value array = store.getAddr().getDefiningOp<LLVM::GEPOp>().getBase();
        store.getValueMutable().assign(
            LLVM::ZExtOp::create(b, loc, i32, predicate));
        store.getAddrMutable().assign(
            slotAllocator->element(b, loc, array, i32, nest.linearTid));
      }
    SmallVector<Operation *> guarded;
    for (Operation *op : piece) {
      if (activeInits.contains(op))
        op->moveBefore(yield);
      else
        guarded.push_back(op);
    }
    piece = guarded;
    // Only threads whose branch conditions hold run the piece; values it
    // hands on come out of the guard (poison for the other threads, which
    // never use them).
    DenseSet<Operation *> inPiece(piece.begin(), piece.end());
    SmallVector<Value> escaping;
    for (Operation *op : piece)
      for (Value result : op->getResults())
        if (llvm::any_of(result.getUsers(), [&](Operation *user) {
              Operation *top = pieceBlock->findAncestorOpInBlock(*user);
              return !top || !inPiece.contains(top);
            }))
          escaping.push_back(result);
    SmallVector<Type> types;
    for (Value v : escaping)
      types.push_back(v.getType());
    auto guard = scf::IfOp::create(b, loc, types, predicate, true);
    Block &then = guard.getThenRegion().front();
    Block &otherwise = guard.getElseRegion().front();
    if (then.mightHaveTerminator())
      then.getTerminator()->erase();
    if (otherwise.mightHaveTerminator())
      otherwise.getTerminator()->erase();
    for (Operation *op : piece)
      op->moveBefore(&then, then.end());
    OpBuilder tb = OpBuilder::atBlockEnd(&then);
    scf::YieldOp::create(tb, loc, escaping);
    OpBuilder eb = OpBuilder::atBlockEnd(&otherwise);
    SmallVector<Value> poison;
    for (Type t : types)
      poison.push_back(LLVM::PoisonOp::create(eb, loc, t));
    scf::YieldOp::create(eb, loc, poison);
    for (auto [v, r] : llvm::zip(escaping, guard.getResults()))
      v.replaceUsesWithIf(r, [&](OpOperand &use) {
        return !guard->isProperAncestor(use.getOwner());
      });
  }
  cursor[nests.size()] = nest.linearTid.getDefiningOp();
  nestOfBody[nest.body] = nests.size();
  nests.push_back(nest);
}

/// Sets up per-thread activity for `loop`: a thread is active from the
/// loop's start (if it reaches it) until its own condition first fails.
void KernelLowering::predicateDivergentLoop(scf::WhileOp loop) {
  Location loc = loop.getLoc();
  auto i32 = builder.getI32Type();
  Value active = slotAllocator->allocate(i32, loc);
  activeSlotOf[loop] = active;
  // Entering: see wrapInThreadLoops, which stores whether the thread is
  // there at all (the enclosing predicates), not just 1.
  OpBuilder b(loop);
  Value tid = slotAllocator->currentThread(b, loc);
  Value one = i32Const(b, loc, 1);
  activeInits.insert(
      LLVM::StoreOp::create(b, loc, one,
                            slotAllocator->element(b, loc, active, i32, tid)));
  // Each iteration, a still active thread stays so only while its
  // condition holds.
  scf::ConditionOp condition = loop.getConditionOp();
  OpBuilder cb(condition);
  Value ctid = slotAllocator->currentThread(cb, loc);
  Value still = LLVM::ZExtOp::create(cb, loc, i32, condition.getCondition());
  LLVM::StoreOp::create(cb, loc, still,
                        slotAllocator->element(cb, loc, active, i32, ctid));
}

/// After the thread loops exist: a divergent loop goes on while any thread
/// of the block is active.
void KernelLowering::decideDivergentLoops() {
  auto i32 = builder.getI32Type();
  for (auto [op, active] : activeSlotOf) {
    auto loop = cast<scf::WhileOp>(op);
    scf::ConditionOp condition = loop.getConditionOp();
    Location loc = loop.getLoc();
    OpBuilder b(condition);
    Value n = slotAllocator->blockThreads(b, loc);
    auto any = scf::ForOp::create(b, loc, i32Const(b, loc, 0), n,
                                  i32Const(b, loc, 1),
                                  ValueRange{i32Const(b, loc, 0)});
    Block *body = any.getBody();
    if (body->mightHaveTerminator())
      body->getTerminator()->erase();
    OpBuilder lb = OpBuilder::atBlockEnd(body);
    Value flag = LLVM::LoadOp::create(
        lb, loc, i32,
        slotAllocator->element(lb, loc, active, i32, any.getInductionVar()));
    scf::YieldOp::create(
        lb, loc,
        ValueRange{LLVM::OrOp::create(lb, loc, any.getRegionIterArgs()[0], flag)});
    Value goOn = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ne,
                                      any.getResult(0), i32Const(b, loc, 0));
    condition.getConditionMutable().assign(goOn);
  }
}

/// The least C such that code in `block` runs only in threads whose x index
/// is below C: a predicate around it compares simt.thread_id x with the
/// constant C (`tid < C`, signed or not). Nothing if no predicate does.
std::optional<uint64_t> KernelLowering::xLimit(Block *block) const {
  std::optional<uint64_t> limit;
  for (Operation *op = block->getParentOp(); op && op != blockFn;
       op = op->getParentOp()) {
    auto it = predicateOf.find(op);
    if (it == predicateOf.end())
      continue;
    auto cmp = it->second.getDefiningOp<LLVM::ICmpOp>();
    if (!cmp || (cmp.getPredicate() != LLVM::ICmpPredicate::slt &&
                 cmp.getPredicate() != LLVM::ICmpPredicate::ult))
      continue;
    Value lhs = cmp.getLhs();
    while (Operation *def = lhs.getDefiningOp()) {
      if (!isa<LLVM::ZExtOp, LLVM::SExtOp>(def))
        break;
      lhs = def->getOperand(0);
    }
    auto tid = lhs.getDefiningOp<simt::ThreadIdOp>();
    APInt c;
    if (!tid || tid.getDimension() != simt::Dimension::x ||
        !matchPattern(cmp.getRhs(), m_ConstantInt(&c)))
      continue;
    uint64_t bound;
    if (cmp.getPredicate() == LLVM::ICmpPredicate::slt && c.isNegative())
      bound = 0; // no thread
    else if (c.getActiveBits() <= 32)
      bound = c.getZExtValue();
    else
      continue; // every thread
    limit = limit ? std::min(*limit, bound) : bound;
  }
  return limit;
}

/// The conjunction of the conditions of the divergent branches around
/// `block`, built at `b`; null when there are none.
Value KernelLowering::piecePredicate(OpBuilder &b, Location loc, Block *block,
                                     Value linearTid) {
  Value predicate;
  auto conjoin = [&](Value p) {
    predicate = predicate ? Value(LLVM::AndOp::create(b, loc, predicate, p)) : p;
  };
  for (Operation *op = block->getParentOp(); op && op != blockFn;
       op = op->getParentOp()) {
    if (auto it = predicateOf.find(op); it != predicateOf.end())
      conjoin(it->second);
    if (auto it = activeSlotOf.find(op); it != activeSlotOf.end()) {
      auto i32 = b.getI32Type();
      Value flag = LLVM::LoadOp::create(
          b, loc, i32,
          slotAllocator->element(b, loc, it->second, i32, linearTid));
      conjoin(LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ne, flag,
                                   i32Const(b, loc, 0)));
    }
  }
  return predicate;
}

/// The loop nest (index into `nests`) whose body holds `op` at top level, or
/// -1 for the prologue.
int KernelLowering::nestOf(Operation *op) const {
  for (Block *block = op->getBlock(); block;) {
    auto it = nestOfBody.find(block);
    if (it != nestOfBody.end())
      return it->second;
    Operation *parent = block->getParentOp();
    if (!parent || parent == blockFn)
      return -1;
    block = parent->getBlock();
  }
  return -1;
}

bool KernelLowering::isRecomputable(Value v, int fromNest,
                                    unsigned depth) const {
  Operation *def = v.getDefiningOp();
  if (!def)
    return false; // an induction variable of another nest
  if (nestOf(def) != fromNest)
    return true; // uniform: defined in the prologue
  if (depth > kMaxRematDepth || def->getNumRegions() != 0 ||
      def->getNumResults() != 1 || !isPure(def) ||
      def->getBlock() != nests[fromNest].body)
    return false;
  return llvm::all_of(def->getOperands(), [&](Value operand) {
    return isRecomputable(operand, fromNest, depth + 1);
  });
}

/// A block-wide array in the prologue; the defining nest stores each
/// thread's value into its element.
Value KernelLowering::perThreadSlot(Value v, int defNest) {
  auto it = slots.find(v);
  if (it != slots.end())
    return it->second;
  Location loc = v.getLoc();
  auto ptrTy = LLVM::LLVMPointerType::get(ctx);
  Value slot = slotAllocator->allocate(v.getType(), loc);
  OpBuilder sb(ctx);
  sb.setInsertionPointAfterValue(v);
  Value addr = LLVM::GEPOp::create(sb, loc, ptrTy, v.getType(), slot,
                                   ArrayRef<LLVM::GEPArg>{
                                       nests[defNest].linearTid});
  LLVM::StoreOp::create(sb, loc, v, addr);
  slots[v] = slot;
  return slot;
}

/// Makes `v`, defined in another nest, available at the top of `nest`.
Value KernelLowering::materialize(Value v, int nest, unsigned depth) {
  Operation *def = v.getDefiningOp();
  int defNest = def ? nestOf(def) : nestOf(v.getParentBlock()->getParentOp());
  if (defNest < 0 || defNest == nest)
    return v;
  auto key = std::make_pair(nest, v);
  if (Value known = materialized.lookup(key))
    return known;

  OpBuilder b(ctx);
  Value result;
  if (def && isRecomputable(v, defNest, depth)) {
    SmallVector<Value> operands;
    for (Value operand : def->getOperands())
      operands.push_back(materialize(operand, nest, depth + 1));
    b.setInsertionPointAfter(cursor[nest]);
    Operation *clone = b.clone(*def);
    clone->setOperands(operands);
    result = clone->getResult(0);
  } else {
    Value slot = perThreadSlot(v, defNest);
    b.setInsertionPointAfter(cursor[nest]);
    Location loc = v.getLoc();
    auto ptrTy = LLVM::LLVMPointerType::get(ctx);
    Value addr = LLVM::GEPOp::create(
        b, loc, ptrTy, v.getType(), slot,
        ArrayRef<LLVM::GEPArg>{nests[nest].linearTid});
    result = LLVM::LoadOp::create(b, loc, v.getType(), addr);
  }
  materialized[key] = result;
  cursor[nest] = result.getDefiningOp();
  return result;
}

/// 8. A value used in a later nest than the one defining it is recomputed
///    there when cheap and thread-local, and otherwise carried per thread.
void KernelLowering::carryValuesAcrossBarriers() {
  for (int nest = 0, e = nests.size(); nest < e; ++nest) {
    SmallVector<OpOperand *> crossing;
    nests[nest].outer.walk([&](Operation *op) {
      for (OpOperand &operand : op->getOpOperands()) {
        Value v = operand.get();
        Operation *def = v.getDefiningOp();
        int defNest =
            def ? nestOf(def) : nestOf(v.getParentBlock()->getParentOp());
        if (defNest >= 0 && defNest != nest)
          crossing.push_back(&operand);
      }
    });
    for (OpOperand *operand : crossing)
      operand->set(materialize(operand->get(), nest, 0));
  }
}

/// 9. Block-level ops (loop bounds, branch and loop conditions) read a value
///    that each thread computed; CUDA requires it to be the same in all
///    threads around a barrier, so thread 0's copy stands for all.
void KernelLowering::makeBlockLevelUsesUniform() {
  SmallVector<Operation *> users(blockLevel.begin(), blockLevel.end());
  for (Operation *op : blockLevel)
    for (Region &region : op->getRegions())
      for (Block &block : region)
        users.push_back(block.getTerminator());
  for (Operation *user : users)
    for (OpOperand &operand : user->getOpOperands()) {
      Operation *def = operand.get().getDefiningOp();
      if (def && nestOf(def) >= 0)
        operand.set(materializeUniform(operand.get(), user));
    }
}

Value KernelLowering::materializeUniform(Value v, Operation *user) {
  Operation *def = v.getDefiningOp();
  Value slot = perThreadSlot(v, nestOf(def));
  OpBuilder b(user);
  Location loc = v.getLoc();
  Value first = slotAllocator->element(b, loc, slot, v.getType(),
                                       i32Const(b, loc, 0));
  return LLVM::LoadOp::create(b, loc, v.getType(), first);
}

/// 10. Thread indices are the induction variables of the enclosing nest.
void KernelLowering::replaceThreadIds() {
  SmallVector<simt::ThreadIdOp> ids;
  blockFn.walk([&](simt::ThreadIdOp op) { ids.push_back(op); });
  for (simt::ThreadIdOp op : ids) {
    int nest = nestOf(op);
    assert(nest >= 0 && "thread index outside the thread loops");
    op.replaceAllUsesWith(nests[nest].tid[int(op.getDimension())]);
    op.erase();
  }
}

FailureOr<LLVM::LLVMFuncOp> KernelLowering::run() {
  if (failed(checkSupported()))
    return failure();
  createBlockFunction();
  replaceGridQueries();
  if (failed(privatizeAllocas()) || failed(placeSharedMemory()))
    return failure();
  // 5b. Warp collectives go through per-thread arrays and block barriers
  //     (ExpandWarpCollectives.cpp).
  {
    UniformityAnalysis uniformity(blockFn, isPrologue);
    SmallVector<Operation *> presence;
    LogicalResult expanded = expandWarpCollectives(
        blockFn, uniformity, *slotAllocator, presence,
        [&](Operation *op, const Twine &what) {
          (void)unsupported(op, what);
        });
    activeInits.insert(presence.begin(), presence.end());
    if (failed(expanded))
      return failure();
  }
  // 5c. Per-thread loops of a uniform trip count run once per block, the
  //     threads inside (InterchangeUniformLoops.cpp).
  if (interchangeLoops) {
    UniformityAnalysis uniformity(blockFn, isPrologue);
    (void)interchangeUniformLoops(blockFn, uniformity, isPrologue);
    // 5d. Atomics after much per-thread work get a thread loop of their
    //     own (IsolateSerialUpdates.cpp).
    (void)isolateSerialUpdates(blockFn, isPrologue);
  }
  if (failed(demoteBlockLevelControlFlow()))
    return failure();
  buildThreadLoops(*entry, prologueEnd->getNextNode());
  carryValuesAcrossBarriers();
  decideDivergentLoops();
  makeBlockLevelUsesUniform();
  replaceThreadIds();
  // 9. A thread loop around a loop striding by the block's width is one
  //    loop over the indices (FoldStridedThreadLoops.cpp).
  if (interchangeLoops)
    (void)foldStridedThreadLoops(blockFn);
  return blockFn;
}

namespace {
struct ConvertSIMTToCPUPass
    : lingqu::impl::ConvertSIMTToCPUBase<ConvertSIMTToCPUPass> {
  using ConvertSIMTToCPUBase::ConvertSIMTToCPUBase;
  void runOnOperation() override;
  LogicalResult lowerKernel(LLVM::LLVMFuncOp kernel, const DataLayout &layout);
};
} // namespace

/// NVVM operations that were not raised to simt have no CPU meaning in
/// either form of the kernel.
static LogicalResult checkNoNVVM(LLVM::LLVMFuncOp kernel) {
  WalkResult result = kernel.walk([&](Operation *op) {
    std::string what;
    if (op->getDialect() && op->getDialect()->getNamespace() == "nvvm")
      what = ("the NVVM operation '" + op->getName().getStringRef() + "'").str();
    else if (auto call = dyn_cast<LLVM::CallIntrinsicOp>(op);
             call && call.getIntrin().starts_with("llvm.nvvm."))
      what = ("the NVVM intrinsic '" + call.getIntrin() + "'").str();
    else
      return WalkResult::advance();
    Location loc = userSourceLoc(op->getLoc()) ? op->getLoc() : kernel.getLoc();
    mlir::emitError(loc) << what << " is not supported (kernel "
                         << llvm::demangle(kernel.getSymName().str()) << ", "
                         << sourceLine(loc) << ")";
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}

/// Both forms of `kernel` and its kernel info; the kernel itself goes.
LogicalResult ConvertSIMTToCPUPass::lowerKernel(LLVM::LLVMFuncOp kernel,
                                                const DataLayout &layout) {
  if (failed(checkNoNVVM(kernel)))
    return failure();
  std::string name = llvm::demangle(kernel.getSymName().str());
  SharedLayout shared = computeSharedLayout(kernel, layout);
  if (shared.staticBytes > UINT32_MAX)
    return mlir::emitError(kernel.getLoc())
           << "more than 4 GiB of __shared__ memory is not supported (kernel "
           << name << ", " << sourceLine(kernel.getLoc()) << ")";
  SmallVector<uint32_t> paramSizes = paramSizesOf(kernel, layout);
  SmallVector<uint32_t> paramAligns = paramAlignsOf(kernel, layout);
  LLVM::LLVMFuncOp threadFn = emitThreadFunction(kernel, shared);

  // The lowering moves the body into the block function, so it runs on a
  // copy: a kernel it gives up on still has its signature for the info.
  // Moving uniform loops to block level (step 5c) is an optimisation: a
  // kernel it keeps from collapsing is collapsed without it.
  std::string workName = (kernel.getSymName() + ".collapsing").str();
  std::string whyNot;
  Location whyNotLoc = UnknownLoc::get(&getContext());
  auto attempt = [&](bool interchange) -> FailureOr<LLVM::LLVMFuncOp> {
    OpBuilder b(kernel);
    auto work = cast<LLVM::LLVMFuncOp>(b.clone(*kernel));
    work.setSymName(workName);
    KernelLowering lowering(work, shared, interchange);
    FailureOr<LLVM::LLVMFuncOp> result = lowering.run();
    work.erase();
    whyNot = lowering.whyNot;
    whyNotLoc = lowering.whyNotLoc;
    if (failed(result))
      if (auto partial = kernel->getParentOfType<ModuleOp>()
                             .lookupSymbol<LLVM::LLVMFuncOp>(
                                 LINGQU_BLOCK_FN_PREFIX + workName))
        partial.erase();
    return result;
  };
  FailureOr<LLVM::LLVMFuncOp> blockFn = attempt(interchangeLoops);
  if (failed(blockFn) && interchangeLoops)
    blockFn = attempt(false);
  if (failed(blockFn)) {
    if (!fiberFallback)
      return mlir::emitError(whyNotLoc)
             << whyNot << " is not supported (kernel " << name << ", "
             << sourceLine(whyNotLoc) << ")";
    mlir::emitRemark(UnknownLoc::get(&getContext()))
        << "kernel " << name << " runs on the fiber executor: " << whyNot
        << " (" << sourceLine(whyNotLoc) << ")";
  } else {
    blockFn->setSymName((LINGQU_BLOCK_FN_PREFIX + kernel.getSymName()).str());
  }
  emitKernelInfo(kernel, paramSizes, paramAligns, shared,
                 succeeded(blockFn) ? *blockFn : LLVM::LLVMFuncOp(), threadFn);
  kernel.erase();
  return success();
}

void ConvertSIMTToCPUPass::runOnOperation() {
  ModuleOp module = getOperation();
  DataLayout layout(module);

  SmallVector<LLVM::LLVMFuncOp> kernels;
  bool failedAny = false;
  for (auto func : module.getOps<LLVM::LLVMFuncOp>()) {
    if (func->hasAttr(simt::SIMTDialect::getKernelAttrName())) {
      kernels.push_back(func);
      continue;
    }
    // Device functions that reach this point were not inlined; the thread
    // coordinates of their caller are not visible to them.
    func.walk([&](Operation *op) {
      if (op->getDialect() && isa<simt::SIMTDialect>(op->getDialect())) {
        Location loc = op->getLoc();
        mlir::emitError(loc)
            << "'" << op->getName() << "' in device function '"
            << llvm::demangle(func.getSymName().str())
            << "', which could not be inlined into its kernel, is not "
               "supported ("
            << sourceLine(loc) << ")";
        failedAny = true;
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
  }
  for (LLVM::LLVMFuncOp kernel : kernels)
    if (failed(lowerKernel(kernel, layout)))
      failedAny = true;
  if (failedAny)
    return signalPassFailure();

  // Shared variables now live in the per-block buffers.
  for (auto global :
       llvm::make_early_inc_range(module.getOps<LLVM::GlobalOp>()))
    if (global.getAddrSpace() == kSharedAddrSpace &&
        global.symbolKnownUseEmpty(module))
      global.erase();
}
