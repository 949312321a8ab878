//===- Operations.cpp - What both API layers ask of the core --------------===//

#include "core/Operations.h"

#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/DevicePrintf.h"
#include "core/ErrorState.h"
#include "core/Runtime.h"
#include "core/Status.h"

namespace lingqu::rt {

absl::Status stickyStatus() {
  cudaError_t sticky = stickyError();
  if (sticky == cudaSuccess)
    return absl::OkStatus();
  return makeError(sticky, "an earlier kernel failed; the context is unusable");
}

//===--- Streams and events ------------------------------------------------===//

namespace {
absl::Status captureUnsupported() {
  return makeError(cudaErrorStreamCaptureUnsupported,
                   "the operation is not allowed while the stream is "
                   "capturing");
}
} // namespace

absl::Status streamSynchronize(Runtime &rt, const void *stream) {
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  if (rt.captures().reject(s->get()))
    return captureUnsupported();
  (*s)->synchronize();
  flushDeviceOutput();
  return stickyStatus();
}

absl::Status streamQuery(Runtime &rt, const void *stream) {
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  if (rt.captures().reject(s->get()))
    return captureUnsupported();
  return (*s)->idle() ? absl::OkStatus()
                      : makeError(cudaErrorNotReady, "the stream has work");
}

absl::Status enqueueOn(Runtime &rt, const void *stream, Stream::Work work) {
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  if (rt.captures().reject(s->get()))
    return captureUnsupported();
  rt.enqueue(*s, std::move(work));
  return absl::OkStatus();
}

absl::Status enqueueHostFunction(Runtime &rt, const void *stream,
                                 void (*fn)(void *), void *userData) {
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  if (rt.captures().add(s->get(), 3, // a host node
                        [fn, userData](Runtime &rt, const void *on) {
                          return enqueueHostFunction(rt, on, fn, userData);
                        }))
    return absl::OkStatus();
  rt.enqueue(*s, [fn, userData] { fn(userData); });
  return absl::OkStatus();
}

absl::Status streamWaitEvent(Runtime &rt, const void *stream,
                             const void *event) {
  absl::StatusOr<std::shared_ptr<Event>> e = rt.event(event);
  if (!e.ok())
    return e.status();
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  // An event recorded under capture: the stream joins the capture.
  if (rt.captures().waitEvent(s->get(), event))
    return absl::OkStatus();
  if (rt.captures().add(s->get(), 6, // an event wait node
                        [event](Runtime &rt, const void *on) {
                          return streamWaitEvent(rt, on, event);
                        }))
    return absl::OkStatus();
  if (const std::shared_ptr<SharedEventState> &shared = (*e)->shared()) {
    // The record may be another process's: wait on the shared counters.
    rt.enqueue(*s, [shared, record = shared->issued()] {
      shared->waitFor(record);
    });
    return absl::OkStatus();
  }
  std::vector<StreamPoint> after;
  if (std::shared_ptr<Event::Marker> marker = (*e)->marker())
    after.push_back(marker->point);
  rt.enqueue(*s, [] {}, std::move(after));
  return absl::OkStatus();
}

absl::Status streamGetAttribute(Runtime &rt, const void *stream, int id,
                                void *value) {
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  Stream::AttributeValue v{};
  switch (id) {
  case cudaLaunchAttributePriority: {
    int priority = (*s)->priority();
    std::memcpy(v.data(), &priority, sizeof priority);
    break;
  }
  case cudaLaunchAttributeSynchronizationPolicy:
    if (!(*s)->attribute(id, v)) {
      int policy = cudaSyncPolicyAuto;
      std::memcpy(v.data(), &policy, sizeof policy);
    }
    break;
  case cudaLaunchAttributeAccessPolicyWindow:
  case cudaLaunchAttributeMemSyncDomainMap:
  case cudaLaunchAttributeMemSyncDomain:
    (*s)->attribute(id, v); // zeros until set
    break;
  default:
    return makeError(cudaErrorInvalidValue,
                     absl::StrCat("launch attribute ", id,
                                  " does not apply to streams"));
  }
  std::memcpy(value, v.data(), v.size());
  return absl::OkStatus();
}

absl::Status streamSetAttribute(Runtime &rt, const void *stream, int id,
                                const void *value) {
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  Stream::AttributeValue v;
  std::memcpy(v.data(), value, v.size());
  switch (id) {
  case cudaLaunchAttributeSynchronizationPolicy: {
    int policy = 0;
    std::memcpy(&policy, v.data(), sizeof policy);
    if (policy < cudaSyncPolicyAuto || policy > cudaSyncPolicyBlockingSync)
      return makeError(cudaErrorInvalidValue, "not a cudaSynchronizationPolicy");
    break;
  }
  case cudaLaunchAttributeAccessPolicyWindow:
  case cudaLaunchAttributeMemSyncDomainMap:
  case cudaLaunchAttributeMemSyncDomain:
    break; // hints about GPU caches and fences: kept and reported back
  case cudaLaunchAttributePriority:
    return makeError(cudaErrorNotSupported,
                     "a stream's priority is fixed when it is created");
  default:
    return makeError(cudaErrorInvalidValue,
                     absl::StrCat("launch attribute ", id,
                                  " does not apply to streams"));
  }
  (*s)->setAttribute(id, v);
  return absl::OkStatus();
}

absl::Status streamCopyAttributes(Runtime &rt, const void *dst,
                                  const void *src) {
  absl::StatusOr<StreamRef> to = rt.stream(dst);
  if (!to.ok())
    return to.status();
  absl::StatusOr<StreamRef> from = rt.stream(src);
  if (!from.ok())
    return from.status();
  (*to)->copyAttributesFrom(**from);
  return absl::OkStatus();
}

absl::Status applyLaunchAttributes(const void *attrs, unsigned count,
                                   bool &cooperative) {
  const auto *list = static_cast<const cudaLaunchAttribute *>(attrs);
  for (unsigned i = 0; i < count; ++i) {
    const cudaLaunchAttribute &a = list[i];
    switch (a.id) {
    case cudaLaunchAttributeIgnore:
    case cudaLaunchAttributeAccessPolicyWindow:
    case cudaLaunchAttributeSynchronizationPolicy:
    case cudaLaunchAttributePriority:
    case cudaLaunchAttributeMemSyncDomainMap:
    case cudaLaunchAttributeMemSyncDomain:
    case cudaLaunchAttributePreferredSharedMemoryCarveout:
    case cudaLaunchAttributeClusterSchedulingPolicyPreference:
      break; // hints for GPU caches, fences and schedulers
    case cudaLaunchAttributeCooperative:
      cooperative = a.val.cooperative != 0;
      break;
    case cudaLaunchAttributeClusterDimension:
    case cudaLaunchAttributePreferredClusterDimension:
      if (a.val.clusterDim.x * a.val.clusterDim.y * a.val.clusterDim.z > 1)
        return makeError(cudaErrorNotSupported,
                         "thread block clusters need compute capability 9.0");
      break;
    case cudaLaunchAttributeProgrammaticStreamSerialization:
      if (a.val.programmaticStreamSerializationAllowed)
        return makeError(cudaErrorNotSupported,
                         "programmatic dependent launch needs compute "
                         "capability 9.0");
      break;
    default:
      return makeError(cudaErrorNotSupported,
                       absl::StrCat("launch attribute ", int(a.id),
                                    " is not supported by Lingqu yet"));
    }
  }
  return absl::OkStatus();
}

namespace {
std::vector<GraphNode *> nodesOf(const void *const *nodes, size_t count) {
  std::vector<GraphNode *> out;
  for (size_t i = 0; i < count; ++i)
    out.push_back(static_cast<GraphNode *>(const_cast<void *>(nodes[i])));
  return out;
}
} // namespace

absl::Status beginCapture(Runtime &rt, const void *stream, int mode,
                          Graph *into, const void *const *dependencies,
                          size_t count) {
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  if ((*s)->kind() == Stream::Kind::Legacy)
    return makeError(cudaErrorStreamCaptureUnsupported,
                     "the legacy default stream cannot be captured");
  std::vector<GraphNode *> tail = nodesOf(dependencies, count);
  for (GraphNode *node : tail)
    if (!into || !into->contains(node))
      return makeError(cudaErrorInvalidValue,
                       "a dependency is not a node of the graph");
  return rt.captures().begin(s->get(), mode, into, std::move(tail));
}

absl::Status updateCaptureDependencies(Runtime &rt, const void *stream,
                                       const void *const *nodes, size_t count,
                                       unsigned flags) {
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  if (flags > 1) // cudaStreamAddCaptureDependencies / Set...
    return makeError(cudaErrorInvalidValue, "flags are add (0) or set (1)");
  return rt.captures().setTail(s->get(), nodesOf(nodes, count), flags == 1);
}

absl::StatusOr<Graph *> endCapture(Runtime &rt, const void *stream) {
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  std::unique_ptr<Graph> owned;
  absl::StatusOr<Graph *> graph = rt.captures().end(s->get(), owned);
  if (!graph.ok())
    return graph.status();
  if (owned) // made by the capture; else the caller's own graph
    return rt.graphs().adopt(std::move(owned));
  return *graph;
}

absl::StatusOr<uint64_t> captureId(Runtime &rt, const void *stream) {
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  return rt.captures().capturing(s->get());
}

absl::Status eventRecord(Runtime &rt, const void *event, const void *stream) {
  absl::StatusOr<std::shared_ptr<Event>> e = rt.event(event);
  if (!e.ok())
    return e.status();
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  if (rt.captures().recordEvent(s->get(), event))
    return absl::OkStatus();
  (*e)->record(*s);
  return absl::OkStatus();
}

absl::Status eventQuery(Runtime &rt, const void *event) {
  absl::StatusOr<std::shared_ptr<Event>> e = rt.event(event);
  if (!e.ok())
    return e.status();
  return (*e)->done()
             ? absl::OkStatus()
             : makeError(cudaErrorNotReady, "the event's marker has not run");
}

absl::StatusOr<IpcEventHandle> exportEvent(Runtime &rt, const void *event) {
  absl::StatusOr<std::shared_ptr<Event>> e = rt.event(event);
  if (!e.ok())
    return e.status();
  if (!(*e)->shared())
    return makeError(cudaErrorInvalidResourceHandle,
                     "the event was not made with cudaEventInterprocess");
  return (*e)->shared()->handle();
}

absl::StatusOr<void *> openEvent(Runtime &rt, Context &context,
                                 const IpcEventHandle &handle) {
  absl::StatusOr<std::shared_ptr<SharedEventState>> shared =
      SharedEventState::open(handle);
  if (!shared.ok())
    return shared.status();
  return rt.createEvent(context,
                        cudaEventDisableTiming | cudaEventInterprocess,
                        *std::move(shared));
}

absl::Status eventSynchronize(Runtime &rt, const void *event) {
  absl::StatusOr<std::shared_ptr<Event>> e = rt.event(event);
  if (!e.ok())
    return e.status();
  (*e)->synchronize();
  flushDeviceOutput();
  return stickyStatus();
}

absl::StatusOr<float> eventElapsedMs(Runtime &rt, const void *start,
                                     const void *end) {
  absl::StatusOr<std::shared_ptr<Event>> a = rt.event(start);
  if (!a.ok())
    return a.status();
  absl::StatusOr<std::shared_ptr<Event>> b = rt.event(end);
  if (!b.ok())
    return b.status();
  return Event::elapsedMs(**a, **b);
}

//===--- Allocations ---------------------------------------------------------===//

absl::StatusOr<Allocation> pinnedAllocation(Runtime &rt, const void *ptr) {
  std::optional<Allocation> a = rt.memory().find(ptr);
  if (!a || (a->kind != MemoryKind::Host && a->kind != MemoryKind::Registered))
    return makeError(cudaErrorInvalidValue,
                     "not pinned host memory (cudaHostAlloc, "
                     "cudaHostRegister)");
  return *a;
}

absl::Status checkManaged(Runtime &rt, const void *ptr, size_t count) {
  std::optional<Allocation> a = rt.memory().find(ptr);
  if (!a || a->kind != MemoryKind::Managed)
    return makeError(cudaErrorInvalidValue,
                     "not managed memory (cudaMallocManaged)");
  return rt.memory().checkRange(ptr, count);
}

absl::Status memAdvise(Runtime &rt, const void *ptr, size_t count, int advice,
                       int device) {
  if (advice < cudaMemAdviseSetReadMostly ||
      advice > cudaMemAdviseUnsetAccessedBy)
    return makeError(cudaErrorInvalidValue, "unknown cudaMemoryAdvise");
  return rt.memory().advise(ptr, count, advice, device);
}

absl::Status memPrefetch(Runtime &rt, const void *ptr, size_t count,
                         int device, const void *stream) {
  if (absl::Status s = checkManaged(rt, ptr, count); !s.ok())
    return s;
  if (absl::Status s = rt.stream(stream).status(); !s.ok())
    return s;
  if (count == 0)
    return absl::OkStatus();
  return rt.memory().advise(ptr, count, Advice::kPrefetch, device);
}

absl::Status memRangeAttributes(Runtime &rt, void **data,
                                const size_t *dataSizes, const int *attributes,
                                size_t count, const void *ptr, size_t bytes) {
  absl::StatusOr<std::vector<Advice>> records =
      rt.memory().adviceFor(ptr, bytes);
  if (!records.ok())
    return records.status();
  uintptr_t begin = reinterpret_cast<uintptr_t>(ptr);
  for (size_t i = 0; i < count; ++i) {
    if (data[i] == nullptr)
      return makeError(cudaErrorInvalidValue, "a null data pointer");
    if (absl::Status s = rangeAttribute(*records, begin, begin + bytes,
                                        attributes[i], data[i], dataSizes[i]);
        !s.ok())
      return s;
  }
  return absl::OkStatus();
}

absl::Status allocateAsync(Runtime &rt, void **ptr, size_t bytes,
                           MemoryPool *pool, const void *stream) {
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  if (rt.captures().reject(s->get()))
    return captureUnsupported(); // memory nodes are not captured yet
  if (pool == nullptr)
    pool = rt.pools().currentPool((*s)->context().ordinal());
  absl::StatusOr<void *> p = rt.pools().allocate(pool, bytes);
  if (!p.ok())
    return p.status();
  *ptr = *p;
  return absl::OkStatus();
}

absl::Status freeAsync(Runtime &rt, void *ptr, const void *stream) {
  absl::StatusOr<StreamRef> s = rt.stream(stream);
  if (!s.ok())
    return s.status();
  if (rt.captures().reject(s->get()))
    return captureUnsupported();
  if (ptr == nullptr)
    return absl::OkStatus();
  if (absl::Status st = rt.pools().beginFree(ptr); !st.ok())
    return st;
  rt.enqueue(*s, [&rt, ptr] { rt.pools().release(ptr); });
  return absl::OkStatus();
}

size_t pitchFor(size_t widthBytes) {
  constexpr size_t kPitchAlignment = 512;
  return (widthBytes + kPitchAlignment - 1) / kPitchAlignment *
         kPitchAlignment;
}

//===--- Copies and sets ---------------------------------------------------===//

absl::Status drainDefaultStream(Runtime &rt) {
  absl::StatusOr<StreamRef> stream = rt.stream(nullptr);
  if (!stream.ok())
    return stream.status();
  for (const StreamPoint &point :
       (*stream)->context().implicitDependencies(**stream))
    point.wait();
  (*stream)->synchronize();
  return absl::OkStatus();
}

namespace {
/// Bytes from the first to one past the last byte a strided block touches.
size_t span(size_t pitch, size_t sliceRows, size_t width, size_t height,
            size_t depth) {
  return (depth - 1) * pitch * sliceRows + (height - 1) * pitch + width;
}

void copyNow(const Copy3D &c) {
  for (size_t z = 0; z < c.depth; ++z)
    for (size_t y = 0; y < c.height; ++y)
      std::memmove(static_cast<char *>(c.dst) +
                       (z * c.dstSliceRows + y) * c.dstPitch,
                   static_cast<const char *>(c.src) +
                       (z * c.srcSliceRows + y) * c.srcPitch,
                   c.width);
}

template <typename T> void fillRow(void *row, uint32_t value, size_t count) {
  T v = static_cast<T>(value);
  T *p = static_cast<T *>(row);
  for (size_t i = 0; i < count; ++i)
    p[i] = v;
}

void setNow(const Set2D &s) {
  for (size_t z = 0; z < s.depth; ++z)
    for (size_t y = 0; y < s.height; ++y) {
      void *row = static_cast<char *>(s.dst) + (z * s.sliceRows + y) * s.pitch;
      switch (s.elementSize) {
      case 1:
        std::memset(row, int(s.value & 0xff), s.width);
        break;
      case 2:
        fillRow<uint16_t>(row, s.value, s.width);
        break;
      default:
        fillRow<uint32_t>(row, s.value, s.width);
        break;
      }
    }
}

/// Runs `work` now after the default stream, or enqueues it on `stream`.
absl::Status runOrEnqueue(Runtime &rt, bool async, const void *stream,
                          Stream::Work work) {
  if (!async) {
    if (absl::Status s = drainDefaultStream(rt); !s.ok())
      return s;
    std::move(work)();
    return absl::OkStatus();
  }
  return enqueueOn(rt, stream, std::move(work));
}
} // namespace

absl::Status copy3D(Runtime &rt, const Copy3D &c, int kind, bool async,
                    const void *stream) {
  bool multiRow = c.height > 1 || c.depth > 1;
  if (multiRow && (c.width > c.dstPitch || c.width > c.srcPitch))
    return makeError(cudaErrorInvalidPitchValue,
                     absl::StrFormat("a row of %u bytes is wider than a pitch "
                                     "(dst %u, src %u)",
                                     c.width, c.dstPitch, c.srcPitch));
  if (c.depth > 1 && (c.height > c.dstSliceRows || c.height > c.srcSliceRows))
    return makeError(cudaErrorInvalidValue,
                     "a slice has more rows than the allocation's height");
  bool empty = c.width == 0 || c.height == 0 || c.depth == 0;
  size_t dstBytes =
      empty ? 0 : span(c.dstPitch, c.dstSliceRows, c.width, c.height, c.depth);
  size_t srcBytes =
      empty ? 0 : span(c.srcPitch, c.srcSliceRows, c.width, c.height, c.depth);
  if (absl::Status s =
          rt.memory().checkCopy(c.dst, dstBytes, c.src, srcBytes, kind);
      !s.ok())
    return s;
  if (async)
    if (absl::StatusOr<StreamRef> s = rt.stream(stream);
        s.ok() && rt.captures().add(s->get(), 1, // a memcpy node
                                    [c, kind](Runtime &rt, const void *on) {
                                      return copy3D(rt, c, kind, true, on);
                                    }))
      return absl::OkStatus();
  if (empty)
    return async ? rt.stream(stream).status() : absl::OkStatus();
  return runOrEnqueue(rt, async, stream, [c] { copyNow(c); });
}

absl::Status copy(Runtime &rt, void *dst, const void *src, size_t bytes,
                  int kind, bool async, const void *stream) {
  Copy3D c;
  c.dst = dst;
  c.src = src;
  c.width = c.dstPitch = c.srcPitch = bytes;
  return copy3D(rt, c, kind, async, stream);
}

absl::Status set2D(Runtime &rt, const Set2D &s, bool async,
                   const void *stream) {
  size_t rowBytes = s.width * s.elementSize;
  if ((s.height > 1 || s.depth > 1) && rowBytes > s.pitch)
    return makeError(cudaErrorInvalidValue,
                     absl::StrFormat("a row of %u bytes is wider than the "
                                     "pitch %u",
                                     rowBytes, s.pitch));
  if (s.elementSize > 1 &&
      reinterpret_cast<uintptr_t>(s.dst) % s.elementSize != 0)
    return makeError(cudaErrorInvalidValue,
                     "the destination is not aligned to the element size");
  if (async)
    if (absl::StatusOr<StreamRef> target = rt.stream(stream);
        target.ok() && rt.captures().add(target->get(), 2, // a memset node
                                         [s](Runtime &rt, const void *on) {
                                           return set2D(rt, s, true, on);
                                         }))
      return absl::OkStatus();
  bool empty = s.width == 0 || s.height == 0 || s.depth == 0;
  if (empty)
    return async ? rt.stream(stream).status() : absl::OkStatus();
  size_t bytes = span(s.pitch, s.sliceRows, rowBytes, s.height, s.depth);
  if (absl::Status st = rt.memory().checkSet(s.dst, bytes); !st.ok())
    return st;
  return runOrEnqueue(rt, async, stream, [s] { setNow(s); });
}

} // namespace lingqu::rt
