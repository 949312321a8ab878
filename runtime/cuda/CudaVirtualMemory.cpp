//===- CudaVirtualMemory.cpp - cuMemAddressReserve, cuMemCreate, cuMemMap -===//
//
// CUDA's virtual memory management on the host's: a reservation is an
// inaccessible anonymous mapping, a physical allocation a memory file, a
// mapping that file mapped over part of a reservation, and access flags
// page protections. Because allocations are memory files, they export as
// POSIX file descriptors and import in another process on the machine.
//
//===----------------------------------------------------------------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cuda::runtime;

namespace {
constexpr size_t kMinimumGranularity = 4096;
constexpr size_t kRecommendedGranularity = 2 << 20;

struct Physical {
  int fd = -1;
  size_t size = 0;
  CUmemAllocationProp prop{};
  int references = 1; ///< the handle, plus one per mapping
};

struct Mapping {
  size_t size = 0;
  Physical *physical = nullptr;
  unsigned long long access = CU_MEM_ACCESS_FLAGS_PROT_NONE;
};

class VirtualMemory {
public:
  static VirtualMemory &get() {
    static VirtualMemory *vm = new VirtualMemory;
    return *vm;
  }

  absl::Mutex mu;
  /// Reservations by base: their size.
  std::map<uintptr_t, size_t> reservations ABSL_GUARDED_BY(mu);
  /// Mappings by base.
  std::map<uintptr_t, Mapping> mappings ABSL_GUARDED_BY(mu);
  absl::flat_hash_map<const void *, std::unique_ptr<Physical>>
      physicals ABSL_GUARDED_BY(mu);

  /// Drops a reference; closes the file with the last one.
  void unref(Physical *p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    if (--p->references > 0)
      return;
    ::close(p->fd);
    physicals.erase(p);
  }

  /// The physical allocation a handle names, or nullptr.
  Physical *physicalOf(CUmemGenericAllocationHandle handle)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    auto it = physicals.find(reinterpret_cast<const void *>(uintptr_t(handle)));
    return it == physicals.end() ? nullptr : it->second.get();
  }

  /// True if [base, base + size) lies inside one reservation.
  bool reserved(uintptr_t base, size_t size) ABSL_SHARED_LOCKS_REQUIRED(mu) {
    auto it = reservations.upper_bound(base);
    if (it == reservations.begin())
      return false;
    --it;
    return base - it->first <= it->second && size <= it->second - (base - it->first);
  }
};

absl::Status invalid(absl::string_view why) {
  return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE, why);
}

absl::Status checkProp(const CUmemAllocationProp &prop) {
  if (prop.type != CU_MEM_ALLOCATION_TYPE_PINNED ||
      prop.location.type != CU_MEM_LOCATION_TYPE_DEVICE)
    return invalid("pinned memory of one device");
  if (!cuda::isDevice(prop.location.id))
    return rt::makeDriverError(CUDA_ERROR_INVALID_DEVICE, "no such device");
  if (prop.requestedHandleTypes & ~CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR)
    return rt::makeDriverError(CUDA_ERROR_NOT_SUPPORTED,
                               "only POSIX file descriptor handles");
  return absl::OkStatus();
}

CUmemGenericAllocationHandle handleOf(Physical *p) {
  return CUmemGenericAllocationHandle(uintptr_t(p));
}
} // namespace

