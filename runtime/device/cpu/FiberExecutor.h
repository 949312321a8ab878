//===- FiberExecutor.h - One fiber per CUDA thread --------------*- C++ -*-===//
//
// The reference executor: a block's threads run the kernel's per-thread form
// (__lingqu_thread_<K>), each on its own fiber, and switch only where CUDA
// synchronises: __syncthreads() waits until every thread that has not
// exited is at the same barrier, warp operations wait for the lanes in their
// mask. It runs what the collapsing compiler could not prove safe, and it is
// what the end-to-end tests compare the collapsed form against.
//
// A block whose threads cannot all go on (some wait at one barrier, some at
// another; a warp operation waits for lanes that never come) fails with
// cudaErrorLaunchFailure and a message naming the kernel, the block and the
// barriers, instead of hanging.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_DEVICE_CPU_FIBEREXECUTOR_H
#define LINGQU_RUNTIME_DEVICE_CPU_FIBEREXECUTOR_H

#include <cstddef>
#include <memory>

#include "absl/status/status.h"
#include "core/Device.h"
#include "lingqu/ABI/FatBinary.h"

namespace lingqu::rt::cpu {

class FiberStackPool;

/// Runs blocks on fibers. Not thread-safe: one per worker thread, which
/// keeps its fiber stacks from block to block.
class FiberExecutor {
public:
  /// `stackBytes`: the stack of each CUDA thread.
  explicit FiberExecutor(size_t stackBytes = defaultStackBytes());
  ~FiberExecutor();
  FiberExecutor(const FiberExecutor &) = delete;
  FiberExecutor &operator=(const FiberExecutor &) = delete;

  /// Runs every thread of block `block.block_idx` of `launch`.
  absl::Status runBlock(const KernelLaunch &launch,
                        const lingqu_block_ctx &block);

  /// 128 KiB, or LINGQU_FIBER_STACK_KIB.
  static size_t defaultStackBytes();

private:
  std::unique_ptr<FiberStackPool> stacks_;
};

} // namespace lingqu::rt::cpu

#endif // LINGQU_RUNTIME_DEVICE_CPU_FIBEREXECUTOR_H
