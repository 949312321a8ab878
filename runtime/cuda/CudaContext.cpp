//===- CudaContext.cpp - Primary and created contexts, the context stack --===//
//
// The driver API's contexts are the core's: cudaSetDevice makes the primary
// context current on the same per-thread stack these functions push and pop,
// so a program may mix the two APIs as it may with CUDA.
//
//===----------------------------------------------------------------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <algorithm>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "core/Capture.h"
#include "core/Event.h"
#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cuda::runtime;

namespace {
rt::Context *context(CUcontext ctx) { return reinterpret_cast<rt::Context *>(ctx); }
CUcontext handle(rt::Context *ctx) { return reinterpret_cast<CUcontext>(ctx); }
std::vector<rt::Context *> &stack() { return rt::ThreadState::get().contexts; }
} // namespace

//===--- Primary contexts ----------------------------------------------------===//

absl::Status cuda::impl::cuDevicePrimaryCtxRetain(CUcontext *pctx,
                                                  CUdevice dev) {
  runtime().retainPrimary(dev, +1);
  *pctx = handle(&runtime().primaryContext(dev));
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDevicePrimaryCtxRelease(CUdevice dev) {
  if (runtime().retainPrimary(dev, 0) <= 0)
    return rt::makeDriverError(CUDA_ERROR_INVALID_CONTEXT,
                               "the primary context is not retained");
  runtime().retainPrimary(dev, -1);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDevicePrimaryCtxSetFlags(CUdevice dev,
                                                    unsigned int flags) {
  runtime().primaryContext(dev).setFlags(flags);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDevicePrimaryCtxGetState(CUdevice dev,
                                                    unsigned int *flags,
                                                    int *active) {
  *flags = runtime().primaryContext(dev).flags();
  *active = runtime().retainPrimary(dev, 0) > 0 ? 1 : 0;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDevicePrimaryCtxReset(CUdevice dev) {
  return runtime().resetDevice(dev);
}

//===--- Created contexts and the stack --------------------------------------===//

absl::Status cuda::impl::cuCtxCreate(CUcontext *pctx, unsigned int flags,
                                     CUdevice dev) {
  rt::Context *created = runtime().createContext(dev, flags);
  stack().push_back(created);
  *pctx = handle(created);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxCreate_v3(CUcontext *pctx,
                                        CUexecAffinityParam *paramsArray,
                                        int numParams, unsigned int flags,
                                        CUdevice dev) {
  if (numParams > 0)
    return rt::makeDriverError(CUDA_ERROR_UNSUPPORTED_EXEC_AFFINITY,
                               "a CPU device has no SM partitions");
  return impl::cuCtxCreate(pctx, flags, dev);
}

absl::Status cuda::impl::cuCtxCreate_v4(CUcontext *pctx,
                                        CUctxCreateParams *ctxCreateParams,
                                        unsigned int flags, CUdevice dev) {
  if (ctxCreateParams && ctxCreateParams->numExecAffinityParams > 0)
    return rt::makeDriverError(CUDA_ERROR_UNSUPPORTED_EXEC_AFFINITY,
                               "a CPU device has no SM partitions");
  if (ctxCreateParams && ctxCreateParams->cigParams)
    return rt::makeDriverError(CUDA_ERROR_NOT_SUPPORTED,
                               "CUDA in graphics contexts needs D3D12");
  return impl::cuCtxCreate(pctx, flags, dev);
}

absl::Status cuda::impl::cuCtxDestroy(CUcontext ctx) {
  rt::Context *c = context(ctx);
  if (c->primary())
    return rt::makeDriverError(CUDA_ERROR_INVALID_CONTEXT,
                               "a primary context is released, not destroyed");
  if (absl::Status s = runtime().destroyContext(c); !s.ok())
    return s;
  // Popped from the calling thread's stack wherever it is there.
  stack().erase(std::remove(stack().begin(), stack().end(), nullptr),
                stack().end());
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxPushCurrent(CUcontext ctx) {
  stack().push_back(context(ctx));
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxPopCurrent(CUcontext *pctx) {
  if (stack().empty())
    return rt::makeDriverError(CUDA_ERROR_INVALID_CONTEXT,
                               "no context is current to the calling thread");
  rt::Context *top = stack().back();
  stack().pop_back();
  if (pctx)
    *pctx = handle(top);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxSetCurrent(CUcontext ctx) {
  if (ctx == nullptr) {
    if (!stack().empty())
      stack().pop_back();
    return absl::OkStatus();
  }
  if (absl::Status s = checkContext(ctx); !s.ok())
    return s;
  if (stack().empty())
    stack().push_back(context(ctx));
  else
    stack().back() = context(ctx);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxGetCurrent(CUcontext *pctx) {
  *pctx = handle(rt::ThreadState::get().current());
  return absl::OkStatus();
}

//===--- The current context -------------------------------------------------===//

absl::Status cuda::impl::cuCtxGetDevice(CUdevice *device) {
  LINGQU_CURRENT(c);
  *device = c->ordinal();
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxGetFlags(unsigned int *flags) {
  LINGQU_CURRENT(c);
  *flags = c->flags();
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxSetFlags(unsigned int flags) {
  LINGQU_CURRENT(c);
  c->setFlags(flags);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxGetId(CUcontext ctx, unsigned long long *ctxId) {
  rt::Context *c = context(ctx);
  if (c == nullptr) {
    LINGQU_CURRENT(current);
    c = current;
  } else if (absl::Status s = checkContext(ctx); !s.ok()) {
    return s;
  }
  *ctxId = reinterpret_cast<uintptr_t>(c);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxSynchronize() {
  LINGQU_CURRENT(c);
  c->synchronize();
  return rt::stickyStatus();
}

absl::Status cuda::impl::cuCtxSetLimit(CUlimit limit, size_t value) {
  LINGQU_CURRENT(c);
  rt::ContextLimits limits = c->limits();
  *limits.field(limit) = value;
  c->setLimits(limits);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxGetLimit(size_t *pvalue, CUlimit limit) {
  LINGQU_CURRENT(c);
  rt::ContextLimits limits = c->limits();
  *pvalue = *limits.field(limit);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxGetCacheConfig(CUfunc_cache *pconfig) {
  LINGQU_CURRENT(c);
  *pconfig = static_cast<CUfunc_cache>(c->cacheConfig());
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxSetCacheConfig(CUfunc_cache config) {
  LINGQU_CURRENT(c);
  c->setCacheConfig(config);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxGetSharedMemConfig(CUsharedconfig *pConfig) {
  LINGQU_CURRENT(c);
  *pConfig = static_cast<CUsharedconfig>(c->sharedMemConfig());
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxSetSharedMemConfig(CUsharedconfig config) {
  LINGQU_CURRENT(c);
  c->setSharedMemConfig(config);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxGetApiVersion(CUcontext ctx,
                                            unsigned int *version) {
  if (ctx == nullptr) {
    LINGQU_CURRENT(c);
  } else if (absl::Status s = checkContext(ctx); !s.ok()) {
    return s;
  }
  *version = 3020; // the context API version CUDA has reported since 3.2
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxGetStreamPriorityRange(int *leastPriority,
                                                     int *greatestPriority) {
  if (leastPriority)
    *leastPriority = 0;
  if (greatestPriority)
    *greatestPriority = -5;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxResetPersistingL2Cache() {
  LINGQU_CURRENT(c);
  return absl::OkStatus();
}

//===--- Context-wide events ---------------------------------------------===//

namespace {
/// The context `hCtx` names (the current one for null) and the event, which
/// must belong to it.
absl::Status contextAndEvent(CUcontext hCtx, CUevent hEvent, rt::Context *&c,
                             std::shared_ptr<rt::Event> &event) {
  if (hCtx == nullptr) {
    LINGQU_CURRENT(current);
    c = current;
  } else if (absl::Status s = cuda::checkContext(hCtx); !s.ok()) {
    return s;
  } else {
    c = context(hCtx);
  }
  absl::StatusOr<std::shared_ptr<rt::Event>> e = runtime().event(hEvent);
  if (!e.ok())
    return e.status();
  if (&(*e)->context() != c)
    return rt::makeDriverError(CUDA_ERROR_INVALID_HANDLE,
                               "the event belongs to another context");
  event = *std::move(e);
  return absl::OkStatus();
}
} // namespace

absl::Status cuda::impl::cuCtxRecordEvent(CUcontext hCtx, CUevent hEvent) {
  rt::Context *c = nullptr;
  std::shared_ptr<rt::Event> event;
  if (absl::Status s = contextAndEvent(hCtx, hEvent, c, event); !s.ok())
    return s;
  for (const rt::StreamRef &stream : c->snapshot())
    if (runtime().captures().capturing(stream.get()))
      return rt::makeDriverError(CUDA_ERROR_STREAM_CAPTURE_UNSUPPORTED,
                                 "a stream of the context is capturing");
  // The marker goes on the legacy stream after every stream's work so far.
  event->record(c->legacyStream(), c->allStreamsNow());
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxWaitEvent(CUcontext hCtx, CUevent hEvent) {
  rt::Context *c = nullptr;
  std::shared_ptr<rt::Event> event;
  if (absl::Status s = contextAndEvent(hCtx, hEvent, c, event); !s.ok())
    return s;
  if (std::shared_ptr<rt::Event::Marker> marker = event->marker())
    c->waitForAll(marker->point);
  return absl::OkStatus();
}

//===--- Pre-CUDA-4 usage counts -------------------------------------------===//

namespace {
absl::Mutex attachMu;
absl::flat_hash_map<rt::Context *, int> &attachCounts() {
  static auto *counts = new absl::flat_hash_map<rt::Context *, int>;
  return *counts;
}
} // namespace

absl::Status cuda::impl::cuCtxAttach(CUcontext *pctx, unsigned int flags) {
  LINGQU_CURRENT(c);
  absl::MutexLock lock(&attachMu);
  ++attachCounts()[c];
  *pctx = handle(c);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxDetach(CUcontext ctx) {
  if (ctx == nullptr || context(ctx) != rt::ThreadState::get().current())
    return rt::makeDriverError(CUDA_ERROR_INVALID_CONTEXT,
                               "cuCtxDetach takes the current context");
  {
    absl::MutexLock lock(&attachMu);
    auto it = attachCounts().find(context(ctx));
    if (it != attachCounts().end()) {
      if (--it->second == 0)
        attachCounts().erase(it);
      return absl::OkStatus();
    }
  }
  // The creator's own reference: detaching it destroys the context.
  return impl::cuCtxDestroy(ctx);
}
