/*===- CudartRegistration.h - Entry points Clang's host code calls --------===*
 *
 * Not part of the public API (CUDA keeps these in crt/host_runtime.h): the
 * module constructor Clang emits for a .cu file registers its fat binary,
 * kernels and variables with these, and <<<...>>> pushes a configuration
 * that the kernel's host stub pops. Declared here for libcudart's own
 * definitions and for tests that register hand-made images.
 *
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_CUDART_REGISTRATION_H
#define LINGQU_CUDART_REGISTRATION_H

#include <stddef.h>

#include "driver_types.h"
#include "vector_types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* `fatCubin` is a lingqu_clang_fatbin_wrapper. Returns the handle the other
 * calls take. */
void **__cudaRegisterFatBinary(void *fatCubin);
void __cudaRegisterFatBinaryEnd(void **fatCubinHandle);
void __cudaUnregisterFatBinary(void **fatCubinHandle);

/* Maps the host stub `hostFun` to the kernel `deviceName` of the fat binary.
 * The remaining arguments are CUDA's (thread limit, uint3 *tid, uint3 *bid,
 * dim3 *bDim, dim3 *gDim, int *wSize) and are unused on the CPU. */
void __cudaRegisterFunction(void **fatCubinHandle, const char *hostFun,
                            char *deviceFun, const char *deviceName,
                            int thread_limit, void *tid, void *bid, void *bDim,
                            void *gDim, int *wSize);

/* Maps the host shadow `hostVar` of a __device__/__constant__ variable. */
void __cudaRegisterVar(void **fatCubinHandle, char *hostVar,
                       char *deviceAddress, const char *deviceName, int ext,
                       size_t size, int constant, int global);

/* <<<gridDim, blockDim, sharedMem, stream>>>; returns 0. */
unsigned __cudaPushCallConfiguration(dim3 gridDim, dim3 blockDim,
                                     size_t sharedMem, void *stream);
/* Pops the innermost configuration of this thread; `stream` points to a
 * cudaStream_t that receives the stream. */
cudaError_t __cudaPopCallConfiguration(dim3 *gridDim, dim3 *blockDim,
                                       size_t *sharedMem, void *stream);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* LINGQU_CUDART_REGISTRATION_H */
