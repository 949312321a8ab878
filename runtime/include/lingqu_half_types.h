/*===- lingqu_half_types.h - One 16-bit type: half or bfloat16 ------------===*
 * Written for Lingqu. Private to cuda_fp16.h and cuda_bf16.h, and included
 * once by each, with no include guard: __half and __nv_bfloat16 (and their
 * pairs) are the same class but for the format, and CUDA gives them the
 * same conversions under names that differ only in the type's name
 * (__float2half_rn, __float2bfloat16_rn), so both are written once here,
 * for the type the includer names:
 *   LINGQU_T                  the scalar type (the pair is LINGQU_T##2, the
 *                             raw types LINGQU_T##_raw and LINGQU_T##2_raw);
 *   LINGQU_T_NAME             the name in CUDA's function names: half or
 *                             bfloat16;
 *   LINGQU_T_EBITS, _MBITS    the exponent and fraction widths;
 *   LINGQU_T_BITS_TO_FLOAT    the function giving the float of the bits;
 *   LINGQU_T_OTHER            the other 16-bit type, which the type converts
 *                             from explicitly (cuda_bf16.h defines both
 *                             directions, once both types are complete);
 *   LINGQU_T_NO_CONVERSIONS, LINGQU_T_NO_OPERATORS, LINGQU_T2_NO_OPERATORS
 *                             defined where CUDA's __CUDA_NO_..._CONVERSIONS__
 *                             and _OPERATORS__ macros are.
 * It then includes lingqu_half_ops.h for the API both types share under
 * the same names, and #undefs all of these.
 *
 * A public function's name is spelled LINGQU_T_FN(prefix, suffix), or
 * LINGQU_T2_FN for a name built on the pair's: LINGQU_T_FN(__float2, _rn) is
 * __float2half_rn or __float2bfloat16_rn, LINGQU_T2_FN(make_, ) make_half2
 * or make_bfloat162.
 *===----------------------------------------------------------------------===*/

#define LINGQU_T2 LINGQU_H16_PASTE(LINGQU_T, 2, )
#define LINGQU_T_RAW LINGQU_H16_PASTE(LINGQU_T, _raw, )
#define LINGQU_T2_RAW LINGQU_H16_PASTE(LINGQU_T, 2_raw, )
#define LINGQU_H16_PASTE_(a, b, c) a##b##c
#define LINGQU_H16_PASTE(a, b, c) LINGQU_H16_PASTE_(a, b, c)
#define LINGQU_T_FN(prefix, suffix)                                            \
  LINGQU_H16_PASTE(prefix, LINGQU_T_NAME, suffix)
