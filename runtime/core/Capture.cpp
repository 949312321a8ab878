//===- Capture.cpp - Stream capture into graphs ---------------------------===//

#include "core/Capture.h"

#include <algorithm>

#include "core/Status.h"

namespace lingqu::rt {

absl::Status Captures::begin(const void *stream, int mode, Graph *into,
                             std::vector<GraphNode *> tail) {
  absl::MutexLock lock(&mu_);
  if (members_.contains(stream))
    return makeError(cudaErrorIllegalState, "the stream is capturing already");
  auto capture = std::make_shared<Capture>();
  if (into == nullptr) {
    capture->owned = std::make_unique<Graph>();
    into = capture->owned.get();
  }
  capture->graph = into;
  capture->origin = stream;
  capture->id = nextId_++;
  members_[stream] = Member{std::move(capture), std::move(tail)};
  return absl::OkStatus();
}

absl::Status Captures::setTail(const void *stream,
                               std::vector<GraphNode *> nodes, bool replace) {
  absl::MutexLock lock(&mu_);
  auto it = members_.find(stream);
  if (it == members_.end())
    return makeError(cudaErrorIllegalState, "the stream is not capturing");
  for (GraphNode *node : nodes)
    if (!it->second.capture->graph->contains(node))
      return makeError(cudaErrorInvalidValue,
                       "a node that is not part of the capture");
  std::vector<GraphNode *> &tail = it->second.tail;
  if (replace)
    tail.clear();
  for (GraphNode *node : nodes)
    if (std::find(tail.begin(), tail.end(), node) == tail.end())
      tail.push_back(node);
  return absl::OkStatus();
}

absl::StatusOr<Graph *> Captures::end(const void *stream,
                                      std::unique_ptr<Graph> &owned) {
  absl::MutexLock lock(&mu_);
  auto it = members_.find(stream);
  if (it == members_.end())
    return makeError(cudaErrorIllegalState, "the stream is not capturing");
  std::shared_ptr<Capture> capture = it->second.capture;
  if (capture->origin != stream)
    return makeError(cudaErrorStreamCaptureUnmatched,
                     "capture ends on the stream where it began");
  // Every stream of the capture leaves it; its events stop standing for it.
  absl::erase_if(members_, [&](const auto &m) {
    return m.second.capture == capture;
  });
  absl::erase_if(events_, [&](const auto &e) {
    return e.second.capture == capture;
  });
  if (capture->invalidated)
    return makeError(cudaErrorStreamCaptureInvalidated,
                     "work that cannot be captured ran during the capture");
  owned = std::move(capture->owned);
  return capture->graph;
}

uint64_t Captures::capturing(const void *stream) {
  absl::MutexLock lock(&mu_);
  auto it = members_.find(stream);
  return it == members_.end() ? 0 : it->second.capture->id;
}

bool Captures::add(const void *stream, int type, NodeOperation operation,
                   int api) {
  absl::MutexLock lock(&mu_);
  auto it = members_.find(stream);
  if (it == members_.end())
    return false;
  Member &m = it->second;
  GraphNode *node = m.capture->graph->add(type, std::move(operation), nullptr,
                                          api);
  for (GraphNode *dep : m.tail) {
    node->dependencies.push_back(dep);
    dep->dependents.push_back(node);
  }
  m.tail = {node};
  return true;
}

bool Captures::recordEvent(const void *stream, const void *event) {
  absl::MutexLock lock(&mu_);
  auto it = members_.find(stream);
  if (it == members_.end())
    return false;
  events_[event] = it->second;
  return true;
}

bool Captures::waitEvent(const void *stream, const void *event) {
  absl::MutexLock lock(&mu_);
  auto e = events_.find(event);
  if (e == events_.end())
    return false;
  Member &m = members_[stream];
  if (!m.capture)
    m.capture = e->second.capture; // the stream joins the capture
  for (GraphNode *node : e->second.tail)
    if (std::find(m.tail.begin(), m.tail.end(), node) == m.tail.end())
      m.tail.push_back(node);
  return true;
}

bool Captures::reject(const void *stream) {
  absl::MutexLock lock(&mu_);
  auto it = members_.find(stream);
  if (it == members_.end())
    return false;
  it->second.capture->invalidated = true;
  return true;
}

} // namespace lingqu::rt
