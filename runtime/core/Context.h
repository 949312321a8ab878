//===- Context.h - Devices, contexts and the calling thread's view -*- C++ -*-===//
//
// A Context is what CUDA's driver calls a context: a device plus the
// streams, limits and configuration work on it uses. Each device has one
// primary context, which the runtime API uses and cuDevicePrimaryCtxRetain
// returns; cuCtxCreate makes more. Every context has a legacy default stream;
// each host thread gets its own per-thread default stream on first use.
//
// ThreadState is the calling thread's side: its stack of current contexts
// (the driver's cuCtxPush/Pop, the runtime's current device) and whether the
// current call binds stream 0 to the per-thread default stream.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_CONTEXT_H
#define LINGQU_RUNTIME_CORE_CONTEXT_H

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "core/Stream.h"

namespace lingqu::rt {

class Device;
class Runtime;

/// cudaLimit / CUlimit values a context keeps.
struct ContextLimits {
  size_t stackSize = 1024;
  size_t printfFifoSize = 1 << 20;
  size_t mallocHeapSize = 8 << 20;
  size_t devRuntimeSyncDepth = 2;
  size_t devRuntimePendingLaunchCount = 2048;
  size_t maxL2FetchGranularity = 32;
  size_t persistingL2CacheSize = 0;

  /// The field for a cudaLimit / CUlimit (same values), or nullptr.
  size_t *field(int limit);
};

class Context {
public:
  Context(Runtime &runtime, int ordinal, unsigned flags, bool primary);
  ~Context();
  Context(const Context &) = delete;
  Context &operator=(const Context &) = delete;

  Runtime &runtime() const { return runtime_; }
  int ordinal() const { return ordinal_; }
  Device &device() const;
  bool primary() const { return primary_; }

  unsigned flags() const;
  void setFlags(unsigned flags);

  StreamRef legacyStream() const { return legacy_; }
  /// The calling thread's per-thread default stream in this context.
  StreamRef perThreadStream();
  StreamRef createStream(unsigned flags, int priority);
  /// Forgets `stream`; its queued work still runs.
  void destroyStream(const StreamRef &stream);

  /// What work enqueued on `stream` now must wait for, beyond the stream's
  /// own order: the legacy stream waits for every blocking stream, a
  /// blocking stream waits for the legacy stream.
  std::vector<StreamPoint> implicitDependencies(const Stream &stream);
  /// cuCtxWaitEvent: all work enqueued from now on, on any stream of the
  /// context including streams created later, waits for `point`.
  void waitForAll(StreamPoint point);
  /// The point "everything enqueued so far on every stream" (cuCtxRecordEvent).
  std::vector<StreamPoint> allStreamsNow();
  /// Waits until every stream of the context is idle.
  void synchronize();
  /// Every stream is idle.
  bool idle();

  ContextLimits limits() const;
  void setLimits(const ContextLimits &limits);
  int cacheConfig() const;
  void setCacheConfig(int config);
  int sharedMemConfig() const;
  void setSharedMemConfig(int config);

  /// cudaDeviceEnablePeerAccess: false if access to `peer` (a device
  /// ordinal) was already enabled; disablePeer: false if it was not.
  bool enablePeer(int peer);
  bool disablePeer(int peer);

  /// Drops every stream but the legacy one (cudaDeviceReset).
  void reset();

  /// The created and per-thread streams (not the legacy one).
  std::vector<StreamRef> snapshot();

private:

  Runtime &runtime_;
  const int ordinal_;
  const bool primary_;
  StreamRef legacy_;
  mutable absl::Mutex mu_;
  unsigned flags_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<StreamRef> streams_ ABSL_GUARDED_BY(mu_);
  ContextLimits limits_ ABSL_GUARDED_BY(mu_);
  int cacheConfig_ ABSL_GUARDED_BY(mu_) = 0;
  int sharedMemConfig_ ABSL_GUARDED_BY(mu_) = 0;
  absl::flat_hash_set<int> peers_ ABSL_GUARDED_BY(mu_);
  // cuCtxWaitEvent points not yet known reached; the flag keeps the launch
  // path free of the lock when there are none.
  std::atomic<bool> hasContextWaits_{false};
  std::vector<StreamPoint> contextWaits_ ABSL_GUARDED_BY(mu_);
};

/// The calling host thread's view.
struct ThreadState {
  /// Current contexts, innermost last (cuCtxPushCurrent / cuCtxPopCurrent).
  std::vector<Context *> contexts;
  /// The device cudaSetDevice chose; -1 until it is called.
  int device = -1;
  /// Stream 0 means the per-thread default stream for the current call.
  bool perThreadDefaultStream = false;
  /// cudaThreadExchangeStreamCaptureMode's mode (cudaStreamCaptureMode).
  int captureMode = 0;

  static ThreadState &get();
  Context *current() const { return contexts.empty() ? nullptr : contexts.back(); }
};

/// Binds stream 0 to the per-thread default stream for one call (the
/// _ptsz / _ptds entry points, and every call under
/// CUDA_API_PER_THREAD_DEFAULT_STREAM=1 in the environment).
class PerThreadDefaultStreamScope {
public:
  PerThreadDefaultStreamScope()
      : saved_(ThreadState::get().perThreadDefaultStream) {
    ThreadState::get().perThreadDefaultStream = true;
  }
  ~PerThreadDefaultStreamScope() {
    ThreadState::get().perThreadDefaultStream = saved_;
  }

private:
  bool saved_;
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_CONTEXT_H
