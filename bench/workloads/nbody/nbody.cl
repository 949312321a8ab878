// All-pairs n-body in OpenCL C: one work-item per body; each work-group
// stages the bodies through local memory a tile (TILE, the group size, set
// by the host) at a time.
__kernel void advance(__global const float4 *pos, __global float4 *next,
                      __global float4 *vel, int n, float softening2, float dt) {
  __local float4 tile[TILE];
  int i = get_global_id(0), l = get_local_id(0);
  float4 p = pos[i];
  float ax = 0, ay = 0, az = 0;
  for (int base = 0; base < n; base += TILE) {
    tile[l] = pos[base + l];
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int j = 0; j < TILE; ++j) {
      float4 q = tile[j];
      float dx = q.x - p.x, dy = q.y - p.y, dz = q.z - p.z;
      float d2 = dx * dx + dy * dy + dz * dz + softening2;
      float inv = rsqrt(d2);
      float s = q.w * inv * inv * inv;
      ax += dx * s;
      ay += dy * s;
      az += dz * s;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  float4 v = vel[i];
  v.x += ax * dt;
  v.y += ay * dt;
  v.z += az * dt;
  vel[i] = v;
  next[i] = (float4)(p.x + v.x * dt, p.y + v.y * dt, p.z + v.z * dt, p.w);
}
