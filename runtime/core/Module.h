//===- Module.h - A shared-object entry loaded into the process -*- C++ -*-===//
//
// A module is one shared-object entry of a fat binary, loaded with dlopen
// from an anonymous memory file (memfd_create), so no temporary file is ever
// written to a world-writable directory. Kernels are found by their
// __lingqu_kernel_info_<name> symbol and cached.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_MODULE_H
#define LINGQU_RUNTIME_CORE_MODULE_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/span.h"
#include "core/FatBinaryReader.h"
#include "lingqu/ABI/FatBinary.h"

namespace lingqu::rt {

class Module {
public:
  /// Loads the ELF shared object in `bytes`. Failures of the memory file or
  /// of dlopen are cudaErrorSharedObjectInitFailed.
  static absl::StatusOr<std::unique_ptr<Module>>
  loadSharedObject(absl::Span<const uint8_t> bytes);

  /// Loads the shared-object entry of a fat binary built for this host:
  /// cudaErrorNoKernelImageForDevice if there is none, then
  /// loadSharedObject's errors.
  static absl::StatusOr<std::unique_ptr<Module>>
  loadFromImage(const FatBinaryImage &image);

  Module(const Module &) = delete;
  Module &operator=(const Module &) = delete;
  /// dlclose; no kernel of this module may be running.
  ~Module();

  /// The kernel info of `name` (the kernel's mangled name). A missing symbol
  /// is cudaErrorSharedObjectInitFailed; a wrong ABI version or a null block
  /// function is cudaErrorInvalidKernelImage.
  absl::StatusOr<const lingqu_kernel_info *> kernel(absl::string_view name);

  /// The (mangled) names of the module's kernels, in symbol-table order.
  const std::vector<std::string> &kernelNames() const { return kernelNames_; }

  /// The fat binary's entries for devices that keep threads (PTX, ...),
  /// which a plugin of such a device loads itself; the shared object
  /// still describes the kernels (parameters, shared memory).
  struct DeviceImage {
    uint32_t kind = 0; ///< LINGQU_FATBIN_KIND_*
    std::string target;
    std::string bytes;
  };
  const std::vector<DeviceImage> &deviceImages() const { return deviceImages_; }

  /// Any symbol of the module, or null.
  void *symbol(const char *name) const;
  /// The size the module's symbol table gives the object at `address`
  /// (a __device__ variable), or 0.
  static size_t objectSize(const void *address);

private:
  Module(void *handle, int fd) : handle_(handle), fd_(fd) {}
  static std::vector<std::string>
  kernelNamesIn(absl::Span<const uint8_t> bytes);

  void *handle_;
  // Kept open while the module is loaded: dlopen knows the module by the
  // path "/proc/self/fd/N", and glibc returns an already-loaded object for a
  // path it has seen, so N must not be reused by the next module's file.
  int fd_;
  std::vector<std::string> kernelNames_;
  std::vector<DeviceImage> deviceImages_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, const lingqu_kernel_info *>
      kernels_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_MODULE_H
