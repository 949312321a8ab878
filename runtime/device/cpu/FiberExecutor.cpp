//===- FiberExecutor.cpp - One fiber per CUDA thread ----------------------===//
//
// Fibers are Boost.Context's fcontext: a stack switch and nothing else, no
// system call, no unwinding (a block that fails is abandoned where its
// threads stand, as a GPU abandons a faulting kernel).
//
// The scheduler runs the block's runnable threads in order, each until it
// waits or exits. When none can run, in this order:
//  - every lane at a warp operation whose mask's running lanes all wait at
//    one completes (a lane outside its own mask reads the mask's lanes);
//  - else, in each warp, the lanes waiting at the first (in source order)
//    __activemask() call learn which lanes wait there with them: the lanes
//    executing together, as on a GPU that reconverges after a branch or loop;
//  - else the barrier opens if every thread that has not exited waits at
//    it (exited threads count as arrived, as in PTX);
//  - else the block cannot go on, and fails.
//
//===----------------------------------------------------------------------===//

#include "device/cpu/FiberExecutor.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <boost/context/detail/fcontext.hpp>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/Status.h"
#include "device/cpu/KernelAbort.h"

using namespace lingqu::rt;
using namespace lingqu::rt::cpu;
namespace fctx = boost::context::detail;

//===----------------------------------------------------------------------===//
// Stacks
//===----------------------------------------------------------------------===//

/// Fiber stacks, each with a guard page below it, kept for the next block.
class lingqu::rt::cpu::FiberStackPool {
public:
  explicit FiberStackPool(size_t bytes) {
    size_t page = size_t(sysconf(_SC_PAGESIZE));
    usable_ = (bytes + page - 1) / page * page;
    guard_ = page;
  }
  ~FiberStackPool() {
    for (void *base : free_)
      munmap(base, guard_ + usable_);
  }
  /// The lowest address of a stack's mapping, or null if the host has no
  /// memory left.
  void *acquire() {
    if (!free_.empty()) {
      void *base = free_.back();
      free_.pop_back();
      return base;
    }
    void *base = mmap(nullptr, guard_ + usable_, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED)
      return nullptr;
    // An overflow faults on the guard page instead of corrupting memory.
    mprotect(base, guard_, PROT_NONE);
    return base;
  }
  void release(void *base) { free_.push_back(base); }
  /// The top (stacks grow down) of the stack mapped at `base`.
  void *top(void *base) const {
    return static_cast<char *>(base) + guard_ + usable_;
  }
  size_t usable() const { return usable_; }

private:
  size_t usable_, guard_;
  std::vector<void *> free_;
};

size_t FiberExecutor::defaultStackBytes() {
  if (const char *kib = std::getenv("LINGQU_FIBER_STACK_KIB")) {
    char *end = nullptr;
    unsigned long value = std::strtoul(kib, &end, 10);
    if (end != kib && *end == '\0' && value >= 16)
      return size_t(value) * 1024;
  }
  return size_t(128) * 1024;
}

FiberExecutor::FiberExecutor(size_t stackBytes)
    : stacks_(std::make_unique<FiberStackPool>(stackBytes)) {}
FiberExecutor::~FiberExecutor() = default;

//===----------------------------------------------------------------------===//
// Threads of one block
//===----------------------------------------------------------------------===//

namespace {

enum class Wait { None, Barrier, Warp, ActiveMask, Exited, Aborted };
enum class WarpOpKind { Shuffle, Vote, WarpBarrier };

/// What a lane waiting at a warp operation asked for, then its answer.
struct WarpOp {
  WarpOpKind kind;
  uint32_t mode, mask, value, offset, width;
  uint32_t result;
};

class BlockRun;

struct Thread {
  lingqu_thread_ctx ctx; // ctx.fiber points back here
  BlockRun *run;
  uint32_t linear;
  fctx::fcontext_t fiber = nullptr;
  fctx::fcontext_t scheduler = nullptr;
  void *stack = nullptr;
  Wait wait = Wait::None;
  const char *site = nullptr; // barrier or __activemask call site
  WarpOp op{};
};

/// The lanes of one warp: which still run, which wait at a warp operation.
struct Warp {
  uint32_t live = 0;    // lanes that exist and have not exited
  uint32_t pending = 0; // lanes waiting at a shuffle, vote or __syncwarp
};

bool sameSite(const char *a, const char *b) {
  return a == b || (a && b && std::strcmp(a, b) == 0);
}

class BlockRun {
public:
  BlockRun(const KernelLaunch &launch, const lingqu_block_ctx &block)
      : launch_(launch), block_(block) {}

  absl::Status run(FiberStackPool &stacks);

