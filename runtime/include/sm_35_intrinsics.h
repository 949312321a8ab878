/* Written for Lingqu: CUDA's <sm_35_intrinsics.h>. What it declares comes with
 * cuda_runtime.h, which lqcc includes first, as nvcc does. */
#include "cuda_runtime.h"
