/*===- vector_functions.h - make_<vector> constructors --------------------===*
 * Written for Lingqu.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_VECTOR_FUNCTIONS_H
#define LINGQU_VECTOR_FUNCTIONS_H

#include "vector_types.h"

#define LINGQU_MAKE_FAMILY(base, T)                                            \
  static __inline__ __host__ __device__ base##1 make_##base##1(T x) {          \
    base##1 r; r.x = x; return r;                                              \
  }                                                                            \
  static __inline__ __host__ __device__ base##2 make_##base##2(T x, T y) {     \
    base##2 r; r.x = x; r.y = y; return r;                                     \
  }                                                                            \
  static __inline__ __host__ __device__ base##3 make_##base##3(T x, T y,       \
                                                               T z) {          \
    base##3 r; r.x = x; r.y = y; r.z = z; return r;                            \
  }                                                                            \
  static __inline__ __host__ __device__ base##4 make_##base##4(T x, T y, T z,  \
                                                               T w) {          \
    base##4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;                   \
  }

LINGQU_MAKE_FAMILY(char, signed char)
LINGQU_MAKE_FAMILY(uchar, unsigned char)
LINGQU_MAKE_FAMILY(short, short)
LINGQU_MAKE_FAMILY(ushort, unsigned short)
LINGQU_MAKE_FAMILY(int, int)
LINGQU_MAKE_FAMILY(uint, unsigned int)
LINGQU_MAKE_FAMILY(long, long)
LINGQU_MAKE_FAMILY(ulong, unsigned long)
LINGQU_MAKE_FAMILY(longlong, long long)
LINGQU_MAKE_FAMILY(ulonglong, unsigned long long)
LINGQU_MAKE_FAMILY(float, float)
LINGQU_MAKE_FAMILY(double, double)

#undef LINGQU_MAKE_FAMILY

#endif /* LINGQU_VECTOR_FUNCTIONS_H */
