//===- ModuleTable.h - Loaded modules and their functions -------*- C++ -*-===//
//
// cuModuleLoad* and cuLibraryLoad* results: a CUmodule and a CUlibrary are
// the same loaded fat binary, a CUfunction and a CUkernel the same resolved
// kernel. The table knows every live handle, so that a stale or foreign one
// is CUDA_ERROR_INVALID_HANDLE rather than a crash.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_CUDA_MODULETABLE_H
#define LINGQU_CUDA_MODULETABLE_H

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/node_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "core/Registry.h"

namespace lingqu::cuda {

struct DriverModule;

struct DriverFunction {
  DriverModule *owner = nullptr;
  rt::ResolvedKernel kernel;
  /// The pre-CUDA-4 launch API's state (cuFuncSetBlockShape, cuParamSet*),
  /// guarded by `mu`.
  absl::Mutex mu;
  unsigned block[3] = {1, 1, 1};
  unsigned sharedBytes = 0;
  std::vector<char> params;
};

struct DriverModule {
  std::shared_ptr<rt::Module> module;
  /// Functions by name; nodes keep the addresses handed out as handles.
  absl::node_hash_map<std::string, DriverFunction> functions;
};

class ModuleTable {
public:
  static ModuleTable &get();

  /// Parses and loads a fat binary (`size` when known); returns its handle.
  absl::StatusOr<DriverModule *> load(const void *image,
                                      std::optional<size_t> size);
  /// Reads and loads a fat binary file (CUDA_ERROR_FILE_NOT_FOUND).
  absl::StatusOr<DriverModule *> loadFile(const char *path);
  absl::Status remove(const void *handle);
  /// CUDA_ERROR_INVALID_HANDLE for anything but a live module.
  absl::StatusOr<DriverModule *> module(const void *handle);
  /// The function `name` of `module`, resolved on first use;
  /// CUDA_ERROR_NOT_FOUND if the module has no such kernel.
  absl::StatusOr<DriverFunction *> function(DriverModule *module,
                                            const char *name);
  /// CUDA_ERROR_INVALID_HANDLE for anything but a live function.
  absl::StatusOr<DriverFunction *> function(const void *handle);

private:
  absl::Mutex mu_;
  absl::flat_hash_map<const void *, std::unique_ptr<DriverModule>>
      modules_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<const void *> functions_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::cuda

#endif // LINGQU_CUDA_MODULETABLE_H
