//===- Capture.h - Stream capture into graphs --------------------*- C++ -*-===//
//
// cudaStreamBeginCapture turns a stream's work into graph nodes instead of
// running it. Each capturing stream has a tail (the nodes its next work
// depends on); an event recorded on a capturing stream remembers that tail,
// and a stream that waits for such an event joins the capture with it as
// its tail, so fork/join across streams is captured too. Work that cannot
// be captured invalidates the capture (cudaErrorStreamCaptureInvalidated at
// the end).
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_CAPTURE_H
#define LINGQU_RUNTIME_CORE_CAPTURE_H

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "core/Graph.h"

namespace lingqu::rt {

class Captures {
public:
  /// cudaErrorIllegalState if `stream` is capturing already. With `into`,
  /// nodes go into that existing graph, after `tail`
  /// (cudaStreamBeginCaptureToGraph).
  absl::Status begin(const void *stream, int mode, Graph *into = nullptr,
                     std::vector<GraphNode *> tail = {});
  /// The captured graph, owned by `owned` when the capture made it;
  /// `stream` must be where the capture began (cudaErrorIllegalState), and
  /// the capture must be valid (cudaErrorStreamCaptureInvalidated).
  absl::StatusOr<Graph *> end(const void *stream,
                              std::unique_ptr<Graph> &owned);
  /// cudaStreamUpdateCaptureDependencies: the stream's tail becomes (or
  /// also includes) `nodes`; cudaErrorIllegalState if it is not capturing.
  absl::Status setTail(const void *stream, std::vector<GraphNode *> nodes,
                       bool replace);
  /// The capture's id if `stream` is capturing, else 0.
  uint64_t capturing(const void *stream);
  /// True if `stream` was capturing and `operation` became a node after its
  /// tail (the node then is the tail).
  bool add(const void *stream, int type, NodeOperation operation,
           int api = kApiRuntime);
  /// On a capturing stream: the event now stands for the stream's tail.
  bool recordEvent(const void *stream, const void *event);
  /// If `event` stands for a capture's nodes: `stream` joins that capture
  /// with them added to its tail.
  bool waitEvent(const void *stream, const void *event);
  /// Work that cannot be captured was attempted on `stream`: true (and the
  /// capture is invalidated) if it is capturing.
  bool reject(const void *stream);

private:
  struct Capture {
    std::unique_ptr<Graph> owned; ///< a graph the capture makes
    Graph *graph = nullptr;       ///< where nodes go
    const void *origin = nullptr;
    uint64_t id = 0;
    bool invalidated = false;
  };
  struct Member {
    std::shared_ptr<Capture> capture;
    std::vector<GraphNode *> tail;
  };
  absl::Mutex mu_;
  uint64_t nextId_ ABSL_GUARDED_BY(mu_) = 1;
  absl::flat_hash_map<const void *, Member> members_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<const void *, Member> events_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_CAPTURE_H
