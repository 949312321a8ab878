//===- Stream.cpp - An in-order queue of device work ----------------------===//

#include "core/Stream.h"

#include <chrono>
#include <thread>

#include "core/Context.h"
#include "driver_types.h"

using namespace lingqu::rt;

namespace {
// How long a waiter spins before it sleeps: a launch followed by a
// synchronize is usually done within this, and waking a sleeping thread
// costs more than the spin.
constexpr auto kSpin = std::chrono::microseconds(20);

template <typename Done> bool spinUntil(Done done) {
  auto start = std::chrono::steady_clock::now();
  do {
    for (int i = 0; i < 64; ++i)
      if (done())
        return true;
  } while (std::chrono::steady_clock::now() - start < kSpin);
  return done();
}
} // namespace

bool StreamPoint::reached() const { return !stream || stream->reached(ticket); }

void StreamPoint::wait() const {
  if (stream)
    stream->waitFor(ticket);
}

StreamRef Stream::create(Context &context, Kind kind, unsigned flags,
                         int priority) {
  return StreamRef(new Stream(context, kind, flags, priority));
}

Stream::~Stream() = default;

bool Stream::blocking() const {
  return kind_ != Kind::User || !(flags_ & cudaStreamNonBlocking);
}

uint64_t Stream::enqueue(Work work, std::vector<StreamPoint> after) {
  bool start = false;
  uint64_t ticket;
  {
    absl::MutexLock lock(&mu_);
    queue_.push_back(Item{std::move(work), std::move(after)});
    ticket = ++enqueued_;
    published_.store(ticket, std::memory_order_release);
    if (!started_)
      start = started_ = true;
  }
  if (start) {
    // The worker owns a reference, so a destroyed stream still finishes
    // what was enqueued (cudaStreamDestroy returns at once, as in CUDA).
    std::thread([self = shared_from_this()] { self->work(); }).detach();
  }
  return ticket;
}

uint64_t Stream::lastTicket() const {
  return published_.load(std::memory_order_acquire);
}

StreamPoint Stream::now() { return StreamPoint{shared_from_this(), lastTicket()}; }

void Stream::waitFor(uint64_t ticket) const {
  if (spinUntil([&] { return reached(ticket); }))
    return;
  std::pair<const Stream *, uint64_t> arg{this, ticket};
  sleepers_.fetch_add(1, std::memory_order_seq_cst);
  {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](std::pair<const Stream *, uint64_t> *a) {
          return a->first->reached(a->second);
        },
        &arg));
  }
  sleepers_.fetch_sub(1, std::memory_order_relaxed);
}

void Stream::shutdown() {
  absl::MutexLock lock(&mu_);
  stopping_ = true;
}

void Stream::work() {
  for (uint64_t taken = 0;; ++taken) {
    Item item;
    {
      // Spin briefly first: work often follows work.
      spinUntil([&] {
        return published_.load(std::memory_order_acquire) > taken;
      });
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](Stream *s) ABSL_NO_THREAD_SAFETY_ANALYSIS {
            return !s->queue_.empty() || s->stopping_;
          },
          this));
      if (queue_.empty())
        return; // stopping, and nothing left
      item = std::move(queue_.front());
      queue_.pop_front();
    }
    for (const StreamPoint &point : item.after)
      point.wait();
    std::move(item.work)();
    // A sleeper registers before it checks under the lock, and the count
    // is read after the completion (both sequentially consistent): either
    // it sees the completion or this thread sees it and takes the lock,
    // which makes Await re-evaluate its condition.
    completed_.fetch_add(1, std::memory_order_seq_cst);
    if (sleepers_.load(std::memory_order_seq_cst) > 0)
      absl::MutexLock lock(&mu_);
  }
}

bool Stream::attribute(int id, AttributeValue &value) const {
  absl::MutexLock lock(&mu_);
  auto it = attributes_.find(id);
  if (it == attributes_.end())
    return false;
  value = it->second;
  return true;
}

void Stream::setAttribute(int id, const AttributeValue &value) {
  absl::MutexLock lock(&mu_);
  attributes_[id] = value;
}

void Stream::copyAttributesFrom(const Stream &other) {
  absl::flat_hash_map<int, AttributeValue> copied;
  {
    absl::MutexLock lock(&other.mu_);
    copied = other.attributes_;
  }
  absl::MutexLock lock(&mu_);
  attributes_ = std::move(copied);
}
