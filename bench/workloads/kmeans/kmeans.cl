// K-means in OpenCL C: in assignAndSum a work-item per point finds its
// nearest centroid and adds the point into its work-group's sums in local
// memory (OpenCL 1.2 has no float atomics: a compare-and-swap loop on the
// bits), then the group writes its partials; update adds the partials up,
// a work-item a coordinate.
#define DIMS 8
#define CLUSTERS 16

inline void addLocal(volatile __local float *p, float v) {
  union {
    unsigned int u;
    float f;
  } seen, want;
  do {
    seen.f = *p;
    want.f = seen.f + v;
  } while (atomic_cmpxchg((volatile __local unsigned int *)p, seen.u,
                          want.u) != seen.u);
}

__kernel void assignAndSum(__global const float *x, int n,
                           __global const float *centroids,
                           __global int *assign, __global float *partialSums,
                           __global int *partialCounts) {
  __local float c[CLUSTERS * DIMS];
  __local float sums[CLUSTERS * DIMS];
  __local int counts[CLUSTERS];
  int t = get_local_id(0), size = get_local_size(0);
  for (int j = t; j < CLUSTERS * DIMS; j += size) {
    c[j] = centroids[j];
    sums[j] = 0.0f;
  }
  if (t < CLUSTERS)
    counts[t] = 0;
  barrier(CLK_LOCAL_MEM_FENCE);
  int i = get_global_id(0);
  if (i < n) {
    float p[DIMS];
#pragma unroll
    for (int d = 0; d < DIMS; ++d)
      p[d] = x[(size_t)d * n + i];
    int best = 0;
    float bestDist = INFINITY;
#pragma unroll
    for (int k = 0; k < CLUSTERS; ++k) {
      float dist = 0.0f;
#pragma unroll
      for (int d = 0; d < DIMS; ++d) {
        float diff = p[d] - c[k * DIMS + d];
        dist = fma(diff, diff, dist);
      }
      if (dist < bestDist) {
        bestDist = dist;
        best = k;
      }
    }
    assign[i] = best;
#pragma unroll
    for (int d = 0; d < DIMS; ++d)
      addLocal(&sums[best * DIMS + d], p[d]);
    atomic_inc(&counts[best]);
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  int g = get_group_id(0);
  for (int j = t; j < CLUSTERS * DIMS; j += size)
    partialSums[g * CLUSTERS * DIMS + j] = sums[j];
  if (t < CLUSTERS)
    partialCounts[g * CLUSTERS + t] = counts[t];
}

__kernel void update(__global const float *partialSums,
                     __global const int *partialCounts, int groups,
                     __global float *centroids) {
  int j = get_global_id(0), k = j / DIMS;
  float sum = 0.0f;
  int count = 0;
  for (int g = 0; g < groups; ++g) {
    sum += partialSums[g * CLUSTERS * DIMS + j];
    count += partialCounts[g * CLUSTERS + k];
  }
  if (count > 0)
    centroids[j] = sum / count;
}
