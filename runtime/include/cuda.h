/*===- cuda.h - the CUDA driver API (C) ------------------------------------===*
 * Written for Lingqu. The driver API's types, with CUDA 12.8's ABI, are in
 * lingqu_cuda_types.h; the declaration of every entry point is generated
 * from the API table (runtime/api) into lingqu_cuda_api.h.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_CUDA_H
#define LINGQU_CUDA_H

#include <stddef.h>
#include <stdint.h>

#define CUDA_VERSION 12080
#ifndef CUDAAPI
#define CUDAAPI
#endif
#ifndef CUDA_CB
#define CUDA_CB
#endif

#include "lingqu_cuda_types.h"

#ifndef LINGQU_CUDA_TYPES_ONLY
#include "lingqu_cuda_api.h"
#endif

#endif /* LINGQU_CUDA_H */
