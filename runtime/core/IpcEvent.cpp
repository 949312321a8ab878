//===- IpcEvent.cpp - Event state shared between processes -----------------===//

#include "core/IpcEvent.h"

#include <chrono>
#include <cstring>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "core/Status.h"
#include "driver_types.h"

namespace lingqu::rt {
namespace {
constexpr char kMagic[8] = {'L', 'Q', 'I', 'P', 'C', 'E', 'V', 'T'};
constexpr size_t kPage = 4096;
static_assert(sizeof(IpcEventHandle) <= 64);
static_assert(std::atomic<uint64_t>::is_always_lock_free,
              "the counters are shared between processes");
} // namespace

absl::StatusOr<std::shared_ptr<SharedEventState>> SharedEventState::create() {
  int fd = memfd_create("lingqu-ipc-event", MFD_CLOEXEC);
  void *page = MAP_FAILED;
  if (fd >= 0 && ftruncate(fd, kPage) == 0)
    page = mmap(nullptr, kPage, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (page == MAP_FAILED) {
    if (fd >= 0)
      close(fd);
    return makeError(cudaErrorMemoryAllocation,
                     absl::StrCat("shared event state: ", std::strerror(errno)));
  }
  auto *counters = new (page) Counters; // the page is zeros: no records
  return std::shared_ptr<SharedEventState>(new SharedEventState(fd, counters));
}

absl::StatusOr<std::shared_ptr<SharedEventState>>
SharedEventState::open(const IpcEventHandle &h) {
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0)
    return makeError(cudaErrorInvalidResourceHandle,
                     "not a handle from cudaIpcGetEventHandle");
  if (h.pid == getpid())
    return makeError(cudaErrorDeviceUninitialized,
                     "a process cannot open its own IPC event handle");
  std::string path = absl::StrCat("/proc/", h.pid, "/fd/", h.fd);
  int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  struct stat st;
  void *page = MAP_FAILED;
  if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size == off_t(kPage))
    page = mmap(nullptr, kPage, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (page == MAP_FAILED) {
    if (fd >= 0)
      close(fd);
    return makeError(cudaErrorMapBufferObjectFailed,
                     absl::StrCat("opening the exporter's event ", path));
  }
  return std::shared_ptr<SharedEventState>(
      new SharedEventState(fd, static_cast<Counters *>(page)));
}

SharedEventState::~SharedEventState() {
  munmap(counters_, kPage);
  close(fd_);
}

IpcEventHandle SharedEventState::handle() const {
  IpcEventHandle h;
  std::memset(&h, 0, sizeof h);
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.pid = getpid();
  h.fd = fd_;
  return h;
}

uint64_t SharedEventState::issue() {
  return counters_->issued.fetch_add(1, std::memory_order_acq_rel) + 1;
}

void SharedEventState::complete(uint64_t record) {
  uint64_t seen = counters_->completed.load(std::memory_order_relaxed);
  while (seen < record &&
         !counters_->completed.compare_exchange_weak(
             seen, record, std::memory_order_release,
             std::memory_order_relaxed)) {
  }
}

uint64_t SharedEventState::issued() const {
  return counters_->issued.load(std::memory_order_acquire);
}

bool SharedEventState::reached(uint64_t record) const {
  return counters_->completed.load(std::memory_order_acquire) >= record;
}

void SharedEventState::waitFor(uint64_t record) const {
  // Another process completes it: nothing here to be woken by.
  while (!reached(record))
    std::this_thread::sleep_for(std::chrono::microseconds(20));
}

} // namespace lingqu::rt
