//===- CudartPeer.cpp - Peer access between devices -----------------------===//
//
// Every CPU device reads the same host memory, so any two distinct devices
// can access each other; enabling access only has to keep CUDA's
// bookkeeping (enabled twice, disabled when not enabled).
//
//===----------------------------------------------------------------------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

absl::Status cudart::impl::cudaDeviceCanAccessPeer(int *canAccessPeer,
                                                   int device,
                                                   int peerDevice) {
  for (int d : {device, peerDevice})
    if (absl::Status s = runtime().checkDevice(d); !s.ok())
      return s;
  *canAccessPeer = device != peerDevice;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceEnablePeerAccess(int peerDevice,
                                                      unsigned int flags) {
  if (absl::Status s = runtime().checkDevice(peerDevice); !s.ok())
    return s;
  rt::Context &current = runtime().currentContext();
  if (peerDevice == current.ordinal())
    return rt::makeError(cudaErrorInvalidDevice,
                         "a device is not its own peer");
  if (!current.enablePeer(peerDevice))
    return rt::makeError(cudaErrorPeerAccessAlreadyEnabled,
                         "peer access is already enabled");
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceDisablePeerAccess(int peerDevice) {
  if (absl::Status s = runtime().checkDevice(peerDevice); !s.ok())
    return s;
  if (!runtime().currentContext().disablePeer(peerDevice))
    return rt::makeError(cudaErrorPeerAccessNotEnabled,
                         "peer access is not enabled");
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceGetP2PAttribute(int *value,
                                                     enum cudaDeviceP2PAttr attr,
                                                     int srcDevice,
                                                     int dstDevice) {
  for (int d : {srcDevice, dstDevice})
    if (absl::Status s = runtime().checkDevice(d); !s.ok())
      return s;
  if (srcDevice == dstDevice)
    return rt::makeError(cudaErrorInvalidDevice,
                         "a device is not its own peer");
  switch (attr) {
  case cudaDevP2PAttrPerformanceRank:
    *value = 0;
    break;
  case cudaDevP2PAttrAccessSupported:
  case cudaDevP2PAttrNativeAtomicSupported:
    *value = 1;
    break;
  case cudaDevP2PAttrCudaArrayAccessSupported:
    *value = 0; // no CUDA arrays yet
    break;
  default:
    return rt::makeError(cudaErrorInvalidValue, "not a cudaDeviceP2PAttr");
  }
  return absl::OkStatus();
}
