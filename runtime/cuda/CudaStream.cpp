//===- CudaStream.cpp - cuStream* and cuEvent* ----------------------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <algorithm>

#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cuda::runtime;

namespace {
// The range cuCtxGetStreamPriorityRange reports.
constexpr int kLeastPriority = 0, kGreatestPriority = -5;
} // namespace

//===--- Streams -------------------------------------------------------------===//

absl::Status cuda::impl::cuStreamCreateWithPriority(CUstream *phStream,
                                                    unsigned int flags,
                                                    int priority) {
  LINGQU_CURRENT(c);
  priority = std::clamp(priority, kGreatestPriority, kLeastPriority);
  *phStream = static_cast<CUstream>(runtime().createStream(*c, flags, priority));
  return absl::OkStatus();
}

absl::Status cuda::impl::cuStreamCreate(CUstream *phStream,
                                        unsigned int Flags) {
  return impl::cuStreamCreateWithPriority(phStream, Flags, kLeastPriority);
}

absl::Status cuda::impl::cuStreamDestroy(CUstream hStream) {
  return runtime().destroyStream(hStream);
}

absl::Status cuda::impl::cuStreamSynchronize(CUstream hStream) {
  LINGQU_CURRENT(c);
  return rt::streamSynchronize(runtime(), hStream);
}

absl::Status cuda::impl::cuStreamQuery(CUstream hStream) {
  LINGQU_CURRENT(c);
  return rt::streamQuery(runtime(), hStream);
}

absl::Status cuda::impl::cuStreamWaitEvent(CUstream hStream, CUevent hEvent,
                                           unsigned int Flags) {
  LINGQU_CURRENT(c);
  return rt::streamWaitEvent(runtime(), hStream, hEvent);
}

absl::Status cuda::impl::cuStreamAddCallback(CUstream hStream,
                                             CUstreamCallback callback,
                                             void *userData,
                                             unsigned int flags) {
  LINGQU_CURRENT(c);
  return rt::enqueueOn(runtime(), hStream, [hStream, callback, userData] {
    callback(hStream, CUDA_SUCCESS, userData);
  });
}

absl::Status cuda::impl::cuLaunchHostFunc(CUstream hStream, CUhostFn fn,
                                          void *userData) {
  LINGQU_CURRENT(c);
  return rt::enqueueHostFunction(runtime(), hStream, fn, userData);
}

namespace {
/// The stream a driver handle names (0 needs a current context).
absl::StatusOr<rt::StreamRef> streamOf(CUstream hStream) {
  LINGQU_CURRENT(c);
  return runtime().stream(hStream);
}
} // namespace

absl::Status cuda::impl::cuStreamGetFlags(CUstream hStream,
                                          unsigned int *flags) {
  absl::StatusOr<rt::StreamRef> s = streamOf(hStream);
  if (!s.ok())
    return s.status();
  *flags = (*s)->flags();
  return absl::OkStatus();
}

absl::Status cuda::impl::cuStreamGetPriority(CUstream hStream, int *priority) {
  absl::StatusOr<rt::StreamRef> s = streamOf(hStream);
  if (!s.ok())
    return s.status();
  *priority = (*s)->priority();
  return absl::OkStatus();
}

absl::Status cuda::impl::cuStreamGetId(CUstream hStream,
                                       unsigned long long *streamId) {
  absl::StatusOr<rt::StreamRef> s = streamOf(hStream);
  if (!s.ok())
    return s.status();
  *streamId = reinterpret_cast<uintptr_t>(s->get());
  return absl::OkStatus();
}

absl::Status cuda::impl::cuStreamGetDevice(CUstream hStream,
                                           CUdevice *device) {
  absl::StatusOr<rt::StreamRef> s = streamOf(hStream);
  if (!s.ok())
    return s.status();
  *device = (*s)->context().ordinal();
  return absl::OkStatus();
}

