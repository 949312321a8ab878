//===- Runtime.cpp - The process's devices, contexts and handles ----------===//

#include "core/Runtime.h"

#include <algorithm>

#include <cstdlib>
#include <cstring>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/DevicePrintf.h"
#include "core/ErrorState.h"
#include "core/Status.h"
#include "driver_types.h"

using namespace lingqu::rt;

namespace {
// Every context not yet destroyed, across runtimes (tests build several).
absl::Mutex liveMu;
absl::flat_hash_set<const Context *> &live() {
  static auto *set = new absl::flat_hash_set<const Context *>();
  return *set;
}
void setLive(const Context *context, bool isLive) {
  absl::MutexLock lock(&liveMu);
  if (isLive)
    live().insert(context);
  else
    live().erase(context);
}

bool envFlag(const char *name) {
  const char *value = std::getenv(name);
  return value && std::strcmp(value, "0") != 0 && *value;
}

constexpr uintptr_t kLegacyHandle = 0x1, kPerThreadHandle = 0x2;

/// A kernel's arguments, copied at enqueue time: cudaLaunchKernel's `args`
/// point into the caller's frame, which is gone when the kernel runs.
struct ArgumentCopy {
  std::unique_ptr<unsigned char[]> bytes;
  std::vector<void *> pointers;

  ArgumentCopy(const lingqu_kernel_info &info, void **args) {
    constexpr size_t kAlign = 16;
    size_t total = 0;
    for (uint32_t i = 0; i < info.num_params; ++i)
      total += (info.param_sizes[i] + kAlign - 1) / kAlign * kAlign;
    bytes.reset(new unsigned char[total ? total : 1]);
    pointers.resize(info.num_params);
    size_t offset = 0;
    for (uint32_t i = 0; i < info.num_params; ++i) {
      std::memcpy(bytes.get() + offset, args[i], info.param_sizes[i]);
      pointers[i] = bytes.get() + offset;
      offset += (info.param_sizes[i] + kAlign - 1) / kAlign * kAlign;
    }
  }
};
} // namespace

bool Runtime::isLive(const Context *context) {
  absl::MutexLock lock(&liveMu);
  return live().contains(context);
}

Runtime::Runtime(std::vector<std::unique_ptr<Device>> devices)
    : launchBlocking_(envFlag("CUDA_LAUNCH_BLOCKING")) {
  // Debian builds abseil without NDEBUG, which leaves absl::Mutex's
  // deadlock detector on: every lock then updates a process-wide graph
  // under one spinlock, which doubled the cost of a launch.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  for (auto &device : devices) {
    memory_.setDeviceMemory(int(devices_.size()), device->memory());
    devices_.push_back(DeviceSlot{std::move(device), nullptr, 0});
  }
}

Runtime::Runtime(std::unique_ptr<Device> device)
    : Runtime([&] {
        std::vector<std::unique_ptr<Device>> devices;
        devices.push_back(std::move(device));
        return devices;
      }()) {}

Runtime::~Runtime() {
  // Wait for queued work: it may use the devices about to go away.
  absl::MutexLock lock(&mu_);
  for (DeviceSlot &slot : devices_)
    if (slot.primary) {
      slot.primary->synchronize();
      setLive(slot.primary.get(), false);
    }
  for (auto &[handle, context] : contexts_) {
    context->synchronize();
    setLive(context.get(), false);
  }
  for (auto &context : retired_)
    context->synchronize();
}

absl::Status Runtime::checkDevice(int ordinal) const {
  if (ordinal < 0 || ordinal >= int(devices_.size()))
    return makeError(cudaErrorInvalidDevice,
                     absl::StrCat("device ", ordinal, " does not exist (",
                                  devices_.size(), " device(s))"));
  return absl::OkStatus();
}

//===--- Contexts ----------------------------------------------------------===//

