//===- CudaPeer.cpp - Peer access between devices and contexts ------------===//
//
// Every CPU device reads the same host memory: any two distinct devices are
// peers, with native atomics. Enabling access keeps CUDA's bookkeeping.

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cuda::runtime;

absl::Status cuda::impl::cuDeviceCanAccessPeer(int *canAccessPeer,
                                               CUdevice dev,
                                               CUdevice peerDev) {
  *canAccessPeer = dev != peerDev;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceGetP2PAttribute(int *value,
                                                 CUdevice_P2PAttribute attrib,
                                                 CUdevice srcDevice,
                                                 CUdevice dstDevice) {
  if (srcDevice == dstDevice)
    return rt::makeDriverError(CUDA_ERROR_INVALID_DEVICE,
                               "a device is not its own peer");
  switch (attrib) {
  case CU_DEVICE_P2P_ATTRIBUTE_PERFORMANCE_RANK:
    *value = 0;
    break;
  case CU_DEVICE_P2P_ATTRIBUTE_ACCESS_SUPPORTED:
  case CU_DEVICE_P2P_ATTRIBUTE_NATIVE_ATOMIC_SUPPORTED:
    *value = 1;
    break;
  case CU_DEVICE_P2P_ATTRIBUTE_CUDA_ARRAY_ACCESS_SUPPORTED:
    *value = 0; // no CUDA arrays yet
    break;
  default:
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "not a CUdevice_P2PAttribute");
  }
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxEnablePeerAccess(CUcontext peerContext,
                                               unsigned int Flags) {
  LINGQU_CURRENT(c);
  auto *peer = reinterpret_cast<rt::Context *>(peerContext);
  if (peer == c)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "a context is not its own peer");
  if (!c->enablePeer(peer->ordinal()))
    return rt::makeDriverError(CUDA_ERROR_PEER_ACCESS_ALREADY_ENABLED,
                               "peer access is already enabled");
  return absl::OkStatus();
}

absl::Status cuda::impl::cuCtxDisablePeerAccess(CUcontext peerContext) {
  LINGQU_CURRENT(c);
  auto *peer = reinterpret_cast<rt::Context *>(peerContext);
  if (!c->disablePeer(peer->ordinal()))
    return rt::makeDriverError(CUDA_ERROR_PEER_ACCESS_NOT_ENABLED,
                               "peer access is not enabled");
  return absl::OkStatus();
}
