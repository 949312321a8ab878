/*===- cuda.h - the CUDA driver API (C) ------------------------------------===*
 * Written for Lingqu: the driver API's types, with CUDA 12.8's values; the
 * declaration of every entry point is generated from the API table
 * (runtime/api) into lingqu_cuda_api.h.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_CUDA_H
#define LINGQU_CUDA_H

#include <stddef.h>
#include <stdint.h>

#define CUDA_VERSION 12080
#ifndef CUDAAPI
#define CUDAAPI
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t cuuint32_t;
typedef uint64_t cuuint64_t;

typedef enum cudaError_enum {
#define LINGQU_CU_RESULT(name, value, message) name = value,
#include "lingqu_cu_results.def"
#undef LINGQU_CU_RESULT
} CUresult;

typedef enum CUdriverProcAddressQueryResult_enum {
  CU_GET_PROC_ADDRESS_SUCCESS = 0,
  CU_GET_PROC_ADDRESS_SYMBOL_NOT_FOUND = 1,
  CU_GET_PROC_ADDRESS_VERSION_NOT_SUFFICIENT = 2
} CUdriverProcAddressQueryResult;

typedef enum CUdriverProcAddress_flags_enum {
  CU_GET_PROC_ADDRESS_DEFAULT = 0,
  CU_GET_PROC_ADDRESS_LEGACY_STREAM = 1 << 0,
  CU_GET_PROC_ADDRESS_PER_THREAD_DEFAULT_STREAM = 1 << 1
} CUdriverProcAddress_flags;

#ifdef __cplusplus
} /* extern "C" */
#endif

#ifndef LINGQU_CUDA_TYPES_ONLY
#include "lingqu_cuda_api.h"
#endif

#endif /* LINGQU_CUDA_H */
