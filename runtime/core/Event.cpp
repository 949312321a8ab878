//===- Event.cpp - Markers in a stream ------------------------------------===//

#include "core/Event.h"

#include <chrono>
#include <iterator>

#include "core/Context.h"
#include "core/Status.h"
#include "driver_types.h"

using namespace lingqu::rt;

namespace {
int64_t nowNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
} // namespace

bool Event::timing() const { return !(flags_ & cudaEventDisableTiming); }

void Event::record(const StreamRef &stream,
                   std::vector<StreamPoint> alsoAfter) {
  auto marker = std::make_shared<Marker>();
  std::vector<StreamPoint> after =
      stream->context().implicitDependencies(*stream);
  after.insert(after.end(), std::make_move_iterator(alsoAfter.begin()),
               std::make_move_iterator(alsoAfter.end()));
  uint64_t record = shared_ ? shared_->issue() : 0;
  uint64_t ticket = stream->enqueue(
      [marker, shared = shared_, record] {
        marker->nanos.store(nowNanos(), std::memory_order_release);
        if (shared)
          shared->complete(record);
      },
      std::move(after));
  marker->point = StreamPoint{stream, ticket};
  absl::MutexLock lock(&mu_);
  marker_ = std::move(marker);
}

std::shared_ptr<Event::Marker> Event::marker() const {
  absl::MutexLock lock(&mu_);
  return marker_;
}

bool Event::done() const {
  if (shared_) // recorded here or in another process
    return shared_->reached(shared_->issued());
  std::shared_ptr<Marker> m = marker();
  return !m || m->point.reached();
}

void Event::synchronize() const {
  if (shared_) {
    shared_->waitFor(shared_->issued());
    return;
  }
  if (std::shared_ptr<Marker> m = marker())
    m->point.wait();
}

absl::StatusOr<float> Event::elapsedMs(const Event &start, const Event &end) {
  std::shared_ptr<Marker> a = start.marker(), b = end.marker();
  if (!a || !b || !start.timing() || !end.timing())
    return makeError(cudaErrorInvalidResourceHandle,
                     "an event was never recorded or has timing disabled");
  if (!a->point.reached() || !b->point.reached())
    return makeError(cudaErrorNotReady, "an event has not completed");
  int64_t ta = a->nanos.load(std::memory_order_acquire);
  int64_t tb = b->nanos.load(std::memory_order_acquire);
  return float(double(tb - ta) / 1e6);
}
