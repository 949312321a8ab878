// Breadth-first search in OpenCL C: one work-item per frontier vertex.
// Unvisited neighbours are claimed with atomic_cmpxchg on their distance and
// queued in local memory; the group reserves room in the next frontier with
// one atomic_add and copies its queue there.
#define BLOCK 256
#define MAX_DEGREE 12

__kernel void expand(__global const int *offsets, __global const int *edges,
                     __global int *dist, __global const int *frontier,
                     int count, __global int *next,
                     __global int *nextCount, int level) {
  __local int queue[BLOCK * MAX_DEGREE];
  __local int queued;
  __local int base;
  int t = get_local_id(0);
  if (t == 0)
    queued = 0;
  barrier(CLK_LOCAL_MEM_FENCE);
  int i = get_global_id(0);
  if (i < count) {
    int u = frontier[i];
    int end = offsets[u + 1];
    for (int e = offsets[u]; e < end; ++e) {
      int v = edges[e];
      if (dist[v] < 0 && atomic_cmpxchg(&dist[v], -1, level + 1) == -1)
        queue[atomic_inc(&queued)] = v;
    }
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  if (t == 0)
    base = queued ? atomic_add(nextCount, queued) : 0;
  barrier(CLK_LOCAL_MEM_FENCE);
  int q = queued;
  for (int j = t; j < q; j += BLOCK)
    next[base + j] = queue[j];
}
