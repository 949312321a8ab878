//===- ErrorState.h - Per-thread last-error state ---------------*- C++ -*-===//
//
// CUDA keeps one "last error" per host thread: every failing call records
// its code, cudaGetLastError returns it and resets it to cudaSuccess,
// cudaPeekAtLastError returns it without resetting. Successful calls leave
// it alone.
//
// Sticky errors (a faulting kernel corrupts the context; every later call
// fails with the same code until the process ends) are process-wide and
// never reset. A kernel that fails while running (the fiber executor's
// barrier checks) records one; the readers below consult it first.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_ERRORSTATE_H
#define LINGQU_RUNTIME_CORE_ERRORSTATE_H

#include "core/CudaTypes.h"

namespace lingqu::rt {

/// Records `code` as this thread's last error unless it is cudaSuccess;
/// returns `code` so a caller can `return recordError(...)`.
cudaError_t recordError(cudaError_t code);

/// Makes `code` the process's sticky error (the first one wins).
void recordStickyError(cudaError_t code);
/// cudaDeviceReset: the context is usable again.
void clearStickyError();
/// The sticky error, cudaSuccess if none.
cudaError_t stickyError();
/// cudaGetLastError: the last error (or the sticky one), then reset.
cudaError_t takeLastError();

/// cudaPeekAtLastError: the last error (or the sticky one), no reset.
cudaError_t peekLastError();

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_ERRORSTATE_H
