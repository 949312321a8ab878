//===- CudaMemory.cpp - cuMem*: allocations, copies, sets, pointers -------===//
//
// The driver's memory functions over the core's allocation table and
// copy/set operations, which the runtime API's use too. A CUdeviceptr is
// the address itself: every memory is the host's.
//
//===----------------------------------------------------------------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <cstdio>
#include <cstring>

#include "core/Array.h"
#include "core/DeviceAttributes.h"
#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cuda::runtime;

namespace {
void *ptr(CUdeviceptr p) { return reinterpret_cast<void *>(uintptr_t(p)); }
CUdeviceptr dptr(const void *p) { return CUdeviceptr(uintptr_t(p)); }

absl::Status allocate(CUdeviceptr *out, size_t bytes, rt::MemoryKind kind,
                      unsigned flags) {
  LINGQU_CURRENT(c);
  absl::StatusOr<void *> p =
      runtime().memory().allocate(bytes, kind, c->ordinal(), flags);
  if (!p.ok())
    return p.status();
  *out = dptr(*p);
  return absl::OkStatus();
}

/// The cudaMemcpyKind for a copy between two CUmemorytypes (unified
/// memory and unknown types let the allocation table decide).
int kindOf(CUmemorytype src, CUmemorytype dst) {
  bool srcHost = src == CU_MEMORYTYPE_HOST, dstHost = dst == CU_MEMORYTYPE_HOST;
  bool srcDevice = src == CU_MEMORYTYPE_DEVICE,
       dstDevice = dst == CU_MEMORYTYPE_DEVICE;
  if (srcHost && dstHost)
    return cudaMemcpyHostToHost;
  if (srcHost && dstDevice)
    return cudaMemcpyHostToDevice;
  if (srcDevice && dstHost)
    return cudaMemcpyDeviceToHost;
  if (srcDevice && dstDevice)
    return cudaMemcpyDeviceToDevice;
  return cudaMemcpyDefault;
}

/// One side of a CUDA_MEMCPY2D/3D: its base, pitch and rows per slice (an
/// array's own, whatever the descriptor says).
struct Side {
  char *base = nullptr;
  size_t pitch = 0, sliceRows = 0;
  rt::Array *array = nullptr;
};

absl::StatusOr<Side> sideOf(CUmemorytype type, const void *host,
                            CUdeviceptr device, CUarray array, size_t pitch,
                            size_t sliceRows) {
  switch (type) {
  case CU_MEMORYTYPE_HOST:
    return Side{static_cast<char *>(const_cast<void *>(host)), pitch,
                sliceRows};
  case CU_MEMORYTYPE_DEVICE:
  case CU_MEMORYTYPE_UNIFIED:
    return Side{static_cast<char *>(ptr(device)), pitch, sliceRows};
  case CU_MEMORYTYPE_ARRAY: {
    absl::StatusOr<rt::Array *> a = runtime().arrays().find(array);
    if (!a.ok())
      return a.status();
    return Side{(*a)->data, (*a)->pitch, (*a)->rows, *a};
  }
  }
  return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                             "not a CUmemorytype");
}

absl::Status copy3D(const CUDA_MEMCPY3D &p, bool async, CUstream stream) {
  absl::StatusOr<Side> src = sideOf(p.srcMemoryType, p.srcHost, p.srcDevice,
                                    p.srcArray, p.srcPitch, p.srcHeight);
  if (!src.ok())
    return src.status();
  absl::StatusOr<Side> dst = sideOf(p.dstMemoryType, p.dstHost, p.dstDevice,
                                    p.dstArray, p.dstPitch, p.dstHeight);
  if (!dst.ok())
    return dst.status();
  if (src->array)
    if (absl::Status s = src->array->checkRegion(
            p.srcXInBytes, p.srcY, p.srcZ, p.WidthInBytes, p.Height, p.Depth);
        !s.ok())
      return s;
  if (dst->array)
    if (absl::Status s = dst->array->checkRegion(
            p.dstXInBytes, p.dstY, p.dstZ, p.WidthInBytes, p.Height, p.Depth);
        !s.ok())
      return s;
  rt::Copy3D c;
  c.src = src->base + (p.srcZ * src->sliceRows + p.srcY) * src->pitch +
          p.srcXInBytes;
  c.srcPitch = src->pitch;
  c.srcSliceRows = src->sliceRows;
  c.dst = dst->base + (p.dstZ * dst->sliceRows + p.dstY) * dst->pitch +
          p.dstXInBytes;
  c.dstPitch = dst->pitch;
  c.dstSliceRows = dst->sliceRows;
  c.width = p.WidthInBytes;
  c.height = p.Height;
  c.depth = p.Depth;
  // An array is device memory.
  auto typeOf = [](CUmemorytype t) {
    return t == CU_MEMORYTYPE_ARRAY ? CU_MEMORYTYPE_DEVICE : t;
  };
  return rt::copy3D(runtime(), c,
                    kindOf(typeOf(p.srcMemoryType), typeOf(p.dstMemoryType)),
                    async, stream);
}