Context &Runtime::primaryContext(int ordinal) {
  absl::MutexLock lock(&mu_);
  DeviceSlot &slot = devices_[ordinal];
  if (!slot.primary) {
    slot.primary = std::make_unique<Context>(*this, ordinal, 0, true);
    setLive(slot.primary.get(), true);
  }
  return *slot.primary;
}

int Runtime::retainPrimary(int ordinal, int delta) {
  primaryContext(ordinal);
  absl::MutexLock lock(&mu_);
  DeviceSlot &slot = devices_[ordinal];
  slot.primaryRetains += delta;
  return slot.primaryRetains;
}

Context *Runtime::createContext(int ordinal, unsigned flags) {
  auto context = std::make_unique<Context>(*this, ordinal, flags, false);
  Context *raw = context.get();
  setLive(raw, true);
  absl::MutexLock lock(&mu_);
  contexts_.emplace(raw, std::move(context));
  return raw;
}

absl::Status Runtime::destroyContext(Context *context) {
  std::unique_ptr<Context> owned;
  {
    absl::MutexLock lock(&mu_);
    auto it = contexts_.find(context);
    if (it == contexts_.end())
      return makeError(cudaErrorInvalidResourceHandle,
                       absl::StrFormat("%p is not a live context", context));
    owned = std::move(it->second);
    contexts_.erase(it);
  }
  owned->synchronize();
  setLive(context, false);
  // Forget it in every thread's stack we can see: ours.
  auto &stack = ThreadState::get().contexts;
  for (auto &entry : stack)
    if (entry == context)
      entry = nullptr;
  absl::MutexLock lock(&mu_);
  retired_.push_back(std::move(owned));
  return absl::OkStatus();
}

bool Runtime::isContext(const void *handle) const {
  return handle && isLive(static_cast<const Context *>(handle));
}

Context &Runtime::currentContext() {
  ThreadState &thread = ThreadState::get();
  if (Context *context = thread.current())
    return *context;
  Context &primary = primaryContext(thread.device < 0 ? 0 : thread.device);
  if (thread.contexts.empty())
    thread.contexts.push_back(&primary);
  else
    thread.contexts.back() = &primary;
  return primary;
}

absl::Status Runtime::setDevice(int ordinal) {
  if (absl::Status s = checkDevice(ordinal); !s.ok())
    return s;
  ThreadState &thread = ThreadState::get();
  thread.device = ordinal;
  Context &primary = primaryContext(ordinal);
  if (thread.contexts.empty())
    thread.contexts.push_back(&primary);
  else
    thread.contexts.back() = &primary;
  return absl::OkStatus();
}

absl::Status Runtime::resetDevice(int ordinal) {
  Context &primary = primaryContext(ordinal);
  primary.reset();
  {
    absl::MutexLock lock(&mu_);
    for (auto it = streams_.begin(); it != streams_.end();) {
      auto next = std::next(it);
      if (&it->second->context() == &primary)
        streams_.erase(it);
      it = next;
    }
    for (auto it = events_.begin(); it != events_.end();) {
      auto next = std::next(it);
      if (&it->second->context() == &primary)
        events_.erase(it);
      it = next;
    }
  }
  memory_.freeAllOnDevice(ordinal);
  arrays_.forgetAll();
  clearStickyError();
  return absl::OkStatus();
}

//===--- Streams and events -----------------------------------------------===//

absl::StatusOr<StreamRef> Runtime::stream(const void *handle) {
  uintptr_t value = reinterpret_cast<uintptr_t>(handle);
  if (value == 0)
    return ThreadState::get().perThreadDefaultStream
               ? currentContext().perThreadStream()
               : currentContext().legacyStream();
  if (value == kLegacyHandle)
    return currentContext().legacyStream();
  if (value == kPerThreadHandle)
    return currentContext().perThreadStream();
  absl::MutexLock lock(&mu_);
  auto it = streams_.find(handle);
  if (it == streams_.end())
    return makeError(cudaErrorInvalidResourceHandle,
                     absl::StrFormat("%p is not a live stream", handle));
  return it->second;
}

