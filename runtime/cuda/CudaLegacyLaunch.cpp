//===- CudaLegacyLaunch.cpp - The pre-CUDA-4 launch API -------------------===//
//
// cuFuncSetBlockShape, cuParamSet* and cuLaunchGrid: the launch described
// piecewise on the function, with the arguments packed into a buffer at the
// offsets the caller chose (which CUDA requires to be the parameters'
// aligned offsets). A launch is cuLaunchKernel's with that buffer as `extra`.
//
//===----------------------------------------------------------------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <cstring>

#include "core/Status.h"
#include "cuda/ModuleTable.h"

using namespace lingqu;
using cuda::DriverFunction;
using cuda::ModuleTable;

namespace {
absl::StatusOr<DriverFunction *> functionOf(CUfunction f) {
  return ModuleTable::get().function(f);
}

/// Copies `bytes` into the parameter buffer at `offset`, growing it.
absl::Status setParam(CUfunction hfunc, int offset, const void *data,
                      size_t bytes) {
  absl::StatusOr<DriverFunction *> f = functionOf(hfunc);
  if (!f.ok())
    return f.status();
  if (offset < 0)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE, "negative offset");
  absl::MutexLock lock(&(*f)->mu);
  std::vector<char> &params = (*f)->params;
  if (params.size() < size_t(offset) + bytes)
    params.resize(size_t(offset) + bytes);
  std::memcpy(params.data() + offset, data, bytes);
  return absl::OkStatus();
}

absl::Status launchGrid(CUfunction f, int width, int height,
                        CUstream stream) {
  absl::StatusOr<DriverFunction *> function = functionOf(f);
  if (!function.ok())
    return function.status();
  if (width <= 0 || height <= 0)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE, "empty grid");
  std::vector<char> params;
  unsigned block[3], shared;
  {
    absl::MutexLock lock(&(*function)->mu);
    params = (*function)->params;
    std::memcpy(block, (*function)->block, sizeof block);
    shared = (*function)->sharedBytes;
  }
  size_t size = params.size();
  void *extra[] = {CU_LAUNCH_PARAM_BUFFER_POINTER, params.data(),
                   CU_LAUNCH_PARAM_BUFFER_SIZE, &size, CU_LAUNCH_PARAM_END};
  return cuda::impl::cuLaunchKernel(f, unsigned(width), unsigned(height), 1,
                                    block[0], block[1], block[2], shared,
                                    stream, nullptr, extra);
}
} // namespace

absl::Status cuda::impl::cuFuncSetBlockShape(CUfunction hfunc, int x, int y,
                                             int z) {
  absl::StatusOr<DriverFunction *> f = functionOf(hfunc);
  if (!f.ok())
    return f.status();
  if (x <= 0 || y <= 0 || z <= 0)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE, "empty block");
  absl::MutexLock lock(&(*f)->mu);
  (*f)->block[0] = unsigned(x);
  (*f)->block[1] = unsigned(y);
  (*f)->block[2] = unsigned(z);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuFuncSetSharedSize(CUfunction hfunc,
                                             unsigned int bytes) {
  absl::StatusOr<DriverFunction *> f = functionOf(hfunc);
  if (!f.ok())
    return f.status();
  absl::MutexLock lock(&(*f)->mu);
  (*f)->sharedBytes = bytes;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuParamSetSize(CUfunction hfunc,
                                        unsigned int numbytes) {
  absl::StatusOr<DriverFunction *> f = functionOf(hfunc);
  if (!f.ok())
    return f.status();
  absl::MutexLock lock(&(*f)->mu);
  (*f)->params.resize(numbytes);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuParamSeti(CUfunction hfunc, int offset,
                                     unsigned int value) {
  return setParam(hfunc, offset, &value, sizeof value);
}

absl::Status cuda::impl::cuParamSetf(CUfunction hfunc, int offset,
                                     float value) {
  return setParam(hfunc, offset, &value, sizeof value);
}

absl::Status cuda::impl::cuParamSetv(CUfunction hfunc, int offset, void *ptr,
                                     unsigned int numbytes) {
  return setParam(hfunc, offset, ptr, numbytes);
}

absl::Status cuda::impl::cuLaunch(CUfunction f) {
  return launchGrid(f, 1, 1, nullptr);
}

absl::Status cuda::impl::cuLaunchGrid(CUfunction f, int grid_width,
                                      int grid_height) {
  return launchGrid(f, grid_width, grid_height, nullptr);
}

absl::Status cuda::impl::cuLaunchGridAsync(CUfunction f, int grid_width,
                                           int grid_height, CUstream hStream) {
  return launchGrid(f, grid_width, grid_height, hStream);
}

absl::Status cuda::impl::cuFuncSetSharedMemConfig(CUfunction hfunc,
                                                  CUsharedconfig config) {
  return functionOf(hfunc).status(); // no banks to configure
}
