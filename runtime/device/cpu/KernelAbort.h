//===- KernelAbort.h - Ending a kernel from its device code ----*- C++ -*-===//
//
// assert() and __trap() stop the whole kernel, as on a GPU. Device code
// calls abortKernel(), which never returns: it hands the reason to the
// handler of the executor running the calling thread, which abandons the
// block (the collapsed form longjmps out of the block function; a fiber
// switches back to its scheduler for good) and fails the launch with it.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_DEVICE_CPU_KERNELABORT_H
#define LINGQU_RUNTIME_DEVICE_CPU_KERNELABORT_H

#include <cstdint>
#include <string>

#include "absl/status/status.h"

namespace lingqu::rt::cpu {

/// Where abortKernel() goes on this thread, while a block runs.
class AbortHandler {
public:
  virtual ~AbortHandler() = default;
  [[noreturn]] virtual void abort(absl::Status why) = 0;
};

/// Installs a handler for the current scope, restoring the previous one.
class ScopedAbortHandler {
public:
  explicit ScopedAbortHandler(AbortHandler *handler);
  ~ScopedAbortHandler();
  ScopedAbortHandler(const ScopedAbortHandler &) = delete;
  ScopedAbortHandler &operator=(const ScopedAbortHandler &) = delete;

private:
  AbortHandler *previous_;
};

/// Ends the kernel the calling thread runs a block of; the launch fails
/// with `why`. Outside a kernel (host code) it aborts the process.
[[noreturn]] void abortKernel(absl::Status why);

/// "kernel 'name' block (x,y,z)", the kernel's name demangled: how errors
/// of a running kernel begin.
std::string describeBlock(const char *kernelName, const uint32_t blockIdx[3]);

/// The status a launch fails with when block `blockIdx` aborted for `why`:
/// the same CUDA error, its message prefixed with describeBlock().
absl::Status abortedBlock(const absl::Status &why, const char *kernelName,
                          const uint32_t blockIdx[3]);

/// The status a block gets when another block's abort cancels it: the
/// launch keeps the first real reason.
inline bool isCancellation(const absl::Status &status) {
  return status.code() == absl::StatusCode::kCancelled;
}

} // namespace lingqu::rt::cpu

#endif // LINGQU_RUNTIME_DEVICE_CPU_KERNELABORT_H
