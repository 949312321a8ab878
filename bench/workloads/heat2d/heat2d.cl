// 2D heat in OpenCL C, blocked in time: each 32x8 work-group loads a 64x64
// tile (its 56x56 cells and a halo of 4) into local memory and takes 4
// Jacobi steps there, alternating between two local buffers with a barrier
// after each step, then writes the tile's middle 56x56 back.
#define HALO 4
#define TILE 64
#define INNER (TILE - 2 * HALO)
#define BX 32
#define BY 8

__kernel void heatSteps(__global const float *in, __global float *out, int n,
                        float alpha) {
  __local float buf[2][TILE][TILE];
  int lx = get_local_id(0), ly = get_local_id(1);
  int x0 = get_group_id(0) * INNER - HALO, y0 = get_group_id(1) * INNER - HALO;
  for (int ty = ly; ty < TILE; ty += BY)
    for (int tx = lx; tx < TILE; tx += BX) {
      int gx = x0 + tx, gy = y0 + ty;
      bool inside = gx >= 0 && gx < n && gy >= 0 && gy < n;
      buf[0][ty][tx] = inside ? in[(size_t)gy * n + gx] : 0.0f;
    }
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int s = 1; s <= HALO; ++s) {
    int from = (s - 1) & 1, to = s & 1;
    for (int ty = s + ly; ty < TILE - s; ty += BY)
      for (int tx = s + lx; tx < TILE - s; tx += BX) {
        int gx = x0 + tx, gy = y0 + ty;
        float c = buf[from][ty][tx];
        if (gx >= 1 && gx < n - 1 && gy >= 1 && gy < n - 1)
          c = c + alpha * (buf[from][ty - 1][tx] + buf[from][ty + 1][tx] +
                           buf[from][ty][tx - 1] + buf[from][ty][tx + 1] -
                           4.0f * c);
        buf[to][ty][tx] = c;
      }
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  for (int ty = HALO + ly; ty < HALO + INNER; ty += BY)
    for (int tx = HALO + lx; tx < HALO + INNER; tx += BX) {
      int gx = x0 + tx, gy = y0 + ty;
      if (gx < n && gy < n)
        out[(size_t)gy * n + gx] = buf[HALO & 1][ty][tx];
    }
}
