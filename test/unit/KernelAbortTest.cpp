//===- KernelAbortTest.cpp - assert() and __trap() end the kernel ---------===//
//
// Kernels written by hand against the launch ABI call the entry points the
// device headers bind assert() and __trap() to, in each executor.

#include "device/cpu/KernelAbort.h"

#include <atomic>
#include <string>

#include "core/DevicePrintf.h"
#include "core/Status.h"
#include "device/cpu/CpuDevice.h"
#include "device/cpu/FiberExecutor.h"
#include "gtest/gtest.h"

extern "C" void __lingqu_trap(unsigned tx, unsigned ty, unsigned tz);
extern "C" void __lingqu_assert_fail(const char *assertion, const char *file,
                                     unsigned line, const char *function,
                                     unsigned bx, unsigned by, unsigned bz,
                                     unsigned tx, unsigned ty, unsigned tz);
extern "C" void __lingqu_grid_sync(void);
extern "C" void __lingqu_fiber_barrier(lingqu_thread_ctx *ctx,
                                       const char *site);

using namespace lingqu::rt;

namespace {

struct Data {
  std::atomic<int> blocksRun{0}, pastTheAbort{0};
};

Data &data(void **args) { return **reinterpret_cast<Data **>(args[0]); }

absl::Status launch(Device &device, lingqu_kernel_info &info, Data &d,
                    Dim3 grid, Dim3 block, bool cooperative = false) {
  Data *pointer = &d;
  void *args[] = {&pointer};
  KernelLaunch l;
  l.info = &info;
  l.grid = grid;
  l.block = block;
  l.args = args;
  l.name = "_Z1kv";
  l.cooperative = cooperative;
  return device.launch(l);
}

lingqu_kernel_info blockKernel(lingqu_block_fn fn) {
  return {LINGQU_LAUNCH_ABI_VERSION, 1, 0, 0, fn, nullptr, nullptr, nullptr};
}

void trapInBlockFive(void **args, const lingqu_block_ctx *ctx) {
  data(args).blocksRun++;
  if (ctx->block_idx[0] == 5)
    __lingqu_trap(1, 2, 3);
  if (ctx->block_idx[0] == 5)
    data(args).pastTheAbort++;
}

TEST(KernelAbortTest, TrapEndsTheLaunchWithLaunchFailure) {
  std::unique_ptr<Device> device = cpu::createCpuDevice({1});
  lingqu_kernel_info info = blockKernel(trapInBlockFive);
  Data d;
  testing::internal::CaptureStderr();
  absl::Status s = launch(*device, info, d, {64, 1, 1}, {1, 1, 1});
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(errorCodeOf(s), cudaErrorLaunchFailure) << s;
  EXPECT_EQ(s.message(),
            "kernel 'k()' block (5,0,0) thread (1,2,3) executed __trap()");
  EXPECT_NE(err.find("executed __trap()"), std::string::npos) << err;
  EXPECT_EQ(d.pastTheAbort.load(), 0);
  // One worker: the blocks after the aborted one never start.
  EXPECT_EQ(d.blocksRun.load(), 6);
}

void assertInBlockTwo(void **args, const lingqu_block_ctx *ctx) {
  if (ctx->block_idx[1] == 2)
    __lingqu_assert_fail("x < n", "k.cu", 12, "void k()", 0, 2, 0, 4, 0, 0);
  data(args).blocksRun++;
}

TEST(KernelAbortTest, FailedAssertionEndsTheLaunchWithAssert) {
  std::unique_ptr<Device> device = cpu::createCpuDevice({2});
  lingqu_kernel_info info = blockKernel(assertInBlockTwo);
  Data d;
  absl::Status s = launch(*device, info, d, {1, 4, 1}, {8, 1, 1});
  EXPECT_EQ(errorCodeOf(s), cudaErrorAssert) << s;
  EXPECT_EQ(s.message(), "kernel 'k()' block (0,2,0) thread (4,0,0) failed an "
                         "assertion");
  testing::internal::CaptureStderr();
  flushDeviceOutput(); // CUDA shows the message at the next synchronisation
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "k.cu:12: void k(): block: [0,2,0], thread: [4,0,0] Assertion "
            "`x < n` failed.\n");
}

void trapAfterBarrier(void **args, lingqu_thread_ctx *ctx) {
  __lingqu_fiber_barrier(ctx, "k.cu:3");
  if (ctx->thread_idx[0] == 3)
    __lingqu_trap(ctx->thread_idx[0], 0, 0);
  __lingqu_fiber_barrier(ctx, "k.cu:5");
  data(args).pastTheAbort++;
}

TEST(KernelAbortTest, TrapOnAFiberAbandonsTheBlock) {
  lingqu_kernel_info info = {LINGQU_LAUNCH_ABI_VERSION, 1, 0,
                             LINGQU_KERNEL_FIBER_ONLY, nullptr, nullptr,
                             trapAfterBarrier, nullptr};
  Data d;
  std::unique_ptr<Device> device = cpu::createCpuDevice({1});
  testing::internal::CaptureStderr();
  absl::Status s = launch(*device, info, d, {2, 1, 1}, {8, 1, 1});
  testing::internal::GetCapturedStderr();
  EXPECT_EQ(errorCodeOf(s), cudaErrorLaunchFailure) << s;
  EXPECT_EQ(s.message(),
            "kernel 'k()' block (0,0,0) thread (3,0,0) executed __trap()");
  // No thread passed the second barrier: thread 3 never arrives there.
  EXPECT_EQ(d.pastTheAbort.load(), 0);
  // The executor's stacks survive the abandoned block.
  testing::internal::CaptureStderr();
  s = launch(*device, info, d, {1, 1, 1}, {8, 1, 1});
  testing::internal::GetCapturedStderr();
  EXPECT_EQ(errorCodeOf(s), cudaErrorLaunchFailure) << s;
}

void trapBeforeGridSync(void **args, const lingqu_block_ctx *ctx) {
  if (ctx->block_idx[0] == 2)
    __lingqu_trap(0, 0, 0);
  __lingqu_grid_sync();
  data(args).pastTheAbort++;
}

TEST(KernelAbortTest, AnAbortedBlockReleasesTheGridBarrier) {
  std::unique_ptr<Device> device = cpu::createCpuDevice({2});
  lingqu_kernel_info info = blockKernel(trapBeforeGridSync);
  Data d;
  testing::internal::CaptureStderr();
  absl::Status s = launch(*device, info, d, {4, 1, 1}, {1, 1, 1},
                          /*cooperative=*/true);
  testing::internal::GetCapturedStderr();
  // The blocks waiting at the barrier give up; the reason is block 2's.
  EXPECT_EQ(errorCodeOf(s), cudaErrorLaunchFailure) << s;
  EXPECT_EQ(s.message(),
            "kernel 'k()' block (2,0,0) thread (0,0,0) executed __trap()");
  EXPECT_EQ(d.pastTheAbort.load(), 0);
}

TEST(KernelAbortDeathTest, OutsideAKernelTheProcessAborts) {
  EXPECT_DEATH(cpu::abortKernel(absl::InternalError("a trap")),
               "lingqu: a trap outside a kernel");
}

} // namespace
