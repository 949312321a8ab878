//===- CpuDevice.cpp - The `cpu` device plugin ----------------------------===//
//
// A grid's blocks are linearised (x fastest, then y, then z) and handed out
// in increasing order to the workers of the device's task_arena. Each worker
// owns one shared-memory buffer, grown when a launch needs more and reused
// across blocks and launches, and fills in its own lingqu_block_ctx.
//
// A block runs its collapsed form (the block function) unless the kernel
// has none or LINGQU_EXECUTOR=fiber asks for the reference executor: then
// its threads run as fibers (FiberExecutor.h).
//
// Launches are synchronous for now: launch() returns when every block has
// run, so synchronize() has nothing to wait for. Streams (asynchronous,
// in-order queues on a task_group) come later.
//
//===----------------------------------------------------------------------===//

#include "device/cpu/CpuDevice.h"
#include "device/cpu/FiberExecutor.h"
#include "device/cpu/GridBarrier.h"
#include "device/cpu/KernelAbort.h"

#include <csetjmp>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <atomic>
#include <cstdlib>
#include <system_error>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "core/Status.h"
#include "tbb/enumerable_thread_specific.h"
#include "tbb/parallel_for.h"
#include "tbb/task_arena.h"

using namespace lingqu::rt;
using namespace lingqu::rt::cpu;

namespace {

size_t roundUp(size_t value, size_t align) {
  return (value + align - 1) / align * align;
}

/// One worker's __shared__ memory, aligned to LINGQU_SHARED_ALIGN.
class SharedBuffer {
public:
  SharedBuffer() = default;
  SharedBuffer(const SharedBuffer &) = delete;
  SharedBuffer &operator=(const SharedBuffer &) = delete;
  ~SharedBuffer() { std::free(data_); }

  /// At least `bytes` (never null for 0 bytes, so a kernel that takes the
  /// address of an empty extern __shared__ array gets a valid one); null
  /// only if the host is out of memory.
  void *reserve(size_t bytes) {
    if (data_ != nullptr && bytes <= capacity_)
      return data_;
    // Grow geometrically so a sequence of slightly larger launches does not
    // reallocate every time. The old contents need not survive: shared
    // memory does not outlive its block.
    size_t capacity = roundUp(std::max({bytes, 2 * capacity_, kMinimum}),
                              LINGQU_SHARED_ALIGN);
    std::free(data_);
    data_ = std::aligned_alloc(LINGQU_SHARED_ALIGN, capacity);
    capacity_ = data_ ? capacity : 0;
    return data_;
  }

private:
  static constexpr size_t kMinimum = 256;
  void *data_ = nullptr;
  size_t capacity_ = 0;
};

/// The error of a launch's lowest failing block (so that what is reported
/// does not depend on timing); the other workers stop at their next chunk.
class LaunchOutcome {
public:
  bool failed() const { return failed_.load(std::memory_order_relaxed); }
  void fail(absl::Status status, uint64_t block) {
    failed_.store(true, std::memory_order_relaxed);
    if (isCancellation(status)) // another block's failure stopped this one
      return;
    absl::MutexLock lock(&mu_);
    if (first_.ok() || block < firstBlock_) {
      first_ = std::move(status);
      firstBlock_ = block;
    }
  }
  absl::Status take() {
    absl::MutexLock lock(&mu_);
    return first_;
  }

private:
  std::atomic<bool> failed_{false};
  absl::Mutex mu_;
  absl::Status first_ ABSL_GUARDED_BY(mu_);
  uint64_t firstBlock_ ABSL_GUARDED_BY(mu_) = 0;
};

/// abortKernel() in a block function: longjmps back to runBlocks. The
/// frames it skips are the kernel's own, whose state an abort discards.
class CollapsedAbort final : public AbortHandler {
public:
  [[noreturn]] void abort(absl::Status why) override {
    this->why = std::move(why);
    std::longjmp(target, 1);
  }
  std::jmp_buf target;
  absl::Status why;
};

class CpuDevice final : public Device {
public:
  explicit CpuDevice(const CpuDeviceOptions &options)
      : arena_(options.threads > 0 ? options.threads
                                   : tbb::task_arena::automatic),
        executor_(options.executor) {}

