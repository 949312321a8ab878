//===- CudartMemory.cpp - cudaMalloc, cudaFree, cudaMemcpy, cudaMemset ----===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include <cstring>

#include "core/Array.h"
#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

absl::Status cudart::impl::cudaMalloc(void **devPtr, size_t size) {
  absl::StatusOr<void *> ptr = runtime().memory().allocate(size);
  if (!ptr.ok())
    return ptr.status();
  *devPtr = *ptr;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaFree(void *devPtr) {
  if (devPtr != nullptr)
    runtime().currentContext().synchronize();
  return runtime().memory().free(devPtr);
}

absl::Status cudart::impl::cudaMemcpy(void *dst, const void *src, size_t count,
                                      enum cudaMemcpyKind kind) {
  return rt::copy(runtime(), dst, src, count, kind, false, nullptr);
}

absl::Status cudart::impl::cudaMemset(void *devPtr, int value, size_t count) {
  return rt::set2D(runtime(), {devPtr, count, uint32_t(value), 1, count}, false,
                   nullptr);
}

absl::Status cudart::impl::cudaDeviceSynchronize() {
  return runtime().synchronize();
}

absl::Status cudart::impl::cudaMemcpyAsync(void *dst, const void *src,
                                           size_t count,
                                           enum cudaMemcpyKind kind,
                                           cudaStream_t stream) {
  return rt::copy(runtime(), dst, src, count, kind, true, stream);
}

absl::Status cudart::impl::cudaMemsetAsync(void *devPtr, int value,
                                           size_t count, cudaStream_t stream) {
  return rt::set2D(runtime(), {devPtr, count, uint32_t(value), 1, count}, true,
                   stream);
}

//===--- Pinned, mapped and managed memory ----------------------------------===//

namespace {
int currentOrdinal() { return runtime().currentContext().ordinal(); }


absl::Status allocateInto(void **out, size_t bytes, rt::MemoryKind kind,
                          unsigned flags) {
  absl::StatusOr<void *> ptr =
      runtime().memory().allocate(bytes, kind, currentOrdinal(), flags);
  if (!ptr.ok())
    return ptr.status();
  *out = *ptr;
  return absl::OkStatus();
}
} // namespace

absl::Status cudart::impl::cudaMallocHost(void **ptr, size_t size) {
  return allocateInto(ptr, size, rt::MemoryKind::Host, cudaHostAllocDefault);
}

absl::Status cudart::impl::cudaHostAlloc(void **pHost, size_t size,
                                         unsigned int flags) {
  return allocateInto(pHost, size, rt::MemoryKind::Host, flags);
}

absl::Status cudart::impl::cudaFreeHost(void *ptr) {
  if (ptr != nullptr)
    runtime().currentContext().synchronize();
  return runtime().memory().free(ptr, rt::MemoryKind::Host);
}

absl::Status cudart::impl::cudaMallocManaged(void **devPtr, size_t size,
                                             unsigned int flags) {
  return allocateInto(devPtr, size, rt::MemoryKind::Managed, flags);
}

absl::Status cudart::impl::cudaHostRegister(void *ptr, size_t size,
                                            unsigned int flags) {
  return runtime().memory().registerHost(ptr, size, flags);
}

absl::Status cudart::impl::cudaHostUnregister(void *ptr) {
  return runtime().memory().unregisterHost(ptr);
}

absl::Status cudart::impl::cudaHostGetDevicePointer(void **pDevice,
                                                    void *pHost,
                                                    unsigned int flags) {
  if (absl::Status s = rt::pinnedAllocation(runtime(), pHost).status(); !s.ok())
    return s;
  *pDevice = pHost; // one address space
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaHostGetFlags(unsigned int *pFlags,
                                            void *pHost) {
  absl::StatusOr<rt::Allocation> a = rt::pinnedAllocation(runtime(), pHost);
  if (!a.ok())
    return a.status();
  // Every pinned allocation is mapped under unified addressing.
  *pFlags = a->flags | cudaHostAllocMapped;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaMallocPitch(void **devPtr, size_t *pitch,
                                           size_t width, size_t height) {
  size_t rowPitch = rt::pitchFor(width);
  if (height != 0 && rowPitch > SIZE_MAX / height)
    return rt::makeError(cudaErrorMemoryAllocation, "pitched size overflows");
  if (absl::Status s = allocateInto(devPtr, rowPitch * height,
                                    rt::MemoryKind::Device, 0);
      !s.ok())
    return s;
  *pitch = rowPitch;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaMalloc3D(struct cudaPitchedPtr *pitchedDevPtr,
                                        struct cudaExtent extent) {
  size_t rowPitch = rt::pitchFor(extent.width);
  size_t rows = extent.height * extent.depth;
  if ((extent.depth != 0 && rows / extent.depth != extent.height) ||
      (rows != 0 && rowPitch > SIZE_MAX / rows))
    return rt::makeError(cudaErrorMemoryAllocation, "pitched size overflows");
  void *ptr = nullptr;
  if (absl::Status s =
          allocateInto(&ptr, rowPitch * rows, rt::MemoryKind::Device, 0);
      !s.ok())
    return s;
  *pitchedDevPtr = cudaPitchedPtr{ptr, rowPitch, extent.width, extent.height};
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaPointerGetAttributes(
    struct cudaPointerAttributes *attributes, const void *ptr) {
  cudaPointerAttributes a{};
  std::optional<rt::Allocation> found = runtime().memory().find(ptr);
  if (!found) {
    a.type = cudaMemoryTypeUnregistered;
    a.device = -2; // cudaInvalidDeviceId
  } else {
    a.device = found->device;
    void *p = const_cast<void *>(ptr);
    switch (found->kind) {
    case rt::MemoryKind::Device:
      a.type = cudaMemoryTypeDevice;
      a.devicePointer = p;
      break;
    case rt::MemoryKind::Managed:
      a.type = cudaMemoryTypeManaged;
      a.devicePointer = a.hostPointer = p;
      break;
    case rt::MemoryKind::Host:
    case rt::MemoryKind::Registered:
      a.type = cudaMemoryTypeHost;
      a.devicePointer = a.hostPointer = p;
      break;
    }
  }
  *attributes = a;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaMemPrefetchAsync(const void *devPtr,
                                                size_t count, int dstDevice,
                                                cudaStream_t stream) {
  if (dstDevice != cudaCpuDeviceId)
    if (absl::Status s = runtime().checkDevice(dstDevice); !s.ok())
      return s;
  return rt::memPrefetch(runtime(), devPtr, count, dstDevice, stream);
}

absl::Status cudart::impl::cudaMemPrefetchAsync_v2(
    const void *devPtr, size_t count, struct cudaMemLocation location,
    unsigned int flags, cudaStream_t stream) {
  int device = location.type == cudaMemLocationTypeHost ? cudaCpuDeviceId
                                                        : location.id;
  return impl::cudaMemPrefetchAsync(devPtr, count, device, stream);
}

absl::Status cudart::impl::cudaMemAdvise(const void *devPtr, size_t count,
                                         enum cudaMemoryAdvise advice,
                                         int device) {
  if (device != cudaCpuDeviceId)
    if (absl::Status s = runtime().checkDevice(device); !s.ok())
      return s;
  return rt::memAdvise(runtime(), devPtr, count, advice, device);
}

absl::Status cudart::impl::cudaMemAdvise_v2(const void *devPtr, size_t count,
                                            enum cudaMemoryAdvise advice,
                                            struct cudaMemLocation location) {
  int device = location.type == cudaMemLocationTypeHost ? cudaCpuDeviceId
                                                        : location.id;
  return impl::cudaMemAdvise(devPtr, count, advice, device);
}

absl::Status cudart::impl::cudaMemRangeGetAttribute(
    void *data, size_t dataSize, enum cudaMemRangeAttribute attribute,
    const void *devPtr, size_t count) {
  int attr = attribute;
  return rt::memRangeAttributes(runtime(), &data, &dataSize, &attr, 1, devPtr,
                                count);
}

absl::Status cudart::impl::cudaMemRangeGetAttributes(
    void **data, size_t *dataSizes, enum cudaMemRangeAttribute *attributes,
    size_t numAttributes, const void *devPtr, size_t count) {
  static_assert(sizeof(enum cudaMemRangeAttribute) == sizeof(int));
  return rt::memRangeAttributes(runtime(), data, dataSizes,
                                reinterpret_cast<const int *>(attributes),
                                numAttributes, devPtr, count);
}

//===--- 2D and 3D copies and sets, peers -----------------------------------===//

namespace {
rt::Copy3D copy2D(void *dst, size_t dpitch, const void *src, size_t spitch,
                  size_t width, size_t height) {
  return {dst, dpitch, height, src, spitch, height, width, height, 1};
}

/// One side of a cudaMemcpy3DParms: an array (positions in elements) or
/// pitched linear memory (positions in bytes).
struct Side {
  char *base = nullptr;
  size_t pitch = 0, sliceRows = 0;
  size_t elementBytes = 1; ///< of the array, else 1
  rt::Array *array = nullptr;
};

absl::StatusOr<Side> sideOf(cudaArray_t array, const cudaPitchedPtr &ptr) {
  Side side;
  if (array) {
    absl::StatusOr<rt::Array *> a = runtime().arrays().find(array);
    if (!a.ok())
      return a.status();
    side.array = *a;
    side.base = (*a)->data;
    side.pitch = (*a)->pitch;
    side.sliceRows = (*a)->rows;
    side.elementBytes = (*a)->elementBytes;
    return side;
  }
  if (!ptr.ptr)
    return rt::makeError(cudaErrorInvalidValue, "no source or destination");
  side.base = static_cast<char *>(ptr.ptr);
  side.pitch = ptr.pitch;
  side.sliceRows = ptr.ysize;
  return side;
}

} // namespace

absl::StatusOr<rt::Copy3D> cudart::copyOf(const cudaMemcpy3DParms *p) {
  absl::StatusOr<Side> src = sideOf(p->srcArray, p->srcPtr);
  if (!src.ok())
    return src.status();
  absl::StatusOr<Side> dst = sideOf(p->dstArray, p->dstPtr);
  if (!dst.ok())
    return dst.status();
  size_t unit = src->array ? src->elementBytes : dst->elementBytes;
  rt::Copy3D c;
  c.width = p->extent.width * unit;
  c.height = p->extent.height;
  c.depth = p->extent.depth;
  for (auto [side, pos] : {std::pair{&*src, &p->srcPos},
                           std::pair{&*dst, &p->dstPos}})
    if (side->array)
      if (absl::Status s = side->array->checkRegion(
              pos->x * side->elementBytes, pos->y, pos->z, c.width, c.height,
              c.depth);
          !s.ok())
        return s;
  auto at = [](const Side &side, const cudaPos &pos) {
    return side.base + (pos.z * side.sliceRows + pos.y) * side.pitch +
           pos.x * side.elementBytes;
  };
  c.dst = at(*dst, p->dstPos);
  c.dstPitch = dst->pitch;
  c.dstSliceRows = dst->sliceRows;
  c.src = at(*src, p->srcPos);
  c.srcPitch = src->pitch;
  c.srcSliceRows = src->sliceRows;
  return c;
}

namespace {

rt::Set2D set3D(const cudaPitchedPtr &ptr, int value, const cudaExtent &e) {
  rt::Set2D s;
  s.dst = ptr.ptr;
  s.pitch = ptr.pitch;
  s.value = uint32_t(value);
  s.width = e.width;
  s.height = e.height;
  s.depth = e.depth;
  s.sliceRows = ptr.ysize;
  return s;
}
} // namespace

absl::Status cudart::impl::cudaMemcpy2D(void *dst, size_t dpitch,
                                        const void *src, size_t spitch,
                                        size_t width, size_t height,
                                        enum cudaMemcpyKind kind) {
  return rt::copy3D(runtime(), copy2D(dst, dpitch, src, spitch, width, height),
                    kind, false, nullptr);
}

absl::Status cudart::impl::cudaMemcpy2DAsync(void *dst, size_t dpitch,
                                             const void *src, size_t spitch,
                                             size_t width, size_t height,
                                             enum cudaMemcpyKind kind,
                                             cudaStream_t stream) {
  return rt::copy3D(runtime(), copy2D(dst, dpitch, src, spitch, width, height),
                    kind, true, stream);
}

absl::Status cudart::impl::cudaMemcpy3D(const struct cudaMemcpy3DParms *p) {
  absl::StatusOr<rt::Copy3D> c = cudart::copyOf(p);
  if (!c.ok())
    return c.status();
  return rt::copy3D(runtime(), *c, p->kind, false, nullptr);
}

absl::Status cudart::impl::cudaMemcpy3DAsync(const struct cudaMemcpy3DParms *p,
                                             cudaStream_t stream) {
  absl::StatusOr<rt::Copy3D> c = cudart::copyOf(p);
  if (!c.ok())
    return c.status();
  return rt::copy3D(runtime(), *c, p->kind, true, stream);
}

absl::Status cudart::impl::cudaMemset2D(void *devPtr, size_t pitch, int value,
                                        size_t width, size_t height) {
  return rt::set2D(runtime(), {devPtr, pitch, uint32_t(value), 1, width, height},
                   false, nullptr);
}

absl::Status cudart::impl::cudaMemset2DAsync(void *devPtr, size_t pitch,
                                             int value, size_t width,
                                             size_t height,
                                             cudaStream_t stream) {
  return rt::set2D(runtime(), {devPtr, pitch, uint32_t(value), 1, width, height},
                   true, stream);
}

absl::Status cudart::impl::cudaMemset3D(struct cudaPitchedPtr pitchedDevPtr,
                                        int value, struct cudaExtent extent) {
  return rt::set2D(runtime(), set3D(pitchedDevPtr, value, extent), false,
                   nullptr);
}

absl::Status cudart::impl::cudaMemset3DAsync(struct cudaPitchedPtr pitchedDevPtr,
                                             int value,
                                             struct cudaExtent extent,
                                             cudaStream_t stream) {
  return rt::set2D(runtime(), set3D(pitchedDevPtr, value, extent), true,
                   stream);
}

absl::Status cudart::impl::cudaMemcpyPeer(void *dst, int dstDevice,
                                          const void *src, int srcDevice,
                                          size_t count) {
  for (int device : {dstDevice, srcDevice})
    if (absl::Status s = runtime().checkDevice(device); !s.ok())
      return s;
  return rt::copy(runtime(), dst, src, count, cudaMemcpyDeviceToDevice, false,
                  nullptr);
}

absl::Status cudart::impl::cudaMemcpyPeerAsync(void *dst, int dstDevice,
                                               const void *src, int srcDevice,
                                               size_t count,
                                               cudaStream_t stream) {
  for (int device : {dstDevice, srcDevice})
    if (absl::Status s = runtime().checkDevice(device); !s.ok())
      return s;
  return rt::copy(runtime(), dst, src, count, cudaMemcpyDeviceToDevice, true,
                  stream);
}

//===--- Symbols ------------------------------------------------------------===//

namespace {
absl::Status toSymbol(const void *symbol, const void *src, size_t count,
                      size_t offset, cudaMemcpyKind kind, bool async,
                      cudaStream_t stream) {
  if (kind != cudaMemcpyHostToDevice && kind != cudaMemcpyDeviceToDevice &&
      kind != cudaMemcpyDefault)
    return rt::makeError(cudaErrorInvalidMemcpyDirection,
                         "a copy to a symbol goes to the device");
  absl::StatusOr<char *> dst = cudart::symbolRange(symbol, count, offset);
  if (!dst.ok())
    return dst.status();
  // The symbol is device memory the allocation table does not know.
  return rt::copy(runtime(), *dst, src, count, cudaMemcpyHostToHost, async,
                  stream);
}

absl::Status fromSymbol(void *dst, const void *symbol, size_t count,
                        size_t offset, cudaMemcpyKind kind, bool async,
                        cudaStream_t stream) {
  if (kind != cudaMemcpyDeviceToHost && kind != cudaMemcpyDeviceToDevice &&
      kind != cudaMemcpyDefault)
    return rt::makeError(cudaErrorInvalidMemcpyDirection,
                         "a copy from a symbol comes from the device");
  absl::StatusOr<char *> src = cudart::symbolRange(symbol, count, offset);
  if (!src.ok())
    return src.status();
  return rt::copy(runtime(), dst, *src, count, cudaMemcpyHostToHost, async,
                  stream);
}
} // namespace

absl::Status cudart::impl::cudaMemcpyToSymbol(const void *symbol,
                                              const void *src, size_t count,
                                              size_t offset,
                                              enum cudaMemcpyKind kind) {
  return toSymbol(symbol, src, count, offset, kind, false, nullptr);
}

absl::Status cudart::impl::cudaMemcpyToSymbolAsync(
    const void *symbol, const void *src, size_t count, size_t offset,
    enum cudaMemcpyKind kind, cudaStream_t stream) {
  return toSymbol(symbol, src, count, offset, kind, true, stream);
}

absl::Status cudart::impl::cudaMemcpyFromSymbol(void *dst, const void *symbol,
                                                size_t count, size_t offset,
                                                enum cudaMemcpyKind kind) {
  return fromSymbol(dst, symbol, count, offset, kind, false, nullptr);
}

absl::Status cudart::impl::cudaMemcpyFromSymbolAsync(
    void *dst, const void *symbol, size_t count, size_t offset,
    enum cudaMemcpyKind kind, cudaStream_t stream) {
  return fromSymbol(dst, symbol, count, offset, kind, true, stream);
}

absl::Status cudart::impl::cudaGetSymbolAddress(void **devPtr,
                                                const void *symbol) {
  absl::StatusOr<rt::Registry::VariableAddress> v =
      runtime().registry().resolveVariable(symbol);
  if (!v.ok())
    return v.status();
  runtime().memory().addStatic(v->address, v->size, 0);
  *devPtr = v->address;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGetSymbolSize(size_t *size,
                                             const void *symbol) {
  absl::StatusOr<rt::Registry::VariableAddress> v =
      runtime().registry().resolveVariable(symbol);
  if (!v.ok())
    return v.status();
  *size = v->size;
  return absl::OkStatus();
}

namespace {
/// A peer copy's parameters as a plain 3D copy: every device's memory is
/// the host's.
cudaMemcpy3DParms withoutDevices(const cudaMemcpy3DPeerParms &p) {
  cudaMemcpy3DParms q;
  std::memset(&q, 0, sizeof q);
  q.srcArray = p.srcArray;
  q.srcPos = p.srcPos;
  q.srcPtr = p.srcPtr;
  q.dstArray = p.dstArray;
  q.dstPos = p.dstPos;
  q.dstPtr = p.dstPtr;
  q.extent = p.extent;
  q.kind = cudaMemcpyDefault;
  return q;
}

absl::Status checkPeerDevices(const cudaMemcpy3DPeerParms &p) {
  for (int device : {p.srcDevice, p.dstDevice})
    if (absl::Status s = runtime().checkDevice(device); !s.ok())
      return s;
  return absl::OkStatus();
}
} // namespace

absl::Status
cudart::impl::cudaMemcpy3DPeer(const struct cudaMemcpy3DPeerParms *p) {
  if (absl::Status s = checkPeerDevices(*p); !s.ok())
    return s;
  cudaMemcpy3DParms q = withoutDevices(*p);
  return impl::cudaMemcpy3D(&q);
}

absl::Status
cudart::impl::cudaMemcpy3DPeerAsync(const struct cudaMemcpy3DPeerParms *p,
                                    cudaStream_t stream) {
  if (absl::Status s = checkPeerDevices(*p); !s.ok())
    return s;
  cudaMemcpy3DParms q = withoutDevices(*p);
  return impl::cudaMemcpy3DAsync(&q, stream);
}

absl::StatusOr<char *> cudart::symbolRange(const void *symbol, size_t count,
                                           size_t offset) {
  absl::StatusOr<rt::Registry::VariableAddress> v =
      runtime().registry().resolveVariable(symbol);
  if (!v.ok())
    return v.status();
  runtime().memory().addStatic(v->address, v->size, 0);
  if (offset > v->size || count > v->size - offset)
    return rt::makeError(cudaErrorInvalidValue,
                         "the copy runs past the end of the symbol");
  return static_cast<char *>(v->address) + offset;
}
