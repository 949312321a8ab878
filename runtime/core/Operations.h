//===- Operations.h - What both API layers ask of the core ------*- C++ -*-===//
//
// cudaStreamQuery and cuStreamQuery, cudaMemcpy2DAsync and cuMemcpy2DAsync:
// each pair is one operation with two spellings. The operation lives here,
// on handles as the APIs pass them, and returns the runtime API's codes;
// the driver layer maps them to CUresult. The API layers only unpack their
// arguments.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_OPERATIONS_H
#define LINGQU_RUNTIME_CORE_OPERATIONS_H

#include <cstddef>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/IpcEvent.h"
#include "core/Stream.h"

namespace lingqu::rt {

class Graph;
class Context;
class Runtime;

/// The sticky error of an earlier failed kernel, as a status.
absl::Status stickyStatus();

//===--- Streams and events ------------------------------------------------===//
absl::Status streamSynchronize(Runtime &rt, const void *stream);
/// cudaErrorNotReady while the stream has work.
absl::Status streamQuery(Runtime &rt, const void *stream);
absl::Status streamWaitEvent(Runtime &rt, const void *stream,
                             const void *event);
/// Runs `work` on the stream's thread when the stream gets there;
/// cudaErrorStreamCaptureUnsupported on a capturing stream.
absl::Status enqueueOn(Runtime &rt, const void *stream, Stream::Work work);
/// cudaLaunchHostFunc: `fn(userData)` in stream order (a host node under
/// capture).
absl::Status enqueueHostFunction(Runtime &rt, const void *stream,
                                 void (*fn)(void *), void *userData);

/// cudaStreamGetAttribute: `value` is a cudaLaunchAttributeValue (64
/// bytes). Streams take the access policy window, the synchronization
/// policy, the priority (read only here) and the memory sync domain.
absl::Status streamGetAttribute(Runtime &rt, const void *stream, int id,
                                void *value);
absl::Status streamSetAttribute(Runtime &rt, const void *stream, int id,
                                const void *value);
absl::Status streamCopyAttributes(Runtime &rt, const void *dst,
                                  const void *src);

/// The launch attributes of cudaLaunchKernelExC / cuLaunchKernelEx (the
/// two APIs' attribute structs share their layout): cooperative launches
/// are honoured, cache, fence, priority and carveout hints accepted;
/// clusters other than 1x1x1 and programmatic launch dependencies are
/// cudaErrorNotSupported.
absl::Status applyLaunchAttributes(const void *attrs, unsigned count,
                                   bool &cooperative);

/// cudaStreamBeginCapture (not on the legacy stream), cudaStreamEndCapture
/// (the graph, registered), and the capture id of a stream (0: none).
absl::Status beginCapture(Runtime &rt, const void *stream, int mode,
                          Graph *into = nullptr,
                          const void *const *dependencies = nullptr,
                          size_t count = 0);
/// cudaStreamUpdateCaptureDependencies (flags: 0 add, 1 set).
absl::Status updateCaptureDependencies(Runtime &rt, const void *stream,
                                       const void *const *nodes, size_t count,
                                       unsigned flags);
absl::StatusOr<Graph *> endCapture(Runtime &rt, const void *stream);
absl::StatusOr<uint64_t> captureId(Runtime &rt, const void *stream);

absl::Status eventRecord(Runtime &rt, const void *event, const void *stream);
/// cudaErrorNotReady until the recorded work has run.
absl::Status eventQuery(Runtime &rt, const void *event);
/// cudaIpcGetEventHandle: cudaErrorInvalidResourceHandle unless the event
/// was made with cudaEventInterprocess.
absl::StatusOr<IpcEventHandle> exportEvent(Runtime &rt, const void *event);
/// cudaIpcOpenEventHandle: a new event of `context` sharing the exporter's.
absl::StatusOr<void *> openEvent(Runtime &rt, Context &context,
                                 const IpcEventHandle &handle);
absl::Status eventSynchronize(Runtime &rt, const void *event);
absl::StatusOr<float> eventElapsedMs(Runtime &rt, const void *start,
                                     const void *end);

//===--- Allocations ---------------------------------------------------------===//
struct Allocation;
/// The pinned (allocated or registered) host allocation holding `ptr`;
/// cudaErrorInvalidValue for any other pointer.
absl::StatusOr<Allocation> pinnedAllocation(Runtime &rt, const void *ptr);
/// cudaErrorInvalidValue unless [ptr, ptr + count) is managed memory.
absl::Status checkManaged(Runtime &rt, const void *ptr, size_t count);
/// cudaMemAdvise / cudaMemPrefetchAsync after the device check: the range
/// must be managed; the advice is remembered for cudaMemRangeGetAttribute
/// (memory is always resident, so a prefetch moves nothing).
absl::Status memAdvise(Runtime &rt, const void *ptr, size_t count, int advice,
                       int device);
absl::Status memPrefetch(Runtime &rt, const void *ptr, size_t count,
                         int device, const void *stream);
/// cudaMemRangeGetAttributes (one attribute for cudaMemRangeGetAttribute).
absl::Status memRangeAttributes(Runtime &rt, void **data,
                                const size_t *dataSizes, const int *attributes,
                                size_t count, const void *ptr, size_t bytes);
/// The row pitch of a pitched allocation: rows start 512 bytes apart, the
/// texture pitch alignment CUDA uses.
size_t pitchFor(size_t widthBytes);

/// cudaMallocAsync from `pool` (null: the current pool of the stream's
/// device), usable in the order of `stream`.
absl::Status allocateAsync(Runtime &rt, void **ptr, size_t bytes,
                           struct MemoryPool *pool, const void *stream);
/// cudaFreeAsync: frees `ptr` when `stream` gets there.
absl::Status freeAsync(Runtime &rt, void *ptr, const void *stream);

//===--- Copies and sets ---------------------------------------------------===//
/// A strided 3D block of bytes: `depth` slices of `height` rows of `width`
/// bytes; rows `pitch` apart, slices `pitch * sliceRows` apart. 1D and 2D
/// copies are the same with depth (and height) 1.
struct Copy3D {
  void *dst = nullptr;
  size_t dstPitch = 0, dstSliceRows = 0;
  const void *src = nullptr;
  size_t srcPitch = 0, srcSliceRows = 0;
  size_t width = 0, height = 1, depth = 1;
};

/// Waits for the legacy default stream's earlier work, as a synchronous
/// copy must: it then runs on the calling thread.
absl::Status drainDefaultStream(Runtime &rt);

/// Checks `copy` (pitches, memcpy kind, both sides' ranges), then copies on
/// the calling thread after the default stream (stream == nullptr and
/// !async) or enqueues it on `stream`.
absl::Status copy3D(Runtime &rt, const Copy3D &copy, int kind, bool async,
                    const void *stream);
absl::Status copy(Runtime &rt, void *dst, const void *src, size_t bytes,
                  int kind, bool async, const void *stream);

/// Fills `height` rows of `width` elements of `elementSize` (1, 2 or 4)
/// bytes with `value`, rows `pitch` bytes apart; sync or async as copy3D.
struct Set2D {
  void *dst = nullptr;
  size_t pitch = 0;
  uint32_t value = 0;
  unsigned elementSize = 1;
  size_t width = 0, height = 1, depth = 1, sliceRows = 1;
};
absl::Status set2D(Runtime &rt, const Set2D &set, bool async,
                   const void *stream);

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_OPERATIONS_H