  // Entry points, called on a thread's fiber.
  void barrier(Thread &self, const char *site);
  uint32_t warpOp(Thread &self, const WarpOp &op);
  uint32_t activeMask(Thread &self, const char *site);

private:
  static void entry(fctx::transfer_t from);
  void resume(Thread &t);
  static void suspend(Thread &self);
  void exited(Thread &t);
  bool resolveWarpOps();
  uint32_t answer(uint32_t warpIndex, uint32_t l);
  bool resolveActiveMasks();
  void releaseBarrier();
  absl::Status stuck() const;
  friend class FiberAbort;
  std::string where(const Thread &t) const;
  Thread &lane(uint32_t warp, uint32_t lane) { return threads_[warp * 32 + lane]; }
  Warp &warpOf(const Thread &t) { return warps_[t.linear / 32]; }

  const KernelLaunch &launch_;
  const lingqu_block_ctx &block_;
  std::vector<Thread> threads_;
  std::vector<Warp> warps_;
  std::deque<Thread *> runnable_;
  uint32_t exited_ = 0, atBarrier_ = 0;
  absl::Status aborted_; // why a thread called abortKernel()
};

/// abortKernel() on a fiber: the thread switches back to the scheduler for
/// good, which abandons the block.
class FiberAbort final : public AbortHandler {
public:
  explicit FiberAbort(Thread &thread) : thread_(thread) {}
  [[noreturn]] void abort(absl::Status why) override {
    thread_.run->aborted_ = std::move(why);
    thread_.wait = Wait::Aborted;
    fctx::jump_fcontext(thread_.scheduler, nullptr);
    __builtin_unreachable(); // never resumed
  }

private:
  Thread &thread_;
};

} // namespace

void BlockRun::entry(fctx::transfer_t from) {
  Thread &self = *static_cast<Thread *>(from.data);
  self.scheduler = from.fctx;
  self.run->launch_.info->thread_fn(self.run->launch_.args, &self.ctx);
  self.wait = Wait::Exited;
  fctx::jump_fcontext(self.scheduler, nullptr);
  __builtin_unreachable(); // an exited fiber is never resumed
}

void BlockRun::resume(Thread &t) {
  FiberAbort onAbort(t);
  ScopedAbortHandler scope(&onAbort);
  fctx::transfer_t back = fctx::jump_fcontext(t.fiber, &t);
  t.fiber = back.fctx;
}

void BlockRun::suspend(Thread &self) {
  fctx::transfer_t back = fctx::jump_fcontext(self.scheduler, nullptr);
  self.scheduler = back.fctx;
}

absl::Status BlockRun::run(FiberStackPool &stacks) {
  const uint32_t bx = block_.block_dim[0], by = block_.block_dim[1],
                 bz = block_.block_dim[2];
  const uint32_t count = bx * by * bz;
  threads_.resize(count);
  warps_.assign((count + 31) / 32, Warp{});
  absl::Status status = absl::OkStatus();
  for (uint32_t i = 0; i < count; ++i) {
    Thread &t = threads_[i];
    t.run = this;
    t.linear = i;
    t.ctx.block = block_;
    t.ctx.thread_idx[0] = i % bx;
    t.ctx.thread_idx[1] = (i / bx) % by;
    t.ctx.thread_idx[2] = i / (bx * by);
    t.ctx.lane = i % 32;
    t.ctx.fiber = &t;
    t.stack = stacks.acquire();
    if (t.stack == nullptr) {
      status = makeError(cudaErrorLaunchOutOfResources,
                         "out of host memory for the fiber stacks of a block");
      break;
    }
    t.fiber = fctx::make_fcontext(stacks.top(t.stack), stacks.usable(), entry);
    warps_[i / 32].live |= 1u << (i % 32);
    runnable_.push_back(&t);
  }

  while (status.ok()) {
    while (!runnable_.empty()) {
      Thread &t = *runnable_.front();
      runnable_.pop_front();
      t.wait = Wait::None;
      resume(t);
      if (t.wait == Wait::Exited)
        exited(t);
      if (t.wait == Wait::Aborted)
        break;
    }
    if (!aborted_.ok()) {
      status = abortedBlock(aborted_, launch_.name, block_.block_idx);
      break;
    }
    if (exited_ == count)
      break;
    // Nothing can run (see the file comment for the order).
    if (resolveWarpOps() || resolveActiveMasks())
      continue;
    if (atBarrier_ + exited_ == count) {
      const char *site = nullptr;
      bool same = true;
      for (const Thread &t : threads_)
        if (t.wait == Wait::Barrier) {
          same = same && (site == nullptr || sameSite(site, t.site));
          site = site ? site : t.site;
        }
      if (same) {
        releaseBarrier();
        continue;
      }
    }
    status = stuck();
  }
  for (Thread &t : threads_)
    if (t.stack)
      stacks.release(t.stack);
  return status;
}

