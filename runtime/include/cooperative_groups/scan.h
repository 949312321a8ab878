/*===- cooperative_groups/scan.h - cg::inclusive/exclusive_scan -----------===*
 * Written for Lingqu. A Hillis-Steele scan over the tile's ranks.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_COOPERATIVE_GROUPS_SCAN_H
#define LINGQU_COOPERATIVE_GROUPS_SCAN_H

#include "reduce.h"

#if defined(__CUDA__)
namespace cooperative_groups {

template <typename Group, typename T, typename Op>
__device__ __inline__ T inclusive_scan(const Group &group, T value, Op op) {
  unsigned rank = (unsigned)group.thread_rank();
  for (unsigned offset = 1; offset < group.size(); offset *= 2) {
    T other = group.shfl_up(value, offset);
    if (rank >= offset)
      value = op(other, value);
  }
  return value;
}
template <typename Group, typename T>
__device__ __inline__ T inclusive_scan(const Group &group, T value) {
  return inclusive_scan(group, value, plus<T>());
}

/// Rank 0 receives T() (the identity of plus); rank r the scan of ranks < r.
template <typename Group, typename T, typename Op>
__device__ __inline__ T exclusive_scan(const Group &group, T value, Op op) {
  T inclusive = inclusive_scan(group, value, op);
  T shifted = group.shfl_up(inclusive, 1);
  return group.thread_rank() == 0 ? T() : shifted;
}
template <typename Group, typename T>
__device__ __inline__ T exclusive_scan(const Group &group, T value) {
  return exclusive_scan(group, value, plus<T>());
}

} // namespace cooperative_groups
#endif /* __CUDA__ */
#endif /* LINGQU_COOPERATIVE_GROUPS_SCAN_H */
