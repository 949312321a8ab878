//===- Event.h - Markers in a stream ----------------------------*- C++ -*-===//
//
// cudaEventRecord enqueues a marker that stamps the time it runs; the event
// then stands for "that marker has run". Recording again replaces the
// marker, but a wait enqueued earlier keeps the marker it saw, as in CUDA.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_EVENT_H
#define LINGQU_RUNTIME_CORE_EVENT_H

#include <atomic>
#include <cstdint>
#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "core/IpcEvent.h"
#include "core/Stream.h"

namespace lingqu::rt {

class Context;

class Event {
public:
  /// One cudaEventRecord: where it is and when it ran (ns, -1 until then).
  struct Marker {
    StreamPoint point;
    std::atomic<int64_t> nanos{-1};
  };

  /// With `shared`, records and waits also go through state other
  /// processes see (cudaEventInterprocess).
  Event(Context &context, unsigned flags,
        std::shared_ptr<SharedEventState> shared = nullptr)
      : context_(context), flags_(flags), shared_(std::move(shared)) {}

  Context &context() const { return context_; }
  unsigned flags() const { return flags_; }
  const std::shared_ptr<SharedEventState> &shared() const { return shared_; }
  bool timing() const;

  /// Enqueues a marker on `stream` (after the stream's implicit
  /// dependencies) and makes it the event's.
  void record(const StreamRef &stream, std::vector<StreamPoint> alsoAfter = {});
  /// The latest marker, null if never recorded.
  std::shared_ptr<Marker> marker() const;
  /// True if never recorded or the marker has run.
  bool done() const;
  void synchronize() const;

  /// cudaEventElapsedTime: ms from `start` to `end`. cudaErrorNotReady if
  /// either has not run; cudaErrorInvalidResourceHandle if either was never
  /// recorded or has timing disabled.
  static absl::StatusOr<float> elapsedMs(const Event &start, const Event &end);

private:
  Context &context_;
  const unsigned flags_;
  const std::shared_ptr<SharedEventState> shared_;
  mutable absl::Mutex mu_;
  std::shared_ptr<Marker> marker_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_EVENT_H
