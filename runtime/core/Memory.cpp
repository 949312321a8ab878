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
} // namespace

MemoryManager::~MemoryManager() {
  absl::MutexLock lock(&mu_);
  for (const auto &[base, size] : allocations_)
    std::free(reinterpret_cast<void *>(base));
}

absl::StatusOr<void *> MemoryManager::allocate(size_t bytes) {
  if (bytes == 0)
    return nullptr;
  // Round up so the block is a whole number of alignment units
  // (aligned_alloc's contract), refusing sizes that would wrap.
  if (bytes > SIZE_MAX - (kAlignment - 1))
    return makeError(cudaErrorMemoryAllocation,
                     absl::StrCat("cannot allocate ", bytes, " bytes"));
  size_t rounded = (bytes + kAlignment - 1) / kAlignment * kAlignment;
  void *ptr = std::aligned_alloc(kAlignment, rounded);
  if (ptr == nullptr)
    return makeError(cudaErrorMemoryAllocation,
                     absl::StrCat("out of host memory allocating ", bytes,
                                  " bytes"));
  absl::MutexLock lock(&mu_);
  // Ranges are checked against the size asked for, not the rounded one: an
  // access past it is a bug on a GPU as well, even where it goes unnoticed.
  allocations_.emplace(reinterpret_cast<uintptr_t>(ptr), bytes);
  return ptr;
}

absl::Status MemoryManager::free(void *ptr) {
  if (ptr == nullptr)
    return absl::OkStatus();
  {
    absl::MutexLock lock(&mu_);
    if (allocations_.erase(reinterpret_cast<uintptr_t>(ptr)) == 0)
      return invalid(absl::StrFormat(
          "%p is not the base of a live device allocation", ptr));
  }
  std::free(ptr);
  return absl::OkStatus();
}

std::pair<uintptr_t, size_t>
MemoryManager::findAllocation(const void *ptr) const {
  uintptr_t address = reinterpret_cast<uintptr_t>(ptr);
  // The last allocation starting at or below `address`.
  auto it = allocations_.upper_bound(address);
  if (it == allocations_.begin())
    return {0, 0};
  --it;
  if (address - it->first >= it->second)
    return {0, 0};
  return *it;
}

absl::Status MemoryManager::checkRange(const void *ptr, size_t bytes) const {
  absl::ReaderMutexLock lock(&mu_);
  auto [base, size] = findAllocation(ptr);
  if (size == 0)
    return invalid(absl::StrCat(describe(ptr, bytes),
                                " is not in a live device allocation"));
  // Both sides are within one allocation, so no overflow.
  if (bytes > size - (reinterpret_cast<uintptr_t>(ptr) - base))
    return invalid(absl::StrFormat("%s runs past its allocation of %u bytes "
                                   "at %#x",
                                   describe(ptr, bytes), size, base));
  return absl::OkStatus();
}

void MemoryManager::freeAllOnDevice(int ordinal) {
  absl::MutexLock lock(&mu_);
  for (const auto &[base, size] : allocations_)
    std::free(reinterpret_cast<void *>(base));
  allocations_.clear();
}

bool MemoryManager::isDevicePointer(const void *ptr) const {
  absl::ReaderMutexLock lock(&mu_);
  return findAllocation(ptr).second != 0;
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
  if (kind < cudaMemcpyHostToHost || kind > cudaMemcpyDefault)
    return makeError(cudaErrorInvalidMemcpyDirection,
                     absl::StrCat("memcpy kind ", kind,
                                  " is not a cudaMemcpyKind"));
  if (bytes == 0)
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
    if (absl::Status s = checkRange(dst, bytes); !s.ok())
      return s;
  if (srcDevice)
    if (absl::Status s = checkRange(src, bytes); !s.ok())
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
