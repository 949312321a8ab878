// CSR sparse matrix-vector product in OpenCL C: one work-item per row.
__kernel void multiply(__global const int *rowPtr, __global const int *cols,
                       __global const float *vals, __global const float *x,
                       __global float *y, int n) {
  int r = get_global_id(0);
  if (r >= n)
    return;
  float s = 0;
  for (int k = rowPtr[r], end = rowPtr[r + 1]; k < end; ++k)
    s += vals[k] * x[cols[k]];
  y[r] = s;
}
