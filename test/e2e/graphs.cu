// CUDA graphs built by hand: a set, a kernel, a child graph and a copy
// back, with a host node counting launches; launched twice, cloned, its
// kernel's parameters changed in the executable graph only; a cycle is
// refused at instantiation. Then the same work captured from two streams,
// forked and joined through events, and a capture that synchronises and
// is invalidated.
// RUN: %lqcc -I %S/Inputs/include %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: graphs: PASS
#include "expect.h"

#include <cstring>

__global__ void addTo(int *data, int n, int amount) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    data[i] += amount;
}

__device__ int slots[4];

static void countLaunch(void *counter) { ++*static_cast<int *>(counter); }
static int destroyed = 0;
static void destroyObject(void *) { ++destroyed; }

int main() {
  const int n = 300;
  int *data = nullptr;
  EXPECT(cudaMalloc(&data, n * sizeof(int)) == cudaSuccess);
  int host[n];
  int launches = 0;

  cudaGraph_t graph;
  EXPECT(cudaGraphCreate(&graph, 0) == cudaSuccess);
  cudaMemsetParams set = {};
  set.dst = data;
  set.value = 0;
  set.elementSize = 4;
  set.width = n;
  set.height = 1;
  cudaGraphNode_t zero, add, child, copy, count;
  EXPECT(cudaGraphAddMemsetNode(&zero, graph, nullptr, 0, &set) ==
         cudaSuccess);

  int count_ = n, amount = 5;
  void *args[] = {&data, &count_, &amount};
  cudaKernelNodeParams kernel = {};
  kernel.func = (void *)addTo;
  kernel.gridDim = dim3((n + 127) / 128);
  kernel.blockDim = dim3(128);
  kernel.kernelParams = args;
  EXPECT(cudaGraphAddKernelNode(&add, graph, &zero, 1, &kernel) ==
         cudaSuccess);
  amount = 1000; // the node copied the arguments already

  // A child graph adding 2 more, after the kernel.
  cudaGraph_t inner;
  EXPECT(cudaGraphCreate(&inner, 0) == cudaSuccess);
  int two = 2;
  void *innerArgs[] = {&data, &count_, &two};
  cudaKernelNodeParams innerKernel = kernel;
  innerKernel.kernelParams = innerArgs;
  cudaGraphNode_t innerNode;
  EXPECT(cudaGraphAddKernelNode(&innerNode, inner, nullptr, 0,
                                &innerKernel) == cudaSuccess);
  EXPECT(cudaGraphAddChildGraphNode(&child, graph, &add, 1, inner) ==
         cudaSuccess);
  EXPECT(cudaGraphAddMemcpyNode1D(&copy, graph, &child, 1, host, data,
                                  sizeof host,
                                  cudaMemcpyDeviceToHost) == cudaSuccess);
  cudaHostNodeParams hostParams = {countLaunch, &launches};
  EXPECT(cudaGraphAddHostNode(&count, graph, &copy, 1, &hostParams) ==
         cudaSuccess);

  size_t nodes = 0, roots = 0, edges = 0;
  EXPECT(cudaGraphGetNodes(graph, nullptr, &nodes) == cudaSuccess &&
         nodes == 5);
  EXPECT(cudaGraphGetRootNodes(graph, nullptr, &roots) == cudaSuccess &&
         roots == 1);
  EXPECT(cudaGraphGetEdges(graph, nullptr, nullptr, &edges) == cudaSuccess &&
         edges == 4);
  cudaGraphNodeType type;
  EXPECT(cudaGraphNodeGetType(child, &type) == cudaSuccess &&
         type == cudaGraphNodeTypeGraph);

  cudaGraphExec_t exec;
  EXPECT(cudaGraphInstantiate(&exec, graph, 0) == cudaSuccess);
  cudaStream_t stream;
  EXPECT(cudaStreamCreate(&stream) == cudaSuccess);
  for (int round = 0; round < 2; ++round) {
    EXPECT(cudaGraphLaunch(exec, stream) == cudaSuccess);
    EXPECT(cudaStreamSynchronize(stream) == cudaSuccess);
    for (int i = 0; i < n; ++i)
      EXPECT(host[i] == 7);
  }
  EXPECT(launches == 2);

  // Changing the executable graph's kernel leaves the graph as it was.
  int ten = 10;
  void *tenArgs[] = {&data, &count_, &ten};
  cudaKernelNodeParams changed = kernel;
  changed.kernelParams = tenArgs;
  EXPECT(cudaGraphExecKernelNodeSetParams(exec, add, &changed) ==
         cudaSuccess);
  EXPECT(cudaGraphLaunch(exec, stream) == cudaSuccess);
  EXPECT(cudaStreamSynchronize(stream) == cudaSuccess);
  EXPECT(host[0] == 12 && host[n - 1] == 12);
  cudaKernelNodeParams readBack;
  EXPECT(cudaGraphKernelNodeGetParams(add, &readBack) == cudaSuccess);
  EXPECT(*static_cast<int *>(readBack.kernelParams[2]) == 5);

  // A clone launches on its own; disabling a node skips it.
  cudaGraph_t clone;
  cudaGraphExec_t cloneExec;
  EXPECT(cudaGraphClone(&clone, graph) == cudaSuccess);
  EXPECT(cudaGraphInstantiate(&cloneExec, clone, 0) == cudaSuccess);
  cudaGraphNode_t clonedAdd;
  EXPECT(cudaGraphNodeFindInClone(&clonedAdd, add, clone) == cudaSuccess);
  EXPECT(cudaGraphNodeSetEnabled(cloneExec, clonedAdd, 0) == cudaSuccess);
  EXPECT(cudaGraphLaunch(cloneExec, stream) == cudaSuccess);
  EXPECT(cudaStreamSynchronize(stream) == cudaSuccess);
  EXPECT(host[0] == 2);
  EXPECT(launches == 4);

  // Edge data: default edges only, reported as zeros.
  cudaGraphNode_t fromNodes[8], toNodes[8];
  cudaGraphEdgeData edgeData[8];
  std::memset(edgeData, 0xff, sizeof edgeData);
  size_t edgeCount = 8;
  EXPECT(cudaGraphGetEdges_v2(graph, fromNodes, toNodes, edgeData,
                              &edgeCount) == cudaSuccess);
  EXPECT(edgeCount == 4 && edgeData[0].type == 0 && edgeData[3].to_port == 0);
  cudaGraphEdgeData programmatic = {};
  programmatic.type = cudaGraphDependencyTypeProgrammatic;
  EXPECT(cudaGraphAddDependencies_v2(graph, &zero, &count, &programmatic, 1) ==
         cudaErrorNotSupported);
  cudaGetLastError();
  cudaGraphInstantiateParams instantiate = {};
  cudaGraphExec_t viaParams;
  EXPECT(cudaGraphInstantiateWithParams(&viaParams, graph, &instantiate) ==
         cudaSuccess);
  EXPECT(instantiate.result_out == cudaGraphInstantiateSuccess);
  EXPECT(cudaGraphExecDestroy(viaParams) == cudaSuccess);

  unsigned long long graphMemory = 1;
  EXPECT(cudaDeviceGetGraphMemAttribute(0, cudaGraphMemAttrUsedMemCurrent,
                                        &graphMemory) == cudaSuccess &&
         graphMemory == 0);
  EXPECT(cudaDeviceSetGraphMemAttribute(0, cudaGraphMemAttrUsedMemCurrent,
                                        &graphMemory) ==
         cudaErrorInvalidValue);
  cudaGetLastError();

  // The generic form: a host node from cudaGraphNodeParams.
  cudaGraph_t generic;
  EXPECT(cudaGraphCreate(&generic, 0) == cudaSuccess);
  cudaGraphNodeParams hostNodeParams = {};
  hostNodeParams.type = cudaGraphNodeTypeHost;
  hostNodeParams.host.fn = countLaunch;
  hostNodeParams.host.userData = &launches;
  cudaGraphNode_t genericNode;
  EXPECT(cudaGraphAddNode(&genericNode, generic, nullptr, 0,
                          &hostNodeParams) == cudaSuccess);
  cudaGraphExec_t genericExec;
  EXPECT(cudaGraphInstantiate(&genericExec, generic, 0) == cudaSuccess);
  int before = launches;
  EXPECT(cudaGraphLaunch(genericExec, stream) == cudaSuccess);
  EXPECT(cudaStreamSynchronize(stream) == cudaSuccess);
  EXPECT(launches == before + 1);
  cudaGraphNodeParams conditional = {};
  conditional.type = cudaGraphNodeTypeConditional;
  EXPECT(cudaGraphAddNode(&genericNode, generic, nullptr, 0, &conditional) ==
         cudaErrorNotSupported);
  cudaGetLastError();
  EXPECT(cudaGraphExecDestroy(genericExec) == cudaSuccess);
  EXPECT(cudaGraphDestroy(generic) == cudaSuccess);

  // Copies to and from a __device__ symbol, as graph nodes.
  cudaGraph_t symbols;
  EXPECT(cudaGraphCreate(&symbols, 0) == cudaSuccess);
  int in[4] = {4, 3, 2, 1}, out[4] = {};
  cudaGraphNode_t toNode, fromNode;
  EXPECT(cudaGraphAddMemcpyNodeToSymbol(&toNode, symbols, nullptr, 0, slots,
                                        in, sizeof in, 0,
                                        cudaMemcpyHostToDevice) ==
         cudaSuccess);
  EXPECT(cudaGraphAddMemcpyNodeFromSymbol(&fromNode, symbols, &toNode, 1, out,
                                          slots, sizeof(int), 2 * sizeof(int),
                                          cudaMemcpyDeviceToHost) ==
         cudaSuccess);
  EXPECT(cudaGraphAddMemcpyNodeToSymbol(&toNode, symbols, nullptr, 0, slots,
                                        in, sizeof in, 4,
                                        cudaMemcpyHostToDevice) ==
         cudaErrorInvalidValue); // past the end of the symbol
  cudaGetLastError();
  cudaGraphExec_t symbolsExec;
  EXPECT(cudaGraphInstantiate(&symbolsExec, symbols, 0) == cudaSuccess);
  EXPECT(cudaGraphLaunch(symbolsExec, stream) == cudaSuccess);
  EXPECT(cudaStreamSynchronize(stream) == cudaSuccess);
  EXPECT(out[0] == 2);
  EXPECT(cudaGraphExecDestroy(symbolsExec) == cudaSuccess);
  EXPECT(cudaGraphDestroy(symbols) == cudaSuccess);

  // Kernel node attributes: cooperative is reported and can be set.
  cudaKernelNodeAttrValue attrValue;
  EXPECT(cudaGraphKernelNodeGetAttribute(add, cudaLaunchAttributeCooperative,
                                         &attrValue) == cudaSuccess &&
         attrValue.cooperative == 0);
  attrValue.cooperative = 1;
  EXPECT(cudaGraphKernelNodeSetAttribute(add, cudaLaunchAttributeCooperative,
                                         &attrValue) == cudaSuccess);
  attrValue.cooperative = 0;
  EXPECT(cudaGraphKernelNodeGetAttribute(add, cudaLaunchAttributeCooperative,
                                         &attrValue) == cudaSuccess &&
         attrValue.cooperative == 1);
  attrValue.clusterDim.x = 2;
  attrValue.clusterDim.y = attrValue.clusterDim.z = 1;
  EXPECT(cudaGraphKernelNodeSetAttribute(add, cudaLaunchAttributeClusterDimension,
                                         &attrValue) == cudaErrorNotSupported);
  EXPECT(cudaGraphKernelNodeGetAttribute(count, cudaLaunchAttributeCooperative,
                                         &attrValue) == cudaErrorInvalidValue);
  cudaGetLastError();
  cudaGraphExec_t cooperativeExec;
  EXPECT(cudaGraphInstantiate(&cooperativeExec, graph, 0) == cudaSuccess);
  EXPECT(cudaGraphLaunch(cooperativeExec, stream) == cudaSuccess);
  EXPECT(cudaStreamSynchronize(stream) == cudaSuccess);
  EXPECT(host[0] == 7);
  EXPECT(cudaGraphExecDestroy(cooperativeExec) == cudaSuccess);

  // A cycle cannot be instantiated.
  EXPECT(cudaGraphAddDependencies(graph, &count, &zero, 1) == cudaSuccess);
  cudaGraphExec_t cyclic;
  EXPECT(cudaGraphInstantiate(&cyclic, graph, 0) == cudaErrorInvalidValue);
  EXPECT(cudaGraphRemoveDependencies(graph, &count, &zero, 1) == cudaSuccess);
  EXPECT(cudaGraphRemoveDependencies(graph, &count, &zero, 1) ==
         cudaErrorInvalidValue);
  cudaGetLastError();

  // Stream capture: s1 sets and adds 5, s2 (joined by an event) adds 2,
  // s1 waits for s2 and copies back; a host node counts.
  cudaStream_t s1, s2;
  cudaEvent_t forked, joined;
  EXPECT(cudaStreamCreateWithFlags(&s1, cudaStreamNonBlocking) == cudaSuccess);
  EXPECT(cudaStreamCreateWithFlags(&s2, cudaStreamNonBlocking) == cudaSuccess);
  EXPECT(cudaEventCreate(&forked) == cudaSuccess);
  EXPECT(cudaEventCreate(&joined) == cudaSuccess);
  launches = 0;
  const int hostBefore = host[0];
  EXPECT(cudaStreamBeginCapture(s1, cudaStreamCaptureModeGlobal) ==
         cudaSuccess);
  cudaStreamCaptureStatus status;
  EXPECT(cudaStreamIsCapturing(s1, &status) == cudaSuccess &&
         status == cudaStreamCaptureStatusActive);
  EXPECT(cudaMemsetAsync(data, 0, n * sizeof(int), s1) == cudaSuccess);
  addTo<<<(n + 127) / 128, 128, 0, s1>>>(data, n, 5);
  EXPECT(cudaEventRecord(forked, s1) == cudaSuccess);
  EXPECT(cudaStreamWaitEvent(s2, forked, 0) == cudaSuccess);
  EXPECT(cudaStreamIsCapturing(s2, &status) == cudaSuccess &&
         status == cudaStreamCaptureStatusActive);
  addTo<<<(n + 127) / 128, 128, 0, s2>>>(data, n, 2);
  EXPECT(cudaEventRecord(joined, s2) == cudaSuccess);
  EXPECT(cudaStreamWaitEvent(s1, joined, 0) == cudaSuccess);
  EXPECT(cudaMemcpyAsync(host, data, sizeof host, cudaMemcpyDeviceToHost,
                         s1) == cudaSuccess);
  EXPECT(cudaLaunchHostFunc(s1, countLaunch, &launches) == cudaSuccess);
  EXPECT(launches == 0 && host[0] == hostBefore); // nothing ran yet
  cudaGraph_t captured;
  EXPECT(cudaStreamEndCapture(s1, &captured) == cudaSuccess);
  EXPECT(cudaGraphGetNodes(captured, nullptr, &nodes) == cudaSuccess &&
         nodes == 5);
  cudaGraphExec_t capturedExec;
  EXPECT(cudaGraphInstantiate(&capturedExec, captured, 0) == cudaSuccess);
  for (int round = 0; round < 2; ++round) {
    EXPECT(cudaGraphLaunch(capturedExec, stream) == cudaSuccess);
    EXPECT(cudaStreamSynchronize(stream) == cudaSuccess);
    EXPECT(host[0] == 7 && host[n - 1] == 7);
  }
  EXPECT(launches == 2);

  // Synchronising a capturing stream invalidates the capture.
  EXPECT(cudaStreamBeginCapture(s1, cudaStreamCaptureModeGlobal) ==
         cudaSuccess);
  EXPECT(cudaStreamBeginCapture(s1, cudaStreamCaptureModeGlobal) ==
         cudaErrorIllegalState);
  EXPECT(cudaStreamSynchronize(s1) == cudaErrorStreamCaptureUnsupported);
  cudaGraph_t invalid;
  EXPECT(cudaStreamEndCapture(s1, &invalid) ==
         cudaErrorStreamCaptureInvalidated);
  EXPECT(cudaStreamBeginCapture(0, cudaStreamCaptureModeGlobal) ==
         cudaErrorStreamCaptureUnsupported);
  cudaGetLastError();
  // Capturing into an existing graph, after one of its nodes.
  cudaGraph_t target;
  cudaGraphNode_t start;
  EXPECT(cudaGraphCreate(&target, 0) == cudaSuccess);
  EXPECT(cudaGraphAddEmptyNode(&start, target, nullptr, 0) == cudaSuccess);
  EXPECT(cudaStreamBeginCaptureToGraph(s1, target, &start, nullptr, 1,
                                       cudaStreamCaptureModeGlobal) ==
         cudaSuccess);
  addTo<<<(n + 127) / 128, 128, 0, s1>>>(data, n, 1);
  EXPECT(cudaStreamUpdateCaptureDependencies(
             s1, &start, 1, cudaStreamAddCaptureDependencies) == cudaSuccess);
  cudaGraph_t same = nullptr;
  EXPECT(cudaStreamEndCapture(s1, &same) == cudaSuccess && same == target);
  EXPECT(cudaGraphGetNodes(target, nullptr, &nodes) == cudaSuccess &&
         nodes == 2);
  EXPECT(cudaGraphGetEdges(target, nullptr, nullptr, &edges) == cudaSuccess &&
         edges == 1);
  EXPECT(cudaStreamUpdateCaptureDependencies(s1, &start, 1, 0) ==
         cudaErrorIllegalState);
  cudaGetLastError();
  EXPECT(cudaGraphDestroy(target) == cudaSuccess);

  EXPECT(cudaGraphExecDestroy(capturedExec) == cudaSuccess);
  EXPECT(cudaGraphDestroy(captured) == cudaSuccess);
  EXPECT(cudaStreamDestroy(s1) == cudaSuccess);
  EXPECT(cudaStreamDestroy(s2) == cudaSuccess);

  // User objects live as long as a graph or executable graph holds them.
  cudaUserObject_t object;
  EXPECT(cudaUserObjectCreate(&object, nullptr, destroyObject, 1,
                              cudaUserObjectNoDestructorSync) == cudaSuccess);
  cudaGraph_t holder;
  EXPECT(cudaGraphCreate(&holder, 0) == cudaSuccess);
  EXPECT(cudaGraphRetainUserObject(holder, object, 1,
                                   cudaGraphUserObjectMove) == cudaSuccess);
  cudaGraphExec_t holderExec;
  EXPECT(cudaGraphInstantiate(&holderExec, holder, 0) == cudaSuccess);
  EXPECT(cudaGraphDestroy(holder) == cudaSuccess);
  EXPECT(destroyed == 0); // the executable graph still holds it
  EXPECT(cudaGraphExecDestroy(holderExec) == cudaSuccess);
  EXPECT(destroyed == 1);
  EXPECT(cudaUserObjectRelease(object, 1) == cudaErrorInvalidValue);
  cudaGetLastError();

  // An executable graph takes a same-shaped graph's parameters.
  cudaGraph_t changedGraph;
  EXPECT(cudaGraphClone(&changedGraph, graph) == cudaSuccess);
  cudaGraphNode_t changedAdd;
  EXPECT(cudaGraphNodeFindInClone(&changedAdd, add, changedGraph) ==
         cudaSuccess);
  int hundred = 100;
  void *hundredArgs[] = {&data, &count_, &hundred};
  cudaKernelNodeParams bigger = kernel;
  bigger.kernelParams = hundredArgs;
  EXPECT(cudaGraphKernelNodeSetParams(changedAdd, &bigger) == cudaSuccess);
  cudaGraphExecUpdateResultInfo info;
  EXPECT(cudaGraphExecUpdate(cloneExec, changedGraph, &info) == cudaSuccess);
  // The update keeps which nodes are enabled; the nodes are the new graph's.
  EXPECT(cudaGraphNodeSetEnabled(cloneExec, changedAdd, 1) == cudaSuccess);
  EXPECT(cudaGraphLaunch(cloneExec, stream) == cudaSuccess);
  EXPECT(cudaStreamSynchronize(stream) == cudaSuccess);
  EXPECT(host[0] == 102);
  cudaGraphNode_t extra;
  EXPECT(cudaGraphAddEmptyNode(&extra, changedGraph, nullptr, 0) ==
         cudaSuccess);
  EXPECT(cudaGraphExecUpdate(cloneExec, changedGraph, &info) ==
         cudaErrorGraphExecUpdateFailure);
  EXPECT(info.result == cudaGraphExecUpdateErrorTopologyChanged);
  cudaGetLastError();
  EXPECT(cudaGraphDebugDotPrint(changedGraph, "/dev/null", 0) == cudaSuccess);
  EXPECT(cudaGraphDestroy(changedGraph) == cudaSuccess);

  EXPECT(cudaGraphExecDestroy(cloneExec) == cudaSuccess);
  EXPECT(cudaGraphExecDestroy(exec) == cudaSuccess);
  EXPECT(cudaGraphExecDestroy(exec) == cudaErrorInvalidValue);
  cudaGetLastError();
  EXPECT(cudaGraphDestroy(clone) == cudaSuccess);
  EXPECT(cudaGraphDestroy(inner) == cudaSuccess);
  EXPECT(cudaGraphDestroy(graph) == cudaSuccess);
  EXPECT(cudaStreamDestroy(stream) == cudaSuccess);
  EXPECT(cudaFree(data) == cudaSuccess);
  std::printf("graphs: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
