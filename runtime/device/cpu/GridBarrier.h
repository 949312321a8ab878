//===- GridBarrier.h - grid_group::sync() for cooperative launches -*- C++ -*-===//
//
// In a cooperative launch every block runs on its own thread; the block's
// leader calls __lingqu_grid_sync() (see cooperative_groups.h), which waits
// here until the leaders of all blocks have arrived.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_DEVICE_CPU_GRIDBARRIER_H
#define LINGQU_RUNTIME_DEVICE_CPU_GRIDBARRIER_H

#include <cstdint>

#include "absl/synchronization/mutex.h"

namespace lingqu::rt::cpu {

class GridBarrier {
public:
  explicit GridBarrier(uint64_t participants) : participants_(participants) {}

  /// Returns once all participants have called it (again reusable): true,
  /// or false once the barrier is abandoned.
  bool arriveAndWait();
  /// A participant will never arrive (its block aborted): releases the
  /// waiting ones and makes every later wait fail.
  void abandon();

  /// The barrier of the cooperative launch this thread runs a block of, or
  /// null outside one.
  static GridBarrier *&current();

private:
  absl::Mutex mu_;
  const uint64_t participants_;
  uint64_t arrived_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
  bool abandoned_ ABSL_GUARDED_BY(mu_) = false;
};

} // namespace lingqu::rt::cpu

#endif // LINGQU_RUNTIME_DEVICE_CPU_GRIDBARRIER_H
