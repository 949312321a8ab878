/*===- lingqu_device_simd.h - CUDA's SIMD intrinsics ----------------------===*
 * Written for Lingqu. The SIMD ("video") intrinsics treat a 32-bit word as
 * two 16-bit lanes (the ...2 forms) or four 8-bit lanes (the ...4 forms),
 * signed (s) or unsigned (u); ss and us saturate instead of wrapping. Each
 * is written here lane by lane in plain integer code: a CPU has no such
 * instructions for one word, and code in this form unrolls and vectorises
 * across the threads of a thread loop.
 *
 * Per lane, as CUDA documents them: __vcmp* give all ones where the
 * comparison holds, __vset* give 1; __vavgu rounds up, __vavgs rounds
 * halves away from zero, __vhaddu truncates; __vabsdiff* give |a - b|
 * (which fits the unsigned lane); __vsad* give the sum over the lanes of
 * |a - b|, as a plain unsigned int. The CUDA 12 three-operand forms
 * (__vimax3, __viaddmax, __vibmax, ...) are __host__ __device__, as in
 * CUDA; their sums a + b wrap around in the lane's width.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_SIMD_H
#define LINGQU_DEVICE_SIMD_H

#if defined(__CUDA__) && defined(__cplusplus)

#define LINGQU_SIMD static __device__ __inline__ __attribute__((always_inline))
#define LINGQU_SIMD_HD                                                         \
  static __host__ __device__ __inline__ __attribute__((always_inline))

/* Lane i of x, `w` bits wide: unsigned, and sign-extended. */
#define LINGQU_LANE_U(x, i, w) (((x) >> ((i) * (w))) & ((1u << (w)) - 1))
#define LINGQU_LANE_S(x, i, w)                                                 \
  ((int)(LINGQU_LANE_U(x, i, w) << (32 - (w))) >> (32 - (w)))

/* A function of two packed words, lane by lane: `expr` sees the lanes as
 * sa, sb (signed), ua, ub (unsigned) and the lane's bounds. */
#define LINGQU_SIMD_2(name, w, expr)                                           \
  LINGQU_SIMD unsigned name(unsigned a, unsigned b) {                          \
    const int smax = (1 << ((w) - 1)) - 1, smin = -smax - 1;                   \
    const unsigned umax = (1u << (w)) - 1;                                     \
    unsigned r = 0;                                                            \
    for (int i = 0; i < 32 / (w); ++i) {                                       \
      int sa = LINGQU_LANE_S(a, i, w), sb = LINGQU_LANE_S(b, i, w);            \
      unsigned ua = LINGQU_LANE_U(a, i, w), ub = LINGQU_LANE_U(b, i, w);       \
      (void)sa, (void)sb, (void)ua, (void)ub, (void)smax, (void)smin;          \
      r |= ((unsigned)(expr) & umax) << (i * (w));                             \
    }                                                                          \
    return r;                                                                  \
  }
#define LINGQU_SIMD_1(name, w, expr)                                           \
  LINGQU_SIMD unsigned name(unsigned a) {                                      \
    const int smax = (1 << ((w) - 1)) - 1, smin = -smax - 1;                   \
    const unsigned umax = (1u << (w)) - 1;                                     \
    unsigned r = 0;                                                            \
    for (int i = 0; i < 32 / (w); ++i) {                                       \
      int sa = LINGQU_LANE_S(a, i, w);                                         \
      (void)smax, (void)smin;                                                  \
      r |= ((unsigned)(expr) & umax) << (i * (w));                             \
    }                                                                          \
    return r;                                                                  \
  }
