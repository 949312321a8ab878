/*===- driver_functions.h - Constructors of the runtime API's structs ----===*
 * Written for Lingqu: make_cudaPitchedPtr, make_cudaPos and make_cudaExtent,
 * as CUDA's runtime header offers them to host code.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DRIVER_FUNCTIONS_H
#define LINGQU_DRIVER_FUNCTIONS_H

#include "driver_types.h"
#include "lingqu_cuda_defines.h"

static inline __host__ struct cudaPitchedPtr
make_cudaPitchedPtr(void *d, size_t p, size_t xsz, size_t ysz) {
  struct cudaPitchedPtr s;
  s.ptr = d;
  s.pitch = p;
  s.xsize = xsz;
  s.ysize = ysz;
  return s;
}

static inline __host__ struct cudaPos make_cudaPos(size_t x, size_t y,
                                                   size_t z) {
  struct cudaPos p;
  p.x = x;
  p.y = y;
  p.z = z;
  return p;
}

static inline __host__ struct cudaExtent make_cudaExtent(size_t w, size_t h,
                                                         size_t d) {
  struct cudaExtent e;
  e.width = w;
  e.height = h;
  e.depth = d;
  return e;
}

#endif /* LINGQU_DRIVER_FUNCTIONS_H */
