// 7-point 3D stencil in OpenCL C: one work-item per cell, 32x8x1
// work-groups.
__kernel void sweep(__global const float *restrict in,
                    __global float *restrict out, int n, float c0, float c1) {
  int x = get_global_id(0), y = get_global_id(1), z = get_global_id(2);
  if (x < 1 || x >= n - 1 || y < 1 || y >= n - 1 || z < 1 || z >= n - 1)
    return;
  size_t plane = (size_t)n * n;
  size_t i = (size_t)z * plane + (size_t)y * n + x;
  out[i] = c0 * in[i] + c1 * (in[i - 1] + in[i + 1] + in[i - n] + in[i + n] +
                              in[i - plane] + in[i + plane]);
}
