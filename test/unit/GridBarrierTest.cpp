//===- GridBarrierTest.cpp - The cooperative launch's grid barrier --------===//

#include "device/cpu/GridBarrier.h"

#include <atomic>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

extern "C" void __lingqu_grid_sync(void);

namespace {

using lingqu::rt::cpu::GridBarrier;

TEST(GridBarrierTest, NoThreadPassesBeforeAllArrive) {
  constexpr int kThreads = 8, kPhases = 50;
  GridBarrier barrier(kThreads);
  std::atomic<int> arrived[kPhases] = {};
  std::atomic<int> violations{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      GridBarrier::current() = &barrier;
      for (int phase = 0; phase < kPhases; ++phase) {
        arrived[phase].fetch_add(1);
        __lingqu_grid_sync();
        // Everyone arrived at this phase before anyone left it.
        if (arrived[phase].load() != kThreads)
          violations.fetch_add(1);
      }
      GridBarrier::current() = nullptr;
    });
  for (std::thread &t : threads)
    t.join();
  EXPECT_EQ(violations.load(), 0);
}

TEST(GridBarrierTest, AbandoningReleasesWaitersAndFailsLaterWaits) {
  GridBarrier barrier(3);
  std::atomic<int> released{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([&] {
      if (!barrier.arriveAndWait())
        released.fetch_add(1);
    });
  barrier.abandon(); // the third participant aborted
  for (std::thread &t : threads)
    t.join();
  EXPECT_EQ(released.load(), 2);
  EXPECT_FALSE(barrier.arriveAndWait());
}

TEST(GridBarrierTest, OutsideACooperativeLaunchItWarnsAndReturns) {
  ASSERT_EQ(GridBarrier::current(), nullptr);
  testing::internal::CaptureStderr();
  __lingqu_grid_sync();
  __lingqu_grid_sync();
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "lingqu: grid_group::sync() outside cudaLaunchCooperativeKernel "
                 "has no effect\n");
}

} // namespace
