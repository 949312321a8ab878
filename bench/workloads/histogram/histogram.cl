// Histogram in OpenCL C: each 256-work-item group counts into its own
// local histogram with local atomics, a 32-bit word (four bytes) per
// work-item per grid-stride step, then adds its counts into the global
// histogram with one global atomic per bin.
#define BINS 256

__kernel void histogram(__global const uint *words, ulong count,
                        __global uint *hist) {
  __local uint local_hist[BINS];
  int lid = get_local_id(0), size = get_local_size(0);
  for (int b = lid; b < BINS; b += size)
    local_hist[b] = 0;
  barrier(CLK_LOCAL_MEM_FENCE);
  size_t stride = get_global_size(0);
  for (size_t i = get_global_id(0); i < count; i += stride) {
    uint w = words[i];
    atomic_inc(&local_hist[w & 0xff]);
    atomic_inc(&local_hist[(w >> 8) & 0xff]);
    atomic_inc(&local_hist[(w >> 16) & 0xff]);
    atomic_inc(&local_hist[w >> 24]);
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int b = lid; b < BINS; b += size)
    if (local_hist[b])
      atomic_add(&hist[b], local_hist[b]);
}
