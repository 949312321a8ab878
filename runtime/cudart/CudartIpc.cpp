//===- CudartIpc.cpp - Memory and events shared between processes ---------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include <cstring>

#include "core/Context.h"
#include "core/Memory.h"
#include "core/Operations.h"
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

absl::Status cudart::impl::cudaIpcGetEventHandle(cudaIpcEventHandle_t *handle,
                                                 cudaEvent_t event) {
  absl::StatusOr<rt::IpcEventHandle> h = rt::exportEvent(runtime(), event);
  if (!h.ok())
    return h.status();
  std::memset(handle, 0, sizeof *handle);
  std::memcpy(handle->reserved, &*h, sizeof *h);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaIpcOpenEventHandle(cudaEvent_t *event,
                                                  cudaIpcEventHandle_t handle) {
  rt::IpcEventHandle h;
  std::memcpy(&h, handle.reserved, sizeof h);
  absl::StatusOr<void *> e =
      rt::openEvent(runtime(), runtime().currentContext(), h);
  if (!e.ok())
    return e.status();
  *event = static_cast<cudaEvent_t>(*e);
  return absl::OkStatus();
}
