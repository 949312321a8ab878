// Pathfinder in OpenCL C: each launch advances PYRAMID rows, a work-group
// stepping down them in local memory with a barrier between rows.
#define PYRAMID 8
#define BLOCK 256
#define INF 0x7fffffff

__kernel void advance(__global const int *cost, __global const int *above,
                      __global int *below, int cols, int firstRow,
                      int steps) {
  __local int best[2][BLOCK];
  int t = get_local_id(0);
  int col = get_group_id(0) * (BLOCK - 2 * PYRAMID) - PYRAMID + t;
  bool inside = col >= 0 && col < cols;
  best[0][t] = inside ? above[col] : INF;
  barrier(CLK_LOCAL_MEM_FENCE);
  int cur = 0;
  for (int s = 1; s <= steps; ++s) {
    if (t >= s && t < BLOCK - s) {
      int v = INF;
      if (inside) {
        int m = min(best[cur][t - 1], min(best[cur][t], best[cur][t + 1]));
        v = cost[(size_t)(firstRow + s) * cols + col] + m;
      }
      best[1 - cur][t] = v;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    cur = 1 - cur;
  }
  if (inside && t >= PYRAMID && t < BLOCK - PYRAMID)
    below[col] = best[cur][t];
}
