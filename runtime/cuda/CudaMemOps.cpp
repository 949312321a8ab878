//===- CudaMemOps.cpp - Stream memory operations --------------------------===//
//
// cuStreamWaitValue* blocks its stream until a word of memory meets a
// condition; cuStreamWriteValue* stores a word when the stream gets there.
// Both run on the stream's worker, with acquire loads and release stores,
// so a wait observes writes from the host, other streams and kernels.
//
//===----------------------------------------------------------------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <type_traits>
#include <vector>

#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cuda::runtime;

namespace {
template <typename T> bool satisfied(T current, T value, unsigned flags) {
  switch (flags & ~unsigned(CU_STREAM_WAIT_VALUE_FLUSH)) {
  case CU_STREAM_WAIT_VALUE_GEQ:
    // CUDA compares (int32_t)(current - value) >= 0: wrap-around safe.
    return static_cast<std::make_signed_t<T>>(current - value) >= 0;
  case CU_STREAM_WAIT_VALUE_EQ:
    return current == value;
  case CU_STREAM_WAIT_VALUE_AND:
    return (current & value) != 0;
  default: // CU_STREAM_WAIT_VALUE_NOR
    return ~(current | value) != 0;
  }
}

// The words are plain memory the host and kernels also use: GCC's atomic
// builtins give them acquire/release order without std::atomic storage.
template <typename T> void waitFor(T *address, T value, unsigned flags) {
  for (unsigned spins = 0;
       !satisfied(__atomic_load_n(address, __ATOMIC_ACQUIRE), value, flags);
       ++spins) {
    if (spins < 1000)
      std::this_thread::yield();
    else
      std::this_thread::sleep_for(std::chrono::microseconds(20));
  }
}

template <typename T> void writeValue(T *address, T value, unsigned flags) {
  if (flags & CU_STREAM_WRITE_VALUE_NO_MEMORY_BARRIER)
    __atomic_store_n(address, value, __ATOMIC_RELAXED);
  else
    __atomic_store_n(address, value, __ATOMIC_RELEASE);
}

/// The word at `addr`: CUDA-known memory, aligned to its size.
template <typename T> absl::StatusOr<T *> wordAt(CUdeviceptr addr) {
  auto *p = reinterpret_cast<T *>(uintptr_t(addr));
  if (uintptr_t(addr) % sizeof(T) != 0)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "a stream memory operation on a misaligned "
                               "address");
  if (absl::Status s = runtime().memory().checkRange(p, sizeof(T)); !s.ok())
    return s;
  return p;
}

template <typename T>
absl::Status enqueueWait(CUstream stream, CUdeviceptr addr, T value,
                         unsigned flags) {
  LINGQU_CURRENT(c);
  absl::StatusOr<T *> word = wordAt<T>(addr);
  if (!word.ok())
    return word.status();
  return rt::enqueueOn(runtime(), stream,
                       [p = *word, value, flags] { waitFor(p, value, flags); });
}

template <typename T>
absl::Status enqueueWrite(CUstream stream, CUdeviceptr addr, T value,
                          unsigned flags) {
  LINGQU_CURRENT(c);
  absl::StatusOr<T *> word = wordAt<T>(addr);
  if (!word.ok())
    return word.status();
  return rt::enqueueOn(runtime(), stream, [p = *word, value, flags] {
    writeValue(p, value, flags);
  });
}
} // namespace

absl::Status cuda::impl::cuStreamWaitValue32(CUstream stream, CUdeviceptr addr,
                                             cuuint32_t value,
                                             unsigned int flags) {
  return enqueueWait<cuuint32_t>(stream, addr, value, flags);
}

absl::Status cuda::impl::cuStreamWaitValue64(CUstream stream, CUdeviceptr addr,
                                             cuuint64_t value,
                                             unsigned int flags) {
  return enqueueWait<cuuint64_t>(stream, addr, value, flags);
}

absl::Status cuda::impl::cuStreamWriteValue32(CUstream stream,
                                              CUdeviceptr addr,
                                              cuuint32_t value,
                                              unsigned int flags) {
  return enqueueWrite<cuuint32_t>(stream, addr, value, flags);
}

absl::Status cuda::impl::cuStreamWriteValue64(CUstream stream,
                                              CUdeviceptr addr,
                                              cuuint64_t value,
                                              unsigned int flags) {
  return enqueueWrite<cuuint64_t>(stream, addr, value, flags);
}

absl::Status cuda::impl::cuStreamBatchMemOp(CUstream stream,
                                            unsigned int count,
                                            CUstreamBatchMemOpParams *paramArray,
                                            unsigned int flags) {
  LINGQU_CURRENT(c);
  // Checked as a whole first, so that a bad entry enqueues nothing.
  for (unsigned i = 0; i < count; ++i) {
    const CUstreamBatchMemOpParams &op = paramArray[i];
    absl::Status s;
    switch (op.operation) {
    case CU_STREAM_MEM_OP_WAIT_VALUE_32:
      s = wordAt<cuuint32_t>(op.waitValue.address).status();
      break;
    case CU_STREAM_MEM_OP_WAIT_VALUE_64:
      s = wordAt<cuuint64_t>(op.waitValue.address).status();
      break;
    case CU_STREAM_MEM_OP_WRITE_VALUE_32:
      s = wordAt<cuuint32_t>(op.writeValue.address).status();
      break;
    case CU_STREAM_MEM_OP_WRITE_VALUE_64:
      s = wordAt<cuuint64_t>(op.writeValue.address).status();
      break;
    case CU_STREAM_MEM_OP_FLUSH_REMOTE_WRITES:
    case CU_STREAM_MEM_OP_BARRIER:
      break;
    default:
      s = rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                              "not a CUstreamBatchMemOpType");
    }
    if (!s.ok())
      return s;
  }
  std::vector<CUstreamBatchMemOpParams> ops(paramArray, paramArray + count);
  return rt::enqueueOn(runtime(), stream, [ops = std::move(ops)] {
    for (const CUstreamBatchMemOpParams &op : ops) {
      auto *p32 = reinterpret_cast<cuuint32_t *>(uintptr_t(op.waitValue.address));
      auto *p64 = reinterpret_cast<cuuint64_t *>(uintptr_t(op.waitValue.address));
      switch (op.operation) {
      case CU_STREAM_MEM_OP_WAIT_VALUE_32:
        waitFor(p32, op.waitValue.value, op.waitValue.flags);
        break;
      case CU_STREAM_MEM_OP_WAIT_VALUE_64:
        waitFor(p64, op.waitValue.value64, op.waitValue.flags);
        break;
      case CU_STREAM_MEM_OP_WRITE_VALUE_32:
        writeValue(p32, op.writeValue.value, op.writeValue.flags);
        break;
      case CU_STREAM_MEM_OP_WRITE_VALUE_64:
        writeValue(p64, op.writeValue.value64, op.writeValue.flags);
        break;
      default: // flushes and barriers: a full fence
        std::atomic_thread_fence(std::memory_order_seq_cst);
        break;
      }
    }
  });
}