void BlockRun::exited(Thread &t) {
  ++exited_;
  warpOf(t).live &= ~(1u << t.ctx.lane);
}

void BlockRun::releaseBarrier() {
  for (Thread &t : threads_)
    if (t.wait == Wait::Barrier) {
      t.wait = Wait::None;
      t.site = nullptr;
      runnable_.push_back(&t);
    }
  atBarrier_ = 0;
}

void BlockRun::barrier(Thread &self, const char *site) {
  self.wait = Wait::Barrier;
  self.site = site;
  ++atBarrier_;
  suspend(self);
}

uint32_t BlockRun::warpOp(Thread &self, const WarpOp &op) {
  self.op = op;
  self.wait = Wait::Warp;
  warpOf(self).pending |= 1u << self.ctx.lane;
  suspend(self);
  return self.op.result;
}

/// Completes, in every warp, each waiting lane whose mask's running lanes
/// all wait too. True if any did.
bool BlockRun::resolveWarpOps() {
  bool any = false;
  for (uint32_t w = 0; w < warps_.size(); ++w) {
    Warp &warp = warps_[w];
    uint32_t ready = 0;
    for (uint32_t l = 0; l < 32; ++l)
      if (warp.pending & (1u << l)) {
        uint32_t needed = lane(w, l).op.mask & warp.live;
        if ((warp.pending & needed) == needed)
          ready |= 1u << l;
      }
    if (ready == 0)
      continue;
    // Answers first, from the operands of lanes that may be answered too.
    uint32_t results[32];
    for (uint32_t l = 0; l < 32; ++l)
      if (ready & (1u << l))
        results[l] = answer(w, l);
    for (uint32_t l = 0; l < 32; ++l)
      if (ready & (1u << l)) {
        Thread &member = lane(w, l);
        member.op.result = results[l];
        member.wait = Wait::None;
        runnable_.push_back(&member);
      }
    warp.pending &= ~ready;
    any = true;
  }
  return any;
}

/// What lane `l` of warp `warpIndex` gets from its warp operation, given
/// that every running lane of its mask waits at one.
uint32_t BlockRun::answer(uint32_t warpIndex, uint32_t l) {
  const WarpOp &op = lane(warpIndex, l).op;
  const uint32_t group = op.mask & warps_[warpIndex].live;
  switch (op.kind) {
  case WarpOpKind::Shuffle: {
    uint32_t width = op.width;
    if (width == 0 || width > 32 || (width & (width - 1)))
      width = 32;
    const uint32_t rel = l & (width - 1), base = l - rel;
    uint32_t src = l;
    bool valid = true;
    switch (op.mode) {
    case 0: // idx
      src = base + (op.offset & (width - 1));
      break;
    case 1: // up
      src = l - op.offset;
      valid = rel >= op.offset;
      break;
    case 2: // down
      src = l + op.offset;
      valid = uint64_t(rel) + op.offset < width;
      break;
    default: // xor: an earlier segment, never a later one (as CUDA's)
      src = l ^ op.offset;
      valid = src < base + width;
      break;
    }
    // Past the last lane of a partial warp, or a lane not in the mask: the
    // lane's own value.
    valid = valid && src < 32 && (group & (1u << src));
    return valid ? lane(warpIndex, src).op.value : op.value;
  }
  case WarpOpKind::Vote: {
    uint32_t yes = 0;
    for (uint32_t m = 0; m < 32; ++m)
      if ((group & (1u << m)) && lane(warpIndex, m).op.value != 0)
        yes |= 1u << m;
    return op.mode == 0 ? yes : op.mode == 1 ? uint32_t(yes != 0)
                                             : uint32_t(yes == group);
  }
  case WarpOpKind::WarpBarrier:
    return 0;
  }
  return 0;
}

uint32_t BlockRun::activeMask(Thread &self, const char *site) {
  self.wait = Wait::ActiveMask;
  self.site = site;
  suspend(self);
  return self.op.result;
}

/// (line, column) of a site "file:line:col[ via ...]", for source order.
static std::pair<unsigned long, unsigned long>
sourcePosition(const char *site) {
  std::string text(site ? site : "");
  text = text.substr(0, text.find(' '));
  size_t colon = text.rfind(':');
  size_t lineColon =
      colon == std::string::npos || colon == 0 ? std::string::npos
                                               : text.rfind(':', colon - 1);
  if (lineColon == std::string::npos)
    return {~0ul, ~0ul};
  return {std::strtoul(text.c_str() + lineColon + 1, nullptr, 10),
          std::strtoul(text.c_str() + colon + 1, nullptr, 10)};
}

