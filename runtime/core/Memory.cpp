//===- Memory.cpp - Device allocations and copies -------------------------===//

#include "core/Memory.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/Status.h"

using namespace lingqu::rt;

namespace {
absl::Status invalid(absl::string_view why) {
  return makeError(cudaErrorInvalidValue, why);
}

std::string describe(const void *ptr, size_t bytes) {
  return absl::StrFormat("%p (+%u bytes)", ptr, bytes);
}

const char *kindName(MemoryKind kind) {
  switch (kind) {
  case MemoryKind::Host:
    return "pinned host";
  case MemoryKind::Device:
    return "device";
  case MemoryKind::Managed:
    return "managed";
  case MemoryKind::Registered:
    return "registered host";
  }
  return "unknown";
}

bool owned(const Allocation &a) { return a.owned; }

/// Gives an owned allocation back to whoever made it.
void release(const Allocation &a) {
  if (a.memory != nullptr)
    a.memory->free(a.base);
  else
    std::free(a.base);
}
} // namespace

MemoryManager::~MemoryManager() {
  absl::MutexLock lock(&mu_);
  for (const auto &[base, a] : allocations_)
    if (owned(a))
      release(a);
}

void MemoryManager::setDeviceMemory(int device, DeviceMemory *memory) {
  absl::MutexLock lock(&mu_);
  if (memory != nullptr)
    deviceMemory_[device] = memory;
  else
    deviceMemory_.erase(device);
}

absl::StatusOr<void *> MemoryManager::allocate(size_t bytes, MemoryKind kind,
                                               int device, unsigned flags) {
  if (bytes == 0)
    return nullptr;
  DeviceMemory *memory = nullptr;
  if (kind == MemoryKind::Device || kind == MemoryKind::Managed) {
    absl::MutexLock lock(&mu_);
    auto it = deviceMemory_.find(device);
    memory = it == deviceMemory_.end() ? nullptr : it->second;
  }
  // Round up so the block is a whole number of alignment units
  // (aligned_alloc's contract), refusing sizes that would wrap. Whole pages
  // are for IPC, which a plugin's memory does not do.
  size_t alignment = kind == MemoryKind::Device && memory == nullptr
                         ? kPageSize
                         : kAlignment;
  if (bytes > SIZE_MAX - (alignment - 1))
    return makeError(cudaErrorMemoryAllocation,
                     absl::StrCat("cannot allocate ", bytes, " bytes"));
  size_t rounded = (bytes + alignment - 1) / alignment * alignment;
  void *ptr = nullptr;
  if (memory != nullptr) {
    absl::StatusOr<void *> fromPlugin = memory->allocate(rounded, alignment);
    if (!fromPlugin.ok())
      return fromPlugin.status();
    ptr = *fromPlugin;
  } else {
    ptr = std::aligned_alloc(alignment, rounded);
    if (ptr == nullptr)
      return makeError(cudaErrorMemoryAllocation,
                       absl::StrCat("out of host memory allocating ", bytes,
                                    " bytes"));
  }
  absl::MutexLock lock(&mu_);
  // Ranges are checked against the size asked for, not the rounded one: an
  // access past it is a bug on a GPU as well, even where it goes unnoticed.
  Allocation a{ptr, bytes, kind, device, flags};
  a.memory = memory;
  allocations_.emplace(reinterpret_cast<uintptr_t>(ptr), a);
  return ptr;
}

absl::Status MemoryManager::free(void *ptr, MemoryKind kind) {
  if (ptr == nullptr)
    return absl::OkStatus();
  Allocation freed;
  {
    absl::MutexLock lock(&mu_);
    auto it = allocations_.find(reinterpret_cast<uintptr_t>(ptr));
    if (it == allocations_.end())
      return invalid(absl::StrFormat(
          "%p is not the base of a live allocation", ptr));
    // cudaFree takes device and managed memory; cudaFreeHost pinned memory.
    bool deviceSide = kind != MemoryKind::Host;
    bool isDeviceSide = it->second.kind == MemoryKind::Device ||
                        it->second.kind == MemoryKind::Managed;
    if (it->second.ipc)
      return invalid(absl::StrFormat(
          "%p was opened with cudaIpcOpenMemHandle; close it with "
          "cudaIpcCloseMemHandle", ptr));
    if (deviceSide != isDeviceSide || !owned(it->second))
      return invalid(absl::StrFormat("%p is %s memory", ptr,
                                     kindName(it->second.kind)));
    unexport(it->first, it->second.size);
    freed = it->second;
    allocations_.erase(it);
    advice_.erase(reinterpret_cast<uintptr_t>(ptr));
  }
  release(freed);
  return absl::OkStatus();
}

