//===- Stream.h - An in-order queue of device work --------------*- C++ -*-===//
//
// A CUDA stream: work runs in the order it was enqueued, asynchronously to
// the host and concurrently with other streams. Each stream has its own
// worker thread, started at the first enqueue, so a stream that waits (on an
// event of another stream, on a host function) never holds up another one.
//
// Every piece of work gets a ticket, 1, 2, 3, ... in enqueue order; "ticket
// t of stream s is done" is the one notion of progress events, stream waits
// and the legacy default stream's implicit synchronisation are built from.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_STREAM_H
#define LINGQU_RUNTIME_CORE_STREAM_H

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"

namespace lingqu::rt {

class Context;
class Stream;
using StreamRef = std::shared_ptr<Stream>;

/// "Done once `stream` has completed `ticket`."
struct StreamPoint {
  StreamRef stream;
  uint64_t ticket = 0;
  bool reached() const;
  void wait() const;
};

class Stream : public std::enable_shared_from_this<Stream> {
public:
  enum class Kind { Legacy, PerThread, User };
  using Work = absl::AnyInvocable<void() &&>;

  static StreamRef create(Context &context, Kind kind, unsigned flags,
                          int priority);
  ~Stream();

  Context &context() const { return context_; }
  Kind kind() const { return kind_; }
  unsigned flags() const { return flags_; }
  int priority() const { return priority_; }
  /// Synchronises with the legacy default stream (not cudaStreamNonBlocking).
  bool blocking() const;

  /// Appends `work`, to run once every point in `after` is done and all
  /// earlier work of this stream has run. Returns its ticket.
  uint64_t enqueue(Work work, std::vector<StreamPoint> after = {});
  /// The ticket of the last work enqueued (0 if none).
  uint64_t lastTicket() const;
  bool reached(uint64_t ticket) const {
    return completed_.load(std::memory_order_acquire) >= ticket;
  }
  void waitFor(uint64_t ticket) const;
  /// Everything enqueued so far has run.
  bool idle() const { return reached(lastTicket()); }
  void synchronize() const { waitFor(lastTicket()); }
  /// The point "everything enqueued so far".
  StreamPoint now();

  /// cudaStreamSetAttribute / cuStreamSetAttribute values: the 64 bytes of
  /// a cudaLaunchAttributeValue, by attribute id. False if never set.
  using AttributeValue = std::array<char, 64>;
  bool attribute(int id, AttributeValue &value) const;
  void setAttribute(int id, const AttributeValue &value);
  void copyAttributesFrom(const Stream &other);

  /// No more work will come: the worker finishes what is queued and exits.
  void shutdown();

private:
  Stream(Context &context, Kind kind, unsigned flags, int priority)
      : context_(context), kind_(kind), flags_(flags), priority_(priority) {}
  void work();

  struct Item {
    Work work;
    std::vector<StreamPoint> after;
  };

  Context &context_;
  const Kind kind_;
  const unsigned flags_;
  const int priority_;

  mutable absl::Mutex mu_;
  std::deque<Item> queue_ ABSL_GUARDED_BY(mu_);
  uint64_t enqueued_ ABSL_GUARDED_BY(mu_) = 0;
  bool started_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  absl::flat_hash_map<int, AttributeValue> attributes_ ABSL_GUARDED_BY(mu_);
  std::atomic<uint64_t> completed_{0};
  /// enqueued_, readable without the lock: the worker spins on it, so the
  /// thread enqueuing never waits for the lock the worker polls with.
  std::atomic<uint64_t> published_{0};
  /// Threads asleep in waitFor: only then must a completion take the lock
  /// to wake them.
  mutable std::atomic<int> sleepers_{0};
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_STREAM_H
