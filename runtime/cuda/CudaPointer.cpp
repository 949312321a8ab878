//===- CudaPointer.cpp - Pointer attributes, prefetch and advice ----------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <cstring>

#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cuda::runtime;

namespace {
void *ptr(CUdeviceptr p) { return reinterpret_cast<void *>(uintptr_t(p)); }

template <typename T> void put(void *data, T value) {
  std::memcpy(data, &value, sizeof value);
}

/// One attribute of the memory at `p` (nullopt allocation: not CUDA's).
/// `known` is false for memory CUDA does not know: the caller decides
/// between an error (cuPointerGetAttribute) and a blank answer.
absl::Status pointerAttribute(void *data, CUpointer_attribute attribute,
                              CUdeviceptr p,
                              const std::optional<rt::Allocation> &a) {
  void *address = ptr(p);
  switch (attribute) {
  case CU_POINTER_ATTRIBUTE_CONTEXT:
    put(data, a ? reinterpret_cast<CUcontext>(
                      &runtime().primaryContext(a->device))
                : CUcontext(nullptr));
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_MEMORY_TYPE: {
    unsigned type = 0;
    if (a)
      type = a->kind == rt::MemoryKind::Host ||
                     a->kind == rt::MemoryKind::Registered
                 ? CU_MEMORYTYPE_HOST
                 : CU_MEMORYTYPE_DEVICE;
    put(data, type);
    return absl::OkStatus();
  }
  case CU_POINTER_ATTRIBUTE_DEVICE_POINTER:
    put(data, a ? p : CUdeviceptr(0));
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_HOST_POINTER:
    put(data, a && a->kind != rt::MemoryKind::Device ? address : nullptr);
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_SYNC_MEMOPS:
  case CU_POINTER_ATTRIBUTE_MAPPED:
    put(data, int(a.has_value()));
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_BUFFER_ID:
    put(data, (unsigned long long)(a ? uintptr_t(a->base) : 0));
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_IS_MANAGED:
    put(data, int(a && a->kind == rt::MemoryKind::Managed));
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_DEVICE_ORDINAL:
    put(data, a ? a->device : -2);
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_RANGE_START_ADDR:
  case CU_POINTER_ATTRIBUTE_MAPPING_BASE_ADDR:
    put(data, a ? CUdeviceptr(uintptr_t(a->base)) : CUdeviceptr(0));
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_RANGE_SIZE:
  case CU_POINTER_ATTRIBUTE_MAPPING_SIZE:
    put(data, size_t(a ? a->size : 0));
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_IS_LEGACY_CUDA_IPC_CAPABLE:
  case CU_POINTER_ATTRIBUTE_IS_GPU_DIRECT_RDMA_CAPABLE:
  case CU_POINTER_ATTRIBUTE_IS_HW_DECOMPRESS_CAPABLE:
    put(data, int(0));
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_ALLOWED_HANDLE_TYPES:
    put(data, (unsigned long long)CU_MEM_HANDLE_TYPE_NONE);
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_ACCESS_FLAGS:
    put(data, (unsigned long long)(a ? CU_POINTER_ATTRIBUTE_ACCESS_FLAG_READWRITE
                                     : CU_POINTER_ATTRIBUTE_ACCESS_FLAG_NONE));
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_MEMPOOL_HANDLE:
    put(data, CUmemoryPool(nullptr));
    return absl::OkStatus();
  case CU_POINTER_ATTRIBUTE_MEMORY_BLOCK_ID:
    put(data, (unsigned long long)(a ? uintptr_t(a->base) : 0));
    return absl::OkStatus();
  default:
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "not a CUpointer_attribute Lingqu reports");
  }
}
} // namespace

absl::Status cuda::impl::cuPointerGetAttribute(void *data,
                                               CUpointer_attribute attribute,
                                               CUdeviceptr ptr) {
  std::optional<rt::Allocation> a = runtime().memory().find(::ptr(ptr));
  if (!a)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "not memory CUDA allocated or registered");
  return pointerAttribute(data, attribute, ptr, a);
}

absl::Status cuda::impl::cuPointerGetAttributes(unsigned int numAttributes,
                                                CUpointer_attribute *attributes,
                                                void **data, CUdeviceptr ptr) {
  std::optional<rt::Allocation> a = runtime().memory().find(::ptr(ptr));
  for (unsigned i = 0; i < numAttributes; ++i)
    if (absl::Status s = pointerAttribute(data[i], attributes[i], ptr, a);
        !s.ok())
      return s;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuPointerSetAttribute(const void *value,
                                               CUpointer_attribute attribute,
                                               CUdeviceptr ptr) {
  if (!runtime().memory().find(::ptr(ptr)))
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "not memory CUDA allocated");
  // Synchronous memory operations are all Lingqu has.
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemPrefetchAsync(CUdeviceptr devPtr, size_t count,
                                            CUdevice dstDevice,
                                            CUstream hStream) {
  LINGQU_CURRENT(c);
  if (dstDevice != CU_DEVICE_CPU && !isDevice(dstDevice))
    return rt::makeDriverError(CUDA_ERROR_INVALID_DEVICE, "no such device");
  return rt::memPrefetch(runtime(), ptr(devPtr), count, dstDevice, hStream);
}

absl::Status cuda::impl::cuMemPrefetchAsync_v2(CUdeviceptr devPtr,
                                               size_t count,
                                               CUmemLocation location,
                                               unsigned int flags,
                                               CUstream hStream) {
  CUdevice device = location.type == CU_MEM_LOCATION_TYPE_HOST
                        ? CU_DEVICE_CPU
                        : location.id;
  return impl::cuMemPrefetchAsync(devPtr, count, device, hStream);
}

absl::Status cuda::impl::cuMemAdvise(CUdeviceptr devPtr, size_t count,
                                     CUmem_advise advice, CUdevice device) {
  LINGQU_CURRENT(c);
  if (device != CU_DEVICE_CPU && !isDevice(device))
    return rt::makeDriverError(CUDA_ERROR_INVALID_DEVICE, "no such device");
  return rt::memAdvise(runtime(), ptr(devPtr), count, advice, device);
}

absl::Status cuda::impl::cuMemRangeGetAttribute(void *data, size_t dataSize,
                                                CUmem_range_attribute attribute,
                                                CUdeviceptr devPtr,
                                                size_t count) {
  int attr = attribute;
  return rt::memRangeAttributes(runtime(), &data, &dataSize, &attr, 1,
                                ptr(devPtr), count);
}

absl::Status cuda::impl::cuMemRangeGetAttributes(
    void **data, size_t *dataSizes, CUmem_range_attribute *attributes,
    size_t numAttributes, CUdeviceptr devPtr, size_t count) {
  static_assert(sizeof(CUmem_range_attribute) == sizeof(int));
  return rt::memRangeAttributes(runtime(), data, dataSizes,
                                reinterpret_cast<const int *>(attributes),
                                numAttributes, ptr(devPtr), count);
}

absl::Status cuda::impl::cuMemAdvise_v2(CUdeviceptr devPtr, size_t count,
                                        CUmem_advise advice,
                                        CUmemLocation location) {
  CUdevice device = location.type == CU_MEM_LOCATION_TYPE_HOST
                        ? CU_DEVICE_CPU
                        : location.id;
  return impl::cuMemAdvise(devPtr, count, advice, device);
}