/* Both lane widths at once. */
#define LINGQU_SIMD_2_BOTH(name, expr)                                         \
  LINGQU_SIMD_2(name##2, 16, expr) LINGQU_SIMD_2(name##4, 8, expr)
#define LINGQU_SIMD_1_BOTH(name, expr)                                         \
  LINGQU_SIMD_1(name##2, 16, expr) LINGQU_SIMD_1(name##4, 8, expr)

#define LINGQU_CLAMP(x) ((x) > smax ? smax : ((x) < smin ? smin : (x)))

/* Arithmetic. */
LINGQU_SIMD_2_BOTH(__vadd, ua + ub)
LINGQU_SIMD_2_BOTH(__vsub, ua - ub)
LINGQU_SIMD_2_BOTH(__vaddss, LINGQU_CLAMP(sa + sb))
LINGQU_SIMD_2_BOTH(__vsubss, LINGQU_CLAMP(sa - sb))
LINGQU_SIMD_2_BOTH(__vaddus, ua + ub > umax ? umax : ua + ub)
LINGQU_SIMD_2_BOTH(__vsubus, ua > ub ? ua - ub : 0u)
/* The shift of a negative sum rounds down: halves go away from zero. */
LINGQU_SIMD_2_BOTH(__vavgs, (sa + sb + (sa + sb >= 0)) >> 1)
LINGQU_SIMD_2_BOTH(__vavgu, (ua + ub + 1) >> 1)
LINGQU_SIMD_2_BOTH(__vhaddu, (ua + ub) >> 1)
LINGQU_SIMD_2_BOTH(__vabsdiffs, sa > sb ? sa - sb : sb - sa)
LINGQU_SIMD_2_BOTH(__vabsdiffu, ua > ub ? ua - ub : ub - ua)
LINGQU_SIMD_2_BOTH(__vmaxs, sa > sb ? sa : sb)
LINGQU_SIMD_2_BOTH(__vmaxu, ua > ub ? ua : ub)
LINGQU_SIMD_2_BOTH(__vmins, sa < sb ? sa : sb)
LINGQU_SIMD_2_BOTH(__vminu, ua < ub ? ua : ub)
/* One operand: the plain forms wrap (the most negative lane stays). */
LINGQU_SIMD_1_BOTH(__vabs, sa < 0 ? -sa : sa)
LINGQU_SIMD_1_BOTH(__vabsss, sa == smin ? smax : (sa < 0 ? -sa : sa))
LINGQU_SIMD_1_BOTH(__vneg, -sa)
LINGQU_SIMD_1_BOTH(__vnegss, sa == smin ? smax : -sa)

/* Comparisons: a mask of all ones per true lane (__vcmp), or 1 (__vset). */
#define LINGQU_SIMD_COMPARE(suffix, cond)                                      \
  LINGQU_SIMD_2_BOTH(__vcmp##suffix, (cond) ? umax : 0u)                       \
  LINGQU_SIMD_2_BOTH(__vset##suffix, (cond) ? 1u : 0u)
LINGQU_SIMD_COMPARE(eq, ua == ub)
LINGQU_SIMD_COMPARE(ne, ua != ub)
LINGQU_SIMD_COMPARE(ges, sa >= sb)
LINGQU_SIMD_COMPARE(geu, ua >= ub)
LINGQU_SIMD_COMPARE(gts, sa > sb)
LINGQU_SIMD_COMPARE(gtu, ua > ub)
LINGQU_SIMD_COMPARE(les, sa <= sb)
LINGQU_SIMD_COMPARE(leu, ua <= ub)
LINGQU_SIMD_COMPARE(lts, sa < sb)
LINGQU_SIMD_COMPARE(ltu, ua < ub)
#undef LINGQU_SIMD_COMPARE

/* Sums of absolute differences: one number, not packed lanes. */
#define LINGQU_SIMD_SAD(name, w, diff)                                         \
  LINGQU_SIMD unsigned name(unsigned a, unsigned b) {                          \
    unsigned sum = 0;                                                          \
    for (int i = 0; i < 32 / (w); ++i) {                                       \
      int sa = LINGQU_LANE_S(a, i, w), sb = LINGQU_LANE_S(b, i, w);            \
      unsigned ua = LINGQU_LANE_U(a, i, w), ub = LINGQU_LANE_U(b, i, w);       \
      (void)sa, (void)sb, (void)ua, (void)ub;                                  \
      sum += (unsigned)(diff);                                                 \
    }                                                                          \
    return sum;                                                                \
  }
LINGQU_SIMD_SAD(__vsads2, 16, sa > sb ? sa - sb : sb - sa)
LINGQU_SIMD_SAD(__vsads4, 8, sa > sb ? sa - sb : sb - sa)
LINGQU_SIMD_SAD(__vsadu2, 16, ua > ub ? ua - ub : ub - ua)
LINGQU_SIMD_SAD(__vsadu4, 8, ua > ub ? ua - ub : ub - ua)
#undef LINGQU_SIMD_SAD

/*===--- CUDA 12: three operands, relu, and max/min with a predicate -------===*/

LINGQU_SIMD_HD int __lingqu_simd_max(int a, int b) { return a > b ? a : b; }
LINGQU_SIMD_HD int __lingqu_simd_min(int a, int b) { return a < b ? a : b; }
LINGQU_SIMD_HD unsigned __lingqu_simd_umax(unsigned a, unsigned b) {
  return a > b ? a : b;
}
LINGQU_SIMD_HD unsigned __lingqu_simd_umin(unsigned a, unsigned b) {
  return a < b ? a : b;
}
/* a + b with the wrap-around of the hardware's adder. */
LINGQU_SIMD_HD int __lingqu_simd_wrap_add(int a, int b) {
  return (int)((unsigned)a + (unsigned)b);
}
/* The halfwords of a word, and a word of two halfwords. */
LINGQU_SIMD_HD int __lingqu_simd_hs(unsigned x, int i) {
  return (int)(short)(unsigned short)(x >> (16 * i));
}
LINGQU_SIMD_HD unsigned __lingqu_simd_hu(unsigned x, int i) {
  return (x >> (16 * i)) & 0xffffu;
}
LINGQU_SIMD_HD unsigned __lingqu_simd_pack(int hi, int lo) {
  return ((unsigned)hi << 16) | ((unsigned)lo & 0xffffu);
}
/* A signed 16x2 function from its per-halfword expression in a, b, c. */
#define LINGQU_S16X2(name, expr)                                               \
  LINGQU_SIMD_HD unsigned name(const unsigned x, const unsigned y,             \
                               const unsigned z) {                             \
    int r[2];                                                                  \
    for (int i = 0; i < 2; ++i) {                                              \
      int a = __lingqu_simd_hs(x, i), b = __lingqu_simd_hs(y, i), c = __lingqu_simd_hs(z, i); \
      (void)c;                                                                 \
      r[i] = (expr);                                                           \
    }                                                                          \
    return __lingqu_simd_pack(r[1], r[0]);                                          \
  }
#define LINGQU_U16X2(name, expr)                                               \
  LINGQU_SIMD_HD unsigned name(const unsigned x, const unsigned y,             \
                               const unsigned z) {                             \
    unsigned r[2];                                                             \
    for (int i = 0; i < 2; ++i) {                                              \
      unsigned a = __lingqu_simd_hu(x, i), b = __lingqu_simd_hu(y, i),                   \
               c = __lingqu_simd_hu(z, i);                                          \
      (void)c;                                                                 \
      r[i] = (expr);                                                           \
    }                                                                          \
    return __lingqu_simd_pack((int)r[1], (int)r[0]);                                \
  }
/* Sums in a 16-bit lane wrap to 16 bits before they are compared. */
#define LINGQU_ADD16S(a, b) ((int)(short)(unsigned short)((a) + (b)))
#define LINGQU_ADD16U(a, b) (((a) + (b)) & 0xffffu)

/* max(max(a, b), c) and min(min(a, b), c); _relu also takes the max with 0. */
LINGQU_SIMD_HD int __vimax3_s32(const int a, const int b, const int c) {
  return __lingqu_simd_max(__lingqu_simd_max(a, b), c);
}
LINGQU_SIMD_HD int __vimax3_s32_relu(const int a, const int b, const int c) {
  return __lingqu_simd_max(__vimax3_s32(a, b, c), 0);
}
LINGQU_SIMD_HD unsigned __vimax3_u32(const unsigned a, const unsigned b,
                                     const unsigned c) {
  return __lingqu_simd_umax(__lingqu_simd_umax(a, b), c);
}
LINGQU_SIMD_HD int __vimin3_s32(const int a, const int b, const int c) {
  return __lingqu_simd_min(__lingqu_simd_min(a, b), c);
}
LINGQU_SIMD_HD int __vimin3_s32_relu(const int a, const int b, const int c) {
  return __lingqu_simd_max(__vimin3_s32(a, b, c), 0);
}
LINGQU_SIMD_HD unsigned __vimin3_u32(const unsigned a, const unsigned b,
                                     const unsigned c) {
  return __lingqu_simd_umin(__lingqu_simd_umin(a, b), c);
}
LINGQU_S16X2(__vimax3_s16x2, __lingqu_simd_max(__lingqu_simd_max(a, b), c))
LINGQU_S16X2(__vimax3_s16x2_relu,
             __lingqu_simd_max(__lingqu_simd_max(__lingqu_simd_max(a, b), c), 0))
LINGQU_U16X2(__vimax3_u16x2, __lingqu_simd_umax(__lingqu_simd_umax(a, b), c))
LINGQU_S16X2(__vimin3_s16x2, __lingqu_simd_min(__lingqu_simd_min(a, b), c))
LINGQU_S16X2(__vimin3_s16x2_relu,
             __lingqu_simd_max(__lingqu_simd_min(__lingqu_simd_min(a, b), c), 0))
LINGQU_U16X2(__vimin3_u16x2, __lingqu_simd_umin(__lingqu_simd_umin(a, b), c))

/* max(max(a, b), 0) and max(min(a, b), 0). */
LINGQU_SIMD_HD int __vimax_s32_relu(const int a, const int b) {
  return __lingqu_simd_max(__lingqu_simd_max(a, b), 0);
}
LINGQU_SIMD_HD int __vimin_s32_relu(const int a, const int b) {
  return __lingqu_simd_max(__lingqu_simd_min(a, b), 0);
}
LINGQU_SIMD_HD unsigned __vimax_s16x2_relu(const unsigned a,
                                           const unsigned b) {
  return __vimax3_s16x2_relu(a, b, b);
}
LINGQU_SIMD_HD unsigned __vimin_s16x2_relu(const unsigned a,
                                           const unsigned b) {
  return __vimin3_s16x2_relu(a, b, b);
}

/* max(a + b, c) and min(a + b, c); _relu also takes the max with 0. */
LINGQU_SIMD_HD int __viaddmax_s32(const int a, const int b, const int c) {
  return __lingqu_simd_max(__lingqu_simd_wrap_add(a, b), c);
}
LINGQU_SIMD_HD int __viaddmax_s32_relu(const int a, const int b, const int c) {
  return __lingqu_simd_max(__viaddmax_s32(a, b, c), 0);
}
LINGQU_SIMD_HD unsigned __viaddmax_u32(const unsigned a, const unsigned b,
                                       const unsigned c) {
  return __lingqu_simd_umax(a + b, c);
}
LINGQU_SIMD_HD int __viaddmin_s32(const int a, const int b, const int c) {
  return __lingqu_simd_min(__lingqu_simd_wrap_add(a, b), c);
}
LINGQU_SIMD_HD int __viaddmin_s32_relu(const int a, const int b, const int c) {
  return __lingqu_simd_max(__viaddmin_s32(a, b, c), 0);
}
LINGQU_SIMD_HD unsigned __viaddmin_u32(const unsigned a, const unsigned b,
                                       const unsigned c) {
  return __lingqu_simd_umin(a + b, c);
}
LINGQU_S16X2(__viaddmax_s16x2, __lingqu_simd_max(LINGQU_ADD16S(a, b), c))
LINGQU_S16X2(__viaddmax_s16x2_relu,
             __lingqu_simd_max(__lingqu_simd_max(LINGQU_ADD16S(a, b), c), 0))
LINGQU_U16X2(__viaddmax_u16x2, __lingqu_simd_umax(LINGQU_ADD16U(a, b), c))
LINGQU_S16X2(__viaddmin_s16x2, __lingqu_simd_min(LINGQU_ADD16S(a, b), c))
LINGQU_S16X2(__viaddmin_s16x2_relu,
             __lingqu_simd_max(__lingqu_simd_min(LINGQU_ADD16S(a, b), c), 0))
LINGQU_U16X2(__viaddmin_u16x2, __lingqu_simd_umin(LINGQU_ADD16U(a, b), c))

/* max(a, b) (min(a, b)), and whether a >= b (a <= b), per lane. */
LINGQU_SIMD_HD int __vibmax_s32(const int a, const int b, bool *const pred) {
  *pred = a >= b;
  return __lingqu_simd_max(a, b);
}
LINGQU_SIMD_HD unsigned __vibmax_u32(const unsigned a, const unsigned b,
                                     bool *const pred) {
  *pred = a >= b;
  return __lingqu_simd_umax(a, b);
}
LINGQU_SIMD_HD int __vibmin_s32(const int a, const int b, bool *const pred) {
  *pred = a <= b;
  return __lingqu_simd_min(a, b);
}
LINGQU_SIMD_HD unsigned __vibmin_u32(const unsigned a, const unsigned b,
                                     bool *const pred) {
  *pred = a <= b;
  return __lingqu_simd_umin(a, b);
}
#define LINGQU_IB16X2(name, lane, pick, test)                                  \
  LINGQU_SIMD_HD unsigned name(const unsigned a, const unsigned b,             \
                               bool *const pred_hi, bool *const pred_lo) {     \
    *pred_hi = lane(a, 1) test lane(b, 1);                                     \
    *pred_lo = lane(a, 0) test lane(b, 0);                                     \
    return __lingqu_simd_pack((int)pick(lane(a, 1), lane(b, 1)),                    \
                         (int)pick(lane(a, 0), lane(b, 0)));                   \
  }
LINGQU_IB16X2(__vibmax_s16x2, __lingqu_simd_hs, __lingqu_simd_max, >=)
LINGQU_IB16X2(__vibmax_u16x2, __lingqu_simd_hu, __lingqu_simd_umax, >=)
LINGQU_IB16X2(__vibmin_s16x2, __lingqu_simd_hs, __lingqu_simd_min, <=)
LINGQU_IB16X2(__vibmin_u16x2, __lingqu_simd_hu, __lingqu_simd_umin, <=)
#undef LINGQU_IB16X2

#undef LINGQU_ADD16S
#undef LINGQU_ADD16U
#undef LINGQU_S16X2
#undef LINGQU_U16X2
#undef LINGQU_CLAMP
#undef LINGQU_SIMD_1_BOTH
#undef LINGQU_SIMD_2_BOTH
#undef LINGQU_SIMD_1
#undef LINGQU_SIMD_2
#undef LINGQU_LANE_S
#undef LINGQU_LANE_U
#undef LINGQU_SIMD_HD
#undef LINGQU_SIMD
#endif /* __CUDA__ && __cplusplus */

#endif /* LINGQU_DEVICE_SIMD_H */
