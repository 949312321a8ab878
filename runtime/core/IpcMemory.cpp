//===- IpcMemory.cpp - Device memory shared between processes --------------===//
//
// Device memory is ordinary private host memory until a process exports it:
// then its pages (device allocations own whole pages) are copied into a
// memfd and the memfd is mapped over them at the same address, so pointers
// the program holds stay valid. Another process of the same user opens the
// memfd through /proc/<pid>/fd and maps it too; both see one memory.
//
//===----------------------------------------------------------------------===//

#include "core/Memory.h"

#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/Status.h"

using namespace lingqu::rt;

namespace {
constexpr char kMagic[8] = {'L', 'Q', 'I', 'P', 'C', 'M', 'E', 'M'};

size_t pages(size_t bytes) {
  return (bytes + MemoryManager::kPageSize - 1) / MemoryManager::kPageSize *
         MemoryManager::kPageSize;
}

absl::Status systemError(cudaError_t code, absl::string_view what) {
  return makeError(code, absl::StrCat(what, ": ", std::strerror(errno)));
}
} // namespace

absl::StatusOr<IpcMemHandle> MemoryManager::exportIpc(const void *ptr) {
  absl::MutexLock lock(&mu_);
  const Allocation *a = findAllocation(ptr);
  if (a == nullptr || a->kind != MemoryKind::Device || !a->owned || a->ipc)
    return makeError(cudaErrorInvalidValue,
                     absl::StrFormat("%p is not memory from cudaMalloc", ptr));
  // Moving the pages onto a memfd works for the host's heap only.
  if (a->memory != nullptr)
    return makeError(cudaErrorNotSupported,
                     absl::StrFormat("%p is memory of a device plugin (not the "
                                     "host's); sharing it between processes "
                                     "is not supported yet",
                                     ptr));
  uintptr_t base = reinterpret_cast<uintptr_t>(a->base);
  size_t bytes = pages(a->size);
  auto it = exported_.find(base);
  int fd = it == exported_.end() ? -1 : it->second;
  if (fd < 0) {
    fd = memfd_create("lingqu-ipc", MFD_CLOEXEC);
    if (fd < 0)
      return systemError(cudaErrorMemoryAllocation, "memfd_create");
    // The contents go to the memfd first, then the memfd replaces the pages.
    bool moved = ftruncate(fd, off_t(bytes)) == 0 &&
                 pwrite(fd, a->base, bytes, 0) == ssize_t(bytes) &&
                 mmap(a->base, bytes, PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_FIXED, fd, 0) != MAP_FAILED;
    if (!moved) {
      absl::Status s = systemError(cudaErrorMemoryAllocation,
                                   "moving the allocation to shared memory");
      close(fd);
      return s;
    }
    exported_.emplace(base, fd);
  }
  IpcMemHandle h;
  std::memset(&h, 0, sizeof h); // padding too: equal handles compare equal
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.pid = getpid();
  h.fd = fd;
  h.size = a->size;
  h.bytes = bytes;
  h.base = base;
  h.device = a->device;
  return h;
}

void MemoryManager::unexport(uintptr_t base, size_t size) {
  auto it = exported_.find(base);
  if (it == exported_.end())
    return;
  // Private pages again before the allocator takes the range back.
  mmap(reinterpret_cast<void *>(base), pages(size), PROT_READ | PROT_WRITE,
       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  close(it->second);
  exported_.erase(it);
}

absl::StatusOr<void *> MemoryManager::importIpc(const IpcMemHandle &h,
                                                int device) {
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.size == 0 ||
      h.bytes != pages(h.size))
    return makeError(cudaErrorInvalidResourceHandle,
                     "not a handle from cudaIpcGetMemHandle");
  if (h.pid == getpid())
    return makeError(cudaErrorDeviceUninitialized,
                     "a process cannot open its own IPC memory handle");
  absl::MutexLock lock(&mu_);
  auto key = std::make_pair(h.pid, h.base);
  if (auto it = imported_.find(key); it != imported_.end()) {
    ++it->second.opens;
    return it->second.ptr;
  }
  std::string path = absl::StrCat("/proc/", h.pid, "/fd/", h.fd);
  int fd = open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0)
    return systemError(cudaErrorMapBufferObjectFailed,
                       absl::StrCat("opening the exporter's memory ", path));
  struct stat st;
  void *ptr = MAP_FAILED;
  if (fstat(fd, &st) == 0 && uint64_t(st.st_size) == h.bytes)
    ptr = mmap(nullptr, h.bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  close(fd);
  if (ptr == MAP_FAILED)
    return makeError(cudaErrorMapBufferObjectFailed,
                     "the handle's memory is gone or has changed");
  Allocation a{ptr, h.size, MemoryKind::Device, device, 0, /*owned=*/false};
  a.ipc = true;
  allocations_.emplace(reinterpret_cast<uintptr_t>(ptr), a);
  imported_.emplace(key, Imported{ptr, 1});
  return ptr;
}

absl::Status MemoryManager::closeIpc(void *ptr) {
  absl::MutexLock lock(&mu_);
  for (auto it = imported_.begin(); it != imported_.end(); ++it) {
    if (it->second.ptr != ptr)
      continue;
    if (--it->second.opens > 0)
      return absl::OkStatus();
    auto a = allocations_.find(reinterpret_cast<uintptr_t>(ptr));
    munmap(ptr, pages(a->second.size));
    allocations_.erase(a);
    imported_.erase(it);
    return absl::OkStatus();
  }
  return makeError(cudaErrorInvalidValue,
                   absl::StrFormat("%p was not opened with "
                                   "cudaIpcOpenMemHandle",
                                   ptr));
}
