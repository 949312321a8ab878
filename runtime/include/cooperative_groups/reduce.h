/*===- cooperative_groups/reduce.h - cg::reduce over a tile ---------------===*
 * Written for Lingqu. A butterfly over the tile's lanes: every thread gets
 * the reduction of all values of its tile.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_COOPERATIVE_GROUPS_REDUCE_H
#define LINGQU_COOPERATIVE_GROUPS_REDUCE_H

#include "../cooperative_groups.h"

#if defined(__CUDA__)
namespace cooperative_groups {

#define LINGQU_CG_OP(name, expr)                                               \
  template <typename T> struct name {                                          \
    __device__ __inline__ T operator()(const T &a, const T &b) const {         \
      return expr;                                                             \
    }                                                                          \
  };
LINGQU_CG_OP(plus, a + b)
LINGQU_CG_OP(less, b < a ? b : a)
LINGQU_CG_OP(greater, b > a ? b : a)
LINGQU_CG_OP(bit_and, a & b)
LINGQU_CG_OP(bit_or, a | b)
LINGQU_CG_OP(bit_xor, a ^ b)
#undef LINGQU_CG_OP

template <typename Group, typename T, typename Op>
__device__ __inline__ T reduce(const Group &group, T value, Op op) {
  for (unsigned offset = (unsigned)group.size() / 2; offset > 0; offset /= 2)
    value = op(value, group.shfl_xor(value, offset));
  return value;
}

} // namespace cooperative_groups
#endif /* __CUDA__ */
#endif /* LINGQU_COOPERATIVE_GROUPS_REDUCE_H */
