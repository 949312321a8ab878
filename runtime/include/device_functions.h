/* Written for Lingqu: CUDA's <device_functions.h>. What it declares comes with
 * cuda_runtime.h, which lqcc includes first, as nvcc does. */
#include "cuda_runtime.h"
