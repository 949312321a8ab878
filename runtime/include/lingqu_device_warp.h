/*===- lingqu_device_warp.h - CUDA warp-level intrinsics ------------------===*
 * Written for Lingqu. The 32-bit shuffles and the votes are Clang's NVVM
 * builtins, which lqcc raises to the simt dialect; everything else (64-bit
 * shuffles, __reduce_*_sync, __match_*_sync) is built from them here, with
 * CUDA's semantics for the lanes in `mask`.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_WARP_H
#define LINGQU_DEVICE_WARP_H

#if defined(__CUDA__)

#define LINGQU_WARP __device__ static __inline__ __attribute__((always_inline))

/* Clang's shuffle builtins take the segment as ((32 - width) << 8) | clamp. */
#define LINGQU_SHFL_C(width, clamp) ((((32 - (width)) << 8)) | (clamp))

#define LINGQU_SHFL_32(name, builtin, T, clamp)                                \
  LINGQU_WARP T name(unsigned mask, T var, int arg, int width = 32) {          \
    return (T)builtin##_i32(mask, (int)var, arg, LINGQU_SHFL_C(width, clamp)); \
  }
#define LINGQU_SHFL_F32(name, builtin, clamp)                                  \
  LINGQU_WARP float name(unsigned mask, float var, int arg, int width = 32) {  \
    return builtin##_f32(mask, var, arg, LINGQU_SHFL_C(width, clamp));         \
  }
/* 64-bit values travel as two 32-bit halves. */
#define LINGQU_SHFL_64(name, T)                                                \
  LINGQU_WARP T name(unsigned mask, T var, int arg, int width = 32) {          \
    unsigned long long bits;                                                   \
    __builtin_memcpy(&bits, &var, 8);                                          \
    unsigned lo = name(mask, (unsigned)bits, arg, width);                      \
    unsigned hi = name(mask, (unsigned)(bits >> 32), arg, width);              \
    bits = ((unsigned long long)hi << 32) | lo;                                \
    __builtin_memcpy(&var, &bits, 8);                                          \
    return var;                                                                \
  }

#define LINGQU_SHFL_FAMILY(name, builtin, clamp)                               \
  LINGQU_SHFL_32(name, builtin, int, clamp)                                    \
  LINGQU_SHFL_32(name, builtin, unsigned int, clamp)                           \
  LINGQU_SHFL_F32(name, builtin, clamp)                                        \
  LINGQU_SHFL_64(name, long long)                                              \
  LINGQU_SHFL_64(name, unsigned long long)                                     \
  LINGQU_SHFL_64(name, long)                                                   \
  LINGQU_SHFL_64(name, unsigned long)                                          \
  LINGQU_SHFL_64(name, double)

LINGQU_SHFL_FAMILY(__shfl_sync, __nvvm_shfl_sync_idx, 0x1f)
LINGQU_SHFL_FAMILY(__shfl_up_sync, __nvvm_shfl_sync_up, 0)
LINGQU_SHFL_FAMILY(__shfl_down_sync, __nvvm_shfl_sync_down, 0x1f)
LINGQU_SHFL_FAMILY(__shfl_xor_sync, __nvvm_shfl_sync_bfly, 0x1f)

LINGQU_WARP unsigned __ballot_sync(unsigned mask, int predicate) {
  return __nvvm_vote_ballot_sync(mask, predicate != 0);
}
LINGQU_WARP int __any_sync(unsigned mask, int predicate) {
  return __nvvm_vote_any_sync(mask, predicate != 0);
}
LINGQU_WARP int __all_sync(unsigned mask, int predicate) {
  return __nvvm_vote_all_sync(mask, predicate != 0);
}
LINGQU_WARP unsigned __activemask(void) { return __nvvm_activemask(); }
LINGQU_WARP void __syncwarp(unsigned mask = 0xffffffffu) {
  __nvvm_bar_warp_sync(mask);
}

/* Reductions over the lanes in `mask`: every lane reads every other. */
#define LINGQU_REDUCE(name, T, combine)                                        \
  LINGQU_WARP T name(unsigned mask, T value) {                                 \
    T result = value;                                                          \
    bool first = true;                                                         \
    for (int l = 0; l < 32; ++l) {                                             \
      T other = __shfl_sync(mask, value, l);                                   \
      if (mask & (1u << l)) {                                                  \
        result = first ? other : combine;                                      \
        first = false;                                                         \
      }                                                                        \
    }                                                                          \
    return result;                                                             \
  }
LINGQU_REDUCE(__reduce_add_sync, int, result + other)
LINGQU_REDUCE(__reduce_add_sync, unsigned, result + other)
LINGQU_REDUCE(__reduce_min_sync, int, other < result ? other : result)
LINGQU_REDUCE(__reduce_min_sync, unsigned, other < result ? other : result)
LINGQU_REDUCE(__reduce_max_sync, int, other > result ? other : result)
LINGQU_REDUCE(__reduce_max_sync, unsigned, other > result ? other : result)
LINGQU_REDUCE(__reduce_and_sync, unsigned, result & other)
LINGQU_REDUCE(__reduce_or_sync, unsigned, result | other)
LINGQU_REDUCE(__reduce_xor_sync, unsigned, result ^ other)

/* __match_any_sync: the lanes in mask holding the same value;
 * __match_all_sync: mask if all hold the same value (and *pred = 1). */
#define LINGQU_MATCH(T)                                                        \
  LINGQU_WARP unsigned __match_any_sync(unsigned mask, T value) {              \
    unsigned same = 0;                                                         \
    for (int l = 0; l < 32; ++l) {                                             \
      T other = __shfl_sync(mask, value, l);                                   \
      if ((mask & (1u << l)) && other == value)                                \
        same |= 1u << l;                                                       \
    }                                                                          \
    return same;                                                               \
  }                                                                            \
  LINGQU_WARP unsigned __match_all_sync(unsigned mask, T value, int *pred) {   \
    unsigned same = __match_any_sync(mask, value);                             \
    int all = __all_sync(mask, (same & mask) == mask);                         \
    *pred = all;                                                               \
    return all ? mask : 0u;                                                    \
  }
LINGQU_MATCH(int)
LINGQU_MATCH(unsigned int)
LINGQU_MATCH(long long)
LINGQU_MATCH(unsigned long long)
LINGQU_MATCH(long)
LINGQU_MATCH(unsigned long)
LINGQU_MATCH(float)
LINGQU_MATCH(double)

#undef LINGQU_MATCH
#undef LINGQU_REDUCE
#undef LINGQU_SHFL_FAMILY
#undef LINGQU_SHFL_64
#undef LINGQU_SHFL_F32
#undef LINGQU_SHFL_32
#undef LINGQU_SHFL_C
#undef LINGQU_WARP

#endif /* __CUDA__ */
#endif /* LINGQU_DEVICE_WARP_H */
