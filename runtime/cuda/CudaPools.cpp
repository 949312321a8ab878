//===- CudaPools.cpp - cuMemAllocAsync and memory pools -------------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cuda::runtime;

namespace {
absl::StatusOr<rt::MemoryPool *> poolOf(CUmemoryPool handle) {
  return runtime().pools().pool(handle);
}
CUmemoryPool handleOf(rt::MemoryPool *pool) {
  return reinterpret_cast<CUmemoryPool>(pool);
}

absl::Status allocate(CUdeviceptr *dptr, size_t bytes, rt::MemoryPool *pool,
                      CUstream stream) {
  LINGQU_CURRENT(c);
  void *p = nullptr;
  if (absl::Status s = rt::allocateAsync(runtime(), &p, bytes, pool, stream);
      !s.ok())
    return s;
  *dptr = CUdeviceptr(uintptr_t(p));
  return absl::OkStatus();
}
} // namespace

absl::Status cuda::impl::cuMemAllocAsync(CUdeviceptr *dptr, size_t bytesize,
                                         CUstream hStream) {
  return allocate(dptr, bytesize, nullptr, hStream);
}

absl::Status cuda::impl::cuMemAllocFromPoolAsync(CUdeviceptr *dptr,
                                                 size_t bytesize,
                                                 CUmemoryPool pool,
                                                 CUstream hStream) {
  absl::StatusOr<rt::MemoryPool *> p = poolOf(pool);
  if (!p.ok())
    return p.status();
  return allocate(dptr, bytesize, *p, hStream);
}

absl::Status cuda::impl::cuMemFreeAsync(CUdeviceptr dptr, CUstream hStream) {
  LINGQU_CURRENT(c);
  return rt::freeAsync(runtime(), reinterpret_cast<void *>(uintptr_t(dptr)),
                       hStream);
}

absl::Status cuda::impl::cuDeviceGetDefaultMemPool(CUmemoryPool *pool_out,
                                                   CUdevice dev) {
  *pool_out = handleOf(runtime().pools().defaultPool(dev));
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceGetMemPool(CUmemoryPool *pool, CUdevice dev) {
  *pool = handleOf(runtime().pools().currentPool(dev));
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceSetMemPool(CUdevice dev, CUmemoryPool pool) {
  absl::StatusOr<rt::MemoryPool *> p = poolOf(pool);
  if (!p.ok())
    return p.status();
  if ((*p)->device != dev)
    return rt::makeDriverError(CUDA_ERROR_INVALID_DEVICE,
                               "the pool belongs to another device");
  runtime().pools().setCurrentPool(dev, *p);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemPoolCreate(CUmemoryPool *pool,
                                         const CUmemPoolProps *poolProps) {
  if (poolProps->allocType != CU_MEM_ALLOCATION_TYPE_PINNED ||
      poolProps->location.type != CU_MEM_LOCATION_TYPE_DEVICE)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "a pool holds pinned memory of one device");
  if (!isDevice(poolProps->location.id))
    return rt::makeDriverError(CUDA_ERROR_INVALID_DEVICE, "no such device");
  if (poolProps->handleTypes != CU_MEM_HANDLE_TYPE_NONE)
    return rt::makeDriverError(
        CUDA_ERROR_NOT_SUPPORTED,
        "pools shared between processes are not supported");
  *pool = handleOf(runtime().pools().create(poolProps->location.id));
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemPoolDestroy(CUmemoryPool pool) {
  return runtime().pools().destroy(pool);
}

absl::Status cuda::impl::cuMemPoolTrimTo(CUmemoryPool pool,
                                         size_t minBytesToKeep) {
  return poolOf(pool).status();
}

absl::Status cuda::impl::cuMemPoolSetAttribute(CUmemoryPool pool,
                                               CUmemPool_attribute attr,
                                               void *value) {
  absl::StatusOr<rt::MemoryPool *> p = poolOf(pool);
  if (!p.ok())
    return p.status();
  return runtime().pools().setAttribute(*p, attr, value);
}

absl::Status cuda::impl::cuMemPoolGetAttribute(CUmemoryPool pool,
                                               CUmemPool_attribute attr,
                                               void *value) {
  absl::StatusOr<rt::MemoryPool *> p = poolOf(pool);
  if (!p.ok())
    return p.status();
  return runtime().pools().getAttribute(*p, attr, value);
}

absl::Status cuda::impl::cuMemPoolSetAccess(CUmemoryPool pool,
                                            const CUmemAccessDesc *map,
                                            size_t count) {
  absl::StatusOr<rt::MemoryPool *> p = poolOf(pool);
  if (!p.ok())
    return p.status();
  for (size_t i = 0; i < count; ++i) {
    if (map[i].location.type != CU_MEM_LOCATION_TYPE_DEVICE ||
        !isDevice(map[i].location.id))
      return rt::makeDriverError(CUDA_ERROR_INVALID_DEVICE,
                                 "access is for devices");
    if (map[i].location.id == (*p)->device &&
        map[i].flags != CU_MEM_ACCESS_FLAGS_PROT_READWRITE)
      return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                                 "the pool's own device keeps read-write "
                                 "access");
  }
  for (size_t i = 0; i < count; ++i)
    runtime().pools().setAccess(*p, map[i].location.id, map[i].flags);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemPoolGetAccess(CUmemAccess_flags *flags,
                                            CUmemoryPool memPool,
                                            CUmemLocation *location) {
  absl::StatusOr<rt::MemoryPool *> p = poolOf(memPool);
  if (!p.ok())
    return p.status();
  if (location->type != CU_MEM_LOCATION_TYPE_DEVICE ||
      !isDevice(location->id))
    return rt::makeDriverError(CUDA_ERROR_INVALID_DEVICE,
                               "access is for devices");
  *flags = static_cast<CUmemAccess_flags>(
      runtime().pools().access(*p, location->id));
  return absl::OkStatus();
}
