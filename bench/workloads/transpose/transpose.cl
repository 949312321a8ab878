// Matrix transpose in OpenCL C: each work-group stages a TILE x TILE tile in
// local memory, reading rows of the input and writing rows of the output;
// the tile's extra column avoids bank conflicts where local memory has
// banks. The host sets TILE and ROWS (the group is TILE x ROWS).
__kernel __attribute__((reqd_work_group_size(TILE, ROWS, 1))) void
transpose(__global const float *in, __global float *out, int rows, int cols) {
  __local float tile[TILE][TILE + 1];
  const int lx = get_local_id(0), ly = get_local_id(1);
  int x = get_group_id(0) * TILE + lx; // input column
  int y = get_group_id(1) * TILE + ly; // input row
  for (int j = 0; j < TILE; j += ROWS)
    if (x < cols && y + j < rows)
      tile[ly + j][lx] = in[(size_t)(y + j) * cols + x];
  barrier(CLK_LOCAL_MEM_FENCE);
  x = get_group_id(1) * TILE + lx; // output column = input row
  y = get_group_id(0) * TILE + ly; // output row = input column
  for (int j = 0; j < TILE; j += ROWS)
    if (x < rows && y + j < cols)
      out[(size_t)(y + j) * rows + x] = tile[lx][ly + j];
}
