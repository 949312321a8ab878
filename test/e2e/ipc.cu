// Device memory shared between processes: the parent fills an allocation
// with a kernel and exports it; a second process (this program run again)
// opens the handle, adds to every element with its own kernel and closes
// it; the parent then sees the sums at the address it always had. An
// interprocess event orders the child's kernel after the parent's. Both
// APIs' misuse errors are checked on the way. Arguments, if any, are the
// command that runs the child (qemu-user's, under make check-cross).
// RUN: %lqcc -I %S/Inputs/include %s -o %t -lcuda
// RUN: %exec %t %exec | FileCheck %s
// CHECK: ipc: PASS
#include <cuda.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "expect.h"

__global__ void fill(int *data, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    data[i] = i;
}

__global__ void setFirst(int *data) { data[0] = -5; }

__global__ void addOne(int *data, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    data[i] += 1000;
}

static const int kCount = 3000; // not a whole number of pages

static std::string hex(const void *bytes, size_t n) {
  std::string s;
  char buf[3];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "%02x", ((const unsigned char *)bytes)[i]);
    s += buf;
  }
  return s;
}

static void unhex(const char *s, void *bytes, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    unsigned v = 0;
    std::sscanf(s + 2 * i, "%2x", &v);
    ((unsigned char *)bytes)[i] = (unsigned char)v;
  }
}

