/*===- cuda_runtime_api.h - the CUDA runtime API (C) ----------------------===*
 * Written for Lingqu. The types are in driver_types.h; the declaration of
 * every entry point is generated from the API table (runtime/api) into
 * lingqu_cudart_api.h, so header, library and docs cannot disagree.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_CUDA_RUNTIME_API_H
#define LINGQU_CUDA_RUNTIME_API_H

#include <stddef.h>

#include "driver_types.h"
#include "library_types.h"
#include "surface_types.h"
#include "texture_types.h"
#include "vector_types.h"

#define CUDART_VERSION 12080
#define __CUDART_API_VERSION CUDART_VERSION

#ifndef CUDARTAPI
#define CUDARTAPI
#endif
#ifndef CUDART_CB
#define CUDART_CB
#endif

#ifdef __cplusplus
extern "C" {
#endif
typedef void(CUDART_CB *cudaStreamCallback_t)(cudaStream_t stream,
                                              cudaError_t status,
                                              void *userData);
#ifdef __cplusplus
} /* extern "C" */
#endif

#include "lingqu_cudart_api.h"

#endif /* LINGQU_CUDA_RUNTIME_API_H */
