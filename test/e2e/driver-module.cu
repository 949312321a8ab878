// The driver API end to end: a fat binary written by `lqcc -fatbin` is
// loaded with cuModuleLoad and cuModuleLoadData, its kernels launched with
// cuLaunchKernel through kernelParams and through a packed `extra` buffer,
// a __device__ variable read through cuModuleGetGlobal, and the same image
// loaded as a library (cuLibrary*, cudaLibrary*) whose kernels enumerate,
// the old cuParamSet*/cuLaunchGrid API, and a graph built with cuGraph*.
// RUN: %lqcc -fatbin %S/Inputs/driver-kernels.cu -o %t.fatbin
// RUN: %lqcc -I %S/Inputs/include %s -o %t -lcuda
// RUN: %exec %t %t.fatbin | FileCheck %s
// CHECK: driver-module: PASS
#include <cuda.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "expect.h"
#define OK(call) EXPECT((call) == CUDA_SUCCESS)

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  OK(cuInit(0));
  CUdevice device;
  OK(cuDeviceGet(&device, 0));
  CUcontext context;
  OK(cuCtxCreate(&context, 0, device));

  CUmodule module;
  OK(cuModuleLoad(&module, argv[1]));
  CUfunction axpy, mix, missing;
  OK(cuModuleGetFunction(&axpy, module, "axpy"));
  OK(cuModuleGetFunction(&mix, module, "mix"));
  EXPECT(cuModuleGetFunction(&missing, module, "nope") == CUDA_ERROR_NOT_FOUND);

  // kernelParams: one pointer per parameter.
  const int n = 1000;
  std::vector<float> x(n), y(n);
  for (int i = 0; i < n; ++i) {
    x[i] = float(i);
    y[i] = 1.0f;
  }
  CUdeviceptr dx, dy;
  OK(cuMemAlloc(&dx, n * sizeof(float)));
  OK(cuMemAlloc(&dy, n * sizeof(float)));
  OK(cuMemcpyHtoD(dx, x.data(), n * sizeof(float)));
  OK(cuMemcpyHtoD(dy, y.data(), n * sizeof(float)));
  float a = 2.0f;
  int count = n;
  void *params[] = {&a, &dx, &dy, &count};
  OK(cuLaunchKernel(axpy, (n + 255) / 256, 1, 1, 256, 1, 1, 0, nullptr, params,
                    nullptr));
  OK(cuMemcpyDtoH(y.data(), dy, n * sizeof(float)));
  for (int i = 0; i < n; ++i)
    EXPECT(y[i] == 2.0f * i + 1.0f);
  EXPECT(cuLaunchKernel(axpy, 1, 1, 1, 2048, 1, 1, 0, nullptr, params,
                        nullptr) == CUDA_ERROR_INVALID_VALUE);

  // extra: the same kind of launch from a packed buffer.
  struct Pair {
    int first, second;
  };
  struct {
    char tag;
    Pair pair;
    double scale;
    long *out;
  } packed;
  std::memset(&packed, 0, sizeof packed);
  CUdeviceptr out;
  OK(cuMemAlloc(&out, 4 * sizeof(long)));
  packed.tag = 3;
  packed.pair = {4, 5};
  packed.scale = 2.0;
  packed.out = reinterpret_cast<long *>(out);
  size_t size = sizeof packed;
  void *extra[] = {CU_LAUNCH_PARAM_BUFFER_POINTER, &packed,
                   CU_LAUNCH_PARAM_BUFFER_SIZE, &size, CU_LAUNCH_PARAM_END};
  OK(cuLaunchKernel(mix, 1, 1, 1, 4, 1, 1, 0, nullptr, nullptr, extra));
  long results[4];
  OK(cuMemcpyDtoH(results, out, sizeof results));
  for (int i = 0; i < 4; ++i)
    EXPECT(results[i] == 46 + i);
  size_t offset = 0, bytes = 0;
  OK(cuFuncGetParamInfo(mix, 2, &offset, &bytes));
  EXPECT(offset == 16 && bytes == 8);

  // A __device__ variable, by its (mangled) name.
  CUdeviceptr calls;
  size_t callsSize = 0;
  OK(cuModuleGetGlobal(&calls, &callsSize, module, "calls"));
  EXPECT(callsSize == sizeof(int));
  int callCount = 0;
  OK(cuMemcpyDtoH(&callCount, calls, sizeof callCount));
  EXPECT(callCount == 1);
  // CUDA 12 modules hold no texture or surface references.
  CUtexref texRef;
  CUsurfref surfRef;
  EXPECT(cuModuleGetTexRef(&texRef, module, "calls") == CUDA_ERROR_NOT_FOUND);
  EXPECT(cuModuleGetSurfRef(&surfRef, module, "calls") ==
         CUDA_ERROR_NOT_FOUND);
  EXPECT(cuModuleGetTexRef(&texRef, nullptr, "calls") ==
         CUDA_ERROR_INVALID_HANDLE);
  OK(cuTexRefCreate(&texRef));
  EXPECT(cuParamSetTexRef(mix, CU_PARAM_TR_DEFAULT, texRef) == CUDA_SUCCESS);
  EXPECT(cuParamSetTexRef(mix, 0, texRef) == CUDA_ERROR_INVALID_VALUE);
  OK(cuTexRefDestroy(texRef));
  EXPECT(cuParamSetTexRef(mix, CU_PARAM_TR_DEFAULT, texRef) ==
         CUDA_ERROR_INVALID_HANDLE);

  // The same image from memory, and what a bad image gets.
  std::ifstream in(argv[1], std::ios::binary);
  std::string image((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  CUmodule again;
  OK(cuModuleLoadData(&again, image.data()));
  OK(cuModuleUnload(again));
  EXPECT(cuModuleUnload(again) == CUDA_ERROR_INVALID_HANDLE);
  EXPECT(cuModuleLoadData(&again, "not a fat binary") ==
         CUDA_ERROR_INVALID_IMAGE);
  EXPECT(cuModuleLoad(&again, "/nonexistent.fatbin") ==
         CUDA_ERROR_FILE_NOT_FOUND);

  int attribute = 0;
  OK(cuFuncGetAttribute(&attribute, CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK,
                        axpy));
  EXPECT(attribute == 1024);
  int blocks = 0;
  OK(cuOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, axpy, 256, 0));
  EXPECT(blocks == 8);

  // Libraries: context-independent handles onto the same kind of image.
  CUlibrary library;
  OK(cuLibraryLoadFromFile(&library, argv[1], nullptr, nullptr, 0, nullptr,
                           nullptr, 0));
  unsigned kernelCount = 0;
  OK(cuLibraryGetKernelCount(&kernelCount, library));
  EXPECT(kernelCount == 2);
  CUkernel kernels[2];
  OK(cuLibraryEnumerateKernels(kernels, 2, library));
  CUkernel libAxpy;
  OK(cuLibraryGetKernel(&libAxpy, library, "axpy"));
  EXPECT(libAxpy == kernels[0] || libAxpy == kernels[1]);
  const char *kernelName = nullptr;
  OK(cuKernelGetName(&kernelName, libAxpy));
  EXPECT(kernelName && std::strcmp(kernelName, "axpy") == 0);
  CUfunction viaKernel;
  OK(cuKernelGetFunction(&viaKernel, libAxpy));
  OK(cuLaunchKernel(viaKernel, (n + 255) / 256, 1, 1, 256, 1, 1, 0, nullptr,
                    params, nullptr));
  OK(cuMemcpyDtoH(y.data(), dy, n * sizeof(float)));
  EXPECT(y[10] == 2.0f * 10 + 2.0f * 10 + 1.0f);
  OK(cuLibraryUnload(library));
  cudaLibrary_t runtimeLibrary;
  EXPECT(cudaLibraryLoadFromFile(&runtimeLibrary, argv[1], nullptr, nullptr, 0,
                                 nullptr, nullptr, 0) == cudaSuccess);
  EXPECT(cudaLibraryGetKernelCount(&kernelCount, runtimeLibrary) ==
         cudaSuccess);
  EXPECT(kernelCount == 2);
  cudaKernel_t missingKernel;
  EXPECT(cudaLibraryGetKernel(&missingKernel, runtimeLibrary, "nope") ==
         cudaErrorSymbolNotFound);
  EXPECT(cudaLibraryUnload(runtimeLibrary) == cudaSuccess);
  cudaGetLastError();

  // The pre-CUDA-4 launch API: the same kernel described piecewise.
  float one = 1.0f;
  OK(cuFuncSetBlockShape(axpy, 256, 1, 1));
  OK(cuParamSetf(axpy, 0, one));
  OK(cuParamSetv(axpy, 8, &dx, sizeof dx));
  OK(cuParamSetv(axpy, 16, &dy, sizeof dy));
  OK(cuParamSeti(axpy, 24, unsigned(n)));
  OK(cuParamSetSize(axpy, 28));
  OK(cuLaunchGrid(axpy, (n + 255) / 256, 1));
  OK(cuMemcpyDtoH(y.data(), dy, n * sizeof(float)));
  EXPECT(y[10] == 41.0f + 10.0f);
  EXPECT(cuFuncSetBlockShape(axpy, 0, 1, 1) == CUDA_ERROR_INVALID_VALUE);

  // A driver graph: set y to 1.0f, run axpy, copy y back.
  {
    CUgraph graph;
    OK(cuGraphCreate(&graph, 0));
    CUDA_MEMSET_NODE_PARAMS set;
    std::memset(&set, 0, sizeof set);
    set.dst = dy;
    set.value = 0x3f800000; // 1.0f
    set.elementSize = 4;
    set.width = n;
    set.height = 1;
    CUgraphNode setNode, kernelNode, copyNode;
    OK(cuGraphAddMemsetNode(&setNode, graph, nullptr, 0, &set, context));
    CUDA_KERNEL_NODE_PARAMS kernel;
    std::memset(&kernel, 0, sizeof kernel);
    kernel.func = axpy;
    kernel.gridDimX = (n + 255) / 256;
    kernel.gridDimY = kernel.gridDimZ = 1;
    kernel.blockDimX = 256;
    kernel.blockDimY = kernel.blockDimZ = 1;
    float three = 3.0f;
    void *graphParams[] = {&three, &dx, &dy, &count};
    kernel.kernelParams = graphParams;
    OK(cuGraphAddKernelNode(&kernelNode, graph, &setNode, 1, &kernel));
    std::vector<float> fromGraph(n, -1.0f);
    CUDA_MEMCPY3D copy;
    std::memset(&copy, 0, sizeof copy);
    copy.srcMemoryType = CU_MEMORYTYPE_DEVICE;
    copy.srcDevice = dy;
    copy.srcPitch = n * sizeof(float);
    copy.srcHeight = 1;
    copy.dstMemoryType = CU_MEMORYTYPE_HOST;
    copy.dstHost = fromGraph.data();
    copy.dstPitch = n * sizeof(float);
    copy.dstHeight = 1;
    copy.WidthInBytes = n * sizeof(float);
    copy.Height = copy.Depth = 1;
    OK(cuGraphAddMemcpyNode(&copyNode, graph, &kernelNode, 1, &copy, context));
    CUgraphExec exec;
    OK(cuGraphInstantiate(&exec, graph, 0));
    OK(cuGraphLaunch(exec, nullptr));
    OK(cuCtxSynchronize());
    for (int i = 0; i < n; ++i)
      EXPECT(fromGraph[i] == 3.0f * i + 1.0f);
    size_t nodes = 0;
    OK(cuGraphGetNodes(graph, nullptr, &nodes));
    EXPECT(nodes == 3);
    OK(cuGraphExecDestroy(exec));
    OK(cuGraphDestroy(graph));
  }

  OK(cuMemFree(dx));
  OK(cuMemFree(dy));
  OK(cuMemFree(out));
  OK(cuModuleUnload(module));
  EXPECT(cuLaunchKernel(axpy, 1, 1, 1, 1, 1, 1, 0, nullptr, params, nullptr) ==
         CUDA_ERROR_INVALID_HANDLE);
  OK(cuCtxDestroy(context));
  std::printf("driver-module: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
