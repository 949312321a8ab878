/* Written for Lingqu: CUDA's <sm_30_intrinsics.h>. What it declares comes with
 * cuda_runtime.h, which lqcc includes first, as nvcc does. */
#include "cuda_runtime.h"
