/*===- lingqu_device_sync.h - Block-wide voting barriers ------------------===*
 * Written for Lingqu. __syncthreads_count/_and/_or are a barrier that also
 * reduces a predicate over the block. They are built from what every target
 * lowers already: a __shared__ counter, block-scope atomics and barriers.
 * The last barrier lets the next call reset the counter safely.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DEVICE_SYNC_H
#define LINGQU_DEVICE_SYNC_H

#if defined(__CUDA__)

__device__ static __inline__ __attribute__((always_inline)) int
__lingqu_syncthreads_count(int predicate) {
  __shared__ int count;
  __syncthreads();
  if (threadIdx.x == 0 && threadIdx.y == 0 && threadIdx.z == 0)
    count = 0;
  __syncthreads();
  if (predicate)
    atomicAdd_block(&count, 1);
  __syncthreads();
  int result = count;
  __syncthreads();
  return result;
}

__device__ static __inline__ int __syncthreads_count(int predicate) {
  return __lingqu_syncthreads_count(predicate);
}
__device__ static __inline__ int __syncthreads_and(int predicate) {
  return __lingqu_syncthreads_count(!predicate) == 0;
}
__device__ static __inline__ int __syncthreads_or(int predicate) {
  return __lingqu_syncthreads_count(predicate) != 0;
}

#endif /* __CUDA__ */
#endif /* LINGQU_DEVICE_SYNC_H */
