//===- CudartPools.cpp - cudaMallocAsync and memory pools -----------------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

namespace {
absl::StatusOr<rt::MemoryPool *> poolOf(cudaMemPool_t handle) {
  return runtime().pools().pool(handle);
}
cudaMemPool_t handleOf(rt::MemoryPool *pool) {
  return reinterpret_cast<cudaMemPool_t>(pool);
}
} // namespace

absl::Status cudart::impl::cudaMallocAsync(void **devPtr, size_t size,
                                           cudaStream_t hStream) {
  return rt::allocateAsync(runtime(), devPtr, size, nullptr, hStream);
}

absl::Status cudart::impl::cudaMallocFromPoolAsync(void **ptr, size_t size,
                                                   cudaMemPool_t memPool,
                                                   cudaStream_t stream) {
  absl::StatusOr<rt::MemoryPool *> pool = poolOf(memPool);
  if (!pool.ok())
    return pool.status();
  return rt::allocateAsync(runtime(), ptr, size, *pool, stream);
}

absl::Status cudart::impl::cudaFreeAsync(void *devPtr, cudaStream_t hStream) {
  return rt::freeAsync(runtime(), devPtr, hStream);
}

absl::Status cudart::impl::cudaDeviceGetDefaultMemPool(cudaMemPool_t *memPool,
                                                       int device) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  *memPool = handleOf(runtime().pools().defaultPool(device));
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceGetMemPool(cudaMemPool_t *memPool,
                                                int device) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  *memPool = handleOf(runtime().pools().currentPool(device));
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaDeviceSetMemPool(int device,
                                                cudaMemPool_t memPool) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  absl::StatusOr<rt::MemoryPool *> pool = poolOf(memPool);
  if (!pool.ok())
    return pool.status();
  if ((*pool)->device != device)
    return rt::makeError(cudaErrorInvalidDevice,
                         "the pool belongs to another device");
  runtime().pools().setCurrentPool(device, *pool);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaMemPoolCreate(cudaMemPool_t *memPool,
                                             const struct cudaMemPoolProps *poolProps) {
  if (poolProps->allocType != cudaMemAllocationTypePinned ||
      poolProps->location.type != cudaMemLocationTypeDevice)
    return rt::makeError(cudaErrorInvalidValue,
                         "a pool holds pinned memory of one device");
  if (absl::Status s = runtime().checkDevice(poolProps->location.id); !s.ok())
    return s;
  if (poolProps->handleTypes != cudaMemHandleTypeNone)
    return rt::makeError(cudaErrorNotSupported,
                         "pools shared between processes are not supported");
  *memPool = handleOf(runtime().pools().create(poolProps->location.id));
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaMemPoolDestroy(cudaMemPool_t memPool) {
  return runtime().pools().destroy(memPool);
}

absl::Status cudart::impl::cudaMemPoolTrimTo(cudaMemPool_t memPool,
                                             size_t minBytesToKeep) {
  return poolOf(memPool).status(); // nothing is cached to trim
}

absl::Status cudart::impl::cudaMemPoolSetAttribute(cudaMemPool_t memPool,
                                                   enum cudaMemPoolAttr attr,
                                                   void *value) {
  absl::StatusOr<rt::MemoryPool *> pool = poolOf(memPool);
  if (!pool.ok())
    return pool.status();
  return runtime().pools().setAttribute(*pool, attr, value);
}

absl::Status cudart::impl::cudaMemPoolGetAttribute(cudaMemPool_t memPool,
                                                   enum cudaMemPoolAttr attr,
                                                   void *value) {
  absl::StatusOr<rt::MemoryPool *> pool = poolOf(memPool);
  if (!pool.ok())
    return pool.status();
  return runtime().pools().getAttribute(*pool, attr, value);
}

absl::Status cudart::impl::cudaMemPoolSetAccess(
    cudaMemPool_t memPool, const struct cudaMemAccessDesc *descList,
    size_t count) {
  absl::StatusOr<rt::MemoryPool *> pool = poolOf(memPool);
  if (!pool.ok())
    return pool.status();
  for (size_t i = 0; i < count; ++i) {
    const cudaMemAccessDesc &d = descList[i];
    if (d.location.type != cudaMemLocationTypeDevice)
      return rt::makeError(cudaErrorInvalidValue, "access is for devices");
    if (absl::Status s = runtime().checkDevice(d.location.id); !s.ok())
      return s;
    if (d.location.id == (*pool)->device && d.flags != cudaMemAccessFlagsProtReadWrite)
      return rt::makeError(cudaErrorInvalidValue,
                           "the pool's own device keeps read-write access");
  }
  for (size_t i = 0; i < count; ++i)
    runtime().pools().setAccess(*pool, descList[i].location.id,
                                descList[i].flags);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaMemPoolGetAccess(enum cudaMemAccessFlags *flags,
                                                cudaMemPool_t memPool,
                                                struct cudaMemLocation *location) {
  absl::StatusOr<rt::MemoryPool *> pool = poolOf(memPool);
  if (!pool.ok())
    return pool.status();
  if (location->type != cudaMemLocationTypeDevice)
    return rt::makeError(cudaErrorInvalidValue, "access is for devices");
  if (absl::Status s = runtime().checkDevice(location->id); !s.ok())
    return s;
  *flags = static_cast<cudaMemAccessFlags>(
      runtime().pools().access(*pool, location->id));
  return absl::OkStatus();
}
