/* A stand-in for NVIDIA's libcuda.so.1, for the `cuda` plugin's tests on
 * machines without a GPU: GPUs of compute capability 8.0 whose managed
 * memory is the host's heap and whose kernels do not run; it records what
 * the plugin asked of it (fake_nvidia_state). Only the functions the plugin
 * resolves, under the names NVIDIA's driver exports them. FAKE_NVIDIA_GPUS
 * (default 1) sets how many GPUs it reports. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "FakeNvidiaDriver.h"

static struct fake_nvidia_state state;
static char
    *module_ptx; /* the one module's text: functions are looked up in it */

struct fake_nvidia_state *fake_nvidia_state(void) {
  return &state;
}

int cuInit(unsigned flags) {
  state.initialized = flags == 0;
  return flags == 0 ? 0 : 1; /* CUDA_ERROR_INVALID_VALUE */
}

int cuDeviceGetCount(int *count) {
  const char *gpus = getenv("FAKE_NVIDIA_GPUS");
  *count = gpus ? atoi(gpus) : 1;
  return 0;
}

int cuDeviceGet(int *device, int ordinal) {
  *device = ordinal;
  return 0;
}

int cuDeviceGetName(char *name, int length, int device) {
  strncpy(name, "Fake GPU", (size_t)length);
  return 0;
}

/* CUdevice_attribute and value: an A100's. */
static const int attributes[][2] = {
    {1, 1024},        /* max threads per block */
    {2, 1024},        /* max block dim x */
    {5, 0x7fffffff},  /* max grid dim x */
    {8, 48 * 1024},   /* shared memory per block */
    {16, 108},        /* multiprocessors */
    {75, 8},          /* compute capability 8.0 */
    {76, 0},          /* (minor) */
    {83, 1},          /* managed memory */
    {97, 163 * 1024}, /* shared memory per block, opted in */
};

int cuDeviceGetAttribute(int *value, int attribute, int device) {
  for (size_t i = 0; i < sizeof attributes / sizeof attributes[0]; ++i)
    if (attributes[i][0] == attribute) {
      *value = attributes[i][1];
      return 0;
    }
  return 1; /* CUDA_ERROR_INVALID_VALUE */
}

int cuDevicePrimaryCtxRetain(void **context, int device) {
  *context = &state;
  ++state.contexts_retained;
  return 0;
}

int cuDevicePrimaryCtxRelease_v2(int device) {
  --state.contexts_retained;
  return 0;
}

int cuCtxSetCurrent(void *context) { return context == &state ? 0 : 201; }

int cuCtxSynchronize(void) {
  ++state.synchronizes;
  return 0;
}

int cuModuleLoadDataEx(void **module, const void *image, unsigned count,
                       int *options, void **values) {
  const char *ptx = image;
  if (strstr(ptx, ".version") == NULL)
    return 218; /* CUDA_ERROR_INVALID_PTX */
  free(module_ptx);
  module_ptx = strdup(ptx);
  strncpy(state.last_ptx_head, ptx, sizeof state.last_ptx_head - 1);
  ++state.modules_loaded;
  *module = module_ptx;
  return 0;
}

int cuModuleGetFunction(void **function, void *module, const char *name) {
  char entry[160];
  if (module != module_ptx || strlen(name) > 128)
    return 400; /* CUDA_ERROR_INVALID_HANDLE */
  strcpy(entry, ".entry ");
  strcat(entry, name);
  strcat(entry, "(");
  if (strstr(module_ptx, entry) == NULL)
    return 500; /* CUDA_ERROR_NOT_FOUND */
  strcpy(state.last_function, name);
  *function = state.last_function;
  return 0;
}

int cuFuncSetAttribute(void *function, int attribute, int value) { return 0; }

int cuLaunchKernel(void *function, unsigned gx, unsigned gy, unsigned gz,
                   unsigned bx, unsigned by, unsigned bz, unsigned shared,
                   void *stream, void **params, void **extra) {
  if (function != state.last_function)
    return 400;
  state.grid[0] = gx, state.grid[1] = gy, state.grid[2] = gz;
  state.block[0] = bx, state.block[1] = by, state.block[2] = bz;
  state.shared = shared;
  state.params = params;
  ++state.launches;
  return 0;
}

int cuMemAllocManaged(unsigned long long *ptr, size_t bytes, unsigned flags) {
  void *p = aligned_alloc(4096, (bytes + 4095) / 4096 * 4096);
  if (p == NULL || flags != 1)
    return 2; /* CUDA_ERROR_OUT_OF_MEMORY */
  *ptr = (uintptr_t)p;
  ++state.live_allocations;
  return 0;
}

int cuMemFree_v2(unsigned long long ptr) {
  free((void *)(uintptr_t)ptr);
  --state.live_allocations;
  return 0;
}

int cuGetErrorName(int error, const char **name) {
  switch (error) {
  case 2:
    *name = "CUDA_ERROR_OUT_OF_MEMORY";
    return 0;
  case 218:
    *name = "CUDA_ERROR_INVALID_PTX";
    return 0;
  case 500:
    *name = "CUDA_ERROR_NOT_FOUND";
    return 0;
  }
  *name = "CUDA_ERROR_UNKNOWN";
  return 0;
}
