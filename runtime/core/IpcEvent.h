//===- IpcEvent.h - Event state shared between processes --------*- C++ -*-===//
//
// An event made with cudaEventInterprocess keeps two counters in a memfd
// page: how many records were issued and how many have run. Any process
// that opened the event's handle maps the same page, so a record in one
// process and a wait in another meet there.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_IPCEVENT_H
#define LINGQU_RUNTIME_CORE_IPCEVENT_H

#include <atomic>
#include <cstdint>
#include <memory>

#include "absl/status/statusor.h"

namespace lingqu::rt {

/// The 64 bytes of a cudaIpcEventHandle_t as Lingqu fills them.
struct IpcEventHandle {
  char magic[8];
  int32_t pid = 0;
  int32_t fd = -1;
};

class SharedEventState {
public:
  /// A fresh page (cudaEventCreate with cudaEventInterprocess).
  static absl::StatusOr<std::shared_ptr<SharedEventState>> create();
  /// Another process's page: cudaErrorDeviceUninitialized for one of this
  /// process, cudaErrorInvalidResourceHandle for what is not a handle,
  /// cudaErrorMapBufferObjectFailed when the exporter is gone.
  static absl::StatusOr<std::shared_ptr<SharedEventState>>
  open(const IpcEventHandle &handle);
  ~SharedEventState();

  IpcEventHandle handle() const;
  /// A record is issued: its number, which complete() marks done.
  uint64_t issue();
  void complete(uint64_t record);
  /// The latest record issued (0 if none).
  uint64_t issued() const;
  bool reached(uint64_t record) const;
  /// Returns once `record` has completed, in whichever process.
  void waitFor(uint64_t record) const;

private:
  struct Counters {
    std::atomic<uint64_t> issued{0};
    std::atomic<uint64_t> completed{0};
  };
  SharedEventState(int fd, Counters *counters) : fd_(fd), counters_(counters) {}
  const int fd_;
  Counters *const counters_;
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_IPCEVENT_H