// The second process: open, add, close; exit status says how it went.
static int child(const char *encoded, const char *encodedEvent) {
  cudaIpcMemHandle_t handle;
  unhex(encoded, &handle, sizeof handle);
  cudaIpcEventHandle_t eventHandle;
  unhex(encodedEvent, &eventHandle, sizeof eventHandle);
  cudaEvent_t parentDone;
  if (cudaIpcOpenEventHandle(&parentDone, eventHandle) != cudaSuccess)
    return 2; // the exporter destroyed it (the last run)
  int *shared = nullptr;
  EXPECT(cudaIpcOpenMemHandle((void **)&shared, handle, 0) ==
         cudaErrorInvalidValue); // flags must ask for lazy peer access
  if (cudaIpcOpenMemHandle((void **)&shared, handle,
                           cudaIpcMemLazyEnablePeerAccess) != cudaSuccess)
    return 2; // the exporter freed it (the last run)
  int *again = nullptr;
  EXPECT(cudaIpcOpenMemHandle((void **)&again, handle,
                              cudaIpcMemLazyEnablePeerAccess) == cudaSuccess);
  EXPECT(again == shared);
  cudaPointerAttributes a;
  EXPECT(cudaPointerGetAttributes(&a, shared) == cudaSuccess);
  EXPECT(a.type == cudaMemoryTypeDevice);
  // After the parent's setFirst, which runs once a slow host function has.
  EXPECT(cudaStreamWaitEvent(0, parentDone, 0) == cudaSuccess);
  addOne<<<(kCount + 255) / 256, 256>>>(shared, kCount);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  EXPECT(cudaEventQuery(parentDone) == cudaSuccess);
  EXPECT(cudaEventDestroy(parentDone) == cudaSuccess);
  EXPECT(cudaFree(shared) == cudaErrorInvalidValue); // not cudaMalloc's
  EXPECT(cudaIpcCloseMemHandle(again) == cudaSuccess);
  EXPECT(cudaIpcCloseMemHandle(shared) == cudaSuccess);
  EXPECT(cudaIpcCloseMemHandle(shared) == cudaErrorInvalidValue);

  // The driver API opens the same handle.
  EXPECT(cuInit(0) == CUDA_SUCCESS);
  CUipcMemHandle driverHandle;
  std::memcpy(&driverHandle, &handle, sizeof handle);
  CUdeviceptr dptr = 0;
  EXPECT(cuIpcOpenMemHandle(&dptr, driverHandle,
                            CU_IPC_MEM_LAZY_ENABLE_PEER_ACCESS) ==
         CUDA_SUCCESS);
  int first = -1;
  EXPECT(cuMemcpyDtoH(&first, dptr + 4, sizeof first) == CUDA_SUCCESS);
  EXPECT(first == 1001);
  EXPECT(cuIpcCloseMemHandle(dptr) == CUDA_SUCCESS);
  return failures ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc == 4 && std::strcmp(argv[1], "child") == 0)
    return child(argv[2], argv[3]);

  int *data = nullptr;
  EXPECT(cudaMalloc(&data, kCount * sizeof(int)) == cudaSuccess);
  fill<<<(kCount + 255) / 256, 256>>>(data, kCount);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);

  cudaIpcMemHandle_t handle;
  EXPECT(cudaIpcGetMemHandle(&handle, data) == cudaSuccess);
  // Exporting moved the memory in place: same address, same contents.
  int probe[2];
  EXPECT(cudaMemcpy(probe, data + kCount - 2, sizeof probe,
                    cudaMemcpyDeviceToHost) == cudaSuccess);
  EXPECT(probe[0] == kCount - 2 && probe[1] == kCount - 1);
  cudaIpcMemHandle_t twice;
  EXPECT(cudaIpcGetMemHandle(&twice, data) == cudaSuccess);
  EXPECT(std::memcmp(&twice, &handle, sizeof handle) == 0);

  // This process may not open its own handle; other pointers do not export.
  int *self = nullptr;
  EXPECT(cudaIpcOpenMemHandle((void **)&self, handle,
                              cudaIpcMemLazyEnablePeerAccess) ==
         cudaErrorDeviceUninitialized);
  int onHost = 0;
  EXPECT(cudaIpcGetMemHandle(&twice, &onHost) == cudaErrorInvalidValue);
  cudaIpcMemHandle_t garbage;
  std::memset(&garbage, 0x5a, sizeof garbage);
  EXPECT(cudaIpcOpenMemHandle((void **)&self, garbage,
                              cudaIpcMemLazyEnablePeerAccess) ==
         cudaErrorInvalidResourceHandle);
  EXPECT(cudaIpcCloseMemHandle(data) == cudaErrorInvalidValue);
  CUipcMemHandle driverHandle;
  std::memcpy(&driverHandle, &handle, sizeof handle);
  CUdeviceptr dptr = 0;
  cuInit(0);
  CUcontext primary = nullptr;
  cuCtxGetCurrent(&primary);
  EXPECT(primary != nullptr); // the runtime made its context current
  EXPECT(cuIpcOpenMemHandle(&dptr, driverHandle,
                            CU_IPC_MEM_LAZY_ENABLE_PEER_ACCESS) ==
         CUDA_ERROR_INVALID_CONTEXT);
  cudaGetLastError();

  // The event: only interprocess ones export, and not to their own process.
  cudaEvent_t local, done;
  cudaIpcEventHandle_t eventHandle;
  EXPECT(cudaEventCreate(&local) == cudaSuccess);
  EXPECT(cudaIpcGetEventHandle(&eventHandle, local) ==
         cudaErrorInvalidResourceHandle);
  EXPECT(cudaEventCreateWithFlags(&done, cudaEventInterprocess) ==
         cudaErrorInvalidValue); // needs cudaEventDisableTiming
  EXPECT(cudaEventCreateWithFlags(&done, cudaEventInterprocess |
                                             cudaEventDisableTiming) ==
         cudaSuccess);
  EXPECT(cudaIpcGetEventHandle(&eventHandle, done) == cudaSuccess);
  cudaEvent_t mine;
  EXPECT(cudaIpcOpenEventHandle(&mine, eventHandle) ==
         cudaErrorDeviceUninitialized);
  cudaGetLastError();

  // setFirst runs late; the child's addOne must still come after it.
  cudaStream_t stream;
  EXPECT(cudaStreamCreate(&stream) == cudaSuccess);
  EXPECT(cudaLaunchHostFunc(
             stream, [](void *) { usleep(300 * 1000); }, nullptr) ==
         cudaSuccess);
  setFirst<<<1, 1, 0, stream>>>(data);
  EXPECT(cudaEventRecord(done, stream) == cudaSuccess);

  std::string command;
  for (int i = 1; i < argc; ++i)
    command += std::string("'") + argv[i] + "' ";
  command += std::string("'") + argv[0] + "' child " +
             hex(&handle, sizeof handle) + " " +
             hex(&eventHandle, sizeof eventHandle);
  int status = std::system(command.c_str());
  EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT(cudaEventQuery(done) == cudaSuccess);

  int back[kCount];
  EXPECT(cudaMemcpy(back, data, sizeof back, cudaMemcpyDeviceToHost) ==
         cudaSuccess);
  EXPECT(back[0] == -5 + 1000); // the child waited for the parent's event
  bool all = true;
  for (int i = 1; i < kCount; ++i)
    all = all && back[i] == i + 1000;
  EXPECT(all);
  EXPECT(cudaEventDestroy(done) == cudaSuccess);
  EXPECT(cudaEventDestroy(local) == cudaSuccess);
  EXPECT(cudaStreamDestroy(stream) == cudaSuccess);
  EXPECT(cudaFree(data) == cudaSuccess);

  // A freed allocation's handle no longer opens.
  status = std::system(command.c_str());
  EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 2);

  std::printf("ipc: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
