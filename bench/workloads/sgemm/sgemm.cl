// SGEMM in OpenCL C: 16x16 work-groups, one element of C per work-item, A
// and B staged through local-memory tiles between barriers.
#define TILE 16

__kernel void sgemm(__global const float *a, __global const float *b,
                    __global float *c, int n) {
  __local float as[TILE][TILE];
  __local float bs[TILE][TILE];
  int tx = get_local_id(0), ty = get_local_id(1);
  int row = get_group_id(1) * TILE + ty, col = get_group_id(0) * TILE + tx;
  float acc = 0.0f;
  for (int k0 = 0; k0 < n; k0 += TILE) {
    as[ty][tx] = (row < n && k0 + tx < n) ? a[(size_t)row * n + k0 + tx] : 0.0f;
    bs[ty][tx] =
        (k0 + ty < n && col < n) ? b[(size_t)(k0 + ty) * n + col] : 0.0f;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int k = 0; k < TILE; ++k)
      acc += as[ty][k] * bs[k][tx];
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  if (row < n && col < n)
    c[(size_t)row * n + col] = acc;
}