/// In each warp, the lanes waiting at the first __activemask() call in
/// source order learn which lanes wait there with them. True if any did.
bool BlockRun::resolveActiveMasks() {
  bool any = false;
  for (uint32_t w = 0; w < warps_.size(); ++w) {
    const char *first = nullptr;
    for (uint32_t l = 0; l < 32 && w * 32 + l < threads_.size(); ++l) {
      const Thread &t = lane(w, l);
      if (t.wait == Wait::ActiveMask &&
          (first == nullptr ||
           sourcePosition(t.site) < sourcePosition(first)))
        first = t.site;
    }
    if (first == nullptr)
      continue;
    uint32_t mask = 0;
    for (uint32_t l = 0; l < 32 && w * 32 + l < threads_.size(); ++l) {
      const Thread &t = lane(w, l);
      if (t.wait == Wait::ActiveMask && sameSite(t.site, first))
        mask |= 1u << l;
    }
    for (uint32_t l = 0; l < 32; ++l)
      if (mask & (1u << l)) {
        Thread &member = lane(w, l);
        member.op.result = mask;
        member.wait = Wait::None;
        member.site = nullptr;
        runnable_.push_back(&member);
      }
    any = true;
  }
  return any;
}

std::string BlockRun::where(const Thread &t) const {
  return absl::StrFormat("thread (%u,%u,%u)", t.ctx.thread_idx[0],
                         t.ctx.thread_idx[1], t.ctx.thread_idx[2]);
}

/// The error for a block none of whose threads can go on.
absl::Status BlockRun::stuck() const {
  std::string prefix =
      describeBlock(launch_.name, block_.block_idx) + ": ";
  const Thread *atBarrier = nullptr;
  for (const Thread &t : threads_) {
    if (t.wait == Wait::Barrier) {
      if (atBarrier && !sameSite(atBarrier->site, t.site))
        return makeError(
            cudaErrorLaunchFailure,
            absl::StrCat(prefix, "threads wait at different barriers: ",
                         where(*atBarrier), " at ", atBarrier->site, ", ",
                         where(t), " at ", t.site));
      atBarrier = atBarrier ? atBarrier : &t;
    }
  }
  for (const Thread &t : threads_)
    if (t.wait == Wait::Warp)
      return makeError(
          cudaErrorLaunchFailure,
          absl::StrCat(prefix, where(t),
                       " waits at a warp operation for lanes of mask 0x",
                       absl::Hex(t.op.mask),
                       " that do not reach it",
                       atBarrier ? absl::StrCat(" (", where(*atBarrier),
                                                " waits at the barrier at ",
                                                atBarrier->site, ")")
                                 : std::string()));
  return makeError(cudaErrorLaunchFailure,
                   absl::StrCat(prefix, "threads cannot go on"));
}

absl::Status FiberExecutor::runBlock(const KernelLaunch &launch,
                                     const lingqu_block_ctx &block) {
  BlockRun run(launch, block);
  return run.run(*stacks_);
}

//===----------------------------------------------------------------------===//
// Entry points of the per-thread form
//===----------------------------------------------------------------------===//

namespace {
Thread &self(lingqu_thread_ctx *ctx) { return *static_cast<Thread *>(ctx->fiber); }
} // namespace

#define LINGQU_EXPORT extern "C" __attribute__((visibility("default")))

LINGQU_EXPORT void __lingqu_fiber_barrier(lingqu_thread_ctx *ctx,
                                          const char *site) {
  Thread &t = self(ctx);
  t.run->barrier(t, site);
}

LINGQU_EXPORT uint32_t __lingqu_fiber_shuffle(lingqu_thread_ctx *ctx,
                                              uint32_t mode, uint32_t mask,
                                              uint32_t value, uint32_t offset,
                                              uint32_t width) {
  Thread &t = self(ctx);
  return t.run->warpOp(
      t, WarpOp{WarpOpKind::Shuffle, mode, mask, value, offset, width, 0});
}

LINGQU_EXPORT uint32_t __lingqu_fiber_vote(lingqu_thread_ctx *ctx,
                                           uint32_t kind, uint32_t mask,
                                           uint32_t predicate) {
  Thread &t = self(ctx);
  return t.run->warpOp(t, WarpOp{WarpOpKind::Vote, kind, mask,
                                 uint32_t(predicate != 0), 0, 0, 0});
}

LINGQU_EXPORT uint32_t __lingqu_fiber_active_mask(lingqu_thread_ctx *ctx,
                                                  const char *site) {
  Thread &t = self(ctx);
  return t.run->activeMask(t, site);
}

LINGQU_EXPORT void __lingqu_fiber_warp_barrier(lingqu_thread_ctx *ctx,
                                               uint32_t mask) {
  Thread &t = self(ctx);
  t.run->warpOp(t, WarpOp{WarpOpKind::WarpBarrier, 0, mask, 0, 0, 0, 0});
}