void *Runtime::createStream(Context &context, unsigned flags, int priority) {
  StreamRef stream = context.createStream(flags, priority);
  void *handle = stream.get();
  absl::MutexLock lock(&mu_);
  streams_.emplace(handle, std::move(stream));
  return handle;
}

absl::Status Runtime::destroyStream(const void *handle) {
  StreamRef stream;
  {
    absl::MutexLock lock(&mu_);
    auto it = streams_.find(handle);
    if (it == streams_.end())
      return makeError(cudaErrorInvalidResourceHandle,
                       absl::StrFormat("%p is not a live stream", handle));
    stream = std::move(it->second);
    streams_.erase(it);
  }
  stream->context().destroyStream(stream);
  return absl::OkStatus();
}

uint64_t Runtime::enqueue(const StreamRef &stream, Stream::Work work,
                          std::vector<StreamPoint> after) {
  std::vector<StreamPoint> implicit =
      stream->context().implicitDependencies(*stream);
  after.insert(after.end(), implicit.begin(), implicit.end());
  return stream->enqueue(std::move(work), std::move(after));
}

void *Runtime::createEvent(Context &context, unsigned flags,
                           std::shared_ptr<SharedEventState> shared) {
  if (!shared && (flags & cudaEventInterprocess)) {
    // Without it (no memfd) the event still works here; exporting fails.
    absl::StatusOr<std::shared_ptr<SharedEventState>> made =
        SharedEventState::create();
    if (made.ok())
      shared = *std::move(made);
  }
  auto event = std::make_shared<Event>(context, flags, std::move(shared));
  void *handle = event.get();
  absl::MutexLock lock(&mu_);
  events_.emplace(handle, std::move(event));
  return handle;
}

