/*===- lingqu_device_minmax.h - CUDA's min and max overloads ---------------===*
 * Written for Lingqu. CUDA declares min and max for every integer and
 * floating-point type, callable from host and device code alike (nvcc's
 * math_functions.hpp), with the integer forms also under C names (umin,
 * llmin, ullmin, ...). Mixed signed and unsigned arguments compare as
 * unsigned, as CUDA's overloads do; mixed float and double as double.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_MINMAX_H
#define LINGQU_DEVICE_MINMAX_H

#if defined(__CUDA__) && defined(__cplusplus)

#define LINGQU_MINMAX static __host__ __device__ __inline__

#define LINGQU_MINMAX_PAIR(T, U, R)                                            \
  LINGQU_MINMAX R min(T a, U b) { return (R)a < (R)b ? (R)a : (R)b; }          \
  LINGQU_MINMAX R max(T a, U b) { return (R)a > (R)b ? (R)a : (R)b; }

LINGQU_MINMAX_PAIR(int, int, int)
LINGQU_MINMAX_PAIR(unsigned, unsigned, unsigned)
LINGQU_MINMAX_PAIR(int, unsigned, unsigned)
LINGQU_MINMAX_PAIR(unsigned, int, unsigned)
LINGQU_MINMAX_PAIR(long, long, long)
LINGQU_MINMAX_PAIR(unsigned long, unsigned long, unsigned long)
LINGQU_MINMAX_PAIR(long, unsigned long, unsigned long)
LINGQU_MINMAX_PAIR(unsigned long, long, unsigned long)
LINGQU_MINMAX_PAIR(long long, long long, long long)
LINGQU_MINMAX_PAIR(unsigned long long, unsigned long long, unsigned long long)
LINGQU_MINMAX_PAIR(long long, unsigned long long, unsigned long long)
LINGQU_MINMAX_PAIR(unsigned long long, long long, unsigned long long)
#undef LINGQU_MINMAX_PAIR

/* Floating point: fmin/fmax semantics (a NaN argument gives the other). */
LINGQU_MINMAX float min(float a, float b) { return __builtin_fminf(a, b); }
LINGQU_MINMAX float max(float a, float b) { return __builtin_fmaxf(a, b); }
LINGQU_MINMAX double min(double a, double b) { return __builtin_fmin(a, b); }
LINGQU_MINMAX double max(double a, double b) { return __builtin_fmax(a, b); }
LINGQU_MINMAX double min(float a, double b) { return __builtin_fmin(a, b); }
LINGQU_MINMAX double max(float a, double b) { return __builtin_fmax(a, b); }
LINGQU_MINMAX double min(double a, float b) { return __builtin_fmin(a, b); }
LINGQU_MINMAX double max(double a, float b) { return __builtin_fmax(a, b); }

/* The C names of the integer forms. */
LINGQU_MINMAX unsigned umin(unsigned a, unsigned b) { return min(a, b); }
LINGQU_MINMAX unsigned umax(unsigned a, unsigned b) { return max(a, b); }
LINGQU_MINMAX long long llmin(long long a, long long b) { return min(a, b); }
LINGQU_MINMAX long long llmax(long long a, long long b) { return max(a, b); }
LINGQU_MINMAX unsigned long long ullmin(unsigned long long a,
                                        unsigned long long b) {
  return min(a, b);
}
LINGQU_MINMAX unsigned long long ullmax(unsigned long long a,
                                        unsigned long long b) {
  return max(a, b);
}

#undef LINGQU_MINMAX
#endif /* __CUDA__ && __cplusplus */

#endif /* LINGQU_DEVICE_MINMAX_H */
