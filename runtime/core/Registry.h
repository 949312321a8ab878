//===- Registry.h - Registered fat binaries, kernels, variables -*- C++ -*-===//
//
// What host code registers from its module constructor
// (__cudaRegisterFatBinary/Function/Var): fat binaries by handle, kernels by
// host stub address, variables by host shadow address. A fat binary's
// shared-object entry is loaded lazily, at the first launch of one of its
// kernels, and kept until the fat binary is unregistered.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_REGISTRY_H
#define LINGQU_RUNTIME_CORE_REGISTRY_H

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "lingqu/ABI/FatBinary.h"

namespace lingqu::rt {

class Module;

/// The handle __cudaRegisterFatBinary returns and host code passes back.
using FatBinaryHandle = void **;

/// A __device__ / __constant__ variable as __cudaRegisterVar describes it.
struct VariableRecord {
  FatBinaryHandle fatBinary = nullptr;
  std::string deviceName;
  size_t size = 0;
  bool constant = false; ///< __constant__
  bool external = false; ///< declared extern
  bool global = false;   ///< visible outside its translation unit
};

/// A kernel ready to launch. Holding `module` keeps it loaded.
struct ResolvedKernel {
  std::shared_ptr<Module> module;
  const lingqu_kernel_info *info = nullptr;
  std::string name; ///< the device (mangled) name, for messages
};

class Registry {
public:
  Registry();
  ~Registry();
  Registry(const Registry &) = delete;
  Registry &operator=(const Registry &) = delete;

  /// Registers the image Clang's wrapper points to. Never fails: a bad
  /// wrapper or image is remembered and reported when one of its kernels is
  /// launched, as CUDA reports a bad module at first use.
  FatBinaryHandle registerFatBinary(const void *wrapper);
  /// Unknown handle: cudaErrorInvalidResourceHandle.
  absl::Status endFatBinary(FatBinaryHandle handle);
  /// Drops the fat binary with its kernels and variables; its module is
  /// unloaded once no launch holds it.
  absl::Status unregisterFatBinary(FatBinaryHandle handle);

  absl::Status registerFunction(FatBinaryHandle handle, const void *hostStub,
                                absl::string_view deviceName);
  absl::Status registerVariable(FatBinaryHandle handle, const void *hostVar,
                                VariableRecord record);

  /// The kernel behind `hostStub`, loading its module on first use:
  /// cudaErrorInvalidDeviceFunction if never registered, then the image,
  /// entry-selection and loader errors (see Module).
  absl::StatusOr<ResolvedKernel> resolveKernel(const void *hostStub);

  std::optional<VariableRecord> findVariable(const void *hostVar) const;

  /// The device name of the kernel behind `hostStub`, valid for the life of
  /// the process (cudaFuncGetName), or nullptr.
  const char *kernelName(const void *hostStub);

  /// Where a registered variable lives in its loaded module:
  /// cudaErrorInvalidSymbol if `hostVar` was never registered or the module
  /// lacks it, then the module's loader errors.
  struct VariableAddress {
    std::shared_ptr<Module> module; ///< keeps `address` valid
    void *address = nullptr;
    size_t size = 0;
  };
  absl::StatusOr<VariableAddress> resolveVariable(const void *hostVar);

private:
  struct FatBinary;
  struct Function {
    std::shared_ptr<FatBinary> fatBinary;
    std::string deviceName;
  };

  std::shared_ptr<FatBinary> find(FatBinaryHandle handle) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  absl::flat_hash_map<FatBinaryHandle, std::shared_ptr<FatBinary>>
      fatBinaries_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<const void *, Function> functions_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<const void *, VariableRecord>
      variables_ ABSL_GUARDED_BY(mu_);
  /// Names handed out by kernelName; nodes keep their address.
  absl::node_hash_set<std::string> names_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_REGISTRY_H