absl::Status MemoryManager::registerHost(void *ptr, size_t bytes,
                                         unsigned flags) {
  absl::MutexLock lock(&mu_);
  uintptr_t begin = reinterpret_cast<uintptr_t>(ptr);
  auto next = allocations_.lower_bound(begin);
  bool overlaps = (next != allocations_.end() && next->first - begin < bytes) ||
                  findAllocation(ptr) != nullptr;
  if (overlaps)
    return makeError(cudaErrorHostMemoryAlreadyRegistered,
                     absl::StrCat(describe(ptr, bytes),
                                  " overlaps memory already known"));
  allocations_.emplace(begin, Allocation{ptr, bytes, MemoryKind::Registered,
                                         0, flags, /*owned=*/false});
  return absl::OkStatus();
}

void MemoryManager::addStatic(void *ptr, size_t bytes, int device) {
  absl::MutexLock lock(&mu_);
  if (bytes != 0 && findAllocation(ptr) == nullptr)
    allocations_.emplace(reinterpret_cast<uintptr_t>(ptr),
                         Allocation{ptr, bytes, MemoryKind::Device, device, 0,
                                    /*owned=*/false});
}

absl::Status MemoryManager::unregisterHost(void *ptr) {
  absl::MutexLock lock(&mu_);
  auto it = allocations_.find(reinterpret_cast<uintptr_t>(ptr));
  if (it == allocations_.end() || it->second.kind != MemoryKind::Registered)
    return makeError(cudaErrorHostMemoryNotRegistered,
                     absl::StrFormat("%p is not a registered base", ptr));
  allocations_.erase(it);
  return absl::OkStatus();
}

void MemoryManager::removeStatic(void *ptr) {
  absl::MutexLock lock(&mu_);
  auto it = allocations_.find(reinterpret_cast<uintptr_t>(ptr));
  if (it != allocations_.end() && !it->second.owned &&
      it->second.kind == MemoryKind::Device)
    allocations_.erase(it);
}

std::optional<Allocation> MemoryManager::find(const void *ptr) const {
  absl::ReaderMutexLock lock(&mu_);
  if (const Allocation *a = findAllocation(ptr))
    return *a;
  return std::nullopt;
}

const Allocation *MemoryManager::findAllocation(const void *ptr) const {
  uintptr_t address = reinterpret_cast<uintptr_t>(ptr);
  // The last allocation starting at or below `address`.
  auto it = allocations_.upper_bound(address);
  if (it == allocations_.begin())
    return nullptr;
  --it;
  if (address - it->first >= it->second.size)
    return nullptr;
  return &it->second;
}

absl::Status MemoryManager::checkRange(const void *ptr, size_t bytes) const {
  absl::ReaderMutexLock lock(&mu_);
  const Allocation *a = findAllocation(ptr);
  if (a == nullptr)
    return invalid(absl::StrCat(describe(ptr, bytes),
                                " is not in a live device allocation"));
  // Both sides are within one allocation, so no overflow.
  if (bytes > a->size - (reinterpret_cast<uintptr_t>(ptr) -
                         reinterpret_cast<uintptr_t>(a->base)))
    return invalid(absl::StrFormat("%s runs past its allocation of %u bytes "
                                   "at %p",
                                   describe(ptr, bytes), a->size, a->base));
  return absl::OkStatus();
}

void MemoryManager::freeAllOnDevice(int ordinal) {
  absl::MutexLock lock(&mu_);
  for (const auto &[base, a] : allocations_)
    if (owned(a)) {
      unexport(base, a.size);
      release(a);
    }
  allocations_.clear();
  advice_.clear();
}

