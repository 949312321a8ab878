// Inclusive prefix sum in OpenCL C, in three kernels: each work-group scans
// its tile in local memory and records the tile's total; one group scans the
// totals; every tile but the first then adds the totals of the tiles before
// it. The host sets BLOCK (the group size) and PER_THREAD.
#define TILE (BLOCK * PER_THREAD)

/// Inclusive scan of one int per work-item across the group (Hillis-Steele
/// in local memory); `buf` holds BLOCK ints and is free again on return.
int groupScan(int v, __local int *buf) {
  const int lid = get_local_id(0);
  buf[lid] = v;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int offset = 1; offset < BLOCK; offset <<= 1) {
    int left = lid >= offset ? buf[lid - offset] : 0;
    barrier(CLK_LOCAL_MEM_FENCE);
    v += left;
    buf[lid] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  return v;
}

__kernel __attribute__((reqd_work_group_size(BLOCK, 1, 1))) void
scanTiles(__global const int *in, __global int *out, __global int *tileTotals,
          int n) {
  __local int tile[TILE];
  __local int buf[BLOCK];
  const int lid = get_local_id(0);
  const int base = get_group_id(0) * TILE;
  for (int k = 0; k < PER_THREAD; ++k) {
    int i = base + k * BLOCK + lid;
    tile[k * BLOCK + lid] = i < n ? in[i] : 0;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  __local int *mine = tile + lid * PER_THREAD;
  int sum = 0;
  for (int k = 0; k < PER_THREAD; ++k) {
    sum += mine[k];
    mine[k] = sum;
  }
  int before = groupScan(sum, buf) - sum;
  for (int k = 0; k < PER_THREAD; ++k)
    mine[k] += before;
  if (lid == BLOCK - 1)
    tileTotals[get_group_id(0)] = before + sum;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int k = 0; k < PER_THREAD; ++k) {
    int i = base + k * BLOCK + lid;
    if (i < n)
      out[i] = tile[k * BLOCK + lid];
  }
}

__kernel __attribute__((reqd_work_group_size(BLOCK, 1, 1))) void
scanTotals(__global int *totals, int m) {
  __local int buf[BLOCK];
  const int lid = get_local_id(0);
  int carry = 0;
  for (int start = 0; start < m; start += BLOCK) {
    int i = start + lid;
    int v = groupScan(i < m ? totals[i] : 0, buf);
    if (i < m)
      totals[i] = carry + v;
    if (lid == BLOCK - 1)
      buf[0] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    carry += buf[0];
    barrier(CLK_LOCAL_MEM_FENCE);
  }
}

__kernel __attribute__((reqd_work_group_size(BLOCK, 1, 1))) void
addTotals(__global int *out, __global const int *scannedTotals, int n) {
  const int tile = get_group_id(0) + 1;
  const int add = scannedTotals[tile - 1];
  for (int k = 0; k < PER_THREAD; ++k) {
    int i = tile * TILE + k * BLOCK + get_local_id(0);
    if (i < n)
      out[i] += add;
  }
}