absl::Status cuda::impl::cuStreamGetCtx(CUstream hStream, CUcontext *pctx) {
  absl::StatusOr<rt::StreamRef> s = streamOf(hStream);
  if (!s.ok())
    return s.status();
  *pctx = reinterpret_cast<CUcontext>(&(*s)->context());
  return absl::OkStatus();
}

absl::Status cuda::impl::cuStreamGetCtx_v2(CUstream hStream, CUcontext *pCtx,
                                           CUgreenCtx *pGreenCtx) {
  *pGreenCtx = nullptr; // no green contexts
  return impl::cuStreamGetCtx(hStream, pCtx);
}

absl::Status cuda::impl::cuStreamAttachMemAsync(CUstream hStream,
                                                CUdeviceptr dptr,
                                                size_t length,
                                                unsigned int flags) {
  // Managed memory is host memory: visible everywhere, nothing to attach.
  return streamOf(hStream).status();
}

//===--- Events --------------------------------------------------------------===//

absl::Status cuda::impl::cuEventCreate(CUevent *phEvent, unsigned int Flags) {
  LINGQU_CURRENT(c);
  *phEvent = static_cast<CUevent>(runtime().createEvent(*c, Flags));
  return absl::OkStatus();
}

absl::Status cuda::impl::cuEventRecord(CUevent hEvent, CUstream hStream) {
  LINGQU_CURRENT(c);
  return rt::eventRecord(runtime(), hEvent, hStream);
}

absl::Status cuda::impl::cuEventRecordWithFlags(CUevent hEvent,
                                                CUstream hStream,
                                                unsigned int flags) {
  return impl::cuEventRecord(hEvent, hStream);
}

absl::Status cuda::impl::cuEventQuery(CUevent hEvent) {
  return rt::eventQuery(runtime(), hEvent);
}

absl::Status cuda::impl::cuEventSynchronize(CUevent hEvent) {
  return rt::eventSynchronize(runtime(), hEvent);
}

absl::Status cuda::impl::cuEventDestroy(CUevent hEvent) {
  return runtime().destroyEvent(hEvent);
}

