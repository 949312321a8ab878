//===- CudartStream.cpp - Streams, events and host functions --------------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include <algorithm>

#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

namespace {
// CUDA's range on current GPUs: 0 is the least priority, -5 the greatest.
constexpr int kLeastPriority = 0, kGreatestPriority = -5;

absl::Status notReady(const char *what) {
  return rt::makeError(cudaErrorNotReady, what);
}

/// Enqueues `work` on the stream a handle names.
absl::Status enqueueOn(cudaStream_t handle, rt::Stream::Work work,
                       std::vector<rt::StreamPoint> after = {}) {
  absl::StatusOr<rt::StreamRef> stream = runtime().stream(handle);
  if (!stream.ok())
    return stream.status();
  runtime().enqueue(*stream, std::move(work), std::move(after));
  return absl::OkStatus();
}
} // namespace

//===--- Streams -------------------------------------------------------------===//

absl::Status cudart::impl::cudaStreamCreateWithPriority(cudaStream_t *pStream,
                                                        unsigned int flags,
                                                        int priority) {
  priority = std::clamp(priority, kGreatestPriority, kLeastPriority);
  *pStream = static_cast<cudaStream_t>(
      runtime().createStream(runtime().currentContext(), flags, priority));
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaStreamCreateWithFlags(cudaStream_t *pStream,
                                                     unsigned int flags) {
  return impl::cudaStreamCreateWithPriority(pStream, flags, kLeastPriority);
}

absl::Status cudart::impl::cudaStreamCreate(cudaStream_t *pStream) {
  return impl::cudaStreamCreateWithPriority(pStream, cudaStreamDefault,
                                      kLeastPriority);
}

absl::Status cudart::impl::cudaStreamDestroy(cudaStream_t stream) {
  return runtime().destroyStream(stream);
}

absl::Status cudart::impl::cudaStreamSynchronize(cudaStream_t stream) {
  absl::StatusOr<rt::StreamRef> s = runtime().stream(stream);
  if (!s.ok())
    return s.status();
  (*s)->synchronize();
  return cudart::stickyStatus();
}

absl::Status cudart::impl::cudaStreamQuery(cudaStream_t stream) {
  absl::StatusOr<rt::StreamRef> s = runtime().stream(stream);
  if (!s.ok())
    return s.status();
  return (*s)->idle() ? absl::OkStatus() : notReady("the stream has work");
}

absl::Status cudart::impl::cudaStreamWaitEvent(cudaStream_t stream,
                                               cudaEvent_t event,
                                               unsigned int flags) {
  absl::StatusOr<std::shared_ptr<rt::Event>> e = runtime().event(event);
  if (!e.ok())
    return e.status();
  std::vector<rt::StreamPoint> after;
  if (std::shared_ptr<rt::Event::Marker> marker = (*e)->marker())
    after.push_back(marker->point);
  return enqueueOn(stream, [] {}, std::move(after));
}

absl::Status cudart::impl::cudaStreamAddCallback(cudaStream_t stream,
                                                 cudaStreamCallback_t callback,
                                                 void *userData,
                                                 unsigned int flags) {
  return enqueueOn(stream, [stream, callback, userData] {
    callback(stream, cudaSuccess, userData);
  });
}

absl::Status cudart::impl::cudaLaunchHostFunc(cudaStream_t stream,
                                              cudaHostFn_t fn,
                                              void *userData) {
  return enqueueOn(stream, [fn, userData] { fn(userData); });
}

absl::Status cudart::impl::cudaStreamGetFlags(cudaStream_t hStream,
                                              unsigned int *flags) {
  absl::StatusOr<rt::StreamRef> s = runtime().stream(hStream);
  if (!s.ok())
    return s.status();
  *flags = (*s)->flags();
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaStreamGetPriority(cudaStream_t hStream,
                                                 int *priority) {
  absl::StatusOr<rt::StreamRef> s = runtime().stream(hStream);
  if (!s.ok())
    return s.status();
  *priority = (*s)->priority();
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaStreamGetId(cudaStream_t hStream,
                                           unsigned long long *streamId) {
  absl::StatusOr<rt::StreamRef> s = runtime().stream(hStream);
  if (!s.ok())
    return s.status();
  *streamId = reinterpret_cast<uintptr_t>(s->get());
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaStreamGetDevice(cudaStream_t hStream,
                                               int *device) {
  absl::StatusOr<rt::StreamRef> s = runtime().stream(hStream);
  if (!s.ok())
    return s.status();
  *device = (*s)->context().ordinal();
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaStreamAttachMemAsync(cudaStream_t stream,
                                                    void *devPtr,
                                                    size_t length,
                                                    unsigned int flags) {
  return runtime().stream(stream).status();
}

absl::Status cudart::impl::cudaCtxResetPersistingL2Cache() {
  return absl::OkStatus();
}

//===--- Events --------------------------------------------------------------===//

absl::Status cudart::impl::cudaEventCreateWithFlags(cudaEvent_t *event,
                                                    unsigned int flags) {
  *event = static_cast<cudaEvent_t>(
      runtime().createEvent(runtime().currentContext(), flags));
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaEventCreate(cudaEvent_t *event) {
  return impl::cudaEventCreateWithFlags(event, cudaEventDefault);
}

absl::Status cudart::impl::cudaEventRecordWithFlags(cudaEvent_t event,
                                                    cudaStream_t stream,
                                                    unsigned int flags) {
  absl::StatusOr<std::shared_ptr<rt::Event>> e = runtime().event(event);
  if (!e.ok())
    return e.status();
  absl::StatusOr<rt::StreamRef> s = runtime().stream(stream);
  if (!s.ok())
    return s.status();
  (*e)->record(*s);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaEventRecord(cudaEvent_t event,
                                           cudaStream_t stream) {
  return impl::cudaEventRecordWithFlags(event, stream, cudaEventRecordDefault);
}

absl::Status cudart::impl::cudaEventQuery(cudaEvent_t event) {
  absl::StatusOr<std::shared_ptr<rt::Event>> e = runtime().event(event);
  if (!e.ok())
    return e.status();
  return (*e)->done() ? absl::OkStatus()
                      : notReady("the event's marker has not run");
}

absl::Status cudart::impl::cudaEventSynchronize(cudaEvent_t event) {
  absl::StatusOr<std::shared_ptr<rt::Event>> e = runtime().event(event);
  if (!e.ok())
    return e.status();
  (*e)->synchronize();
  return cudart::stickyStatus();
}

absl::Status cudart::impl::cudaEventDestroy(cudaEvent_t event) {
  return runtime().destroyEvent(event);
}

absl::Status cudart::impl::cudaEventElapsedTime(float *ms, cudaEvent_t start,
                                                cudaEvent_t end) {
  absl::StatusOr<std::shared_ptr<rt::Event>> a = runtime().event(start);
  if (!a.ok())
    return a.status();
  absl::StatusOr<std::shared_ptr<rt::Event>> b = runtime().event(end);
  if (!b.ok())
    return b.status();
  absl::StatusOr<float> elapsed = rt::Event::elapsedMs(**a, **b);
  if (!elapsed.ok())
    return elapsed.status();
  *ms = *elapsed;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaEventElapsedTime_v2(float *ms,
                                                   cudaEvent_t start,
                                                   cudaEvent_t end) {
  return impl::cudaEventElapsedTime(ms, start, end);
}