  absl::string_view name() const override { return "cpu"; }
  const DeviceLimits &limits() const override { return limits_; }
  absl::Status launch(const KernelLaunch &launch) override;
  /// Every block on its own thread, so that grid barriers can complete.
  absl::Status launchCooperative(const KernelLaunch &launch,
                                 size_t sharedBytes);
  absl::Status synchronize() override { return absl::OkStatus(); }

private:
  /// Runs blocks [begin, end) of the linearised grid on this worker.
  void runBlocks(const KernelLaunch &launch, uint64_t begin, uint64_t end,
                 SharedBuffer &buffer, FiberExecutor &fibers,
                 size_t sharedBytes, LaunchOutcome &outcome);
  bool onFibers(const KernelLaunch &launch) const {
    return executor_ == Executor::Fiber ||
           launch.info->block_fn == nullptr;
  }
  absl::Status finish(const KernelLaunch &launch, LaunchOutcome &outcome);

  DeviceLimits limits_;
  tbb::task_arena arena_;
  Executor executor_;
  tbb::enumerable_thread_specific<SharedBuffer> buffers_;
  tbb::enumerable_thread_specific<FiberExecutor> fibers_;
};

absl::Status CpuDevice::launch(const KernelLaunch &launch) {
  const uint64_t numBlocks = launch.grid.volume();
  const size_t sharedBytes =
      roundUp(launch.info->static_shared_bytes, LINGQU_SHARED_ALIGN) +
      launch.dynamicSharedBytes;
  if (launch.cooperative)
    return launchCooperative(launch, sharedBytes);
  LaunchOutcome outcome;
  // Blocks are handed out in increasing order, a chunk at a time, from one
  // counter: a block that waits for an earlier block's result (single-pass
  // scans with decoupled look-back) only ever waits for a block that some
  // worker is already running. oneTBB's range splitting gives no such order.
  const uint64_t workers = uint64_t(arena_.max_concurrency());
  const uint64_t chunk = std::max<uint64_t>(1, numBlocks / (workers * 16));
  std::atomic<uint64_t> next{0};
  // One block has nothing to share out: the calling thread (the stream's
  // worker) runs it, saving the hand-off to the arena's workers and back.
  if (numBlocks == 1) {
    runBlocks(launch, 0, 1, buffers_.local(), fibers_.local(), sharedBytes,
              outcome);
    return finish(launch, outcome);
  }
  arena_.execute([&] {
    tbb::parallel_for(uint64_t(0), workers, [&](uint64_t) {
      for (uint64_t begin = next.fetch_add(chunk); begin < numBlocks;
           begin = next.fetch_add(chunk))
        runBlocks(launch, begin, std::min(begin + chunk, numBlocks),
                  buffers_.local(), fibers_.local(), sharedBytes, outcome);
    });
  });
  return finish(launch, outcome);
}

absl::Status CpuDevice::finish(const KernelLaunch &launch,
                               LaunchOutcome &outcome) {
  absl::Status status = outcome.take();
  // A kernel that fails while it runs says why where the user sees it, as
  // CUDA's "unspecified launch failure" cannot.
  if (errorCodeOf(status) == cudaErrorLaunchFailure)
    std::fprintf(stderr, "lingqu: %s\n", std::string(status.message()).c_str());
  return status;
}

absl::Status CpuDevice::launchCooperative(const KernelLaunch &launch,
                                          size_t sharedBytes) {
  const uint64_t numBlocks = launch.grid.volume();
  GridBarrier barrier(numBlocks);
  LaunchOutcome outcome;
  // No block starts before every block has a thread: a block waiting at a
  // grid barrier for a block that never started would wait forever.
  absl::Mutex gateMu;
  bool open = false, abandoned = false;
  std::vector<std::thread> threads;
  threads.reserve(numBlocks);
  for (uint64_t b = 0; b < numBlocks; ++b) {
    try {
      threads.emplace_back([&, b] {
        {
          absl::MutexLock lock(&gateMu);
          gateMu.Await(absl::Condition(&open));
          if (abandoned)
            return;
        }
        // This thread's own buffers: it ends with the launch.
        SharedBuffer buffer;
        FiberExecutor fibers;
        GridBarrier::current() = &barrier;
        runBlocks(launch, b, b + 1, buffer, fibers, sharedBytes, outcome);
        GridBarrier::current() = nullptr;
      });
    } catch (const std::system_error &) {
      break;
    }
  }
  {
    absl::MutexLock lock(&gateMu);
    abandoned = threads.size() != numBlocks;
    open = true;
  }
  for (std::thread &t : threads)
    t.join();
  if (abandoned)
    return makeError(cudaErrorLaunchOutOfResources,
                     "cannot start a thread for every block of a cooperative "
                     "launch");
  return finish(launch, outcome);
}

void CpuDevice::runBlocks(const KernelLaunch &launch, uint64_t begin,
                          uint64_t end, SharedBuffer &buffer,
                          FiberExecutor &fibers, size_t sharedBytes,
                          LaunchOutcome &outcome) {
  if (outcome.failed())
    return;
  void *shared = buffer.reserve(sharedBytes);
  if (shared == nullptr) {
    outcome.fail(makeError(cudaErrorLaunchOutOfResources,
                           "out of host memory for a block's shared memory"),
                 begin);
    return;
  }
  const Dim3 &grid = launch.grid, &block = launch.block;
  lingqu_block_ctx ctx = {};
  ctx.grid_dim[0] = grid.x;
  ctx.grid_dim[1] = grid.y;
  ctx.grid_dim[2] = grid.z;
  ctx.block_dim[0] = block.x;
  ctx.block_dim[1] = block.y;
  ctx.block_dim[2] = block.z;
  ctx.dynamic_shared_bytes = launch.dynamicSharedBytes;
  ctx.shared = shared;

  // Decompose the first index once, then step: no division per block.
  uint32_t x = uint32_t(begin % grid.x);
  uint64_t rest = begin / grid.x;
  uint32_t y = uint32_t(rest % grid.y);
  uint32_t z = uint32_t(rest / grid.y);
  lingqu_block_fn blockFn = onFibers(launch) ? nullptr : launch.info->block_fn;
  // The first block of an abandoned cooperative launch makes the others,
  // waiting at its grid barrier, give up too.
  auto failed = [&](absl::Status status, uint64_t block) {
    outcome.fail(std::move(status), block);
    if (GridBarrier *barrier = GridBarrier::current())
      barrier->abandon();
  };
  CollapsedAbort onAbort;
  ScopedAbortHandler scope(&onAbort);
  volatile uint64_t running = begin; // read after a longjmp
  if (setjmp(onAbort.target) != 0) {
    uint64_t block = running; // ctx is indeterminate after the longjmp
    uint32_t index[3] = {uint32_t(block % grid.x),
                         uint32_t(block / grid.x % grid.y),
                         uint32_t(block / grid.x / grid.y)};
    failed(abortedBlock(onAbort.why, launch.name, index), block);
    return;
  }
  for (uint64_t i = begin; i != end; ++i) {
    running = i;
    ctx.block_idx[0] = x;
    ctx.block_idx[1] = y;
    ctx.block_idx[2] = z;
    if (blockFn) {
      blockFn(launch.args, &ctx);
    } else if (absl::Status status = fibers.runBlock(launch, ctx);
               !status.ok()) {
      failed(std::move(status), i);
      return;
    }
    if (++x == grid.x) {
      x = 0;
      if (++y == grid.y) {
        y = 0;
        ++z;
      }
    }
  }
}

} // namespace

CpuDeviceOptions lingqu::rt::cpu::cpuDeviceOptionsFromEnvironment() {
  CpuDeviceOptions options;
  const char *executor = std::getenv("LINGQU_EXECUTOR");
  if (executor == nullptr || std::strcmp(executor, "collapsed") == 0 ||
      *executor == '\0')
    return options;
  if (std::strcmp(executor, "fiber") == 0)
    options.executor = Executor::Fiber;
  else
    std::fprintf(stderr,
                 "lingqu: LINGQU_EXECUTOR='%s' is not 'fiber' or "
                 "'collapsed'; using 'collapsed'\n",
                 executor);
  return options;
}

std::unique_ptr<Device>
lingqu::rt::cpu::createCpuDevice(const CpuDeviceOptions &options) {
  return std::make_unique<CpuDevice>(options);
}
