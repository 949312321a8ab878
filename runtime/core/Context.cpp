//===- Context.cpp - Devices, contexts and the calling thread's view ------===//

#include "core/Context.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "core/DevicePrintf.h"
#include "core/Runtime.h"

using namespace lingqu::rt;

namespace {
/// The calling thread's per-thread default streams, one per context; shut
/// down when the thread exits (their queued work still runs).
struct PerThreadStreams {
  absl::flat_hash_map<Context *, StreamRef> streams;
  ~PerThreadStreams() {
    for (auto &[context, stream] : streams)
      if (Runtime::isLive(context))
        context->destroyStream(stream);
  }
};
thread_local PerThreadStreams perThreadStreams;
} // namespace

ThreadState &ThreadState::get() {
  thread_local ThreadState state;
  return state;
}

Context::Context(Runtime &runtime, int ordinal, unsigned flags, bool primary)
    : runtime_(runtime), ordinal_(ordinal), primary_(primary),
      legacy_(Stream::create(*this, Stream::Kind::Legacy, 0, 0)),
      flags_(flags) {}

Context::~Context() {
  for (const StreamRef &stream : snapshot())
    stream->shutdown();
  legacy_->shutdown();
}

Device &Context::device() const { return runtime_.device(ordinal_); }

size_t *ContextLimits::field(int limit) {
  switch (limit) {
  case cudaLimitStackSize:
    return &stackSize;
  case cudaLimitPrintfFifoSize:
    return &printfFifoSize;
  case cudaLimitMallocHeapSize:
    return &mallocHeapSize;
  case cudaLimitDevRuntimeSyncDepth:
    return &devRuntimeSyncDepth;
  case cudaLimitDevRuntimePendingLaunchCount:
    return &devRuntimePendingLaunchCount;
  case cudaLimitMaxL2FetchGranularity:
    return &maxL2FetchGranularity;
  case cudaLimitPersistingL2CacheSize:
    return &persistingL2CacheSize;
  default:
    return nullptr;
  }
}

bool Context::enablePeer(int peer) {
  absl::MutexLock lock(&mu_);
  return peers_.insert(peer).second;
}

bool Context::disablePeer(int peer) {
  absl::MutexLock lock(&mu_);
  return peers_.erase(peer) != 0;
}

unsigned Context::flags() const {
  absl::MutexLock lock(&mu_);
  return flags_;
}

void Context::setFlags(unsigned flags) {
  absl::MutexLock lock(&mu_);
  flags_ = flags;
}

StreamRef Context::perThreadStream() {
  StreamRef &stream = perThreadStreams.streams[this];
  if (!stream) {
    stream = Stream::create(*this, Stream::Kind::PerThread, 0, 0);
    absl::MutexLock lock(&mu_);
    streams_.insert(stream);
  }
  return stream;
}

StreamRef Context::createStream(unsigned flags, int priority) {
  StreamRef stream = Stream::create(*this, Stream::Kind::User, flags, priority);
  absl::MutexLock lock(&mu_);
  streams_.insert(stream);
  return stream;
}

void Context::destroyStream(const StreamRef &stream) {
  stream->shutdown();
  absl::MutexLock lock(&mu_);
  streams_.erase(stream);
}

std::vector<StreamRef> Context::snapshot() {
  absl::MutexLock lock(&mu_);
  return std::vector<StreamRef>(streams_.begin(), streams_.end());
}

std::vector<StreamPoint> Context::implicitDependencies(const Stream &stream) {
  std::vector<StreamPoint> after;
  if (hasContextWaits_.load(std::memory_order_acquire)) {
    absl::MutexLock lock(&mu_);
    contextWaits_.erase(std::remove_if(contextWaits_.begin(),
                                       contextWaits_.end(),
                                       [](const StreamPoint &p) {
                                         return p.reached();
                                       }),
                        contextWaits_.end());
    after = contextWaits_;
    hasContextWaits_.store(!contextWaits_.empty(), std::memory_order_release);
  }
  if (stream.kind() == Stream::Kind::Legacy) {
    for (const StreamRef &other : snapshot())
      if (other->blocking() && !other->idle())
        after.push_back(other->now());
  } else if (stream.blocking() && !legacy_->idle()) {
    after.push_back(legacy_->now());
  }
  return after;
}

void Context::waitForAll(StreamPoint point) {
  absl::MutexLock lock(&mu_);
  contextWaits_.push_back(std::move(point));
  hasContextWaits_.store(true, std::memory_order_release);
}

std::vector<StreamPoint> Context::allStreamsNow() {
  std::vector<StreamPoint> points;
  if (!legacy_->idle())
    points.push_back(legacy_->now());
  for (const StreamRef &stream : snapshot())
    if (!stream->idle())
      points.push_back(stream->now());
  return points;
}

void Context::synchronize() {
  legacy_->synchronize();
  for (const StreamRef &stream : snapshot())
    stream->synchronize();
  flushDeviceOutput();
}

bool Context::idle() {
  if (!legacy_->idle())
    return false;
  for (const StreamRef &stream : snapshot())
    if (!stream->idle())
      return false;
  return true;
}

ContextLimits Context::limits() const {
  absl::MutexLock lock(&mu_);
  return limits_;
}

void Context::setLimits(const ContextLimits &limits) {
  absl::MutexLock lock(&mu_);
  limits_ = limits;
  // One buffer serves every context: the last size set is its size.
  setDeviceOutputCapacity(limits.printfFifoSize);
}

int Context::cacheConfig() const {
  absl::MutexLock lock(&mu_);
  return cacheConfig_;
}

void Context::setCacheConfig(int config) {
  absl::MutexLock lock(&mu_);
  cacheConfig_ = config;
}

int Context::sharedMemConfig() const {
  absl::MutexLock lock(&mu_);
  return sharedMemConfig_;
}

void Context::setSharedMemConfig(int config) {
  absl::MutexLock lock(&mu_);
  sharedMemConfig_ = config;
}

void Context::reset() {
  synchronize();
  std::vector<StreamRef> streams = snapshot();
  for (const StreamRef &stream : streams)
    if (stream->kind() == Stream::Kind::User)
      destroyStream(stream);
  absl::MutexLock lock(&mu_);
  limits_ = ContextLimits();
  cacheConfig_ = sharedMemConfig_ = 0;
}
