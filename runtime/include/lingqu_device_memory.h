/*===- lingqu_device_memory.h - Cache-hinted loads and stores, clocks -----===*
 * Written for Lingqu.
 *
 * __ldg, __ldcg, __ldca, __ldcs, __ldlu, __ldcv and __stwb, __stcg, __stcs,
 * __stwt load or store through a GPU's read-only path or with a hint for
 * its caches. A CPU's caches are coherent and run by the hardware, with no
 * per-access level to choose, and the hints never change what a program
 * computes, so each is a plain load or store of its type, for every type
 * CUDA overloads them for (the __half ones come with cuda_fp16.h). The one
 * exception is __ldcv ("fetch again, the cached line may be stale"): it is
 * a volatile load, so that a loop polling memory another thread writes
 * reads it on every turn, as on a GPU, instead of once. Streaming hints
 * are not turned into non-temporal accesses: those are weakly ordered on
 * x86, and __threadfence would not order them.
 *
 * clock64() and clock() read the time-stamp counter on x86 (a constant-rate
 * counter, synchronised across cores, so it never goes back when a CUDA
 * thread moves to another core); elsewhere they count nanoseconds of
 * CLOCK_MONOTONIC. Either way the value rises monotonically, like a GPU's
 * cycle counter; its rate is not the GPU's clock rate. clock() is CUDA's
 * __device__ clock_t clock(), an overload of the host's <time.h> clock()
 * that device code calls.
 *
 * __nanosleep(ns) yields the CPU until ns nanoseconds (at most about 1 ms,
 * as on a GPU) have passed, so that a spinning thread lets the others run.
 * A thread that waits this way for another thread of its own block still
 * waits forever on the fiber executor: it yields the CPU, not its fiber.
 *
 * __prof_trigger(counter) has no profiler counters to increment: it does
 * nothing.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_MEMORY_H
#define LINGQU_DEVICE_MEMORY_H

#if defined(__CUDA__) && defined(__cplusplus)

#include <ctime>
#include <time.h>

#define LINGQU_MEM static __device__ __inline__ __attribute__((always_inline))

/*===--- Loads and stores with cache hints ---------------------------------===*/

#define LINGQU_LOAD(name, T)                                                   \
  LINGQU_MEM T name(const T *ptr) { return *ptr; }
#define LINGQU_STORE(name, T)                                                  \
  LINGQU_MEM void name(T *ptr, T value) { *ptr = value; }
/* A volatile load of a scalar, and of a vector type member by member. */
#define LINGQU_VOLATILE(p) (*(const volatile __typeof__(*(p)) *)(p))
#define LINGQU_LOAD_VOLATILE(name, T)                                          \
  LINGQU_MEM T name(const T *ptr) { return LINGQU_VOLATILE(ptr); }
#define LINGQU_LOAD_VOLATILE2(name, T)                                         \
  LINGQU_MEM T name(const T *ptr) {                                            \
    T v;                                                                       \
    v.x = LINGQU_VOLATILE(&ptr->x);                                            \
    v.y = LINGQU_VOLATILE(&ptr->y);                                            \
    return v;                                                                  \
  }
#define LINGQU_LOAD_VOLATILE4(name, T)                                         \
  LINGQU_MEM T name(const T *ptr) {                                            \
    T v;                                                                       \
    v.x = LINGQU_VOLATILE(&ptr->x);                                            \
    v.y = LINGQU_VOLATILE(&ptr->y);                                            \
    v.z = LINGQU_VOLATILE(&ptr->z);                                            \
    v.w = LINGQU_VOLATILE(&ptr->w);                                            \
    return v;                                                                  \
  }

/* The types CUDA overloads each of them for: scalars, 2-vectors, 4-vectors. */
#define LINGQU_HINT_SCALARS(X, name)                                           \
  X(name, char) X(name, signed char) X(name, short) X(name, int)               \
  X(name, long) X(name, long long) X(name, unsigned char)                      \
  X(name, unsigned short) X(name, unsigned int) X(name, unsigned long)         \
  X(name, unsigned long long) X(name, float) X(name, double)