/// A CUDA_MEMCPY2D is a CUDA_MEMCPY3D of depth 1.
CUDA_MEMCPY3D as3D(const CUDA_MEMCPY2D &p) {
  CUDA_MEMCPY3D c;
  std::memset(&c, 0, sizeof c);
  c.srcXInBytes = p.srcXInBytes;
  c.srcY = p.srcY;
  c.srcMemoryType = p.srcMemoryType;
  c.srcHost = p.srcHost;
  c.srcDevice = p.srcDevice;
  c.srcArray = p.srcArray;
  c.srcPitch = p.srcPitch;
  c.srcHeight = p.Height;
  c.dstXInBytes = p.dstXInBytes;
  c.dstY = p.dstY;
  c.dstMemoryType = p.dstMemoryType;
  c.dstHost = p.dstHost;
  c.dstDevice = p.dstDevice;
  c.dstArray = p.dstArray;
  c.dstPitch = p.dstPitch;
  c.dstHeight = p.Height;
  c.WidthInBytes = p.WidthInBytes;
  c.Height = p.Height;
  c.Depth = 1;
  return c;
}

absl::Status copy(CUdeviceptr dst, const void *src, size_t bytes, int kind,
                  bool async, CUstream stream) {
  LINGQU_CURRENT(c);
  return rt::copy(runtime(), ptr(dst), src, bytes, kind, async, stream);
}

absl::Status set(CUdeviceptr dst, size_t pitch, uint32_t value,
                 unsigned elementSize, size_t width, size_t height, bool async,
                 CUstream stream) {
  LINGQU_CURRENT(c);
  if (height <= 1)
    pitch = width * elementSize;
  return rt::set2D(runtime(),
                   {ptr(dst), pitch, value, elementSize, width, height}, async,
                   stream);
}
} // namespace

//===--- Allocations ---------------------------------------------------------===//

