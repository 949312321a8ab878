//===- FiberExecutorTest.cpp - Threads on fibers synchronise as in CUDA ---===//

#include "device/cpu/FiberExecutor.h"

#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "core/Status.h"
#include "device/cpu/CpuDevice.h"
#include "gtest/gtest.h"

using namespace lingqu::rt;

namespace {

constexpr uint32_t kUnset = 0xDEADBEEF;
constexpr uint32_t kFull = 0xFFFFFFFF;

/// What a block's threads read and write; args[0] points to one.
struct Data {
  explicit Data(uint32_t a = 0, uint32_t b = 0, uint32_t c = 0)
      : a(a), b(b), c(c) {}
  uint32_t a, b, c;                // per-test parameters
  std::vector<uint32_t> out, out2; // by linear thread id (and block)
  std::vector<uint32_t> shared;    // the block's __shared__ memory
  std::atomic<int> blockFnCalls{0};
};

Data &data(void **args) { return *static_cast<Data *>(args[0]); }
uint32_t count(const lingqu_thread_ctx *ctx) {
  return ctx->block.block_dim[0] * ctx->block.block_dim[1] *
         ctx->block.block_dim[2];
}
uint32_t linear(const lingqu_thread_ctx *ctx) {
  const uint32_t *d = ctx->block.block_dim, *t = ctx->thread_idx;
  return t[0] + d[0] * (t[1] + d[1] * t[2]);
}
uint32_t *shared(const lingqu_thread_ctx *ctx) {
  return static_cast<uint32_t *>(ctx->block.shared);
}

/// Runs block (1,0,0) of a two-block grid of `fn` with `block` threads.
absl::Status runBlock(lingqu_thread_fn fn, Dim3 block, Data &d,
                      const char *name = "k") {
  const uint32_t n = uint32_t(block.volume());
  d.out.assign(n, kUnset);
  d.out2.assign(n, kUnset);
  d.shared.assign(n + 32, kUnset);
  lingqu_kernel_info info = {LINGQU_LAUNCH_ABI_VERSION,
                             1,
                             0,
                             LINGQU_KERNEL_FIBER_ONLY,
                             nullptr,
                             nullptr,
                             fn};
  void *args[] = {&d};
  KernelLaunch launch;
  launch.info = &info;
  launch.grid = {2, 1, 1};
  launch.block = block;
  launch.args = args;
  launch.name = name;
  lingqu_block_ctx ctx = {
      {2, 1, 1}, {block.x, block.y, block.z}, {1, 0, 0}, 0, d.shared.data()};
  cpu::FiberExecutor executor;
  return executor.runBlock(launch, ctx);
}

/// Checks out[t] == expect(t) for every thread t.
template <typename F> void expectOut(const Data &d, F expect) {
  for (uint32_t t = 0; t < d.out.size(); ++t)
    ASSERT_EQ(d.out[t], uint32_t(expect(t))) << "thread " << t;
}

void expectLaunchFailure(const absl::Status &s,
                         std::initializer_list<const char *> parts) {
  EXPECT_EQ(errorCodeOf(s), cudaErrorLaunchFailure) << s;
  for (const char *part : parts)
    EXPECT_NE(s.message().find(part), absl::string_view::npos) << s;
}

void recordIndex(void **args, lingqu_thread_ctx *ctx) {
  Data &d = data(args);
  uint32_t t = linear(ctx);
  bool ok = ctx->block.block_idx[0] == 1 && ctx->block.grid_dim[0] == 2 &&
            ctx->block.shared == d.shared.data();
  d.out[t] = d.out[t] == kUnset && ok ? 1 : 2; // twice, or a bad context
  d.out2[t] = ctx->lane;
}

TEST(FiberExecutorTest, RunsEveryThreadOnceWithItsIndexAndLane) {
  for (Dim3 block : {Dim3{40, 1, 1}, Dim3{1, 1, 1}, Dim3{5, 3, 2},
                     Dim3{1024, 1, 1}, Dim3{4, 4, 4}, Dim3{1, 3, 11}}) {
    SCOPED_TRACE(testing::Message()
                 << block.x << "x" << block.y << "x" << block.z);
    Data d;
    ASSERT_TRUE(runBlock(recordIndex, block, d).ok());
    // A wrong thread_idx makes two threads share a slot and leaves another.
    for (uint32_t t = 0; t < d.out.size(); ++t) {
      ASSERT_EQ(d.out[t], 1u) << "thread " << t;
      ASSERT_EQ(d.out2[t], t % 32) << "thread " << t;
    }
  }
}

// Threads run in order until they wait, so thread t reads (t+1)'s slot
// before it is written unless the barrier holds it.
void rotateOnce(void **args, lingqu_thread_ctx *ctx) {
  uint32_t t = linear(ctx), n = count(ctx);
  shared(ctx)[t] = t * 3;
  __lingqu_fiber_barrier(ctx, "rot.cu:1:1");
  data(args).out[t] = shared(ctx)[(t + 1) % n];
}

TEST(FiberExecutorTest, BarrierOrdersSharedMemory) {
  for (Dim3 block : {Dim3{40, 1, 1}, Dim3{5, 3, 2}, Dim3{1024, 1, 1}}) {
    Data d;
    ASSERT_TRUE(runBlock(rotateOnce, block, d).ok());
    uint32_t n = uint32_t(block.volume());
    expectOut(d, [&](uint32_t t) { return (t + 1) % n * 3; });
  }
}

// Each round moves every value one slot down: read, barrier, write,
// barrier, at two sites that alternate with the rounds.
void rotateTenTimes(void **args, lingqu_thread_ctx *ctx) {
  uint32_t t = linear(ctx), n = count(ctx);
  shared(ctx)[t] = t;
  __lingqu_fiber_barrier(ctx, "loop.cu:0:0");
  for (int round = 0; round < 10; ++round) {
    uint32_t value = shared(ctx)[(t + 1) % n];
    __lingqu_fiber_barrier(ctx, round % 2 ? "loop.cu:1:1" : "loop.cu:2:2");
    shared(ctx)[t] = value;
    __lingqu_fiber_barrier(ctx, round % 2 ? "loop.cu:2:2" : "loop.cu:1:1");
  }
  data(args).out[t] = shared(ctx)[t];
}

TEST(FiberExecutorTest, BarriersInALoop) {
  Data d;
  ASSERT_TRUE(runBlock(rotateTenTimes, {7, 3, 2}, d).ok());
  expectOut(d, [](uint32_t t) { return (t + 10) % 42; });
}

// Odd threads exit before the first barrier (d.a == 0) or between the two.
void oddThreadsExit(void **args, lingqu_thread_ctx *ctx) {
  Data &d = data(args);
  uint32_t t = linear(ctx), n = count(ctx);
  bool odd = t % 2;
  if (odd && d.a == 0)
    return;
  shared(ctx)[t] = t + 100;
  __lingqu_fiber_barrier(ctx, "exit.cu:1:1");
  if (odd)
    return;
  d.out[t] = shared(ctx)[(t + 2) % n];
  __lingqu_fiber_barrier(ctx, "exit.cu:2:2");
  d.out2[t] = shared(ctx)[t + 1];
}

TEST(FiberExecutorTest, ExitedThreadsDoNotBlockABarrier) {
  for (uint32_t exitLate : {0u, 1u}) {
    Data d{exitLate};
    ASSERT_TRUE(runBlock(oddThreadsExit, {40, 1, 1}, d).ok());
    for (uint32_t t = 0; t < 40; t += 2) {
      EXPECT_EQ(d.out[t], (t + 2) % 40 + 100) << "thread " << t;
      EXPECT_EQ(d.out2[t], exitLate ? t + 101 : kUnset) << "thread " << t;
      EXPECT_EQ(d.out[t + 1], kUnset) << "thread " << t + 1;
    }
  }
}

// Thread d.a (or every odd thread, if d.a == kUnset) waits at b.cu:2:2.
void splitBarrier(void **args, lingqu_thread_ctx *ctx) {
  Data &d = data(args);
  uint32_t t = linear(ctx);
  bool other = d.a == kUnset ? t % 2 == 1 : t == d.a;
  __lingqu_fiber_barrier(ctx, other ? "b.cu:2:2" : "a.cu:1:1");
  d.out[t] = 1; // a failed block is abandoned: nobody gets here
}

TEST(FiberExecutorTest, DifferentBarriersFail) {
  for (uint32_t odd : {kUnset, 5u, 0u}) {
    Data d{odd};
    expectLaunchFailure(
        runBlock(splitBarrier, {64, 1, 1}, d),
        {"kernel 'k' block (1,0,0): ", "threads wait at different barriers",
         "a.cu:1:1", "b.cu:2:2"});
    expectOut(d, [](uint32_t) { return kUnset; });
  }
  // The message names the kernel as written in the source.
  Data d{3};
  expectLaunchFailure(runBlock(splitBarrier, {8, 1, 1}, d, "_Z1kPj"),
                      {"kernel 'k(unsigned int*)' block (1,0,0)"});
}

// Lane 0 waits at the block barrier; the others at a warp op (d.a picks
// which) whose full mask names lane 0.
void warpOpVersusBarrier(void **args, lingqu_thread_ctx *ctx) {
  Data &d = data(args);
  if (ctx->lane == 0)
    __lingqu_fiber_barrier(ctx, "bar.cu:3:3");
  else if (d.a == 0)
    __lingqu_fiber_shuffle(ctx, 0, kFull, 1, 0, 32);
  else if (d.a == 1)
    __lingqu_fiber_vote(ctx, 0, kFull, 1);
  else
    __lingqu_fiber_warp_barrier(ctx, kFull);
  d.out[linear(ctx)] = 1;
}

TEST(FiberExecutorTest, WarpOpWaitingForALaneAtABarrierFails) {
  for (uint32_t op : {0u, 1u, 2u}) {
    Data d{op};
    expectLaunchFailure(runBlock(warpOpVersusBarrier, {32, 1, 1}, d),
                        {"kernel 'k' block (1,0,0): ",
                         "waits at a warp operation", "bar.cu:3:3"});
  }
}

// d.a: mode, d.b: offset, d.c: width; every lane's value is 1000 + its id.
void shuffleAll(void **args, lingqu_thread_ctx *ctx) {
  Data &d = data(args);
  uint32_t t = linear(ctx);
  d.out[t] = __lingqu_fiber_shuffle(ctx, d.a, kFull, 1000 + t, d.b, d.c);
}

/// The lane a full warp's lane reads, written from CUDA's documentation.
uint32_t sourceLane(uint32_t mode, uint32_t lane, uint32_t offset,
                    uint32_t width) {
  uint32_t base = lane / width * width;
  switch (mode) {
  case 0:
    return base + offset % width;
  case 1:
    return lane - base >= offset ? lane - offset : lane;
  case 2:
    return lane - base + offset < width ? lane + offset : lane;
  default:
    return (lane ^ offset) < base + width ? lane ^ offset : lane;
  }
}

TEST(FiberExecutorTest, ShufflesWithinSegments) {
  for (uint32_t mode : {0u, 1u, 2u, 3u})
    for (uint32_t width : {32u, 16u, 8u})
      for (uint32_t offset : {1u, 3u, 4u, 16u, 35u}) {
        if (mode == 1 || mode == 2) // past 31 is undefined for up and down
          offset %= 32;
        SCOPED_TRACE(testing::Message() << "mode " << mode << " width " << width
                                        << " offset " << offset);
        Data d{mode, offset, width};
        ASSERT_TRUE(runBlock(shuffleAll, {64, 1, 1}, d).ok());
        expectOut(d, [&](uint32_t t) {
          return 1000 + t / 32 * 32 + sourceLane(mode, t % 32, offset, width);
        });
      }
  // The cases the reference could get wrong with the executor, by hand.
  Data d{3, 16, 16}; // xor into an earlier segment is allowed
  ASSERT_TRUE(runBlock(shuffleAll, {32, 1, 1}, d).ok());
  EXPECT_EQ(d.out[20], 1004u);
  EXPECT_EQ(d.out[4], 1004u); // a later one gives the lane its own value
  d.a = 0, d.b = 35, d.c = 8; // idx wraps within the segment
  ASSERT_TRUE(runBlock(shuffleAll, {32, 1, 1}, d).ok());
  EXPECT_EQ(d.out[13], 1011u);
}

TEST(FiberExecutorTest, ShufflesInAPartialWarp) {
  // 40 threads: warp 1 has lanes 0-7 (threads 32-39).
  Data d{2, 4, 32};
  ASSERT_TRUE(runBlock(shuffleAll, {40, 1, 1}, d).ok());
  EXPECT_EQ(d.out[32 + 3], 1039u);
  EXPECT_EQ(d.out[32 + 6], 1038u); // lane 10 does not exist
  EXPECT_EQ(d.out[31], 1031u);     // warp 0 is full: past its end
  EXPECT_EQ(d.out[27], 1031u);
  d.a = 3, d.b = 8;
  ASSERT_TRUE(runBlock(shuffleAll, {40, 1, 1}, d).ok());
  EXPECT_EQ(d.out[32 + 1], 1033u);
  EXPECT_EQ(d.out[1], 1009u);
}

// d.a: vote kind, d.b: the mask (lanes outside it do not vote), d.c: bit
// per lane, the predicate.
void voteMasked(void **args, lingqu_thread_ctx *ctx) {
  Data &d = data(args);
  if (!((d.b >> ctx->lane) & 1))
    return;
  d.out[linear(ctx)] =
      __lingqu_fiber_vote(ctx, d.a, d.b, (d.c >> ctx->lane) & 1);
}

TEST(FiberExecutorTest, Votes) {
  struct Case {
    uint32_t kind, mask, preds, threads, warp0, warp1;
  };
  for (Case c : {Case{0, kFull, 0x12345678, 64, 0x12345678, 0x12345678},
                 Case{1, kFull, 0, 64, 0, 0}, Case{1, kFull, 0x100, 64, 1, 1},
                 Case{2, kFull, kFull, 64, 1, 1}, Case{2, kFull, ~1u, 64, 0, 0},
                 // Lanes 16-31 take no part.
                 Case{0, 0xFFFF, 0x00FF00F0, 64, 0xF0, 0xF0},
                 Case{2, 0xFFFF, 0xFFFF, 64, 1, 1},
                 Case{1, 0xFFFF, 0xFFFF0000, 64, 0, 0},
                 // 40 threads: warp 1 has 8 lanes, which alone count.
                 Case{2, kFull, 0xFF, 40, 0, 1},
                 Case{0, kFull, kFull, 40, kFull, 0xFF}}) {
    SCOPED_TRACE(testing::Message() << "kind " << c.kind << " mask " << c.mask
                                    << " preds " << c.preds);
    Data d{c.kind, c.mask, c.preds};
    ASSERT_TRUE(runBlock(voteMasked, {c.threads, 1, 1}, d).ok());
    expectOut(d, [&](uint32_t t) {
      return !((c.mask >> (t % 32)) & 1) ? kUnset : t < 32 ? c.warp0 : c.warp1;
    });
  }
}

// Lanes 16-31 exit at once; the ballot with a full mask does not wait.
void halfExitsThenBallot(void **args, lingqu_thread_ctx *ctx) {
  if (ctx->lane >= 16)
    return;
  data(args).out[linear(ctx)] = __lingqu_fiber_vote(ctx, 0, kFull, 1);
}

TEST(FiberExecutorTest, VotesDoNotWaitForExitedLanes) {
  Data d;
  ASSERT_TRUE(runBlock(halfExitsThenBallot, {64, 1, 1}, d).ok());
  expectOut(d, [](uint32_t t) { return t % 32 < 16 ? 0xFFFFu : kUnset; });
}

// Lanes below d.a call __activemask() at one site, the others at another.
void activeMaskSplit(void **args, lingqu_thread_ctx *ctx) {
  Data &d = data(args);
  d.out[linear(ctx)] =
      __lingqu_fiber_active_mask(ctx, ctx->lane < d.a ? "s1" : "s2");
}

TEST(FiberExecutorTest, ActiveMaskIsTheLanesAtTheSameCall) {
  Data d{10};
  ASSERT_TRUE(runBlock(activeMaskSplit, {64, 1, 1}, d).ok());
  expectOut(d, [](uint32_t t) { return t % 32 < 10 ? 0x3FFu : 0xFFFFFC00u; });
  d.a = 32; // all at s1
  ASSERT_TRUE(runBlock(activeMaskSplit, {40, 1, 1}, d).ok());
  expectOut(d, [](uint32_t t) { return t < 32 ? kFull : 0xFFu; });
}

// The highest lane of d.b writes, the others read after __syncwarp(d.b):
// lanes run in order, so without the barrier they would read first.
void syncWarp(void **args, lingqu_thread_ctx *ctx) {
  Data &d = data(args);
  if (!((d.b >> ctx->lane) & 1))
    return;
  uint32_t warp = linear(ctx) / 32, writer = 31 - __builtin_clz(d.b);
  if (ctx->lane == writer)
    shared(ctx)[warp] = 77 + warp;
  __lingqu_fiber_warp_barrier(ctx, d.b);
  d.out[linear(ctx)] = shared(ctx)[warp];
}

TEST(FiberExecutorTest, SyncWarpOrdersSharedMemory) {
  for (uint32_t mask : {kFull, 0xFFFFu}) {
    Data d{0, mask};
    ASSERT_TRUE(runBlock(syncWarp, {64, 1, 1}, d).ok());
    expectOut(d, [&](uint32_t t) {
      return (mask >> (t % 32)) & 1 ? 77 + t / 32 : kUnset;
    });
  }
}

// 16 KiB of locals per thread, all live at once across the barrier; each
// word says whose it is, so stacks that overlap show.
void bigLocals(void **args, lingqu_thread_ctx *ctx) {
  volatile uint32_t local[4096];
  uint32_t t = linear(ctx), wrong = 0;
  for (uint32_t i = 0; i < 4096; ++i)
    local[i] = t << 16 | i;
  __lingqu_fiber_barrier(ctx, "stack.cu:1:1");
  for (uint32_t i = 0; i < 4096; ++i)
    wrong += local[i] != (t << 16 | i);
  data(args).out[t] = wrong;
}

TEST(FiberExecutorTest, DefaultStackHoldsSixteenKiBOfLocals) {
  Data d;
  ASSERT_TRUE(runBlock(bigLocals, {1024, 1, 1}, d).ok());
  expectOut(d, [](uint32_t) { return 0; });
}

//===----------------------------------------------------------------------===//
// Through the cpu device
//===----------------------------------------------------------------------===//

void countingBlock(void **args, const lingqu_block_ctx *) {
  data(args).blockFnCalls++;
}

// rotateOnce, for every block: out[block * n + t].
void rotateInGrid(void **args, lingqu_thread_ctx *ctx) {
  uint32_t t = linear(ctx), n = count(ctx);
  shared(ctx)[t] = t * 3 + ctx->block.block_idx[0];
  __lingqu_fiber_barrier(ctx, "rot.cu:1:1");
  data(args).out[ctx->block.block_idx[0] * n + t] = shared(ctx)[(t + 1) % n];
}

absl::Status launchOnDevice(cpu::Executor executor, lingqu_block_fn blockFn,
                            lingqu_thread_fn threadFn, Data &d) {
  cpu::CpuDeviceOptions opts;
  opts.threads = 1; // the lowest failing block is the one reported
  opts.executor = executor;
  std::unique_ptr<Device> device = cpu::createCpuDevice(opts);
  lingqu_kernel_info info = {LINGQU_LAUNCH_ABI_VERSION,
                             1,
                             256,
                             blockFn ? 0u : LINGQU_KERNEL_FIBER_ONLY,
                             blockFn,
                             nullptr,
                             threadFn};
  void *args[] = {&d};
  KernelLaunch launch;
  launch.info = &info;
  launch.grid = {4, 1, 1};
  launch.block = {40, 1, 1};
  launch.args = args;
  launch.name = "k";
  d.out.assign(4 * 40, kUnset);
  return device->launch(launch);
}

void expectRotated(const Data &d) {
  expectOut(d, [](uint32_t i) { return (i % 40 + 1) % 40 * 3 + i / 40; });
}

TEST(FiberExecutorDeviceTest, FiberOptionRunsThreadsEvenWithABlockFunction) {
  Data d;
  ASSERT_TRUE(
      launchOnDevice(cpu::Executor::Fiber, countingBlock, rotateInGrid, d)
          .ok());
  EXPECT_EQ(d.blockFnCalls.load(), 0);
  expectRotated(d);
  // The default runs the block function instead.
  Data collapsed;
  ASSERT_TRUE(launchOnDevice(cpu::Executor::Collapsed, countingBlock,
                             rotateInGrid, collapsed)
                  .ok());
  EXPECT_EQ(collapsed.blockFnCalls.load(), 4);
  EXPECT_EQ(collapsed.out[0], kUnset);
}

TEST(FiberExecutorDeviceTest, FiberOnlyKernelRunsOnFibersByDefault) {
  Data d;
  ASSERT_TRUE(
      launchOnDevice(cpu::Executor::Collapsed, nullptr, rotateInGrid, d).ok());
  expectRotated(d);
}

TEST(FiberExecutorDeviceTest, StuckBlockFailsTheLaunchAndSaysWhy) {
  Data d{kUnset}; // odd threads at the other barrier
  testing::internal::CaptureStderr();
  absl::Status s =
      launchOnDevice(cpu::Executor::Collapsed, nullptr, splitBarrier, d);
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(errorCodeOf(s), cudaErrorLaunchFailure) << s;
  for (const char *part :
       {"lingqu: kernel 'k' block (0,0,0)", "a.cu:1:1", "b.cu:2:2"})
    EXPECT_NE(err.find(part), std::string::npos) << err;
}

} // namespace