absl::StatusOr<uintptr_t> MemoryManager::managedBase(const void *ptr,
                                                     size_t count) const {
  const Allocation *a = findAllocation(ptr);
  uintptr_t begin = reinterpret_cast<uintptr_t>(ptr);
  uintptr_t base = a ? reinterpret_cast<uintptr_t>(a->base) : 0;
  if (a == nullptr || a->kind != MemoryKind::Managed || count == 0 ||
      count > base + a->size - begin)
    return invalid("not a range of managed memory (cudaMallocManaged)");
  return base;
}

absl::Status MemoryManager::advise(const void *ptr, size_t count, int advice,
                                   int device) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<uintptr_t> base = managedBase(ptr, count);
  if (!base.ok())
    return base.status();
  uintptr_t begin = reinterpret_cast<uintptr_t>(ptr);
  advice_[*base].push_back({begin, begin + count, advice, device});
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Advice>>
MemoryManager::adviceFor(const void *ptr, size_t count) const {
  absl::ReaderMutexLock lock(&mu_);
  absl::StatusOr<uintptr_t> base = managedBase(ptr, count);
  if (!base.ok())
    return base.status();
  auto it = advice_.find(*base);
  return it == advice_.end() ? std::vector<Advice>{} : it->second;
}

bool MemoryManager::isDevicePointer(const void *ptr) const {
  absl::ReaderMutexLock lock(&mu_);
  return findAllocation(ptr) != nullptr;
}

size_t MemoryManager::liveAllocations() const {
  absl::ReaderMutexLock lock(&mu_);
  return allocations_.size();
}

absl::Status MemoryManager::copy(void *dst, const void *src, size_t bytes,
                                 int kind) const {
  if (absl::Status s = checkCopy(dst, src, bytes, kind); !s.ok())
    return s;
  // memmove: an overlapping device-to-device copy must not corrupt data.
  if (bytes != 0)
    std::memmove(dst, src, bytes);
  return absl::OkStatus();
}

absl::Status MemoryManager::checkCopy(void *dst, const void *src, size_t bytes,
                                      int kind) const {
  return checkCopy(dst, bytes, src, bytes, kind);
}

absl::Status MemoryManager::checkCopy(void *dst, size_t dstBytes,
                                      const void *src, size_t srcBytes,
                                      int kind) const {
  if (kind < cudaMemcpyHostToHost || kind > cudaMemcpyDefault)
    return makeError(cudaErrorInvalidMemcpyDirection,
                     absl::StrCat("memcpy kind ", kind,
                                  " is not a cudaMemcpyKind"));
  if (dstBytes == 0 && srcBytes == 0)
    return absl::OkStatus();
  if (dst == nullptr || src == nullptr)
    return invalid("null pointer in a copy");

  bool dstDevice = false, srcDevice = false;
  switch (kind) {
  case cudaMemcpyHostToHost:
    break;
  case cudaMemcpyHostToDevice:
    dstDevice = true;
    break;
  case cudaMemcpyDeviceToHost:
    srcDevice = true;
    break;
  case cudaMemcpyDeviceToDevice:
    dstDevice = srcDevice = true;
    break;
  case cudaMemcpyDefault:
    // Unified addressing: the table says which side each pointer is on.
    dstDevice = isDevicePointer(dst);
    srcDevice = isDevicePointer(src);
    break;
  }
  if (dstDevice)
    if (absl::Status s = checkRange(dst, dstBytes); !s.ok())
      return s;
  if (srcDevice)
    if (absl::Status s = checkRange(src, srcBytes); !s.ok())
      return s;
  return absl::OkStatus();
}

absl::Status MemoryManager::set(void *ptr, int value, size_t bytes) const {
  if (absl::Status s = checkSet(ptr, bytes); !s.ok())
    return s;
  if (bytes != 0)
    std::memset(ptr, value & 0xff, bytes);
  return absl::OkStatus();
}

absl::Status MemoryManager::checkSet(void *ptr, size_t bytes) const {
  return bytes == 0 ? absl::OkStatus() : checkRange(ptr, bytes);
}