absl::Status Runtime::destroyEvent(const void *handle) {
  absl::MutexLock lock(&mu_);
  if (events_.erase(handle) == 0)
    return makeError(cudaErrorInvalidResourceHandle,
                     absl::StrFormat("%p is not a live event", handle));
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<Event>> Runtime::event(const void *handle) {
  absl::MutexLock lock(&mu_);
  auto it = events_.find(handle);
  if (it == events_.end())
    return makeError(cudaErrorInvalidResourceHandle,
                     absl::StrFormat("%p is not a live event", handle));
  return it->second;
}

//===--- Launches ------------------------------------------------------------===//

absl::Status Runtime::launchKernel(const void *hostStub,
                                   const LaunchConfig &config, void **args) {
  // Errors come in a fixed order, the function first (CUDA looks it up
  // before it checks the launch against the device):
  // 1. the host stub names no registered kernel;
  // 2. the stream handle is unknown, or grid or block dimensions are outside
  //    the device's limits;
  // 3. the kernel's image or module is unusable (resolving it loads the
  //    module on first use; the result is cached either way);
  // 4. static plus dynamic shared memory do not fit (see launch());
  // 5. the kernel takes parameters but `args` is null.
  absl::StatusOr<ResolvedKernel> kernel = registry_.resolveKernel(hostStub);
  if (!kernel.ok() &&
      errorCodeOf(kernel.status()) == cudaErrorInvalidDeviceFunction)
    return kernel.status();
  absl::StatusOr<StreamRef> stream = this->stream(config.stream);
  if (!stream.ok())
    return stream.status();
  if (absl::Status dims =
          validateLaunchDims(config, (*stream)->context().device().limits());
      !dims.ok())
    return dims;
  if (!kernel.ok())
    return kernel.status();
  return launch(*kernel, config, args);
}

absl::Status Runtime::launch(const ResolvedKernel &kernel,
                             const LaunchConfig &config, void **args) {
  absl::StatusOr<StreamRef> stream = this->stream(config.stream);
  if (!stream.ok())
    return stream.status();
  Device &device = (*stream)->context().device();
  if (absl::Status dims = validateLaunchDims(config, device.limits());
      !dims.ok())
    return dims;
  const lingqu_kernel_info *info = kernel.info;
  // cudaFuncSetAttribute may have raised the kernel's dynamic limit.
  DeviceLimits limits = device.limits();
  limits.maxSharedBytesPerBlock = std::max(
      limits.maxSharedBytesPerBlock,
      info->static_shared_bytes +
          maxDynamicShared(*info, kernelSettings(info)));
  if (absl::Status shared = validateSharedMemory(
          info->static_shared_bytes, config.dynamicSharedBytes, limits);
      !shared.ok())
    return shared;
  if (config.cooperative &&
      config.grid.volume() > device.limits().maxCooperativeBlocks)
    return makeError(cudaErrorCooperativeLaunchTooLarge,
                     absl::StrCat("a cooperative launch of ",
                                  config.grid.volume(), " blocks; at most ",
                                  device.limits().maxCooperativeBlocks,
                                  " run at once"));
  if (info->num_params > 0 && args == nullptr)
    return makeError(cudaErrorInvalidValue,
                     absl::StrCat("kernel takes ", info->num_params,
                                  " parameters but args is null"));
  if (stickyError() != cudaSuccess)
    return makeError(stickyError(),
                     "an earlier kernel failed; the context is unusable");

  auto copy = std::make_shared<ArgumentCopy>(*info, args);
  // Under stream capture the launch becomes a kernel node (type 0) with
  // its own copy of the arguments.
  if (captures_.add(stream->get(), 0,
                    [kernel, config, copy](Runtime &rt, const void *on) {
                      LaunchConfig c = config;
                      c.stream = const_cast<void *>(on);
                      return rt.launch(kernel, c, copy->pointers.data());
                    }))
    return absl::OkStatus();
  KernelLaunch launch;
  launch.info = info;
  launch.grid = config.grid;
  launch.block = config.block;
  launch.dynamicSharedBytes = static_cast<uint32_t>(config.dynamicSharedBytes);
  launch.args = copy->pointers.data();
  launch.cooperative = config.cooperative;
  launch.name = kernel.name.c_str();
  launch.module = kernel.module.get();
  // The work holds the module, so unloading it meanwhile cannot unmap the
  // code that is about to run.
  uint64_t ticket =
      enqueue(*stream, [&device, launch, copy, module = kernel.module,
                        name = kernel.name]() mutable {
        launch.name = name.c_str();
        if (stickyError() != cudaSuccess)
          return; // a failed kernel leaves the context unusable
        absl::Status status = device.launch(launch);
        // A kernel that failed while running leaves the context unusable,
        // as a faulting kernel does in CUDA.
        if (!status.ok())
          recordStickyError(errorCodeOf(status) == cudaErrorLaunchFailure
                                ? cudaErrorLaunchFailure
                                : errorCodeOf(status));
      });
  if (launchBlocking_) {
    (*stream)->waitFor(ticket);
    flushDeviceOutput();
    if (stickyError() != cudaSuccess)
      return makeError(stickyError(), "the kernel failed");
  }
  return absl::OkStatus();
}

KernelSettings Runtime::kernelSettings(const lingqu_kernel_info *info) const {
  absl::MutexLock lock(&mu_);
  auto it = kernelSettings_.find(info);
  return it == kernelSettings_.end() ? KernelSettings{} : it->second;
}

void Runtime::setKernelSettings(const lingqu_kernel_info *info,
                                const KernelSettings &settings) {
  absl::MutexLock lock(&mu_);
  kernelSettings_[info] = settings;
}

absl::Status Runtime::synchronize() {
  currentContext().synchronize();
  if (cudaError_t sticky = stickyError(); sticky != cudaSuccess)
    return makeError(sticky, "an earlier kernel failed; the context is unusable");
  return absl::OkStatus();
}
