// Sum reduction in OpenCL C: each work-group sums one tile of the array
// through a tree in local memory and writes one partial; a second kernel,
// one group, sums the partials. PER_THREAD is set by the host.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

/// The group's sum of `v`, valid in work-item 0 (the group size is a power
/// of two; `scratch` holds one double per work-item).
double groupSum(double v, __local double *scratch) {
  const int lid = get_local_id(0);
  scratch[lid] = v;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int stride = get_local_size(0) / 2; stride > 0; stride >>= 1) {
    if (lid < stride)
      scratch[lid] += scratch[lid + stride];
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  return scratch[0];
}

__kernel void tileSums(__global const double *in, __global double *partials,
                       int n, __local double *scratch) {
  const int size = get_local_size(0);
  const int base = get_group_id(0) * size * PER_THREAD + get_local_id(0);
  double v = 0.0;
  for (int k = 0; k < PER_THREAD; ++k) {
    int i = base + k * size;
    if (i < n)
      v += in[i];
  }
  v = groupSum(v, scratch);
  if (get_local_id(0) == 0)
    partials[get_group_id(0)] = v;
}

__kernel void finalSum(__global const double *partials, __global double *sum,
                       int n, __local double *scratch) {
  double v = 0.0;
  for (int i = get_local_id(0); i < n; i += get_local_size(0))
    v += partials[i];
  v = groupSum(v, scratch);
  if (get_local_id(0) == 0)
    *sum = v;
}
