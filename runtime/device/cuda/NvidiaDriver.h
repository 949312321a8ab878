//===- NvidiaDriver.h - NVIDIA's libcuda.so.1, loaded by path ---*- C++ -*-===//
//
// The `cuda` plugin calls NVIDIA's driver, which it loads at run time from
// a path: Lingqu's own libcuda.so.1 is already loaded under that soname, so
// dlopen("libcuda.so.1") would return Lingqu's. The types below are the
// driver's ABI (nv::), kept apart from Lingqu's cuda.h.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_DEVICE_CUDA_NVIDIADRIVER_H
#define LINGQU_RUNTIME_DEVICE_CUDA_NVIDIADRIVER_H

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace lingqu::rt::cuda_plugin {

namespace nv {
using Result = int;
using Device = int;
using Context = struct Context_st *;
using Module = struct Module_st *;
using Function = struct Function_st *;
using DevicePtr = unsigned long long;
// The CUdevice_attribute values the plugin reads.
enum Attribute : int {
  MaxThreadsPerBlock = 1,
  MaxBlockDimX = 2,
  MaxGridDimX = 5,
  MaxSharedMemoryPerBlock = 8,
  MultiprocessorCount = 16,
  ManagedMemory = 83,
  ComputeCapabilityMajor = 75,
  ComputeCapabilityMinor = 76,
  MaxSharedMemoryPerBlockOptin = 97,
};
constexpr int kJitErrorLogBuffer = 5;         // CU_JIT_ERROR_LOG_BUFFER
constexpr int kJitErrorLogBufferSize = 6;     // ..._SIZE_BYTES
constexpr int kFuncMaxDynamicSharedBytes = 8; // CU_FUNC_ATTRIBUTE_...
constexpr unsigned kMemAttachGlobal = 1;      // CU_MEM_ATTACH_GLOBAL
} // namespace nv

/// The driver functions the plugin uses, resolved from one libcuda.so.1.
class NvidiaDriver {
public:
  /// Loads the driver at `path` and calls cuInit. cudaErrorNoDevice if it
  /// cannot be loaded, lacks a function or does not initialise.
  static absl::StatusOr<std::shared_ptr<NvidiaDriver>>
  load(const std::string &path);

  /// LINGQU_NVIDIA_LIBCUDA if set, else the first of the places NVIDIA's
  /// installers put libcuda.so.1 that exists (or the first place).
  static std::string defaultPath();

  NvidiaDriver(const NvidiaDriver &) = delete;
  NvidiaDriver &operator=(const NvidiaDriver &) = delete;
  ~NvidiaDriver();

  /// Ok for CUDA_SUCCESS; otherwise the driver's error name and `what`, with
  /// the same number as the runtime error (CUresult and cudaError_t agree
  /// on the codes the plugin can meet).
  absl::Status check(nv::Result result, absl::string_view what) const;

  nv::Result (*cuInit)(unsigned) = nullptr;
  nv::Result (*cuDeviceGetCount)(int *) = nullptr;
  nv::Result (*cuDeviceGet)(nv::Device *, int) = nullptr;
  nv::Result (*cuDeviceGetName)(char *, int, nv::Device) = nullptr;
  nv::Result (*cuDeviceGetAttribute)(int *, int, nv::Device) = nullptr;
  nv::Result (*cuDevicePrimaryCtxRetain)(nv::Context *, nv::Device) = nullptr;
  nv::Result (*cuDevicePrimaryCtxRelease)(nv::Device) = nullptr;
  nv::Result (*cuCtxSetCurrent)(nv::Context) = nullptr;
  nv::Result (*cuCtxSynchronize)() = nullptr;
  nv::Result (*cuModuleLoadDataEx)(nv::Module *, const void *, unsigned, int *,
                                   void **) = nullptr;
  nv::Result (*cuModuleGetFunction)(nv::Function *, nv::Module,
                                    const char *) = nullptr;
  nv::Result (*cuFuncSetAttribute)(nv::Function, int, int) = nullptr;
  nv::Result (*cuLaunchKernel)(nv::Function, unsigned, unsigned, unsigned,
                               unsigned, unsigned, unsigned, unsigned, void *,
                               void **, void **) = nullptr;
  nv::Result (*cuMemAllocManaged)(nv::DevicePtr *, size_t, unsigned) = nullptr;
  nv::Result (*cuMemFree)(nv::DevicePtr) = nullptr;
  nv::Result (*cuGetErrorName)(nv::Result, const char **) = nullptr;

private:
  explicit NvidiaDriver(void *handle) : handle_(handle) {}
  void *handle_;
};

} // namespace lingqu::rt::cuda_plugin

#endif // LINGQU_RUNTIME_DEVICE_CUDA_NVIDIADRIVER_H
