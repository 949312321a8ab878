//===- CudartIpc.cpp - Memory and events shared between processes ---------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include <cstring>

#include "core/Context.h"
#include "core/Memory.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

absl::Status cudart::impl::cudaIpcGetMemHandle(cudaIpcMemHandle_t *handle,
                                               void *devPtr) {
  absl::StatusOr<rt::IpcMemHandle> h = runtime().memory().exportIpc(devPtr);
  if (!h.ok())
    return h.status();
  std::memset(handle, 0, sizeof *handle);
  std::memcpy(handle->reserved, &*h, sizeof *h);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaIpcOpenMemHandle(void **devPtr,
                                                cudaIpcMemHandle_t handle,
                                                unsigned int flags) {
  rt::IpcMemHandle h;
  std::memcpy(&h, handle.reserved, sizeof h);
  absl::StatusOr<void *> p = runtime().memory().importIpc(
      h, runtime().currentContext().ordinal());
  if (!p.ok())
    return p.status();
  *devPtr = *p;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaIpcCloseMemHandle(void *devPtr) {
  return runtime().memory().closeIpc(devPtr);
}