absl::Status cuda::impl::cuMemGetAllocationGranularity(
    size_t *granularity, const CUmemAllocationProp *prop,
    CUmemAllocationGranularity_flags option) {
  if (absl::Status s = checkProp(*prop); !s.ok())
    return s;
  *granularity = option == CU_MEM_ALLOC_GRANULARITY_RECOMMENDED
                     ? kRecommendedGranularity
                     : kMinimumGranularity;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemAddressReserve(CUdeviceptr *ptr, size_t size,
                                             size_t alignment,
                                             CUdeviceptr addr,
                                             unsigned long long flags) {
  if (size == 0 || size % kMinimumGranularity != 0)
    return invalid("the size is not a multiple of the granularity");
  if (alignment == 0)
    alignment = kMinimumGranularity;
  if ((alignment & (alignment - 1)) != 0)
    return invalid("the alignment is not a power of two");
  // Over-reserve, then give back what the alignment does not need.
  size_t span = size + alignment;
  void *raw = ::mmap(reinterpret_cast<void *>(uintptr_t(addr)), span,
                     PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                     -1, 0);
  if (raw == MAP_FAILED)
    return rt::makeDriverError(CUDA_ERROR_OUT_OF_MEMORY,
                               absl::StrCat("mmap: ", std::strerror(errno)));
  uintptr_t begin = uintptr_t(raw);
  uintptr_t base = (begin + alignment - 1) / alignment * alignment;
  if (base > begin)
    ::munmap(raw, base - begin);
  if (begin + span > base + size)
    ::munmap(reinterpret_cast<void *>(base + size), begin + span - base - size);
  VirtualMemory &vm = VirtualMemory::get();
  absl::MutexLock lock(&vm.mu);
  vm.reservations[base] = size;
  *ptr = CUdeviceptr(base);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemAddressFree(CUdeviceptr ptr, size_t size) {
  VirtualMemory &vm = VirtualMemory::get();
  absl::MutexLock lock(&vm.mu);
  auto it = vm.reservations.find(uintptr_t(ptr));
  if (it == vm.reservations.end() || it->second != size)
    return invalid("not a reservation of that size");
  auto mapped = vm.mappings.lower_bound(uintptr_t(ptr));
  if (mapped != vm.mappings.end() && mapped->first < uintptr_t(ptr) + size)
    return invalid("the reservation is still mapped");
  ::munmap(reinterpret_cast<void *>(uintptr_t(ptr)), size);
  vm.reservations.erase(it);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemCreate(CUmemGenericAllocationHandle *handle,
                                     size_t size,
                                     const CUmemAllocationProp *prop,
                                     unsigned long long flags) {
  if (absl::Status s = checkProp(*prop); !s.ok())
    return s;
  if (size == 0 || size % kMinimumGranularity != 0)
    return invalid("the size is not a multiple of the granularity");
  int fd = ::memfd_create("lingqu-vmm", MFD_CLOEXEC);
  if (fd < 0 || ::ftruncate(fd, off_t(size)) != 0) {
    if (fd >= 0)
      ::close(fd);
    return rt::makeDriverError(CUDA_ERROR_OUT_OF_MEMORY,
                               absl::StrCat("memfd: ", std::strerror(errno)));
  }
  auto physical = std::make_unique<Physical>();
  physical->fd = fd;
  physical->size = size;
  physical->prop = *prop;
  VirtualMemory &vm = VirtualMemory::get();
  absl::MutexLock lock(&vm.mu);
  *handle = handleOf(physical.get());
  vm.physicals.emplace(physical.get(), std::move(physical));
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemRelease(CUmemGenericAllocationHandle handle) {
  VirtualMemory &vm = VirtualMemory::get();
  absl::MutexLock lock(&vm.mu);
  Physical *p = vm.physicalOf(handle);
  if (p == nullptr)
    return invalid("not an allocation handle");
  vm.unref(p);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemMap(CUdeviceptr ptr, size_t size, size_t offset,
                                  CUmemGenericAllocationHandle handle,
                                  unsigned long long flags) {
  VirtualMemory &vm = VirtualMemory::get();
  absl::MutexLock lock(&vm.mu);
  Physical *p = vm.physicalOf(handle);
  if (p == nullptr)
    return invalid("not an allocation handle");
  if (size == 0 || size % kMinimumGranularity != 0 ||
      offset % kMinimumGranularity != 0 || offset > p->size ||
      size > p->size - offset)
    return invalid("the range does not fit the allocation");
  if (!vm.reserved(uintptr_t(ptr), size))
    return invalid("the range is not inside a reservation");
  auto next = vm.mappings.lower_bound(uintptr_t(ptr));
  bool overlaps =
      (next != vm.mappings.end() && next->first < uintptr_t(ptr) + size) ||
      (next != vm.mappings.begin() &&
       std::prev(next)->first + std::prev(next)->second.size > uintptr_t(ptr));
  if (overlaps)
    return invalid("the range is already mapped");
  void *at = ::mmap(reinterpret_cast<void *>(uintptr_t(ptr)), size, PROT_NONE,
                    MAP_SHARED | MAP_FIXED, p->fd, off_t(offset));
  if (at == MAP_FAILED)
    return rt::makeDriverError(CUDA_ERROR_OUT_OF_MEMORY,
                               absl::StrCat("mmap: ", std::strerror(errno)));
  ++p->references;
  vm.mappings[uintptr_t(ptr)] = Mapping{size, p};
  runtime().memory().addStatic(at, size, p->prop.location.id);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemUnmap(CUdeviceptr ptr, size_t size) {
  VirtualMemory &vm = VirtualMemory::get();
  absl::MutexLock lock(&vm.mu);
  auto it = vm.mappings.find(uintptr_t(ptr));
  if (it == vm.mappings.end() || it->second.size != size)
    return invalid("not a mapping of that size");
  void *at = reinterpret_cast<void *>(uintptr_t(ptr));
  runtime().memory().removeStatic(at);
  // Back to reserved, inaccessible address space.
  ::mmap(at, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
                                  MAP_FIXED,
         -1, 0);
  Physical *p = it->second.physical;
  vm.mappings.erase(it);
  vm.unref(p);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemSetAccess(CUdeviceptr ptr, size_t size,
                                        const CUmemAccessDesc *desc,
                                        size_t count) {
  unsigned long long flags = CU_MEM_ACCESS_FLAGS_PROT_NONE;
  for (size_t i = 0; i < count; ++i) {
    if (desc[i].location.type != CU_MEM_LOCATION_TYPE_DEVICE ||
        !isDevice(desc[i].location.id))
      return rt::makeDriverError(CUDA_ERROR_INVALID_DEVICE,
                                 "access is for devices");
    if (desc[i].flags != CU_MEM_ACCESS_FLAGS_PROT_NONE &&
        desc[i].flags != CU_MEM_ACCESS_FLAGS_PROT_READ &&
        desc[i].flags != CU_MEM_ACCESS_FLAGS_PROT_READWRITE)
      return invalid("not a CUmemAccess_flags");
    // All devices share the pages: the widest access wins.
    flags = std::max<unsigned long long>(flags, desc[i].flags);
  }
  VirtualMemory &vm = VirtualMemory::get();
  absl::MutexLock lock(&vm.mu);
  // The range must be covered by mappings, end to end.
  uintptr_t at = uintptr_t(ptr), end = uintptr_t(ptr) + size;
  auto it = vm.mappings.upper_bound(at);
  if (it == vm.mappings.begin())
    return invalid("the range is not mapped");
  --it;
  for (uintptr_t cursor = at; cursor < end; ++it) {
    if (it == vm.mappings.end() || it->first > cursor ||
        it->first + it->second.size <= cursor)
      return invalid("the range is not mapped end to end");
    cursor = it->first + it->second.size;
  }
  int prot = flags == CU_MEM_ACCESS_FLAGS_PROT_READWRITE ? PROT_READ | PROT_WRITE
             : flags == CU_MEM_ACCESS_FLAGS_PROT_READ    ? PROT_READ
                                                         : PROT_NONE;
  if (::mprotect(reinterpret_cast<void *>(at), size, prot) != 0)
    return invalid(absl::StrCat("mprotect: ", std::strerror(errno)));
  for (auto m = vm.mappings.lower_bound(at);
       m != vm.mappings.end() && m->first < end; ++m)
    m->second.access = flags;
  if (auto first = vm.mappings.upper_bound(at); first != vm.mappings.begin())
    std::prev(first)->second.access = flags;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemGetAccess(unsigned long long *flags,
                                        const CUmemLocation *location,
                                        CUdeviceptr ptr) {
  if (location->type != CU_MEM_LOCATION_TYPE_DEVICE || !isDevice(location->id))
    return rt::makeDriverError(CUDA_ERROR_INVALID_DEVICE,
                               "access is for devices");
  VirtualMemory &vm = VirtualMemory::get();
  absl::MutexLock lock(&vm.mu);
  auto it = vm.mappings.upper_bound(uintptr_t(ptr));
  if (it == vm.mappings.begin() ||
      std::prev(it)->first + std::prev(it)->second.size <= uintptr_t(ptr))
    return invalid("not mapped");
  *flags = std::prev(it)->second.access;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemGetAllocationPropertiesFromHandle(
    CUmemAllocationProp *prop, CUmemGenericAllocationHandle handle) {
  VirtualMemory &vm = VirtualMemory::get();
  absl::MutexLock lock(&vm.mu);
  Physical *p = vm.physicalOf(handle);
  if (p == nullptr)
    return invalid("not an allocation handle");
  *prop = p->prop;
  return absl::OkStatus();
}

absl::Status
cuda::impl::cuMemRetainAllocationHandle(CUmemGenericAllocationHandle *handle,
                                        void *addr) {
  VirtualMemory &vm = VirtualMemory::get();
  absl::MutexLock lock(&vm.mu);
  auto it = vm.mappings.upper_bound(uintptr_t(addr));
  if (it == vm.mappings.begin() ||
      std::prev(it)->first + std::prev(it)->second.size <= uintptr_t(addr))
    return invalid("not mapped");
  Physical *p = std::prev(it)->second.physical;
  ++p->references;
  *handle = handleOf(p);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemExportToShareableHandle(
    void *shareableHandle, CUmemGenericAllocationHandle handle,
    CUmemAllocationHandleType handleType, unsigned long long flags) {
  if (handleType != CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR)
    return rt::makeDriverError(CUDA_ERROR_NOT_SUPPORTED,
                               "only POSIX file descriptor handles");
  VirtualMemory &vm = VirtualMemory::get();
  absl::MutexLock lock(&vm.mu);
  Physical *p = vm.physicalOf(handle);
  if (p == nullptr)
    return invalid("not an allocation handle");
  if (!(p->prop.requestedHandleTypes & CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR))
    return invalid("the allocation was not created exportable");
  int fd = ::dup(p->fd);
  if (fd < 0)
    return invalid(absl::StrCat("dup: ", std::strerror(errno)));
  std::memcpy(shareableHandle, &fd, sizeof fd);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuMemImportFromShareableHandle(
    CUmemGenericAllocationHandle *handle, void *osHandle,
    CUmemAllocationHandleType shHandleType) {
  if (shHandleType != CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR)
    return rt::makeDriverError(CUDA_ERROR_NOT_SUPPORTED,
                               "only POSIX file descriptor handles");
  // CUDA passes the descriptor itself, cast to a pointer.
  int fd = int(uintptr_t(osHandle));
  struct stat info;
  if (::fstat(fd, &info) != 0)
    return invalid("not an open file descriptor");
  auto physical = std::make_unique<Physical>();
  physical->fd = ::dup(fd);
  physical->size = size_t(info.st_size);
  physical->prop.type = CU_MEM_ALLOCATION_TYPE_PINNED;
  physical->prop.location.type = CU_MEM_LOCATION_TYPE_DEVICE;
  physical->prop.requestedHandleTypes = CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR;
  VirtualMemory &vm = VirtualMemory::get();
  absl::MutexLock lock(&vm.mu);
  *handle = handleOf(physical.get());
  vm.physicals.emplace(physical.get(), std::move(physical));
  return absl::OkStatus();
}
