//===- CudaTypes.h - The CUDA runtime types, safe for C++ code --*- C++ -*-===//
//
// driver_types.h (cudaError_t, cudaMemcpyKind) for the runtime's own C++.
// Include this, not driver_types.h, from the runtime.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_CUDATYPES_H
#define LINGQU_RUNTIME_CORE_CUDATYPES_H

#include "driver_types.h"

#endif // LINGQU_RUNTIME_CORE_CUDATYPES_H
