//===- Array.cpp - CUDA arrays --------------------------------------------===//

#include "core/Array.h"

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

void Arrays::forgetAll() {
  absl::MutexLock lock(&mu_);
  arrays_.clear();
}

} // namespace lingqu::rt