#define LINGQU_T2_FN(prefix, suffix)                                           \
  LINGQU_H16_PASTE(prefix, LINGQU_T_NAME, 2##suffix)

/* The bits of +infinity and of 1. */
#define LINGQU_T_INF (((1u << LINGQU_T_EBITS) - 1) << LINGQU_T_MBITS)
#define LINGQU_T_ONE (((1u << (LINGQU_T_EBITS - 1)) - 1) << LINGQU_T_MBITS)

/* Rounding to the format's bits: from a double (so any float too, exactly)
 * in `mode`, and from 64-bit integers directly (through double they would
 * be rounded twice) to nearest-even. */
#define LINGQU_T_ROUND_BITS(x, mode)                                           \
  __lingqu_h16_from_double<LINGQU_T_EBITS, LINGQU_T_MBITS>((double)(x), mode)
#define LINGQU_T_FROM_LL(x)                                                    \
  __lingqu_h16_from_ll<LINGQU_T_EBITS, LINGQU_T_MBITS>((x), __lingqu_h16_rn)
#define LINGQU_T_FROM_ULL(x)                                                   \
  __lingqu_h16_from_ull<LINGQU_T_EBITS, LINGQU_T_MBITS>((x), __lingqu_h16_rn)

struct __align__(2) LINGQU_T_RAW {
  unsigned short x;
};
struct __align__(4) LINGQU_T2_RAW {
  unsigned short x, y;
};

/*===--- The scalar type --------------------------------------------------===*/

/* A constructor from, and an assignment of, a built-in type: CUDA has no
 * assignment of long and unsigned long, only the constructor. */
#define LINGQU_H16_FROM_BUILTIN(T, to_bits)                                    \
  LINGQU_HALF_MEMBER LINGQU_T(const T v) : __x(to_bits(v)) {}
#define LINGQU_H16_ASSIGN_BUILTIN(T, to_bits)                                  \
  LINGQU_H16_FROM_BUILTIN(T, to_bits)                                          \
  LINGQU_HALF_MEMBER LINGQU_T &operator=(const T v) {                          \
    __x = to_bits(v);                                                          \
    return *this;                                                              \
  }
#define LINGQU_H16_ROUND_RN(v) LINGQU_T_ROUND_BITS(v, __lingqu_h16_rn)
/* To integers, as C converts: toward zero, saturating, NaN to 0. */
#define LINGQU_H16_TO_BUILTIN(T)                                               \
  LINGQU_HALF_MEMBER operator T() const {                                      \
    const float v = LINGQU_T_BITS_TO_FLOAT(__x);                               \
    return __lingqu_h16_to_integer<T>(v, __lingqu_h16_rz, (T)0);               \
  }

struct __align__(2) LINGQU_T {
protected:
  unsigned short __x;

public:
  /* Trivial, so that __shared__ arrays of the type are allowed. */
  LINGQU_T() = default;
  LINGQU_HALF_MEMBER constexpr LINGQU_T(const LINGQU_T_RAW &r) : __x(r.x) {}
  LINGQU_HALF_MEMBER LINGQU_T &operator=(const LINGQU_T_RAW &r) {
    __x = r.x;
    return *this;
  }
  LINGQU_HALF_MEMBER volatile LINGQU_T &
  operator=(const LINGQU_T_RAW &r) volatile {
    __x = r.x;
    return *this;
  }
  LINGQU_HALF_MEMBER volatile LINGQU_T &
  operator=(const volatile LINGQU_T_RAW &r) volatile {
    __x = r.x;
    return *this;
  }
  LINGQU_HALF_MEMBER operator LINGQU_T_RAW() const {
    LINGQU_T_RAW r;
    r.x = __x;
    return r;
  }
  LINGQU_HALF_MEMBER operator LINGQU_T_RAW() const volatile {
    LINGQU_T_RAW r;
    r.x = __x;
    return r;
  }

#if !defined(LINGQU_T_NO_CONVERSIONS)
  /* Exact in float, rounded once; defined in cuda_bf16.h. */
  explicit __host__ __device__ LINGQU_T(const LINGQU_T_OTHER f);
  /* From and to the built-in types: floating-point values round to
   * nearest-even; to integers, as C converts, toward zero (saturating, NaN
   * to 0). */
  LINGQU_H16_ASSIGN_BUILTIN(float, LINGQU_H16_ROUND_RN)
  LINGQU_H16_ASSIGN_BUILTIN(double, LINGQU_H16_ROUND_RN)
  LINGQU_H16_ASSIGN_BUILTIN(short, LINGQU_T_FROM_LL)
  LINGQU_H16_ASSIGN_BUILTIN(unsigned short, LINGQU_T_FROM_ULL)
  LINGQU_H16_ASSIGN_BUILTIN(int, LINGQU_T_FROM_LL)
  LINGQU_H16_ASSIGN_BUILTIN(unsigned int, LINGQU_T_FROM_ULL)
  LINGQU_H16_FROM_BUILTIN(long, LINGQU_T_FROM_LL)
  LINGQU_H16_FROM_BUILTIN(unsigned long, LINGQU_T_FROM_ULL)
  LINGQU_H16_ASSIGN_BUILTIN(long long, LINGQU_T_FROM_LL)
  LINGQU_H16_ASSIGN_BUILTIN(unsigned long long, LINGQU_T_FROM_ULL)

  LINGQU_HALF_MEMBER operator float() const {
    return LINGQU_T_BITS_TO_FLOAT(__x);
  }
  LINGQU_H16_TO_BUILTIN(signed char)
  LINGQU_H16_TO_BUILTIN(unsigned char)
  LINGQU_H16_TO_BUILTIN(char)
  LINGQU_H16_TO_BUILTIN(short)
  LINGQU_H16_TO_BUILTIN(unsigned short)
  LINGQU_H16_TO_BUILTIN(int)
  LINGQU_H16_TO_BUILTIN(unsigned int)
  LINGQU_H16_TO_BUILTIN(long)
  LINGQU_H16_TO_BUILTIN(unsigned long)
  LINGQU_H16_TO_BUILTIN(long long)
  LINGQU_H16_TO_BUILTIN(unsigned long long)
  /* Nonzero, NaN included. */
  LINGQU_HALF_MEMBER constexpr operator bool() const {
    return (__x & 0x7fffu) != 0;
  }
#endif /* LINGQU_T_NO_CONVERSIONS */
};
#undef LINGQU_H16_FROM_BUILTIN
#undef LINGQU_H16_ASSIGN_BUILTIN
#undef LINGQU_H16_ROUND_RN
#undef LINGQU_H16_TO_BUILTIN

/*===--- The pair ---------------------------------------------------------===*/

struct __align__(4) LINGQU_T2 {
  LINGQU_T x, y;

  LINGQU_T2() = default;
  LINGQU_HALF_MEMBER constexpr LINGQU_T2(const LINGQU_T &a, const LINGQU_T &b)
      : x(a), y(b) {}
  LINGQU_HALF_MEMBER LINGQU_T2(const LINGQU_T2_RAW &r) {
    LINGQU_T_RAW lo, hi;
    lo.x = r.x;
    hi.x = r.y;
    x = lo;
    y = hi;
  }
  LINGQU_HALF_MEMBER LINGQU_T2 &operator=(const LINGQU_T2_RAW &r) {
    return *this = LINGQU_T2(r);
  }
  LINGQU_HALF_MEMBER operator LINGQU_T2_RAW() const {
    LINGQU_T2_RAW r;
    r.x = static_cast<LINGQU_T_RAW>(x).x;
    r.y = static_cast<LINGQU_T_RAW>(y).x;
    return r;
  }
};

static_assert(sizeof(LINGQU_T) == 2 && alignof(LINGQU_T) == 2,
              "layout of the 16-bit type");
static_assert(sizeof(LINGQU_T2) == 4 && alignof(LINGQU_T2) == 4,
              "layout of the 16-bit pair");
static_assert(sizeof(LINGQU_T_RAW) == 2 && sizeof(LINGQU_T2_RAW) == 4,
              "raw layouts");

/* The bits and value of a LINGQU_T, and a LINGQU_T from bits (the pointer,
 * null, picks the type). */
LINGQU_HALF unsigned short __lingqu_h16_bits(const LINGQU_T h) {
  return static_cast<LINGQU_T_RAW>(h).x;
}
LINGQU_HALF float __lingqu_h16_float(const LINGQU_T h) {
  return LINGQU_T_BITS_TO_FLOAT(__lingqu_h16_bits(h));
}
LINGQU_HALF LINGQU_T __lingqu_h16_make(const unsigned short bits,
                                       const LINGQU_T *) {
  LINGQU_T_RAW r;
  r.x = bits;
  return LINGQU_T(r);
}
#define LINGQU_T_MAKE(bits)                                                    \
  __lingqu_h16_make((unsigned short)(bits), (const LINGQU_T *)0)
/* A double rounded to nearest-even. */
#define LINGQU_T_ROUND(x) LINGQU_T_MAKE(LINGQU_T_ROUND_BITS(x, __lingqu_h16_rn))

/*===--- Conversions ------------------------------------------------------===*/

/* From float, in each rounding mode. */
#define LINGQU_H16_FROM_FLOAT(suffix, mode)                                    \
  LINGQU_HALF LINGQU_T LINGQU_T_FN(__float2, suffix)(const float a) {          \
    return LINGQU_T_MAKE(LINGQU_T_ROUND_BITS(a, mode));                        \
  }
LINGQU_H16_FROM_FLOAT(, __lingqu_h16_rn)
LINGQU_H16_FROM_FLOAT(_rn, __lingqu_h16_rn)
LINGQU_H16_FROM_FLOAT(_rz, __lingqu_h16_rz)
LINGQU_H16_FROM_FLOAT(_ru, __lingqu_h16_ru)
LINGQU_H16_FROM_FLOAT(_rd, __lingqu_h16_rd)
#undef LINGQU_H16_FROM_FLOAT
/* Directly from double: through float it would be rounded twice. */
LINGQU_HALF LINGQU_T LINGQU_T_FN(__double2, )(const double a) {
  return LINGQU_T_ROUND(a);
}
LINGQU_HALF float LINGQU_T_FN(__, 2float)(const LINGQU_T a) {
  return __lingqu_h16_float(a);
}

LINGQU_HALF LINGQU_T2 LINGQU_T2_FN(__float2, _rn)(const float a) {
  const LINGQU_T h = LINGQU_T_FN(__float2, _rn)(a);
  return LINGQU_T2(h, h);
}
LINGQU_HALF LINGQU_T2 LINGQU_T2_FN(__floats2, _rn)(const float a,
                                                    const float b) {
  return LINGQU_T2(LINGQU_T_FN(__float2, _rn)(a),
                   LINGQU_T_FN(__float2, _rn)(b));
}
LINGQU_HALF LINGQU_T2 LINGQU_T2_FN(__float22, _rn)(const float2 a) {
  return LINGQU_T2(LINGQU_T_FN(__float2, _rn)(a.x),
                   LINGQU_T_FN(__float2, _rn)(a.y));
}
LINGQU_HALF float2 LINGQU_T2_FN(__, 2float2)(const LINGQU_T2 a) {
  float2 r;
  r.x = __lingqu_h16_float(a.x);
  r.y = __lingqu_h16_float(a.y);
  return r;
}

/* Integers to the type, in each rounding mode: __int2half_rn, ... */
#define LINGQU_H16_FROM_INTEGER_IN(prefix, I, helper, suffix, mode)            \
  LINGQU_HALF LINGQU_T LINGQU_T_FN(prefix, suffix)(const I i) {                \
    const unsigned short bits =                                                \
        helper<LINGQU_T_EBITS, LINGQU_T_MBITS>(i, mode);                       \
    return LINGQU_T_MAKE(bits);                                                \
  }
#define LINGQU_H16_FROM_INTEGER(prefix, I, helper)                             \
  LINGQU_H16_FROM_INTEGER_IN(prefix, I, helper, _rn, __lingqu_h16_rn)          \
  LINGQU_H16_FROM_INTEGER_IN(prefix, I, helper, _rz, __lingqu_h16_rz)          \
  LINGQU_H16_FROM_INTEGER_IN(prefix, I, helper, _ru, __lingqu_h16_ru)          \
  LINGQU_H16_FROM_INTEGER_IN(prefix, I, helper, _rd, __lingqu_h16_rd)
LINGQU_H16_FROM_INTEGER(__int2, int, __lingqu_h16_from_ll)
LINGQU_H16_FROM_INTEGER(__uint2, unsigned int, __lingqu_h16_from_ull)
LINGQU_H16_FROM_INTEGER(__short2, short, __lingqu_h16_from_ll)
LINGQU_H16_FROM_INTEGER(__ushort2, unsigned short, __lingqu_h16_from_ull)
LINGQU_H16_FROM_INTEGER(__ll2, long long, __lingqu_h16_from_ll)
LINGQU_H16_FROM_INTEGER(__ull2, unsigned long long, __lingqu_h16_from_ull)
#undef LINGQU_H16_FROM_INTEGER_IN
#undef LINGQU_H16_FROM_INTEGER

/* The type to integers, in each rounding mode, saturating: __half2int_rn,
 * ...; NaN gives 0, or 0x8000000000000000 for the 64-bit types. */
#define LINGQU_H16_TO_INTEGER_IN(suffix, I, nan, mode)                         \
  LINGQU_HALF I LINGQU_T_FN(__, suffix)(const LINGQU_T h) {                    \
    const float v = __lingqu_h16_float(h);                                     \
    return __lingqu_h16_to_integer<I>(v, mode, nan);                           \
  }
#define LINGQU_H16_TO_INTEGER(name, I, nan)                                    \
  LINGQU_H16_TO_INTEGER_IN(2##name##_rn, I, nan, __lingqu_h16_rn)              \
  LINGQU_H16_TO_INTEGER_IN(2##name##_rz, I, nan, __lingqu_h16_rz)              \
  LINGQU_H16_TO_INTEGER_IN(2##name##_ru, I, nan, __lingqu_h16_ru)              \
  LINGQU_H16_TO_INTEGER_IN(2##name##_rd, I, nan, __lingqu_h16_rd)
LINGQU_H16_TO_INTEGER(int, int, 0)
LINGQU_H16_TO_INTEGER(uint, unsigned int, 0u)
LINGQU_H16_TO_INTEGER(short, short, (short)0)
LINGQU_H16_TO_INTEGER(ushort, unsigned short, (unsigned short)0)
LINGQU_H16_TO_INTEGER(ll, long long, (long long)(1ull << 63))
LINGQU_H16_TO_INTEGER(ull, unsigned long long, 1ull << 63)
/* The 8-bit ones, toward zero only. */
LINGQU_H16_TO_INTEGER_IN(2char_rz, signed char, (signed char)0,
                         __lingqu_h16_rz)
LINGQU_H16_TO_INTEGER_IN(2uchar_rz, unsigned char, (unsigned char)0,
                         __lingqu_h16_rz)
#undef LINGQU_H16_TO_INTEGER_IN
#undef LINGQU_H16_TO_INTEGER

/* Reinterpretation. */
LINGQU_HALF short LINGQU_T_FN(__, _as_short)(const LINGQU_T h) {
  return (short)__lingqu_h16_bits(h);
}
LINGQU_HALF unsigned short LINGQU_T_FN(__, _as_ushort)(const LINGQU_T h) {
  return __lingqu_h16_bits(h);
}
LINGQU_HALF LINGQU_T LINGQU_T_FN(__short_as_, )(const short i) {
  return LINGQU_T_MAKE(i);
}
LINGQU_HALF LINGQU_T LINGQU_T_FN(__ushort_as_, )(const unsigned short i) {
  return LINGQU_T_MAKE(i);
}

/* Pairs: low is .x, high is .y. */
LINGQU_HALF LINGQU_T2 LINGQU_T2_FN(make_, )(const LINGQU_T x,
                                             const LINGQU_T y) {
  return LINGQU_T2(x, y);
}
LINGQU_HALF LINGQU_T2 LINGQU_T2_FN(__halves2, )(const LINGQU_T a,
                                                 const LINGQU_T b) {
  return LINGQU_T2(a, b);
}
/* __half2half2, __bfloat162bfloat162 */
LINGQU_HALF LINGQU_T2 LINGQU_T2_FN(LINGQU_T_FN(__, 2), )(const LINGQU_T a) {
  return LINGQU_T2(a, a);
}
LINGQU_HALF LINGQU_T LINGQU_T_FN(__low2, )(const LINGQU_T2 a) { return a.x; }
LINGQU_HALF LINGQU_T LINGQU_T_FN(__high2, )(const LINGQU_T2 a) { return a.y; }
LINGQU_HALF LINGQU_T2 LINGQU_T2_FN(__low2, )(const LINGQU_T2 a) {
  return LINGQU_T2(a.x, a.x);
}
LINGQU_HALF LINGQU_T2 LINGQU_T2_FN(__high2, )(const LINGQU_T2 a) {
  return LINGQU_T2(a.y, a.y);
}
LINGQU_HALF LINGQU_T2 LINGQU_T2_FN(__lows2, )(const LINGQU_T2 a,
                                               const LINGQU_T2 b) {
  return LINGQU_T2(a.x, b.x);
}
LINGQU_HALF LINGQU_T2 LINGQU_T2_FN(__highs2, )(const LINGQU_T2 a,
                                                const LINGQU_T2 b) {
  return LINGQU_T2(a.y, b.y);
}

/*===--- The API the two types share under the same names -----------------===*/

#include "lingqu_half_ops.h"

#undef LINGQU_T
#undef LINGQU_T_NAME
#undef LINGQU_T_EBITS
#undef LINGQU_T_MBITS
#undef LINGQU_T_BITS_TO_FLOAT
#undef LINGQU_T_OTHER
#undef LINGQU_T_NO_CONVERSIONS
#undef LINGQU_T_NO_OPERATORS
#undef LINGQU_T2_NO_OPERATORS
#undef LINGQU_T2
#undef LINGQU_T_RAW
#undef LINGQU_T2_RAW
#undef LINGQU_H16_PASTE_
#undef LINGQU_H16_PASTE
#undef LINGQU_T_FN
#undef LINGQU_T2_FN
#undef LINGQU_T_INF
#undef LINGQU_T_ONE
#undef LINGQU_T_ROUND_BITS
#undef LINGQU_T_FROM_LL
#undef LINGQU_T_FROM_ULL
#undef LINGQU_T_MAKE
#undef LINGQU_T_ROUND
