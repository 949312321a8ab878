//===- GridBarrier.cpp - grid_group::sync() for cooperative launches ------===//

#include "device/cpu/GridBarrier.h"

#include <atomic>
#include <cstdio>

using namespace lingqu::rt::cpu;

namespace {
struct Waiting {
  const uint64_t *generation;
  uint64_t seen;
};
bool generationChanged(Waiting *w) { return *w->generation != w->seen; }
} // namespace

void GridBarrier::arriveAndWait() {
  absl::MutexLock lock(&mu_);
  if (++arrived_ == participants_) {
    arrived_ = 0;
    ++generation_;
    return;
  }
  Waiting waiting{&generation_, generation_};
  mu_.Await(absl::Condition(&generationChanged, &waiting));
}

GridBarrier *&GridBarrier::current() {
  thread_local GridBarrier *barrier = nullptr;
  return barrier;
}

/// Called by device code (cooperative_groups.h), once per block.
extern "C" __attribute__((visibility("default"))) void __lingqu_grid_sync(void) {
  if (GridBarrier *barrier = GridBarrier::current()) {
    barrier->arriveAndWait();
    return;
  }
  // CUDA leaves grid.sync() outside a cooperative launch undefined (it may
  // hang); say so once instead of hanging.
  static std::atomic<bool> warned{false};
  if (!warned.exchange(true))
    std::fprintf(stderr, "lingqu: grid_group::sync() outside "
                         "cudaLaunchCooperativeKernel has no effect\n");
}
