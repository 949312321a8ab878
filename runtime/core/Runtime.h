//===- Runtime.h - The process's devices, contexts and handles --*- C++ -*-===//
//
// The one object both API layers drive: libcuda.so builds it on first use
// (Runtime::get) and libcudart.so, which links libcuda.so, uses the same
// one, so the runtime and the driver share contexts as CUDA's do. It owns
// the devices, their primary contexts and every context, stream and event a
// handle may name, and turns a launch request into a checked launch on a
// stream. Tests build their own.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_RUNTIME_H
#define LINGQU_RUNTIME_CORE_RUNTIME_H

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "core/Array.h"
#include "core/Capture.h"
#include "core/Context.h"
#include "core/Device.h"
#include "core/Event.h"
#include "core/ExternalMemory.h"
#include "core/Texture.h"
#include "core/Graph.h"
#include "core/KernelQueries.h"
#include "core/LaunchConfig.h"
#include "core/Memory.h"
#include "core/MemoryPool.h"
#include "core/Notifications.h"
#include "core/Registry.h"
#include "core/Stream.h"

namespace lingqu::rt {

class Runtime {
public:
  /// The process's runtime (defined by the library that builds it).
  static Runtime &get();
  /// A context `context` points to and that has not been destroyed.
  static bool isLive(const Context *context);

  explicit Runtime(std::vector<std::unique_ptr<Device>> devices);
  explicit Runtime(std::unique_ptr<Device> device);
  ~Runtime();
  Runtime(const Runtime &) = delete;
  Runtime &operator=(const Runtime &) = delete;

  Registry &registry() { return registry_; }
  MemoryManager &memory() { return memory_; }
  MemoryPools &pools() { return pools_; }
  Arrays &arrays() { return arrays_; }
  Notifications &notifications() { return notifications_; }
  Graphs &graphs() { return graphs_; }
  ExternalMemories &externalMemories() { return externalMemories_; }
  Textures &textures() { return textures_; }
  /// Keyed by the resolved Stream object, not the handle.
  Captures &captures() { return captures_; }

  int deviceCount() const { return int(devices_.size()); }
  Device &device(int ordinal) { return *devices_[ordinal].device; }
  /// The device of the calling thread's runtime context (cudaGetDevice).
  Device &device() { return currentContext().device(); }
  /// cudaErrorInvalidDevice unless 0 <= ordinal < deviceCount().
  absl::Status checkDevice(int ordinal) const;

  //===--- Contexts --------------------------------------------------------===//
  /// The primary context of `ordinal`, created on first use.
  Context &primaryContext(int ordinal);
  /// cuDevicePrimaryCtxRetain / Release counts, and cuDevicePrimaryCtxSetFlags.
  int retainPrimary(int ordinal, int delta);
  Context *createContext(int ordinal, unsigned flags);
  /// cudaErrorInvalidContext (CUDA_ERROR_INVALID_CONTEXT) for an unknown one.
  absl::Status destroyContext(Context *context);
  bool isContext(const void *handle) const;
  /// The runtime API's context: the thread's current one, else the primary
  /// context of the thread's device (0 unless cudaSetDevice chose another),
  /// which becomes current.
  Context &currentContext();
  /// cudaSetDevice: the primary context of `ordinal` becomes current.
  absl::Status setDevice(int ordinal);
  /// cudaDeviceReset: waits, drops streams and events and the allocations of
  /// the device, clears a sticky error.
  absl::Status resetDevice(int ordinal);

  //===--- Streams and events ---------------------------------------------===//
  /// The stream a handle names: 0 (legacy or, under a per-thread scope, the
  /// per-thread default stream), cudaStreamLegacy, cudaStreamPerThread or a
  /// live created stream; else cudaErrorInvalidResourceHandle.
  absl::StatusOr<StreamRef> stream(const void *handle);
  void *createStream(Context &context, unsigned flags, int priority);
  absl::Status destroyStream(const void *handle);
  /// Enqueues `work` on `stream` after its implicit dependencies.
  uint64_t enqueue(const StreamRef &stream, Stream::Work work,
                   std::vector<StreamPoint> after = {});

  /// cudaEventInterprocess events get shared state (or, opened from another
  /// process, come with it).
  void *createEvent(Context &context, unsigned flags,
                    std::shared_ptr<SharedEventState> shared = nullptr);
  absl::Status destroyEvent(const void *handle);
  /// cudaErrorInvalidResourceHandle for an unknown handle.
  absl::StatusOr<std::shared_ptr<Event>> event(const void *handle);

  //===--- Launches ---------------------------------------------------------===//
  /// cudaLaunchKernel: checks the launch in CUDA's order, then enqueues it on
  /// the configuration's stream.
  absl::Status launchKernel(const void *hostStub, const LaunchConfig &config,
                            void **args);
  /// Checks and enqueues a resolved kernel (cuLaunchKernel's path).
  absl::Status launch(const ResolvedKernel &kernel, const LaunchConfig &config,
                      void **args);
  /// What cudaFuncSetAttribute set for a kernel (defaults otherwise).
  KernelSettings kernelSettings(const lingqu_kernel_info *info) const;
  void setKernelSettings(const lingqu_kernel_info *info,
                         const KernelSettings &settings);

  /// cudaDeviceSynchronize: the current context's streams, then the sticky
  /// error if a kernel failed.
  absl::Status synchronize();

private:
  struct DeviceSlot {
    std::unique_ptr<Device> device;
    std::unique_ptr<Context> primary;
    int primaryRetains = 0;
  };

  std::vector<DeviceSlot> devices_;
  Registry registry_;
  MemoryManager memory_;
  MemoryPools pools_{*this};
  Arrays arrays_{memory_};
  Notifications notifications_;
  Graphs graphs_;
  ExternalMemories externalMemories_{memory_};
  Textures textures_{arrays_};
  Captures captures_;
  const bool launchBlocking_;

  mutable absl::Mutex mu_;
  /// Contexts cuCtxCreate made.
  absl::flat_hash_map<const void *, std::unique_ptr<Context>>
      contexts_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<const void *, StreamRef> streams_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<const void *, std::shared_ptr<Event>>
      events_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<const lingqu_kernel_info *, KernelSettings>
      kernelSettings_ ABSL_GUARDED_BY(mu_);
  /// Destroyed contexts, kept so that late references stay harmless.
  std::vector<std::unique_ptr<Context>> retired_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_RUNTIME_H
