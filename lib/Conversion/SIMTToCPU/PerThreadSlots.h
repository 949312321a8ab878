//===- PerThreadSlots.h - Per-thread arrays of a block function -*- C++ -*-===//
//
// Internal to the SIMT-to-CPU lowering. A value that must survive from one
// thread loop to another lives in a block-wide array with one element per
// thread, allocated once in the block function's prologue.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_LIB_CONVERSION_SIMTTOCPU_PERTHREADSLOTS_H
#define LINGQU_LIB_CONVERSION_SIMTTOCPU_PERTHREADSLOTS_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/ArrayRef.h"

namespace lingqu {

class UniformityAnalysis;

class PerThreadSlots {
public:
  /// Arrays are allocated before `prologueEnd`, `numThreads` (i64) long;
  /// `blockDim` are the i32 block sizes x, y, z.
  PerThreadSlots(mlir::Operation *prologueEnd, mlir::Value numThreads,
                 llvm::ArrayRef<mlir::Value> blockDim)
      : prologueEnd(prologueEnd), numThreads(numThreads),
        blockDim(blockDim.begin(), blockDim.end()) {}

  /// A new array of `type`, one element per thread of the block.
  mlir::Value allocate(mlir::Type type, mlir::Location loc);

  /// The address of element `index` (i32) of `slot`.
  mlir::Value element(mlir::OpBuilder &b, mlir::Location loc, mlir::Value slot,
                      mlir::Type type, mlir::Value index);

  /// x + blockDim.x * (y + blockDim.y * z) of the given coordinates.
  mlir::Value linearIndex(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value x, mlir::Value y, mlir::Value z);

  /// The number of threads in the block (i32).
  mlir::Value blockThreads(mlir::OpBuilder &b, mlir::Location loc);

  /// The linear index of the thread executing at `b`'s insertion point,
  /// through simt.thread_id ops that the thread loops later replace.
  mlir::Value currentThread(mlir::OpBuilder &b, mlir::Location loc);

private:
  mlir::Operation *prologueEnd;
  mlir::Value numThreads;
  llvm::SmallVector<mlir::Value, 3> blockDim;
};

/// Rewrites each op in `blockLevelOps` (scf.if, scf.for, scf.while holding a
/// barrier, innermost first) so that it carries only block-uniform SSA
/// values across its regions: the thread-dependent iteration arguments,
/// region arguments and results move into per-thread arrays, stored and
/// loaded by the threads themselves. The ops' regions then run once per
/// block, the thread loops inside them.
mlir::LogicalResult
demoteCarriedValues(llvm::ArrayRef<mlir::Operation *> blockLevelOps,
                    const UniformityAnalysis &uniformity,
                    PerThreadSlots &slots);

/// Rewrites the warp collectives in `root` (shuffles, votes, __activemask,
/// __syncwarp) into per-thread arrays and block barriers: every lane
/// publishes its operand, the block synchronises, every lane reads what it
/// needs. Branches and while loops around them may differ between threads
/// (the thread loops predicate each thread's code); scf.for bounds must be
/// uniform, else `unsupported` is called and the result is failure.
/// `presenceStores` receives the stores that must record, for every thread,
/// whether the thread gets there (the value stored is replaced by the
/// thread's predicate when the thread loops are built).
mlir::LogicalResult expandWarpCollectives(
    mlir::Operation *root, const UniformityAnalysis &uniformity,
    PerThreadSlots &slots,
    llvm::SmallVectorImpl<mlir::Operation *> &presenceStores,
    llvm::function_ref<void(mlir::Operation *, const llvm::Twine &)>
        unsupported);

/// Makes the outermost loops in `root`'s thread-level code whose trip count
/// is the same for every thread (and which touch memory) run once per
/// block, with the thread loops inside them, by putting a block barrier at
/// the start of their bodies (InterchangeUniformLoops.cpp). Returns how many.
int interchangeUniformLoops(mlir::Operation *root,
                            const UniformityAnalysis &uniformity,
                            llvm::function_ref<bool(mlir::Operation *)>
                                isPrologue);

/// Whether `op` is or holds a block barrier.
bool holdsBarrier(mlir::Operation *op);

/// Gives the atomic and volatile updates that follow much per-thread float
/// work a thread loop of their own, by putting a block barrier before the
/// first of them, so that the work vectorises (IsolateSerialUpdates.cpp).
/// Returns how many.
int isolateSerialUpdates(mlir::Operation *root,
                         llvm::function_ref<bool(mlir::Operation *)>
                             isPrologue);

/// Folds each thread loop whose only work is a loop striding from the
/// thread's x index by the loop's own extent into one loop over the
/// indices (versioned on the stride equalling the extent), so that a tile
/// walked column by column becomes contiguous (FoldStridedThreadLoops.cpp).
/// Returns how many.
int foldStridedThreadLoops(mlir::Operation *root);

} // namespace lingqu

#endif // LINGQU_LIB_CONVERSION_SIMTTOCPU_PERTHREADSLOTS_H
