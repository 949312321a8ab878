//===- ErrorState.cpp - Per-thread last-error state -----------------------===//

#include "core/ErrorState.h"

#include <atomic>

using namespace lingqu::rt;

namespace {
// Plain thread_local of a trivial type: no constructor or destructor runs, so
// it is safe from registration constructors that run before main.
thread_local cudaError_t lastError = cudaSuccess;

// Process-wide sticky error; cudaSuccess until something sets it.
std::atomic<cudaError_t> stickyCode{cudaSuccess};
} // namespace

cudaError_t lingqu::rt::recordError(cudaError_t code) {
  if (code != cudaSuccess)
    lastError = code;
  return code;
}

void lingqu::rt::recordStickyError(cudaError_t code) {
  cudaError_t none = cudaSuccess;
  stickyCode.compare_exchange_strong(none, code);
}

void lingqu::rt::clearStickyError() { stickyCode.store(cudaSuccess); }

cudaError_t lingqu::rt::stickyError() {
  return stickyCode.load(std::memory_order_relaxed);
}

cudaError_t lingqu::rt::takeLastError() {
  cudaError_t sticky = stickyCode.load(std::memory_order_relaxed);
  if (sticky != cudaSuccess)
    return sticky;
  cudaError_t code = lastError;
  lastError = cudaSuccess;
  return code;
}

cudaError_t lingqu::rt::peekLastError() {
  cudaError_t sticky = stickyCode.load(std::memory_order_relaxed);
  return sticky != cudaSuccess ? sticky : lastError;
}
