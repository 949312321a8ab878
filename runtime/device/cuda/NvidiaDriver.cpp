//===- NvidiaDriver.cpp - NVIDIA's libcuda.so.1, loaded by path -----------===//

#include "device/cuda/NvidiaDriver.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "core/Status.h"

using namespace lingqu::rt;
using namespace lingqu::rt::cuda_plugin;

namespace {
template <typename Fn> bool resolve(void *handle, const char *name, Fn &fn) {
  fn = reinterpret_cast<Fn>(dlsym(handle, name));
  return fn != nullptr;
}
} // namespace

std::string NvidiaDriver::defaultPath() {
  if (const char *path = std::getenv("LINGQU_NVIDIA_LIBCUDA"); path && *path)
    return path;
  static const char *const kPlaces[] = {
      "/usr/lib/x86_64-linux-gnu/libcuda.so.1", // Debian, Ubuntu
      "/usr/lib64/libcuda.so.1",                // RHEL, SUSE
      "/usr/lib/aarch64-linux-gnu/libcuda.so.1",
      "/usr/lib/wsl/lib/libcuda.so.1", // WSL
  };
  for (const char *place : kPlaces)
    if (access(place, R_OK) == 0)
      return place;
  return kPlaces[0];
}

absl::StatusOr<std::shared_ptr<NvidiaDriver>>
NvidiaDriver::load(const std::string &path) {
  // DEEPBIND: the driver's references to its own cu* functions must not
  // bind to Lingqu's libcuda.so.1, which exports the same names.
  void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
  if (handle == nullptr)
    return makeError(
        cudaErrorNoDevice,
        absl::StrCat("cannot load NVIDIA's driver '", path, "': ", dlerror()));
  std::shared_ptr<NvidiaDriver> driver(new NvidiaDriver(handle));
  NvidiaDriver &d = *driver;
  // The _v2 names are the ones CUDA 4.0 onwards binds cuMemFree to.
  const char *missing = nullptr;
  auto need = [&](const char *name, auto &fn) {
    if (!missing && !resolve(handle, name, fn))
      missing = name;
  };
  need("cuInit", d.cuInit);
  need("cuDeviceGetCount", d.cuDeviceGetCount);
  need("cuDeviceGet", d.cuDeviceGet);
  need("cuDeviceGetName", d.cuDeviceGetName);
  need("cuDeviceGetAttribute", d.cuDeviceGetAttribute);
  need("cuDevicePrimaryCtxRetain", d.cuDevicePrimaryCtxRetain);
  need("cuDevicePrimaryCtxRelease_v2", d.cuDevicePrimaryCtxRelease);
  need("cuCtxSetCurrent", d.cuCtxSetCurrent);
  need("cuCtxSynchronize", d.cuCtxSynchronize);
  need("cuModuleLoadDataEx", d.cuModuleLoadDataEx);
  need("cuModuleGetFunction", d.cuModuleGetFunction);
  need("cuFuncSetAttribute", d.cuFuncSetAttribute);
  need("cuLaunchKernel", d.cuLaunchKernel);
  need("cuMemAllocManaged", d.cuMemAllocManaged);
  need("cuMemFree_v2", d.cuMemFree);
  need("cuGetErrorName", d.cuGetErrorName);
  if (missing)
    return makeError(cudaErrorNoDevice,
                     absl::StrCat("'", path, "' has no ", missing,
                                  ": not NVIDIA's driver, or too old a one"));
  if (absl::Status s = d.check(d.cuInit(0), "cuInit"); !s.ok())
    return makeError(cudaErrorNoDevice, s.message());
  return driver;
}

NvidiaDriver::~NvidiaDriver() { dlclose(handle_); }

absl::Status NvidiaDriver::check(nv::Result result,
                                 absl::string_view what) const {
  if (result == 0)
    return absl::OkStatus();
  const char *name = nullptr;
  if (cuGetErrorName == nullptr || cuGetErrorName(result, &name) != 0 ||
      name == nullptr)
    name = "an unknown error";
  return makeError(static_cast<cudaError_t>(result),
                   absl::StrCat(what, ": NVIDIA's driver returned ", name, " (",
                                result, ")"));
}