#define LINGQU_HINT_VECTORS2(X, name)                                          \
  X(name, char2) X(name, short2) X(name, int2) X(name, longlong2)              \
  X(name, uchar2) X(name, ushort2) X(name, uint2) X(name, ulonglong2)          \
  X(name, float2) X(name, double2)
#define LINGQU_HINT_VECTORS4(X, name)                                          \
  X(name, char4) X(name, short4) X(name, int4) X(name, uchar4)                 \
  X(name, ushort4) X(name, uint4) X(name, float4)
#define LINGQU_HINT_ALL(X, name)                                               \
  LINGQU_HINT_SCALARS(X, name)                                                 \
  LINGQU_HINT_VECTORS2(X, name) LINGQU_HINT_VECTORS4(X, name)

LINGQU_HINT_ALL(LINGQU_LOAD, __ldg)  /* the read-only data cache */
LINGQU_HINT_ALL(LINGQU_LOAD, __ldcg) /* cache in L2, not L1 */
LINGQU_HINT_ALL(LINGQU_LOAD, __ldca) /* cache at all levels */
LINGQU_HINT_ALL(LINGQU_LOAD, __ldcs) /* streaming: likely read once */
LINGQU_HINT_ALL(LINGQU_LOAD, __ldlu) /* last use */
LINGQU_HINT_SCALARS(LINGQU_LOAD_VOLATILE, __ldcv) /* fetch again */
LINGQU_HINT_VECTORS2(LINGQU_LOAD_VOLATILE2, __ldcv)
LINGQU_HINT_VECTORS4(LINGQU_LOAD_VOLATILE4, __ldcv)
LINGQU_HINT_ALL(LINGQU_STORE, __stwb) /* write back */
LINGQU_HINT_ALL(LINGQU_STORE, __stcg) /* cache in L2, not L1 */
LINGQU_HINT_ALL(LINGQU_STORE, __stcs) /* streaming: likely written once */
LINGQU_HINT_ALL(LINGQU_STORE, __stwt) /* write through */

#undef LINGQU_HINT_ALL
#undef LINGQU_HINT_VECTORS4
#undef LINGQU_HINT_VECTORS2
#undef LINGQU_HINT_SCALARS
#undef LINGQU_LOAD_VOLATILE4
#undef LINGQU_LOAD_VOLATILE2
#undef LINGQU_LOAD_VOLATILE
#undef LINGQU_VOLATILE
#undef LINGQU_STORE
#undef LINGQU_LOAD

/*===--- Clocks and sleeping -----------------------------------------------===*/

/* The C library's, for device code. */
extern "C" __device__ int __lingqu_clock_gettime(clockid_t, struct timespec *)
    __asm__("clock_gettime");
extern "C" __device__ int __lingqu_sched_yield(void) __asm__("sched_yield");

LINGQU_MEM long long __lingqu_monotonic_ns(void) {
  struct timespec t;
  __lingqu_clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000ll + t.tv_nsec;
}

LINGQU_MEM long long clock64(void) {
#if defined(__x86_64__) || defined(__i386__)
  return (long long)__builtin_readcyclecounter();
#else
  /* Elsewhere the cycle counter may not be readable from user space. */
  return __lingqu_monotonic_ns();
#endif
}
LINGQU_MEM clock_t clock(void) { return (clock_t)clock64(); }

LINGQU_MEM void __nanosleep(unsigned int ns) {
  if (ns > 1000000u) /* CUDA's longest sleep is about 1 ms */
    ns = 1000000u;
  long long until = __lingqu_monotonic_ns() + ns;
  do
    __lingqu_sched_yield();
  while (__lingqu_monotonic_ns() < until);
}

LINGQU_MEM void __prof_trigger(int counter) { (void)counter; }

/* std::clock names the device overload too, as ::clock does. */
namespace std {
using ::clock;
} // namespace std

#undef LINGQU_MEM
#endif /* __CUDA__ && __cplusplus */

#endif /* LINGQU_DEVICE_MEMORY_H */
