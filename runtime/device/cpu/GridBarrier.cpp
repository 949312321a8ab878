//===- GridBarrier.cpp - grid_group::sync() for cooperative launches ------===//

#include "device/cpu/GridBarrier.h"
#include "device/cpu/KernelAbort.h"

#include <atomic>
#include <cstdio>

using namespace lingqu::rt::cpu;

namespace {
struct Waiting {
  const uint64_t *generation;
  uint64_t seen;
  const bool *abandoned;
};
bool released(Waiting *w) {
  return *w->generation != w->seen || *w->abandoned;
}
} // namespace

bool GridBarrier::arriveAndWait() {
  absl::MutexLock lock(&mu_);
  if (abandoned_)
    return false;
  if (++arrived_ == participants_) {
    arrived_ = 0;
    ++generation_;
    return true;
  }
  Waiting waiting{&generation_, generation_, &abandoned_};
  mu_.Await(absl::Condition(&released, &waiting));
  return waiting.seen != generation_;
}

void GridBarrier::abandon() {
  absl::MutexLock lock(&mu_);
  abandoned_ = true;
}

GridBarrier *&GridBarrier::current() {
  thread_local GridBarrier *barrier = nullptr;
  return barrier;
}

/// Called by device code (cooperative_groups.h), once per block.
extern "C" __attribute__((visibility("default"))) void __lingqu_grid_sync(void) {
  if (GridBarrier *barrier = GridBarrier::current()) {
    if (!barrier->arriveAndWait()) // outside the lock: this never returns
      abortKernel(absl::CancelledError("another block aborted the kernel"));
    return;
  }
  // CUDA leaves grid.sync() outside a cooperative launch undefined (it may
  // hang); say so once instead of hanging.
  static std::atomic<bool> warned{false};
  if (!warned.exchange(true))
    std::fprintf(stderr, "lingqu: grid_group::sync() outside "
                         "cudaLaunchCooperativeKernel has no effect\n");
}
