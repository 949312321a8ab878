/*===- driver_types.h - CUDA runtime API types ----------------------------===*
 * Written for Lingqu: the enums and handle types of the runtime API, with
 * CUDA's numeric values so that binaries and error checks behave the same.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_DRIVER_TYPES_H
#define LINGQU_DRIVER_TYPES_H

#include <stddef.h>

#include "lingqu_cuda_defines.h"

enum cudaError {
#define LINGQU_CUDA_ERROR(name, value, message) name = value,
#include "lingqu_cuda_errors.def"
#undef LINGQU_CUDA_ERROR
  cudaErrorApiFailureBase = 10000
};
typedef enum cudaError cudaError_t;

enum cudaMemcpyKind {
  cudaMemcpyHostToHost = 0,
  cudaMemcpyHostToDevice = 1,
  cudaMemcpyDeviceToHost = 2,
  cudaMemcpyDeviceToDevice = 3,
  cudaMemcpyDefault = 4
};

typedef struct CUstream_st *cudaStream_t;
typedef struct CUevent_st *cudaEvent_t;

#endif /* LINGQU_DRIVER_TYPES_H */
