/*===- vector_types.h - CUDA built-in vector types and dim3 ---------------===*
 * Written for Lingqu. Sizes and alignments are those CUDA documents, so that
 * host and device agree on the layout of every kernel argument.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_VECTOR_TYPES_H
#define LINGQU_VECTOR_TYPES_H

#include "lingqu_cuda_defines.h"

#define LINGQU_VEC1(name, T, al) struct __align__(al) name { T x; };
#define LINGQU_VEC2(name, T, al) struct __align__(al) name { T x, y; };
#define LINGQU_VEC3(name, T) struct name { T x, y, z; };
#define LINGQU_VEC4(name, T, al) struct __align__(al) name { T x, y, z, w; };
#define LINGQU_VEC_FAMILY(base, T, a1, a2, a4)                                 \
  LINGQU_VEC1(base##1, T, a1) LINGQU_VEC2(base##2, T, a2)                      \
  LINGQU_VEC3(base##3, T) LINGQU_VEC4(base##4, T, a4)                          \
  typedef struct base##1 base##1; typedef struct base##2 base##2;              \
  typedef struct base##3 base##3; typedef struct base##4 base##4;

LINGQU_VEC_FAMILY(char, signed char, 1, 2, 4)
LINGQU_VEC_FAMILY(uchar, unsigned char, 1, 2, 4)
LINGQU_VEC_FAMILY(short, short, 2, 4, 8)
LINGQU_VEC_FAMILY(ushort, unsigned short, 2, 4, 8)
LINGQU_VEC_FAMILY(int, int, 4, 8, 16)
LINGQU_VEC_FAMILY(uint, unsigned int, 4, 8, 16)
LINGQU_VEC_FAMILY(long, long, 8, 16, 16)
LINGQU_VEC_FAMILY(ulong, unsigned long, 8, 16, 16)
LINGQU_VEC_FAMILY(longlong, long long, 8, 16, 16)
LINGQU_VEC_FAMILY(ulonglong, unsigned long long, 8, 16, 16)
LINGQU_VEC_FAMILY(float, float, 4, 8, 16)
LINGQU_VEC_FAMILY(double, double, 8, 16, 16)

/* The layouts CUDA documents (a 3-vector has its element's alignment),
 * checked where they are declared. */
#ifdef __cplusplus
#define LINGQU_VEC_ASSERT(name, size, align)                                   \
  static_assert(sizeof(name) == (size) && alignof(name) == (align),            \
                #name " must have CUDA's size and alignment");
#else
#define LINGQU_VEC_ASSERT(name, size, align)                                   \
  _Static_assert(sizeof(name) == (size) && _Alignof(name) == (align),          \
                 #name " must have CUDA's size and alignment");
#endif
#define LINGQU_VEC_FAMILY_ASSERT(base, T, a1, a2, a4)                          \
  LINGQU_VEC_ASSERT(base##1, sizeof(T), a1)                                    \
  LINGQU_VEC_ASSERT(base##2, 2 * sizeof(T), a2)                                \
  LINGQU_VEC_ASSERT(base##3, 3 * sizeof(T), sizeof(T))                         \
  LINGQU_VEC_ASSERT(base##4, 4 * sizeof(T), a4)
LINGQU_VEC_FAMILY_ASSERT(char, signed char, 1, 2, 4)
LINGQU_VEC_FAMILY_ASSERT(uchar, unsigned char, 1, 2, 4)
LINGQU_VEC_FAMILY_ASSERT(short, short, 2, 4, 8)
LINGQU_VEC_FAMILY_ASSERT(ushort, unsigned short, 2, 4, 8)
LINGQU_VEC_FAMILY_ASSERT(int, int, 4, 8, 16)
LINGQU_VEC_FAMILY_ASSERT(uint, unsigned int, 4, 8, 16)
LINGQU_VEC_FAMILY_ASSERT(long, long, 8, 16, 16)
LINGQU_VEC_FAMILY_ASSERT(ulong, unsigned long, 8, 16, 16)
LINGQU_VEC_FAMILY_ASSERT(longlong, long long, 8, 16, 16)
LINGQU_VEC_FAMILY_ASSERT(ulonglong, unsigned long long, 8, 16, 16)
LINGQU_VEC_FAMILY_ASSERT(float, float, 4, 8, 16)
LINGQU_VEC_FAMILY_ASSERT(double, double, 8, 16, 16)
#undef LINGQU_VEC_ASSERT
#undef LINGQU_VEC_FAMILY_ASSERT

#undef LINGQU_VEC1
#undef LINGQU_VEC2
#undef LINGQU_VEC3
#undef LINGQU_VEC4
#undef LINGQU_VEC_FAMILY

struct dim3 {
  unsigned int x, y, z;
#ifdef __cplusplus
  __host__ __device__ constexpr dim3(unsigned int vx = 1, unsigned int vy = 1,
                                     unsigned int vz = 1)
      : x(vx), y(vy), z(vz) {}
  __host__ __device__ constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
  __host__ __device__ constexpr operator uint3() const { return uint3{x, y, z}; }
#endif
};
typedef struct dim3 dim3;

#endif /* LINGQU_VECTOR_TYPES_H */