absl::Status cuda::impl::cuMemGetInfo(size_t *free, size_t *total) {
  LINGQU_CURRENT(c);
  *free = rt::freeMemoryBytes();
  *total = rt::totalMemoryBytes();
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemAlloc(CUdeviceptr *dptr, size_t bytesize) {
  return allocate(dptr, bytesize, rt::MemoryKind::Device, 0);
}

absl::Status cuda::impl::cuMemAllocPitch(CUdeviceptr *dptr, size_t *pPitch,
                                         size_t WidthInBytes, size_t Height,
                                         unsigned int ElementSizeBytes) {
  size_t pitch = rt::pitchFor(WidthInBytes);
  if (Height != 0 && pitch > SIZE_MAX / Height)
    return rt::makeDriverError(CUDA_ERROR_OUT_OF_MEMORY,
                               "pitched size overflows");
  if (absl::Status s =
          allocate(dptr, pitch * Height, rt::MemoryKind::Device, 0);
      !s.ok())
    return s;
  *pPitch = pitch;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemFree(CUdeviceptr dptr) {
  LINGQU_CURRENT(c);
  if (dptr != 0)
    c->synchronize();
  return runtime().memory().free(ptr(dptr));
}

absl::Status cuda::impl::cuMemGetAddressRange(CUdeviceptr *pbase,
                                              size_t *psize,
                                              CUdeviceptr dptr) {
  LINGQU_CURRENT(c);
  std::optional<rt::Allocation> a = runtime().memory().find(ptr(dptr));
  if (!a)
    return rt::makeDriverError(CUDA_ERROR_NOT_FOUND,
                               "not in a live allocation");
  if (pbase)
    *pbase = ::dptr(a->base);
  if (psize)
    *psize = a->size;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemAllocHost(void **pp, size_t bytesize) {
  return impl::cuMemHostAlloc(pp, bytesize, 0);
}

absl::Status cuda::impl::cuMemHostAlloc(void **pp, size_t bytesize,
                                        unsigned int Flags) {
  CUdeviceptr p = 0;
  if (absl::Status s = allocate(&p, bytesize, rt::MemoryKind::Host, Flags);
      !s.ok())
    return s;
  *pp = ptr(p);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemFreeHost(void *p) {
  LINGQU_CURRENT(c);
  c->synchronize();
  return runtime().memory().free(p, rt::MemoryKind::Host);
}

absl::Status cuda::impl::cuMemHostGetDevicePointer(CUdeviceptr *pdptr,
                                                   void *p,
                                                   unsigned int Flags) {
  LINGQU_CURRENT(c);
  if (absl::Status s = rt::pinnedAllocation(runtime(), p).status(); !s.ok())
    return s;
  *pdptr = dptr(p);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemHostGetFlags(unsigned int *pFlags, void *p) {
  LINGQU_CURRENT(c);
  absl::StatusOr<rt::Allocation> a = rt::pinnedAllocation(runtime(), p);
  if (!a.ok())
    return a.status();
  *pFlags = a->flags | CU_MEMHOSTALLOC_DEVICEMAP;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemAllocManaged(CUdeviceptr *dptr, size_t bytesize,
                                           unsigned int flags) {
  return allocate(dptr, bytesize, rt::MemoryKind::Managed, flags);
}

absl::Status cuda::impl::cuMemHostRegister(void *p, size_t bytesize,
                                           unsigned int Flags) {
  LINGQU_CURRENT(c);
  return runtime().memory().registerHost(p, bytesize, Flags);
}

absl::Status cuda::impl::cuMemHostUnregister(void *p) {
  LINGQU_CURRENT(c);
  return runtime().memory().unregisterHost(p);
}

absl::Status cuda::impl::cuDeviceGetPCIBusId(char *pciBusId, int len,
                                             CUdevice dev) {
  std::string id = rt::pciBusId(dev);
  if (len < int(id.size()) + 1)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "pciBusId is too short");
  std::snprintf(pciBusId, size_t(len), "%s", id.c_str());
  return absl::OkStatus();
}

absl::Status cuda::impl::cuDeviceGetByPCIBusId(CUdevice *dev,
                                               const char *pciBusId) {
  absl::StatusOr<int> ordinal = rt::deviceByPciBusId(runtime(), pciBusId);
  if (!ordinal.ok())
    return ordinal.status();
  *dev = *ordinal;
  return absl::OkStatus();
}

//===--- Copies --------------------------------------------------------------===//

absl::Status cuda::impl::cuMemcpy(CUdeviceptr dst, CUdeviceptr src,
                                  size_t ByteCount) {
  return copy(dst, ptr(src), ByteCount, cudaMemcpyDefault, false, nullptr);
}

absl::Status cuda::impl::cuMemcpyAsync(CUdeviceptr dst, CUdeviceptr src,
                                       size_t ByteCount, CUstream hStream) {
  return copy(dst, ptr(src), ByteCount, cudaMemcpyDefault, true, hStream);
}

absl::Status cuda::impl::cuMemcpyHtoD(CUdeviceptr dstDevice,
                                      const void *srcHost, size_t ByteCount) {
  return copy(dstDevice, srcHost, ByteCount, cudaMemcpyHostToDevice, false,
              nullptr);
}

absl::Status cuda::impl::cuMemcpyHtoDAsync(CUdeviceptr dstDevice,
                                           const void *srcHost,
                                           size_t ByteCount, CUstream hStream) {
  return copy(dstDevice, srcHost, ByteCount, cudaMemcpyHostToDevice, true,
              hStream);
}

absl::Status cuda::impl::cuMemcpyDtoH(void *dstHost, CUdeviceptr srcDevice,
                                      size_t ByteCount) {
  return copy(dptr(dstHost), ptr(srcDevice), ByteCount, cudaMemcpyDeviceToHost,
              false, nullptr);
}

absl::Status cuda::impl::cuMemcpyDtoHAsync(void *dstHost,
                                           CUdeviceptr srcDevice,
                                           size_t ByteCount, CUstream hStream) {
  return copy(dptr(dstHost), ptr(srcDevice), ByteCount, cudaMemcpyDeviceToHost,
              true, hStream);
}

absl::Status cuda::impl::cuMemcpyDtoD(CUdeviceptr dstDevice,
                                      CUdeviceptr srcDevice,
                                      size_t ByteCount) {
  return copy(dstDevice, ptr(srcDevice), ByteCount, cudaMemcpyDeviceToDevice,
              false, nullptr);
}

absl::Status cuda::impl::cuMemcpyDtoDAsync(CUdeviceptr dstDevice,
                                           CUdeviceptr srcDevice,
                                           size_t ByteCount, CUstream hStream) {
  return copy(dstDevice, ptr(srcDevice), ByteCount, cudaMemcpyDeviceToDevice,
              true, hStream);
}

absl::Status cuda::impl::cuMemcpyPeer(CUdeviceptr dstDevice,
                                      CUcontext dstContext,
                                      CUdeviceptr srcDevice,
                                      CUcontext srcContext, size_t ByteCount) {
  for (CUcontext ctx : {dstContext, srcContext})
    if (absl::Status s = checkContext(ctx); !s.ok())
      return s;
  return copy(dstDevice, ptr(srcDevice), ByteCount, cudaMemcpyDeviceToDevice,
              false, nullptr);
}

absl::Status cuda::impl::cuMemcpyPeerAsync(CUdeviceptr dstDevice,
                                           CUcontext dstContext,
                                           CUdeviceptr srcDevice,
                                           CUcontext srcContext,
                                           size_t ByteCount,
                                           CUstream hStream) {
  for (CUcontext ctx : {dstContext, srcContext})
    if (absl::Status s = checkContext(ctx); !s.ok())
      return s;
  return copy(dstDevice, ptr(srcDevice), ByteCount, cudaMemcpyDeviceToDevice,
              true, hStream);
}

absl::Status cuda::impl::cuMemcpy2D(const CUDA_MEMCPY2D *pCopy) {
  LINGQU_CURRENT(c);
  return copy3D(as3D(*pCopy), false, nullptr);
}

absl::Status cuda::impl::cuMemcpy2DUnaligned(const CUDA_MEMCPY2D *pCopy) {
  return impl::cuMemcpy2D(pCopy);
}

absl::Status cuda::impl::cuMemcpy2DAsync(const CUDA_MEMCPY2D *pCopy,
                                         CUstream hStream) {
  LINGQU_CURRENT(c);
  return copy3D(as3D(*pCopy), true, hStream);
}

absl::Status cuda::impl::cuMemcpy3D(const CUDA_MEMCPY3D *pCopy) {
  LINGQU_CURRENT(c);
  return copy3D(*pCopy, false, nullptr);
}

absl::Status cuda::impl::cuMemcpy3DAsync(const CUDA_MEMCPY3D *pCopy,
                                         CUstream hStream) {
  LINGQU_CURRENT(c);
  return copy3D(*pCopy, true, hStream);
}

//===--- Sets ----------------------------------------------------------------===//

absl::Status cuda::impl::cuMemsetD8(CUdeviceptr dstDevice, unsigned char uc,
                                    size_t N) {
  return set(dstDevice, 0, uc, 1, N, 1, false, nullptr);
}

absl::Status cuda::impl::cuMemsetD16(CUdeviceptr dstDevice, unsigned short us,
                                     size_t N) {
  return set(dstDevice, 0, us, 2, N, 1, false, nullptr);
}

absl::Status cuda::impl::cuMemsetD32(CUdeviceptr dstDevice, unsigned int ui,
                                     size_t N) {
  return set(dstDevice, 0, ui, 4, N, 1, false, nullptr);
}

absl::Status cuda::impl::cuMemsetD8Async(CUdeviceptr dstDevice,
                                         unsigned char uc, size_t N,
                                         CUstream hStream) {
  return set(dstDevice, 0, uc, 1, N, 1, true, hStream);
}

absl::Status cuda::impl::cuMemsetD16Async(CUdeviceptr dstDevice,
                                          unsigned short us, size_t N,
                                          CUstream hStream) {
  return set(dstDevice, 0, us, 2, N, 1, true, hStream);
}

absl::Status cuda::impl::cuMemsetD32Async(CUdeviceptr dstDevice,
                                          unsigned int ui, size_t N,
                                          CUstream hStream) {
  return set(dstDevice, 0, ui, 4, N, 1, true, hStream);
}

absl::Status cuda::impl::cuMemsetD2D8(CUdeviceptr dstDevice, size_t dstPitch,
                                      unsigned char uc, size_t Width,
                                      size_t Height) {
  return set(dstDevice, dstPitch, uc, 1, Width, Height, false, nullptr);
}

absl::Status cuda::impl::cuMemsetD2D16(CUdeviceptr dstDevice, size_t dstPitch,
                                       unsigned short us, size_t Width,
                                       size_t Height) {
  return set(dstDevice, dstPitch, us, 2, Width, Height, false, nullptr);
}

absl::Status cuda::impl::cuMemsetD2D32(CUdeviceptr dstDevice, size_t dstPitch,
                                       unsigned int ui, size_t Width,
                                       size_t Height) {
  return set(dstDevice, dstPitch, ui, 4, Width, Height, false, nullptr);
}

absl::Status cuda::impl::cuMemsetD2D8Async(CUdeviceptr dstDevice,
                                           size_t dstPitch, unsigned char uc,
                                           size_t Width, size_t Height,
                                           CUstream hStream) {
  return set(dstDevice, dstPitch, uc, 1, Width, Height, true, hStream);
}

absl::Status cuda::impl::cuMemsetD2D16Async(CUdeviceptr dstDevice,
                                            size_t dstPitch,
                                            unsigned short us, size_t Width,
                                            size_t Height, CUstream hStream) {
  return set(dstDevice, dstPitch, us, 2, Width, Height, true, hStream);
}

absl::Status cuda::impl::cuMemsetD2D32Async(CUdeviceptr dstDevice,
                                            size_t dstPitch, unsigned int ui,
                                            size_t Width, size_t Height,
                                            CUstream hStream) {
  return set(dstDevice, dstPitch, ui, 4, Width, Height, true, hStream);
}

absl::Status cuda::copy3DAsync(const CUDA_MEMCPY3D &p, CUstream stream) {
  return copy3D(p, true, stream);
}

namespace {
/// A peer copy as a plain 3D copy: every device's memory is the host's.
CUDA_MEMCPY3D withoutContexts(const CUDA_MEMCPY3D_PEER &p) {
  CUDA_MEMCPY3D c;
  std::memset(&c, 0, sizeof c);
  c.srcXInBytes = p.srcXInBytes;
  c.srcY = p.srcY;
  c.srcZ = p.srcZ;
  c.srcLOD = p.srcLOD;
  c.srcMemoryType = p.srcMemoryType;
  c.srcHost = p.srcHost;
  c.srcDevice = p.srcDevice;
  c.srcArray = p.srcArray;
  c.srcPitch = p.srcPitch;
  c.srcHeight = p.srcHeight;
  c.dstXInBytes = p.dstXInBytes;
  c.dstY = p.dstY;
  c.dstZ = p.dstZ;
  c.dstLOD = p.dstLOD;
  c.dstMemoryType = p.dstMemoryType;
  c.dstHost = p.dstHost;
  c.dstDevice = p.dstDevice;
  c.dstArray = p.dstArray;
  c.dstPitch = p.dstPitch;
  c.dstHeight = p.dstHeight;
  c.WidthInBytes = p.WidthInBytes;
  c.Height = p.Height;
  c.Depth = p.Depth;
  return c;
}

absl::Status checkPeerContexts(const CUDA_MEMCPY3D_PEER &p) {
  for (CUcontext ctx : {p.srcContext, p.dstContext})
    if (absl::Status s = cuda::checkContext(ctx); !s.ok())
      return s;
  return absl::OkStatus();
}
} // namespace

absl::Status cuda::impl::cuMemcpy3DPeer(const CUDA_MEMCPY3D_PEER *pCopy) {
  LINGQU_CURRENT(c);
  if (absl::Status s = checkPeerContexts(*pCopy); !s.ok())
    return s;
  return copy3D(withoutContexts(*pCopy), false, nullptr);
}

absl::Status cuda::impl::cuMemcpy3DPeerAsync(const CUDA_MEMCPY3D_PEER *pCopy,
                                             CUstream hStream) {
  LINGQU_CURRENT(c);
  if (absl::Status s = checkPeerContexts(*pCopy); !s.ok())
    return s;
  return copy3D(withoutContexts(*pCopy), true, hStream);
}
