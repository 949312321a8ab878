//===- Array.cpp - CUDA arrays --------------------------------------------===//

#include "core/Array.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/Memory.h"
#include "core/Status.h"

namespace lingqu::rt {

size_t formatChannelBytes(unsigned format) {
  switch (format) {
  case 0x01: // CU_AD_FORMAT_UNSIGNED_INT8
  case 0x08: // CU_AD_FORMAT_SIGNED_INT8
    return 1;
  case 0x02: // CU_AD_FORMAT_UNSIGNED_INT16
  case 0x09: // CU_AD_FORMAT_SIGNED_INT16
  case 0x10: // CU_AD_FORMAT_HALF
    return 2;
  case 0x03: // CU_AD_FORMAT_UNSIGNED_INT32
  case 0x0a: // CU_AD_FORMAT_SIGNED_INT32
  case 0x20: // CU_AD_FORMAT_FLOAT
    return 4;
  default:
    return 0;
  }
}

absl::Status Array::checkRegion(size_t xBytes, size_t y, size_t z,
                                size_t widthBytes, size_t height,
                                size_t depth) const {
  if (xBytes > pitch || widthBytes > pitch - xBytes || y > rows ||
      height > rows - y || z > slices || depth > slices - z)
    return makeError(cudaErrorInvalidValue,
                     absl::StrFormat("a %ux%ux%u-byte block at (%u, %u, %u) "
                                     "runs past a %ux%ux%u-byte array",
                                     widthBytes, height, depth, xBytes, y, z,
                                     pitch, rows, slices));
  return absl::OkStatus();
}

size_t MipmappedArray::bytes() const {
  constexpr size_t kAlign = MemoryManager::kAlignment;
  size_t total = 0;
  for (const Array *level : levels)
    total += (level->bytes() + kAlign - 1) / kAlign * kAlign;
  return total;
}

Arrays::~Arrays() = default; // the memory table frees the storage

absl::StatusOr<Array *> Arrays::create(const ArrayDesc &desc) {
  size_t channelBytes = formatChannelBytes(desc.format);
  if (channelBytes == 0)
    return makeError(cudaErrorNotSupported,
                     absl::StrCat("array format ", desc.format,
                                  " is not supported by Lingqu yet"));
  if (desc.channels != 1 && desc.channels != 2 && desc.channels != 4)
    return makeError(cudaErrorInvalidValue,
                     absl::StrCat(desc.channels, " channels"));
  if (desc.width == 0 || (desc.height == 0 && desc.depth != 0))
    return makeError(cudaErrorInvalidValue, "an empty array extent");
  auto array = std::make_unique<Array>();
  array->desc = desc;
  array->elementBytes = channelBytes * desc.channels;
  array->pitch = desc.width * array->elementBytes;
  array->rows = desc.height ? desc.height : 1;
  array->slices = desc.depth ? desc.depth : 1;
  size_t bytes = array->pitch * array->rows * array->slices;
  if (bytes / array->slices / array->rows != array->pitch)
    return makeError(cudaErrorMemoryAllocation, "the array's size overflows");
  absl::StatusOr<void *> data = memory_.allocate(bytes);
  if (!data.ok())
    return data.status();
  array->data = static_cast<char *>(*data);
  Array *raw = array.get();
  absl::MutexLock lock(&mu_);
  arrays_.emplace(raw, std::move(array));
  return raw;
}

absl::Status Arrays::destroy(const void *handle) {
  std::unique_ptr<Array> owned;
  {
    absl::MutexLock lock(&mu_);
    auto it = arrays_.find(handle);
    if (it == arrays_.end())
      return makeError(cudaErrorInvalidResourceHandle,
                       absl::StrFormat("%p is not a live array", handle));
    owned = std::move(it->second);
    arrays_.erase(it);
  }
  return memory_.free(owned->data);
}

absl::StatusOr<Array *> Arrays::find(const void *handle) {
  absl::MutexLock lock(&mu_);
  auto it = arrays_.find(handle);
  if (it == arrays_.end())
    return makeError(cudaErrorInvalidResourceHandle,
                     absl::StrFormat("%p is not a live array", handle));
  return it->second.get();
}

absl::StatusOr<MipmappedArray *>
Arrays::createMipmapped(const ArrayDesc &desc, unsigned levels) {
  size_t largest = std::max({desc.width, desc.height, desc.depth});
  unsigned possible = 1;
  while ((largest >> possible) != 0)
    ++possible;
  if (levels == 0 || levels > possible)
    return makeError(cudaErrorInvalidValue,
                     absl::StrCat(levels, " mipmap levels for an extent of ",
                                  largest));
  auto mipmapped = std::make_unique<MipmappedArray>();
  ArrayDesc level = desc;
  for (unsigned i = 0; i < levels; ++i) {
    absl::StatusOr<Array *> array = create(level);
    if (!array.ok()) {
      for (Array *made : mipmapped->levels)
        (void)destroy(made);
      return array.status();
    }
    mipmapped->levels.push_back(*array);
    auto half = [](size_t extent) { return extent > 1 ? extent / 2 : extent; };
    level.width = half(level.width);
    level.height = half(level.height);
    level.depth = half(level.depth);
  }
  MipmappedArray *raw = mipmapped.get();
  absl::MutexLock lock(&mu_);
  mipmapped_.emplace(raw, std::move(mipmapped));
  return raw;
}

absl::Status Arrays::destroyMipmapped(const void *handle) {
  std::unique_ptr<MipmappedArray> owned;
  {
    absl::MutexLock lock(&mu_);
    auto it = mipmapped_.find(handle);
    if (it == mipmapped_.end())
      return makeError(cudaErrorInvalidResourceHandle,
                       absl::StrFormat("%p is not a live mipmapped array",
                                       handle));
    owned = std::move(it->second);
    mipmapped_.erase(it);
  }
  for (Array *level : owned->levels)
    if (absl::Status s = destroy(level); !s.ok())
      return s;
  return absl::OkStatus();
}

absl::StatusOr<MipmappedArray *> Arrays::findMipmapped(const void *handle) {
  absl::MutexLock lock(&mu_);
  auto it = mipmapped_.find(handle);
  if (it == mipmapped_.end())
    return makeError(cudaErrorInvalidResourceHandle,
                     absl::StrFormat("%p is not a live mipmapped array",
                                     handle));
  return it->second.get();
}

void Arrays::forgetAll() {
  absl::MutexLock lock(&mu_);
  arrays_.clear();
  mipmapped_.clear();
}

} // namespace lingqu::rt
