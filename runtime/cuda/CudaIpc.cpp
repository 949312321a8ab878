//===- CudaIpc.cpp - Memory and events shared between processes -----------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <cstring>

#include "core/Context.h"
#include "core/Memory.h"
#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cuda::runtime;

absl::Status cuda::impl::cuIpcGetMemHandle(CUipcMemHandle *pHandle,
                                           CUdeviceptr dptr) {
  LINGQU_CURRENT(c);
  absl::StatusOr<rt::IpcMemHandle> h =
      runtime().memory().exportIpc(reinterpret_cast<void *>(dptr));
  if (!h.ok())
    return h.status();
  std::memset(pHandle, 0, sizeof *pHandle);
  std::memcpy(pHandle->reserved, &*h, sizeof *h);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuIpcOpenMemHandle(CUdeviceptr *pdptr,
                                            CUipcMemHandle handle,
                                            unsigned int Flags) {
  LINGQU_CURRENT(c);
  rt::IpcMemHandle h;
  std::memcpy(&h, handle.reserved, sizeof h);
  absl::StatusOr<void *> p = runtime().memory().importIpc(h, c->ordinal());
  if (!p.ok())
    return p.status();
  *pdptr = reinterpret_cast<CUdeviceptr>(*p);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuIpcCloseMemHandle(CUdeviceptr dptr) {
  LINGQU_CURRENT(c);
  return runtime().memory().closeIpc(reinterpret_cast<void *>(dptr));
}

absl::Status cuda::impl::cuIpcGetEventHandle(CUipcEventHandle *pHandle,
                                             CUevent event) {
  LINGQU_CURRENT(c);
  absl::StatusOr<rt::IpcEventHandle> h = rt::exportEvent(runtime(), event);
  if (!h.ok())
    return h.status();
  std::memset(pHandle, 0, sizeof *pHandle);
  std::memcpy(pHandle->reserved, &*h, sizeof *h);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuIpcOpenEventHandle(CUevent *phEvent,
                                              CUipcEventHandle handle) {
  LINGQU_CURRENT(c);
  rt::IpcEventHandle h;
  std::memcpy(&h, handle.reserved, sizeof h);
  absl::StatusOr<void *> e = rt::openEvent(runtime(), *c, h);
  if (!e.ok())
    return e.status();
  *phEvent = static_cast<CUevent>(*e);
  return absl::OkStatus();
}
