/*===- lingqu_device_assert.h - assert() and __trap() in device code ------===*
 * Written for Lingqu. glibc's assert() calls __assert_fail; device code
 * gets its own overload, which passes the failing thread's coordinates to
 * the runtime for CUDA's message ("file:line: function: block: [..],
 * thread: [..] Assertion `expr` failed.") and ends the kernel with
 * cudaErrorAssert. __trap() ends it with cudaErrorLaunchFailure.
 *
 * Neither call returns, but neither is declared noreturn: the branch around
 * it then stays structured, so such a kernel still collapses its threads
 * into loops instead of running them on fibers.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_ASSERT_H
#define LINGQU_DEVICE_ASSERT_H

#if defined(__CUDA__)

extern "C" {
__device__ void __lingqu_assert_fail(const char *assertion, const char *file,
                                     unsigned line, const char *function,
                                     unsigned bx, unsigned by, unsigned bz,
                                     unsigned tx, unsigned ty, unsigned tz);

__device__ void __lingqu_trap(unsigned tx, unsigned ty, unsigned tz);

__device__ static __inline__ void __assert_fail(const char *assertion,
                                                const char *file,
                                                unsigned line,
                                                const char *function) {
  __lingqu_assert_fail(assertion, file, line, function, blockIdx.x, blockIdx.y,
                       blockIdx.z, threadIdx.x, threadIdx.y, threadIdx.z);
}
}

__device__ static __inline__ void __trap(void) {
  __lingqu_trap(threadIdx.x, threadIdx.y, threadIdx.z);
}

#endif /* __CUDA__ */
#endif /* LINGQU_DEVICE_ASSERT_H */
