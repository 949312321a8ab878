//===- CudartStream.cpp - Streams, events and host functions --------------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include <algorithm>

#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

namespace {
// CUDA's range on current GPUs: 0 is the least priority, -5 the greatest.
constexpr int kLeastPriority = 0, kGreatestPriority = -5;

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
  return rt::streamSynchronize(runtime(), stream);
}

absl::Status cudart::impl::cudaStreamQuery(cudaStream_t stream) {
  return rt::streamQuery(runtime(), stream);
}

absl::Status cudart::impl::cudaStreamWaitEvent(cudaStream_t stream,
                                               cudaEvent_t event,
                                               unsigned int flags) {
  return rt::streamWaitEvent(runtime(), stream, event);
}

absl::Status cudart::impl::cudaStreamAddCallback(cudaStream_t stream,
                                                 cudaStreamCallback_t callback,
                                                 void *userData,
                                                 unsigned int flags) {
  return rt::enqueueOn(runtime(), stream, [stream, callback, userData] {
    callback(stream, cudaSuccess, userData);
  });
}

absl::Status cudart::impl::cudaLaunchHostFunc(cudaStream_t stream,
                                              cudaHostFn_t fn,
                                              void *userData) {
  return rt::enqueueHostFunction(runtime(), stream, fn, userData);
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
  return rt::eventRecord(runtime(), event, stream);
}

absl::Status cudart::impl::cudaEventRecord(cudaEvent_t event,
                                           cudaStream_t stream) {
  return impl::cudaEventRecordWithFlags(event, stream, cudaEventRecordDefault);
}

absl::Status cudart::impl::cudaEventQuery(cudaEvent_t event) {
  return rt::eventQuery(runtime(), event);
}

absl::Status cudart::impl::cudaEventSynchronize(cudaEvent_t event) {
  return rt::eventSynchronize(runtime(), event);
}

absl::Status cudart::impl::cudaEventDestroy(cudaEvent_t event) {
  return runtime().destroyEvent(event);
}

absl::Status cudart::impl::cudaEventElapsedTime(float *ms, cudaEvent_t start,
                                                cudaEvent_t end) {
  absl::StatusOr<float> elapsed = rt::eventElapsedMs(runtime(), start, end);
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

//===--- Stream attributes ---------------------------------------------------===//

absl::Status cudart::impl::cudaStreamGetAttribute(cudaStream_t hStream,
                                                  cudaStreamAttrID attr,
                                                  cudaStreamAttrValue *value_out) {
  return rt::streamGetAttribute(runtime(), hStream, attr, value_out);
}

absl::Status cudart::impl::cudaStreamSetAttribute(
    cudaStream_t hStream, cudaStreamAttrID attr,
    const cudaStreamAttrValue *value) {
  return rt::streamSetAttribute(runtime(), hStream, attr, value);
}

absl::Status cudart::impl::cudaStreamCopyAttributes(cudaStream_t dst,
                                                    cudaStream_t src) {
  return rt::streamCopyAttributes(runtime(), dst, src);
}

//===--- Stream capture ------------------------------------------------------===//

absl::Status cudart::impl::cudaStreamBeginCapture(
    cudaStream_t stream, enum cudaStreamCaptureMode mode) {
  return rt::beginCapture(runtime(), stream, mode);
}

absl::Status cudart::impl::cudaStreamEndCapture(cudaStream_t stream,
                                                cudaGraph_t *pGraph) {
  absl::StatusOr<rt::Graph *> graph = rt::endCapture(runtime(), stream);
  if (!graph.ok())
    return graph.status();
  *pGraph = reinterpret_cast<cudaGraph_t>(*graph);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaStreamIsCapturing(
    cudaStream_t stream, enum cudaStreamCaptureStatus *pCaptureStatus) {
  absl::StatusOr<uint64_t> id = rt::captureId(runtime(), stream);
  if (!id.ok())
    return id.status();
  *pCaptureStatus =
      *id ? cudaStreamCaptureStatusActive : cudaStreamCaptureStatusNone;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaStreamGetCaptureInfo(
    cudaStream_t stream, enum cudaStreamCaptureStatus *captureStatus_out,
    unsigned long long *id_out, cudaGraph_t *graph_out,
    const cudaGraphNode_t **dependencies_out, size_t *numDependencies_out) {
  absl::StatusOr<uint64_t> id = rt::captureId(runtime(), stream);
  if (!id.ok())
    return id.status();
  *captureStatus_out =
      *id ? cudaStreamCaptureStatusActive : cudaStreamCaptureStatusNone;
  if (id_out)
    *id_out = *id;
  // The graph under construction is not handed out (it becomes a graph at
  // cudaStreamEndCapture), nor its dependency set.
  if (graph_out)
    *graph_out = nullptr;
  if (dependencies_out)
    *dependencies_out = nullptr;
  if (numDependencies_out)
    *numDependencies_out = 0;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaStreamGetCaptureInfo_v3(
    cudaStream_t stream, enum cudaStreamCaptureStatus *captureStatus_out,
    unsigned long long *id_out, cudaGraph_t *graph_out,
    const cudaGraphNode_t **dependencies_out,
    const cudaGraphEdgeData **edgeData_out, size_t *numDependencies_out) {
  if (edgeData_out)
    *edgeData_out = nullptr;
  return impl::cudaStreamGetCaptureInfo(stream, captureStatus_out, id_out,
                                        graph_out, dependencies_out,
                                        numDependencies_out);
}

absl::Status cudart::impl::cudaThreadExchangeStreamCaptureMode(
    enum cudaStreamCaptureMode *mode) {
  int &current = rt::ThreadState::get().captureMode;
  int previous = current;
  current = *mode;
  *mode = static_cast<cudaStreamCaptureMode>(previous);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaStreamBeginCaptureToGraph(
    cudaStream_t stream, cudaGraph_t graph,
    const cudaGraphNode_t *dependencies, const cudaGraphEdgeData *dependencyData,
    size_t numDependencies, enum cudaStreamCaptureMode mode) {
  if (absl::Status s = rt::checkDefaultEdges(dependencyData, numDependencies);
      !s.ok())
    return s;
  absl::StatusOr<rt::Graph *> g = runtime().graphs().graph(graph);
  if (!g.ok())
    return g.status();
  return rt::beginCapture(runtime(), stream, mode, *g,
                          reinterpret_cast<const void *const *>(dependencies),
                          numDependencies);
}

absl::Status cudart::impl::cudaStreamUpdateCaptureDependencies(
    cudaStream_t stream, cudaGraphNode_t *dependencies, size_t numDependencies,
    unsigned int flags) {
  return rt::updateCaptureDependencies(
      runtime(), stream, reinterpret_cast<const void *const *>(dependencies),
      numDependencies, flags);
}

absl::Status cudart::impl::cudaStreamUpdateCaptureDependencies_v2(
    cudaStream_t stream, cudaGraphNode_t *dependencies,
    const cudaGraphEdgeData *dependencyData, size_t numDependencies,
    unsigned int flags) {
  if (absl::Status s = rt::checkDefaultEdges(dependencyData, numDependencies);
      !s.ok())
    return s;
  return impl::cudaStreamUpdateCaptureDependencies(stream, dependencies,
                                                   numDependencies, flags);
}
