/*===- lingqu_device_atomics.h - CUDA atomic functions --------------------===*
 * Written for Lingqu. CUDA's atomics are relaxed read-modify-write operations
 * on global or shared memory; here they are Clang's __atomic builtins, which
 * every Lingqu target lowers to its native atomics. The _block and _system
 * scopes are at least as strong as the default device scope on a CPU, so
 * they share one implementation.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_ATOMICS_H
#define LINGQU_DEVICE_ATOMICS_H

#if defined(__CUDA__)

#define LINGQU_ATOMIC __device__ static __inline__ __attribute__((always_inline))

/* One function in its three scopes. */
#define LINGQU_SCOPED(ret, name, params, body)                                 \
  LINGQU_ATOMIC ret name params body                                           \
  LINGQU_ATOMIC ret name##_block params body                                   \
  LINGQU_ATOMIC ret name##_system params body

#define LINGQU_FETCH_OP(name, builtin, T)                                      \
  LINGQU_SCOPED(T, name, (T * address, T val),                                 \
                { return builtin(address, val, __ATOMIC_RELAXED); })

LINGQU_FETCH_OP(atomicAdd, __atomic_fetch_add, int)
LINGQU_FETCH_OP(atomicAdd, __atomic_fetch_add, unsigned int)
LINGQU_FETCH_OP(atomicAdd, __atomic_fetch_add, unsigned long long int)
LINGQU_FETCH_OP(atomicAdd, __atomic_fetch_add, float)
LINGQU_FETCH_OP(atomicAdd, __atomic_fetch_add, double)
LINGQU_FETCH_OP(atomicSub, __atomic_fetch_sub, int)
LINGQU_FETCH_OP(atomicSub, __atomic_fetch_sub, unsigned int)
LINGQU_FETCH_OP(atomicMin, __atomic_fetch_min, int)
LINGQU_FETCH_OP(atomicMin, __atomic_fetch_min, unsigned int)
LINGQU_FETCH_OP(atomicMin, __atomic_fetch_min, long long int)
LINGQU_FETCH_OP(atomicMin, __atomic_fetch_min, unsigned long long int)
LINGQU_FETCH_OP(atomicMax, __atomic_fetch_max, int)
LINGQU_FETCH_OP(atomicMax, __atomic_fetch_max, unsigned int)
LINGQU_FETCH_OP(atomicMax, __atomic_fetch_max, long long int)
LINGQU_FETCH_OP(atomicMax, __atomic_fetch_max, unsigned long long int)
LINGQU_FETCH_OP(atomicAnd, __atomic_fetch_and, int)
LINGQU_FETCH_OP(atomicAnd, __atomic_fetch_and, unsigned int)
LINGQU_FETCH_OP(atomicAnd, __atomic_fetch_and, unsigned long long int)
LINGQU_FETCH_OP(atomicOr, __atomic_fetch_or, int)
LINGQU_FETCH_OP(atomicOr, __atomic_fetch_or, unsigned int)
LINGQU_FETCH_OP(atomicOr, __atomic_fetch_or, unsigned long long int)
LINGQU_FETCH_OP(atomicXor, __atomic_fetch_xor, int)
LINGQU_FETCH_OP(atomicXor, __atomic_fetch_xor, unsigned int)
LINGQU_FETCH_OP(atomicXor, __atomic_fetch_xor, unsigned long long int)

#define LINGQU_EXCH(T)                                                         \
  LINGQU_SCOPED(T, atomicExch, (T * address, T val), {                         \
    T old;                                                                     \
    __atomic_exchange(address, &val, &old, __ATOMIC_RELAXED);                  \
    return old;                                                                \
  })
LINGQU_EXCH(int)
LINGQU_EXCH(unsigned int)
LINGQU_EXCH(unsigned long long int)
LINGQU_EXCH(float)

/* atomicCAS returns the old value whether or not it stored. */
#define LINGQU_CAS(T)                                                          \
  LINGQU_SCOPED(T, atomicCAS, (T * address, T compare, T val), {               \
    __atomic_compare_exchange_n(address, &compare, val, false,                 \
                                __ATOMIC_RELAXED, __ATOMIC_RELAXED);           \
    return compare;                                                            \
  })
LINGQU_CAS(int)
LINGQU_CAS(unsigned int)
LINGQU_CAS(unsigned long long int)
LINGQU_CAS(unsigned short int)

/* atomicInc: old >= val ? 0 : old + 1; atomicDec: (old == 0 || old > val) ?
 * val : old - 1. Both wrap in a compare-and-swap loop. */
LINGQU_SCOPED(unsigned int, atomicInc, (unsigned int *address, unsigned int val), {
  unsigned int old = __atomic_load_n(address, __ATOMIC_RELAXED);
  while (!__atomic_compare_exchange_n(address, &old, old >= val ? 0u : old + 1u,
                                      true, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
  }
  return old;
})
LINGQU_SCOPED(unsigned int, atomicDec, (unsigned int *address, unsigned int val), {
  unsigned int old = __atomic_load_n(address, __ATOMIC_RELAXED);
  while (!__atomic_compare_exchange_n(address, &old,
                                      (old == 0u || old > val) ? val : old - 1u,
                                      true, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
  }
  return old;
})

/* Memory fences: a CPU needs the strongest one for every scope. */
__device__ static __inline__ void __threadfence(void) {
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
}
__device__ static __inline__ void __threadfence_block(void) {
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
}
__device__ static __inline__ void __threadfence_system(void) {
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

#undef LINGQU_EXCH
#undef LINGQU_CAS
#undef LINGQU_FETCH_OP
#undef LINGQU_SCOPED
#undef LINGQU_ATOMIC

#endif /* __CUDA__ */
#endif /* LINGQU_DEVICE_ATOMICS_H */