absl::Status cuda::impl::cuEventElapsedTime(float *pMilliseconds,
                                            CUevent hStart, CUevent hEnd) {
  absl::StatusOr<float> ms = rt::eventElapsedMs(runtime(), hStart, hEnd);
  if (!ms.ok())
    return ms.status();
  *pMilliseconds = *ms;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuEventElapsedTime_v2(float *pMilliseconds,
                                               CUevent hStart, CUevent hEnd) {
  return impl::cuEventElapsedTime(pMilliseconds, hStart, hEnd);
}

//===--- Stream attributes ---------------------------------------------------===//

absl::Status cuda::impl::cuStreamGetAttribute(CUstream hStream,
                                              CUstreamAttrID attr,
                                              CUstreamAttrValue *value_out) {
  LINGQU_CURRENT(c);
  return rt::streamGetAttribute(runtime(), hStream, attr, value_out);
}

absl::Status cuda::impl::cuStreamSetAttribute(CUstream hStream,
                                              CUstreamAttrID attr,
                                              const CUstreamAttrValue *value) {
  LINGQU_CURRENT(c);
  return rt::streamSetAttribute(runtime(), hStream, attr, value);
}

absl::Status cuda::impl::cuStreamCopyAttributes(CUstream dst, CUstream src) {
  LINGQU_CURRENT(c);
  return rt::streamCopyAttributes(runtime(), dst, src);
}

//===--- Stream capture ------------------------------------------------------===//

absl::Status cuda::impl::cuStreamBeginCapture(CUstream hStream,
                                              CUstreamCaptureMode mode) {
  LINGQU_CURRENT(c);
  return rt::beginCapture(runtime(), hStream, mode);
}

absl::Status cuda::impl::cuStreamEndCapture(CUstream hStream,
                                            CUgraph *phGraph) {
  LINGQU_CURRENT(c);
  absl::StatusOr<rt::Graph *> graph = rt::endCapture(runtime(), hStream);
  if (!graph.ok())
    return graph.status();
  *phGraph = reinterpret_cast<CUgraph>(*graph);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuStreamIsCapturing(
    CUstream hStream, CUstreamCaptureStatus *captureStatus) {
  LINGQU_CURRENT(c);
  absl::StatusOr<uint64_t> id = rt::captureId(runtime(), hStream);
  if (!id.ok())
    return id.status();
  *captureStatus =
      *id ? CU_STREAM_CAPTURE_STATUS_ACTIVE : CU_STREAM_CAPTURE_STATUS_NONE;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuStreamGetCaptureInfo(
    CUstream hStream, CUstreamCaptureStatus *captureStatus_out,
    cuuint64_t *id_out, CUgraph *graph_out,
    const CUgraphNode **dependencies_out, size_t *numDependencies_out) {
  LINGQU_CURRENT(c);
  absl::StatusOr<uint64_t> id = rt::captureId(runtime(), hStream);
  if (!id.ok())
    return id.status();
  *captureStatus_out =
      *id ? CU_STREAM_CAPTURE_STATUS_ACTIVE : CU_STREAM_CAPTURE_STATUS_NONE;
  if (id_out)
    *id_out = *id;
  if (graph_out)
    *graph_out = nullptr;
  if (dependencies_out)
    *dependencies_out = nullptr;
  if (numDependencies_out)
    *numDependencies_out = 0;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuStreamGetCaptureInfo_v3(
    CUstream hStream, CUstreamCaptureStatus *captureStatus_out,
    cuuint64_t *id_out, CUgraph *graph_out,
    const CUgraphNode **dependencies_out, const CUgraphEdgeData **edgeData_out,
    size_t *numDependencies_out) {
  if (edgeData_out)
    *edgeData_out = nullptr;
  return impl::cuStreamGetCaptureInfo(hStream, captureStatus_out, id_out,
                                      graph_out, dependencies_out,
                                      numDependencies_out);
}

absl::Status
cuda::impl::cuThreadExchangeStreamCaptureMode(CUstreamCaptureMode *mode) {
  int &current = rt::ThreadState::get().captureMode;
  int previous = current;
  current = *mode;
  *mode = static_cast<CUstreamCaptureMode>(previous);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuStreamBeginCaptureToGraph(
    CUstream hStream, CUgraph hGraph, const CUgraphNode *dependencies,
    const CUgraphEdgeData *dependencyData, size_t numDependencies,
    CUstreamCaptureMode mode) {
  LINGQU_CURRENT(c);
  if (absl::Status s = rt::checkDefaultEdges(dependencyData, numDependencies);
      !s.ok())
    return s;
  absl::StatusOr<rt::Graph *> g = runtime().graphs().graph(hGraph);
  if (!g.ok())
    return g.status();
  return rt::beginCapture(runtime(), hStream, mode, *g,
                          reinterpret_cast<const void *const *>(dependencies),
                          numDependencies);
}

absl::Status cuda::impl::cuStreamUpdateCaptureDependencies(
    CUstream hStream, CUgraphNode *dependencies, size_t numDependencies,
    unsigned int flags) {
  LINGQU_CURRENT(c);
  return rt::updateCaptureDependencies(
      runtime(), hStream, reinterpret_cast<const void *const *>(dependencies),
      numDependencies, flags);
}

absl::Status cuda::impl::cuStreamUpdateCaptureDependencies_v2(
    CUstream hStream, CUgraphNode *dependencies,
    const CUgraphEdgeData *dependencyData, size_t numDependencies,
    unsigned int flags) {
  if (absl::Status s = rt::checkDefaultEdges(dependencyData, numDependencies);
      !s.ok())
    return s;
  return impl::cuStreamUpdateCaptureDependencies(hStream, dependencies,
                                                 numDependencies, flags);
}
