//===- ExternalMemory.cpp - Memory imported from other APIs ---------------===//

#include "core/ExternalMemory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/Memory.h"
#include "core/Status.h"

namespace lingqu::rt {

ExternalMemories::~ExternalMemories() {
  absl::MutexLock lock(&mu_);
  for (const auto &[handle, m] : mappings_)
    ::munmap(m->base, m->size);
}

absl::StatusOr<void *> ExternalMemories::import(int fd, uint64_t size) {
  if (size == 0)
    return makeError(cudaErrorInvalidValue, "an empty import");
  void *base =
      ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (base == MAP_FAILED)
    return makeError(cudaErrorInvalidValue,
                     absl::StrCat("cannot map the file descriptor: ",
                                  std::strerror(errno)));
  ::close(fd); // ours now; the mapping keeps the memory
  auto mapping = std::make_unique<Mapping>(
      Mapping{static_cast<char *>(base), size});
  memory_.addStatic(base, size, 0);
  Mapping *raw = mapping.get();
  absl::MutexLock lock(&mu_);
  mappings_.emplace(raw, std::move(mapping));
  return raw;
}

absl::StatusOr<void *> ExternalMemories::buffer(const void *handle,
                                                uint64_t offset,
                                                uint64_t size) {
  absl::MutexLock lock(&mu_);
  auto it = mappings_.find(handle);
  if (it == mappings_.end())
    return makeError(cudaErrorInvalidResourceHandle,
                     absl::StrFormat("%p is not imported memory", handle));
  const Mapping &m = *it->second;
  if (offset > m.size || size > m.size - offset)
    return makeError(cudaErrorInvalidValue,
                     "the buffer runs past the imported memory");
  return m.base + offset;
}

absl::Status ExternalMemories::destroy(const void *handle) {
  std::unique_ptr<Mapping> owned;
  {
    absl::MutexLock lock(&mu_);
    auto it = mappings_.find(handle);
    if (it == mappings_.end())
      return makeError(cudaErrorInvalidResourceHandle,
                       absl::StrFormat("%p is not imported memory", handle));
    owned = std::move(it->second);
    mappings_.erase(it);
  }
  memory_.removeStatic(owned->base);
  ::munmap(owned->base, owned->size);
  return absl::OkStatus();
}

} // namespace lingqu::rt
