//===- MemoryPool.cpp - Stream-ordered allocation pools -------------------===//

#include "core/MemoryPool.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/Runtime.h"
#include "core/Status.h"

namespace lingqu::rt {

namespace {
// cudaMemPoolAttr values.
enum : int {
  kReuseFollowEventDependencies = 1,
  kReuseAllowOpportunistic = 2,
  kReuseAllowInternalDependencies = 3,
  kReleaseThreshold = 4,
  kReservedMemCurrent = 5,
  kReservedMemHigh = 6,
  kUsedMemCurrent = 7,
  kUsedMemHigh = 8,
};
constexpr int kAccessReadWrite = 3; // cudaMemAccessFlagsProtReadWrite

absl::Status badAttribute(int attr) {
  return makeError(cudaErrorInvalidValue,
                   absl::StrCat("memory pool attribute ", attr));
}
} // namespace

MemoryPools::~MemoryPools() = default;

MemoryPool *MemoryPools::defaultPool(int device) {
  absl::MutexLock lock(&mu_);
  if (defaults_.size() <= size_t(device))
    defaults_.resize(device + 1);
  if (!defaults_[device])
    defaults_[device] = std::make_unique<MemoryPool>(device);
  return defaults_[device].get();
}

MemoryPool *MemoryPools::currentPool(int device) {
  {
    absl::MutexLock lock(&mu_);
    if (auto it = current_.find(device); it != current_.end())
      return it->second;
  }
  return defaultPool(device);
}

void MemoryPools::setCurrentPool(int device, MemoryPool *pool) {
  absl::MutexLock lock(&mu_);
  current_[device] = pool;
}

MemoryPool *MemoryPools::create(int device) {
  auto pool = std::make_unique<MemoryPool>(device);
  MemoryPool *raw = pool.get();
  absl::MutexLock lock(&mu_);
  created_.emplace(raw, std::move(pool));
  return raw;
}

absl::StatusOr<MemoryPool *> MemoryPools::pool(const void *handle) {
  absl::MutexLock lock(&mu_);
  if (auto it = created_.find(handle); it != created_.end())
    return it->second.get();
  for (const auto &pool : defaults_)
    if (pool.get() == handle)
      return pool.get();
  return makeError(cudaErrorInvalidValue,
                   absl::StrFormat("%p is not a memory pool", handle));
}

absl::Status MemoryPools::destroy(const void *handle) {
  absl::MutexLock lock(&mu_);
  auto it = created_.find(handle);
  if (it == created_.end())
    return makeError(cudaErrorInvalidValue,
                     absl::StrFormat("%p is not a pool cudaMemPoolCreate made",
                                     handle));
  for (auto &[device, pool] : current_)
    if (pool == it->second.get())
      pool = nullptr; // back to the default pool
  absl::erase_if(current_, [](const auto &entry) { return !entry.second; });
  retired_.push_back(std::move(it->second));
  created_.erase(it);
  return absl::OkStatus();
}

absl::StatusOr<void *> MemoryPools::allocate(MemoryPool *pool, size_t bytes) {
  absl::StatusOr<void *> ptr =
      rt_.memory().allocate(bytes, MemoryKind::Device, pool->device);
  if (!ptr.ok() || *ptr == nullptr)
    return ptr;
  absl::MutexLock lock(&mu_);
  owners_[*ptr] = pool;
  pool->used += bytes;
  pool->usedHigh = std::max(pool->usedHigh, pool->used);
  return ptr;
}

absl::Status MemoryPools::beginFree(void *ptr) {
  std::optional<Allocation> a = rt_.memory().find(ptr);
  if (!a || a->base != ptr || a->kind != MemoryKind::Device)
    return makeError(cudaErrorInvalidValue,
                     absl::StrFormat("%p is not the base of a live device "
                                     "allocation",
                                     ptr));
  absl::MutexLock lock(&mu_);
  if (!pendingFrees_.insert(ptr).second)
    return makeError(cudaErrorInvalidValue,
                     absl::StrFormat("%p is already being freed", ptr));
  return absl::OkStatus();
}

void MemoryPools::release(void *ptr) {
  std::optional<Allocation> a = rt_.memory().find(ptr);
  {
    absl::MutexLock lock(&mu_);
    pendingFrees_.erase(ptr);
    if (auto it = owners_.find(ptr); it != owners_.end()) {
      if (a)
        it->second->used -= std::min<uint64_t>(it->second->used, a->size);
      owners_.erase(it);
    }
  }
  (void)rt_.memory().free(ptr); // checked by beginFree
}

absl::Status MemoryPools::getAttribute(MemoryPool *pool, int attr,
                                       void *value) {
  absl::MutexLock lock(&mu_);
  auto putInt = [&](int v) { std::memcpy(value, &v, sizeof v); };
  auto put64 = [&](uint64_t v) { std::memcpy(value, &v, sizeof v); };
  switch (attr) {
  case kReuseFollowEventDependencies:
    putInt(pool->reuseFollowEventDependencies);
    break;
  case kReuseAllowOpportunistic:
    putInt(pool->reuseAllowOpportunistic);
    break;
  case kReuseAllowInternalDependencies:
    putInt(pool->reuseAllowInternalDependencies);
    break;
  case kReleaseThreshold:
    put64(pool->releaseThreshold);
    break;
  case kReservedMemCurrent: // nothing is cached: reserved is what is used
  case kUsedMemCurrent:
    put64(pool->used);
    break;
  case kReservedMemHigh:
  case kUsedMemHigh:
    put64(pool->usedHigh);
    break;
  default:
    return badAttribute(attr);
  }
  return absl::OkStatus();
}

absl::Status MemoryPools::setAttribute(MemoryPool *pool, int attr,
                                       const void *value) {
  absl::MutexLock lock(&mu_);
  int asInt = 0;
  uint64_t as64 = 0;
  std::memcpy(&asInt, value, sizeof asInt);
  switch (attr) {
  case kReuseFollowEventDependencies:
    pool->reuseFollowEventDependencies = asInt != 0;
    break;
  case kReuseAllowOpportunistic:
    pool->reuseAllowOpportunistic = asInt != 0;
    break;
  case kReuseAllowInternalDependencies:
    pool->reuseAllowInternalDependencies = asInt != 0;
    break;
  case kReleaseThreshold:
    std::memcpy(&as64, value, sizeof as64);
    pool->releaseThreshold = as64;
    break;
  case kReservedMemHigh:
  case kUsedMemHigh:
    // Only a reset to zero is allowed: the high mark restarts from now.
    std::memcpy(&as64, value, sizeof as64);
    if (as64 != 0)
      return makeError(cudaErrorInvalidValue,
                       "a high-water mark can only be reset to 0");
    pool->usedHigh = pool->used;
    break;
  default:
    return badAttribute(attr);
  }
  return absl::OkStatus();
}

int MemoryPools::access(MemoryPool *pool, int device) {
  if (device == pool->device)
    return kAccessReadWrite;
  absl::MutexLock lock(&mu_);
  auto it = pool->access.find(device);
  return it == pool->access.end() ? 0 : it->second;
}

void MemoryPools::setAccess(MemoryPool *pool, int device, int flags) {
  absl::MutexLock lock(&mu_);
  pool->access[device] = flags;
}

} // namespace lingqu::rt
