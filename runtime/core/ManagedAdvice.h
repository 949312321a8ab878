//===- ManagedAdvice.h - cudaMemAdvise records and range queries -*- C++ -*-===//
//
// Advice does not change where managed memory lives on the CPU device (it is
// always the host's), but programs read it back with cudaMemRangeGetAttribute,
// so each allocation keeps the advice and prefetches given for its ranges in
// order. A query replays them over every piece of the queried range and
// reports a value only where all pieces agree, as CUDA does per page.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_MANAGEDADVICE_H
#define LINGQU_RUNTIME_CORE_MANAGEDADVICE_H

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/status.h"

namespace lingqu::rt {

/// One cudaMemAdvise (advice 1..6) or prefetch (kPrefetch) over [begin, end).
struct Advice {
  static constexpr int kPrefetch = 0;
  uintptr_t begin = 0, end = 0;
  int advice = 0;
  int device = 0; ///< cudaCpuDeviceId (-1) for the host
};

/// cudaMemRangeGetAttribute over [begin, end) given the allocation's records:
/// cudaErrorInvalidValue for an unknown attribute or a dataSize it does not
/// take (4 bytes, or a positive multiple of 4 for AccessedBy).
absl::Status rangeAttribute(const std::vector<Advice> &records,
                            uintptr_t begin, uintptr_t end, int attribute,
                            void *data, size_t dataSize);

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_MANAGEDADVICE_H
