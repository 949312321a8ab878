//===- CudartGraph.cpp - cudaGraph*: building, instantiating, launching ---===//
//
// Each node kind has a builder that turns the API's parameters into the
// core's node: the operation it enqueues and its own copy of the
// parameters (kernel arguments included, copied when the node is made, as
// CUDA does). Add*, *SetParams and Exec*SetParams all go through it.
//
//===----------------------------------------------------------------------===//

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include <cstring>
#include <vector>

#include "core/Graph.h"
#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"

using namespace lingqu;
using cudart::runtime;

namespace {
struct Built {
  Built(rt::NodeOperation operation = {},
        std::shared_ptr<const void> params = {},
        std::shared_ptr<const rt::KernelLaunchData> launch = {})
      : operation(std::move(operation)), params(std::move(params)),
        launch(std::move(launch)) {}
  rt::NodeOperation operation;
  std::shared_ptr<const void> params;
  std::shared_ptr<const rt::KernelLaunchData> launch; ///< kernel nodes
};

/// A kernel node's parameters, with its own copies of the arguments.
struct KernelParams {
  cudaKernelNodeParams api{};
  std::shared_ptr<rt::KernelArguments> args;
};

absl::StatusOr<Built> kernelNode(const cudaKernelNodeParams &p) {
  absl::StatusOr<rt::ResolvedKernel> kernel =
      runtime().registry().resolveKernel(p.func);
  if (!kernel.ok())
    return kernel.status();
  const lingqu_kernel_info &info = *kernel->info;
  if (info.num_params > 0 && p.kernelParams == nullptr)
    return rt::makeError(p.extra ? cudaErrorNotSupported : cudaErrorInvalidValue,
                         p.extra ? "kernel nodes take kernelParams, not extra"
                                 : "the kernel's arguments are missing");
  auto params = std::make_shared<KernelParams>();
  params->args = rt::copyArguments(info, p.kernelParams);
  params->api = p;
  params->api.kernelParams = params->args->pointers.data();
  params->api.extra = nullptr;
  rt::LaunchConfig config;
  config.grid = {p.gridDim.x, p.gridDim.y, p.gridDim.z};
  config.block = {p.blockDim.x, p.blockDim.y, p.blockDim.z};
  config.dynamicSharedBytes = p.sharedMemBytes;
  auto launch = std::make_shared<const rt::KernelLaunchData>(
      rt::KernelLaunchData{*kernel, config, params->args});
  return Built{rt::kernelOperation(launch),
               std::shared_ptr<const KernelParams>(params), launch};
}

absl::StatusOr<Built> memcpyNode(const cudaMemcpy3DParms &p) {
  // Checked now, so that a bad node fails when it is added.
  if (absl::Status s = cudart::copyOf(&p).status(); !s.ok())
    return s;
  auto params = std::make_shared<const cudaMemcpy3DParms>(p);
  return Built{[params](rt::Runtime &rt, const void *stream) {
                 absl::StatusOr<rt::Copy3D> c = cudart::copyOf(params.get());
                 if (!c.ok())
                   return c.status();
                 return rt::copy3D(rt, *c, params->kind, true, stream);
               },
               params};
}

cudaMemcpy3DParms linearCopy(void *dst, const void *src, size_t count,
                             cudaMemcpyKind kind) {
  cudaMemcpy3DParms p;
  std::memset(&p, 0, sizeof p);
  p.dstPtr = cudaPitchedPtr{dst, count, count, 1};
  p.srcPtr = cudaPitchedPtr{const_cast<void *>(src), count, count, 1};
  p.extent = cudaExtent{count, 1, 1};
  p.kind = kind;
  return p;
}

absl::StatusOr<Built> memsetNode(const cudaMemsetParams &p) {
  if (p.elementSize != 1 && p.elementSize != 2 && p.elementSize != 4)
    return rt::makeError(cudaErrorInvalidValue, "element size 1, 2 or 4");
  auto params = std::make_shared<const cudaMemsetParams>(p);
  rt::Set2D set;
  set.dst = p.dst;
  set.pitch = p.height > 1 ? p.pitch : p.width * p.elementSize;
  set.value = p.value;
  set.elementSize = p.elementSize;
  set.width = p.width;
  set.height = p.height;
  return Built{rt::setOperation(set), params};
}

absl::StatusOr<Built> hostNode(const cudaHostNodeParams &p) {
  if (p.fn == nullptr)
    return rt::makeError(cudaErrorInvalidValue, "no host function");
  auto params = std::make_shared<const cudaHostNodeParams>(p);
  return Built{rt::hostOperation(p.fn, p.userData), params};
}

absl::StatusOr<Built> eventNode(cudaEvent_t event, bool record) {
  if (absl::Status s = runtime().event(event).status(); !s.ok())
    return s;
  return Built{rt::eventOperation(event, record),
               std::make_shared<const cudaEvent_t>(event)};
}

//===--- Handles ---------------------------------------------------------------===//

absl::StatusOr<rt::Graph *> graphOf(cudaGraph_t g) {
  return runtime().graphs().graph(g);
}
absl::StatusOr<rt::GraphNode *> nodeOf(cudaGraphNode_t n) {
  return runtime().graphs().node(n);
}
absl::StatusOr<rt::GraphExec *> execOf(cudaGraphExec_t e) {
  return runtime().graphs().exec(e);
}
cudaGraphNode_t handle(rt::GraphNode *n) {
  return reinterpret_cast<cudaGraphNode_t>(n);
}
cudaGraph_t handle(rt::Graph *g) { return reinterpret_cast<cudaGraph_t>(g); }

/// A node of `type` made by `built`, after `dependencies`.
absl::Status addNode(cudaGraphNode_t *out, cudaGraph_t graph,
                     const cudaGraphNode_t *dependencies, size_t count,
                     cudaGraphNodeType type, absl::StatusOr<Built> built) {
  if (!built.ok())
    return built.status();
  absl::StatusOr<rt::Graph *> g = graphOf(graph);
  if (!g.ok())
    return g.status();
  absl::StatusOr<rt::GraphNode *> node = (*g)->addAfter(
      reinterpret_cast<const void *const *>(dependencies), count, type,
      std::move(built->operation), std::move(built->params));
  if (!node.ok())
    return node.status();
  (*node)->launch = std::move(built->launch);
  *out = handle(*node);
  return absl::OkStatus();
}

/// The node `n`, which must be of `type`.
absl::StatusOr<rt::GraphNode *> typedNode(cudaGraphNode_t n,
                                          cudaGraphNodeType type) {
  absl::StatusOr<rt::GraphNode *> node = nodeOf(n);
  if (!node.ok())
    return node.status();
  if ((*node)->type != type)
    return rt::makeError(cudaErrorInvalidValue, "a node of another type");
  if ((*node)->params && (*node)->api != rt::kApiRuntime)
    return rt::makeError(cudaErrorNotSupported,
                         "the node was described through the driver API");
  return node;
}

/// Replaces a node's operation and parameters.
absl::Status setNode(cudaGraphNode_t n, cudaGraphNodeType type,
                     absl::StatusOr<Built> built) {
  absl::StatusOr<rt::GraphNode *> node = typedNode(n, type);
  if (!node.ok())
    return node.status();
  if (!built.ok())
    return built.status();
  (*node)->operation = std::move(built->operation);
  (*node)->params = std::move(built->params);
  (*node)->launch = std::move(built->launch);
  return absl::OkStatus();
}

/// Replaces what an executable graph does for `n`.
absl::Status setExecNode(cudaGraphExec_t e, cudaGraphNode_t n,
                         cudaGraphNodeType type, absl::StatusOr<Built> built) {
  absl::StatusOr<rt::GraphExec *> exec = execOf(e);
  if (!exec.ok())
    return exec.status();
  absl::StatusOr<rt::GraphNode *> node = typedNode(n, type);
  if (!node.ok())
    return node.status();
  if (!built.ok())
    return built.status();
  return (*exec)->replace(*node, built->operation);
}

template <typename T> const T &paramsOf(const rt::GraphNode &node) {
  return *static_cast<const T *>(node.params.get());
}

absl::Status listNodes(const std::vector<rt::GraphNode *> &nodes,
                       cudaGraphNode_t *out, size_t *count) {
  rt::listInto(nodes, reinterpret_cast<void **>(out), count);
  return absl::OkStatus();
}
} // namespace

//===--- Graphs ----------------------------------------------------------------===//

absl::Status cudart::impl::cudaGraphCreate(cudaGraph_t *pGraph,
                                           unsigned int flags) {
  *pGraph = handle(runtime().graphs().create());
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphDestroy(cudaGraph_t graph) {
  return runtime().graphs().destroy(graph);
}

absl::Status cudart::impl::cudaGraphClone(cudaGraph_t *pGraphClone,
                                          cudaGraph_t originalGraph) {
  absl::StatusOr<rt::Graph *> g = graphOf(originalGraph);
  if (!g.ok())
    return g.status();
  *pGraphClone = handle(runtime().graphs().adopt((*g)->clone(nullptr)));
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphNodeFindInClone(cudaGraphNode_t *pNode,
                                                    cudaGraphNode_t originalNode,
                                                    cudaGraph_t clonedGraph) {
  absl::StatusOr<rt::GraphNode *> original = nodeOf(originalNode);
  if (!original.ok())
    return original.status();
  absl::StatusOr<rt::Graph *> clone = graphOf(clonedGraph);
  if (!clone.ok())
    return clone.status();
  absl::StatusOr<rt::GraphNode *> node = (*clone)->counterpart(*original);
  if (!node.ok())
    return node.status();
  *pNode = handle(*node);
  return absl::OkStatus();
}

//===--- Adding nodes ----------------------------------------------------------===//

absl::Status cudart::impl::cudaGraphAddKernelNode(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
    const cudaGraphNode_t *pDependencies, size_t numDependencies,
    const struct cudaKernelNodeParams *pNodeParams) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies,
                 cudaGraphNodeTypeKernel, kernelNode(*pNodeParams));
}

absl::Status cudart::impl::cudaGraphAddMemcpyNode(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
    const cudaGraphNode_t *pDependencies, size_t numDependencies,
    const struct cudaMemcpy3DParms *pCopyParams) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies,
                 cudaGraphNodeTypeMemcpy, memcpyNode(*pCopyParams));
}

absl::Status cudart::impl::cudaGraphAddMemcpyNode1D(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
    const cudaGraphNode_t *pDependencies, size_t numDependencies, void *dst,
    const void *src, size_t count, enum cudaMemcpyKind kind) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies,
                 cudaGraphNodeTypeMemcpy,
                 memcpyNode(linearCopy(dst, src, count, kind)));
}

absl::Status cudart::impl::cudaGraphAddMemsetNode(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
    const cudaGraphNode_t *pDependencies, size_t numDependencies,
    const struct cudaMemsetParams *pMemsetParams) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies,
                 cudaGraphNodeTypeMemset, memsetNode(*pMemsetParams));
}

absl::Status cudart::impl::cudaGraphAddHostNode(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
    const cudaGraphNode_t *pDependencies, size_t numDependencies,
    const struct cudaHostNodeParams *pNodeParams) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies,
                 cudaGraphNodeTypeHost, hostNode(*pNodeParams));
}

absl::Status cudart::impl::cudaGraphAddEmptyNode(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
    const cudaGraphNode_t *pDependencies, size_t numDependencies) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies,
                 cudaGraphNodeTypeEmpty, Built{});
}

absl::Status cudart::impl::cudaGraphAddEventRecordNode(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
    const cudaGraphNode_t *pDependencies, size_t numDependencies,
    cudaEvent_t event) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies,
                 cudaGraphNodeTypeEventRecord, eventNode(event, true));
}

absl::Status cudart::impl::cudaGraphAddEventWaitNode(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
    const cudaGraphNode_t *pDependencies, size_t numDependencies,
    cudaEvent_t event) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies,
                 cudaGraphNodeTypeWaitEvent, eventNode(event, false));
}

absl::Status cudart::impl::cudaGraphAddChildGraphNode(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
    const cudaGraphNode_t *pDependencies, size_t numDependencies,
    cudaGraph_t childGraph) {
  absl::StatusOr<rt::Graph *> child = graphOf(childGraph);
  if (!child.ok())
    return child.status();
  if (absl::Status s = addNode(pGraphNode, graph, pDependencies,
                               numDependencies, cudaGraphNodeTypeGraph, Built{});
      !s.ok())
    return s;
  // The node holds a copy: later changes to childGraph do not reach it.
  reinterpret_cast<rt::GraphNode *>(*pGraphNode)->child =
      (*child)->clone(nullptr);
  return absl::OkStatus();
}

//===--- Node parameters -------------------------------------------------------===//

absl::Status cudart::impl::cudaGraphKernelNodeGetParams(
    cudaGraphNode_t node, struct cudaKernelNodeParams *pNodeParams) {
  absl::StatusOr<rt::GraphNode *> n = typedNode(node, cudaGraphNodeTypeKernel);
  if (!n.ok())
    return n.status();
  *pNodeParams = paramsOf<KernelParams>(**n).api;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphKernelNodeSetParams(
    cudaGraphNode_t node, const struct cudaKernelNodeParams *pNodeParams) {
  return setNode(node, cudaGraphNodeTypeKernel, kernelNode(*pNodeParams));
}

absl::Status cudart::impl::cudaGraphMemcpyNodeGetParams(
    cudaGraphNode_t node, struct cudaMemcpy3DParms *pNodeParams) {
  absl::StatusOr<rt::GraphNode *> n = typedNode(node, cudaGraphNodeTypeMemcpy);
  if (!n.ok())
    return n.status();
  *pNodeParams = paramsOf<cudaMemcpy3DParms>(**n);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphMemcpyNodeSetParams(
    cudaGraphNode_t node, const struct cudaMemcpy3DParms *pNodeParams) {
  return setNode(node, cudaGraphNodeTypeMemcpy, memcpyNode(*pNodeParams));
}

absl::Status cudart::impl::cudaGraphMemcpyNodeSetParams1D(
    cudaGraphNode_t node, void *dst, const void *src, size_t count,
    enum cudaMemcpyKind kind) {
  return setNode(node, cudaGraphNodeTypeMemcpy,
                 memcpyNode(linearCopy(dst, src, count, kind)));
}

absl::Status cudart::impl::cudaGraphMemsetNodeGetParams(
    cudaGraphNode_t node, struct cudaMemsetParams *pNodeParams) {
  absl::StatusOr<rt::GraphNode *> n = typedNode(node, cudaGraphNodeTypeMemset);
  if (!n.ok())
    return n.status();
  *pNodeParams = paramsOf<cudaMemsetParams>(**n);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphMemsetNodeSetParams(
    cudaGraphNode_t node, const struct cudaMemsetParams *pNodeParams) {
  return setNode(node, cudaGraphNodeTypeMemset, memsetNode(*pNodeParams));
}

absl::Status cudart::impl::cudaGraphHostNodeGetParams(
    cudaGraphNode_t node, struct cudaHostNodeParams *pNodeParams) {
  absl::StatusOr<rt::GraphNode *> n = typedNode(node, cudaGraphNodeTypeHost);
  if (!n.ok())
    return n.status();
  *pNodeParams = paramsOf<cudaHostNodeParams>(**n);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphHostNodeSetParams(
    cudaGraphNode_t node, const struct cudaHostNodeParams *pNodeParams) {
  return setNode(node, cudaGraphNodeTypeHost, hostNode(*pNodeParams));
}

absl::Status cudart::impl::cudaGraphChildGraphNodeGetGraph(cudaGraphNode_t node,
                                                           cudaGraph_t *pGraph) {
  absl::StatusOr<rt::GraphNode *> n = typedNode(node, cudaGraphNodeTypeGraph);
  if (!n.ok())
    return n.status();
  *pGraph = handle((*n)->child.get());
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphEventRecordNodeGetEvent(
    cudaGraphNode_t node, cudaEvent_t *event_out) {
  absl::StatusOr<rt::GraphNode *> n =
      typedNode(node, cudaGraphNodeTypeEventRecord);
  if (!n.ok())
    return n.status();
  *event_out = paramsOf<cudaEvent_t>(**n);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphEventRecordNodeSetEvent(
    cudaGraphNode_t node, cudaEvent_t event) {
  return setNode(node, cudaGraphNodeTypeEventRecord, eventNode(event, true));
}

absl::Status cudart::impl::cudaGraphEventWaitNodeGetEvent(
    cudaGraphNode_t node, cudaEvent_t *event_out) {
  absl::StatusOr<rt::GraphNode *> n =
      typedNode(node, cudaGraphNodeTypeWaitEvent);
  if (!n.ok())
    return n.status();
  *event_out = paramsOf<cudaEvent_t>(**n);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphEventWaitNodeSetEvent(cudaGraphNode_t node,
                                                          cudaEvent_t event) {
  return setNode(node, cudaGraphNodeTypeWaitEvent, eventNode(event, false));
}

//===--- Structure -------------------------------------------------------------===//

absl::Status cudart::impl::cudaGraphNodeGetType(cudaGraphNode_t node,
                                                enum cudaGraphNodeType *pType) {
  absl::StatusOr<rt::GraphNode *> n = nodeOf(node);
  if (!n.ok())
    return n.status();
  *pType = static_cast<cudaGraphNodeType>((*n)->type);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphGetNodes(cudaGraph_t graph,
                                             cudaGraphNode_t *nodes,
                                             size_t *numNodes) {
  absl::StatusOr<rt::Graph *> g = graphOf(graph);
  if (!g.ok())
    return g.status();
  std::vector<rt::GraphNode *> all;
  for (const auto &n : (*g)->nodes())
    all.push_back(n.get());
  return listNodes(all, nodes, numNodes);
}

absl::Status cudart::impl::cudaGraphGetRootNodes(cudaGraph_t graph,
                                                 cudaGraphNode_t *pRootNodes,
                                                 size_t *pNumRootNodes) {
  absl::StatusOr<rt::Graph *> g = graphOf(graph);
  if (!g.ok())
    return g.status();
  return listNodes((*g)->roots(), pRootNodes, pNumRootNodes);
}

absl::Status cudart::impl::cudaGraphGetEdges(cudaGraph_t graph,
                                             cudaGraphNode_t *from,
                                             cudaGraphNode_t *to,
                                             size_t *numEdges) {
  absl::StatusOr<rt::Graph *> g = graphOf(graph);
  if (!g.ok())
    return g.status();
  return (*g)->edgesInto(reinterpret_cast<void **>(from),
                         reinterpret_cast<void **>(to), numEdges);
}

absl::Status cudart::impl::cudaGraphNodeGetDependencies(
    cudaGraphNode_t node, cudaGraphNode_t *pDependencies,
    size_t *pNumDependencies) {
  absl::StatusOr<rt::GraphNode *> n = nodeOf(node);
  if (!n.ok())
    return n.status();
  return listNodes((*n)->dependencies, pDependencies, pNumDependencies);
}

absl::Status cudart::impl::cudaGraphNodeGetDependentNodes(
    cudaGraphNode_t node, cudaGraphNode_t *pDependentNodes,
    size_t *pNumDependentNodes) {
  absl::StatusOr<rt::GraphNode *> n = nodeOf(node);
  if (!n.ok())
    return n.status();
  return listNodes((*n)->dependents, pDependentNodes, pNumDependentNodes);
}

namespace {
absl::Status edges(cudaGraph_t graph, const cudaGraphNode_t *from,
                   const cudaGraphNode_t *to, size_t count, bool add) {
  absl::StatusOr<rt::Graph *> g = graphOf(graph);
  if (!g.ok())
    return g.status();
  std::vector<rt::GraphNode *> f, t;
  for (size_t i = 0; i < count; ++i) {
    f.push_back(reinterpret_cast<rt::GraphNode *>(from[i]));
    t.push_back(reinterpret_cast<rt::GraphNode *>(to[i]));
  }
  return add ? (*g)->addEdges(f, t) : (*g)->removeEdges(f, t);
}
} // namespace

absl::Status cudart::impl::cudaGraphAddDependencies(cudaGraph_t graph,
                                                    const cudaGraphNode_t *from,
                                                    const cudaGraphNode_t *to,
                                                    size_t numDependencies) {
  return edges(graph, from, to, numDependencies, true);
}

absl::Status cudart::impl::cudaGraphRemoveDependencies(
    cudaGraph_t graph, const cudaGraphNode_t *from, const cudaGraphNode_t *to,
    size_t numDependencies) {
  return edges(graph, from, to, numDependencies, false);
}

absl::Status cudart::impl::cudaGraphDestroyNode(cudaGraphNode_t node) {
  absl::StatusOr<rt::GraphNode *> n = nodeOf(node);
  if (!n.ok())
    return n.status();
  (*n)->graph->remove(*n);
  return absl::OkStatus();
}

//===--- Executable graphs -----------------------------------------------------===//

absl::Status cudart::impl::cudaGraphInstantiateWithFlags(
    cudaGraphExec_t *pGraphExec, cudaGraph_t graph, unsigned long long flags) {
  absl::StatusOr<rt::Graph *> g = graphOf(graph);
  if (!g.ok())
    return g.status();
  absl::StatusOr<rt::GraphExec *> exec =
      runtime().graphs().instantiate(**g, flags);
  if (!exec.ok())
    return exec.status();
  *pGraphExec = reinterpret_cast<cudaGraphExec_t>(*exec);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphInstantiate(cudaGraphExec_t *pGraphExec,
                                                cudaGraph_t graph,
                                                unsigned long long flags) {
  return impl::cudaGraphInstantiateWithFlags(pGraphExec, graph, flags);
}

absl::Status cudart::impl::cudaGraphExecGetFlags(cudaGraphExec_t graphExec,
                                                 unsigned long long *flags) {
  absl::StatusOr<rt::GraphExec *> exec = execOf(graphExec);
  if (!exec.ok())
    return exec.status();
  *flags = (*exec)->flags;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphExecDestroy(cudaGraphExec_t graphExec) {
  return runtime().graphs().destroyExec(graphExec);
}

absl::Status cudart::impl::cudaGraphLaunch(cudaGraphExec_t graphExec,
                                           cudaStream_t stream) {
  absl::StatusOr<rt::GraphExec *> exec = execOf(graphExec);
  if (!exec.ok())
    return exec.status();
  return (*exec)->launch(runtime(), stream);
}

absl::Status cudart::impl::cudaGraphUpload(cudaGraphExec_t graphExec,
                                           cudaStream_t stream) {
  // Nothing to upload: the graph's operations are ready as they are.
  if (absl::Status s = execOf(graphExec).status(); !s.ok())
    return s;
  return runtime().stream(stream).status();
}

absl::Status cudart::impl::cudaGraphNodeSetEnabled(cudaGraphExec_t hGraphExec,
                                                   cudaGraphNode_t hNode,
                                                   unsigned int isEnabled) {
  absl::StatusOr<rt::GraphExec *> exec = execOf(hGraphExec);
  if (!exec.ok())
    return exec.status();
  return (*exec)->enable(reinterpret_cast<rt::GraphNode *>(hNode),
                         isEnabled != 0);
}

absl::Status cudart::impl::cudaGraphNodeGetEnabled(cudaGraphExec_t hGraphExec,
                                                   cudaGraphNode_t hNode,
                                                   unsigned int *isEnabled) {
  absl::StatusOr<rt::GraphExec *> exec = execOf(hGraphExec);
  if (!exec.ok())
    return exec.status();
  absl::StatusOr<bool> enabled =
      (*exec)->enabled(reinterpret_cast<rt::GraphNode *>(hNode));
  if (!enabled.ok())
    return enabled.status();
  *isEnabled = *enabled;
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphExecKernelNodeSetParams(
    cudaGraphExec_t hGraphExec, cudaGraphNode_t node,
    const struct cudaKernelNodeParams *pNodeParams) {
  return setExecNode(hGraphExec, node, cudaGraphNodeTypeKernel,
                     kernelNode(*pNodeParams));
}

absl::Status cudart::impl::cudaGraphExecMemcpyNodeSetParams(
    cudaGraphExec_t hGraphExec, cudaGraphNode_t node,
    const struct cudaMemcpy3DParms *pNodeParams) {
  return setExecNode(hGraphExec, node, cudaGraphNodeTypeMemcpy,
                     memcpyNode(*pNodeParams));
}

absl::Status cudart::impl::cudaGraphExecMemcpyNodeSetParams1D(
    cudaGraphExec_t hGraphExec, cudaGraphNode_t node, void *dst,
    const void *src, size_t count, enum cudaMemcpyKind kind) {
  return setExecNode(hGraphExec, node, cudaGraphNodeTypeMemcpy,
                     memcpyNode(linearCopy(dst, src, count, kind)));
}

absl::Status cudart::impl::cudaGraphExecMemsetNodeSetParams(
    cudaGraphExec_t hGraphExec, cudaGraphNode_t node,
    const struct cudaMemsetParams *pNodeParams) {
  return setExecNode(hGraphExec, node, cudaGraphNodeTypeMemset,
                     memsetNode(*pNodeParams));
}

absl::Status cudart::impl::cudaGraphExecHostNodeSetParams(
    cudaGraphExec_t hGraphExec, cudaGraphNode_t node,
    const struct cudaHostNodeParams *pNodeParams) {
  return setExecNode(hGraphExec, node, cudaGraphNodeTypeHost,
                     hostNode(*pNodeParams));
}

absl::Status cudart::impl::cudaGraphExecEventRecordNodeSetEvent(
    cudaGraphExec_t hGraphExec, cudaGraphNode_t hNode, cudaEvent_t event) {
  return setExecNode(hGraphExec, hNode, cudaGraphNodeTypeEventRecord,
                     eventNode(event, true));
}

absl::Status cudart::impl::cudaGraphExecEventWaitNodeSetEvent(
    cudaGraphExec_t hGraphExec, cudaGraphNode_t hNode, cudaEvent_t event) {
  return setExecNode(hGraphExec, hNode, cudaGraphNodeTypeWaitEvent,
                     eventNode(event, false));
}

//===--- User objects, updates, printing ---------------------------------------===//

absl::Status cudart::impl::cudaUserObjectCreate(cudaUserObject_t *object_out,
                                                void *ptr, cudaHostFn_t destroy,
                                                unsigned int initialRefcount,
                                                unsigned int flags) {
  *object_out = static_cast<cudaUserObject_t>(
      rt::UserObjects::get().create(ptr, destroy, initialRefcount));
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaUserObjectRetain(cudaUserObject_t object,
                                                unsigned int count) {
  return rt::UserObjects::get().retain(object, count);
}

absl::Status cudart::impl::cudaUserObjectRelease(cudaUserObject_t object,
                                                 unsigned int count) {
  return rt::UserObjects::get().release(object, count);
}

absl::Status cudart::impl::cudaGraphRetainUserObject(cudaGraph_t graph,
                                                     cudaUserObject_t object,
                                                     unsigned int count,
                                                     unsigned int flags) {
  absl::StatusOr<rt::Graph *> g = graphOf(graph);
  if (!g.ok())
    return g.status();
  return (*g)->userObjects.add(object, count, flags & cudaGraphUserObjectMove);
}

absl::Status cudart::impl::cudaGraphReleaseUserObject(cudaGraph_t graph,
                                                      cudaUserObject_t object,
                                                      unsigned int count) {
  absl::StatusOr<rt::Graph *> g = graphOf(graph);
  if (!g.ok())
    return g.status();
  return (*g)->userObjects.drop(object, count);
}

absl::Status cudart::impl::cudaGraphDebugDotPrint(cudaGraph_t graph,
                                                  const char *path,
                                                  unsigned int flags) {
  absl::StatusOr<rt::Graph *> g = graphOf(graph);
  if (!g.ok())
    return g.status();
  return (*g)->writeDot(path);
}

absl::Status cudart::impl::cudaGraphExecUpdate(
    cudaGraphExec_t hGraphExec, cudaGraph_t hGraph,
    cudaGraphExecUpdateResultInfo *resultInfo) {
  absl::StatusOr<rt::GraphExec *> exec = execOf(hGraphExec);
  if (!exec.ok())
    return exec.status();
  absl::StatusOr<rt::Graph *> g = graphOf(hGraph);
  if (!g.ok())
    return g.status();
  rt::GraphExec::UpdateFailure failure;
  absl::Status s = (*exec)->update(**g, failure);
  if (resultInfo) {
    resultInfo->result = static_cast<cudaGraphExecUpdateResult>(failure.result);
    resultInfo->errorNode =
        handle(const_cast<rt::GraphNode *>(failure.node));
    resultInfo->errorFromNode = nullptr;
  }
  return s;
}

//===--- Edge data and instantiation parameters --------------------------------===//

absl::Status cudart::impl::cudaGraphGetEdges_v2(cudaGraph_t graph,
                                                cudaGraphNode_t *from,
                                                cudaGraphNode_t *to,
                                                cudaGraphEdgeData *edgeData,
                                                size_t *numEdges) {
  if (absl::Status s = impl::cudaGraphGetEdges(graph, from, to, numEdges);
      !s.ok())
    return s;
  if (from)
    rt::writeDefaultEdges(edgeData, *numEdges);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphNodeGetDependencies_v2(
    cudaGraphNode_t node, cudaGraphNode_t *pDependencies,
    cudaGraphEdgeData *edgeData, size_t *pNumDependencies) {
  if (absl::Status s = impl::cudaGraphNodeGetDependencies(node, pDependencies,
                                                          pNumDependencies);
      !s.ok())
    return s;
  if (pDependencies)
    rt::writeDefaultEdges(edgeData, *pNumDependencies);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphNodeGetDependentNodes_v2(
    cudaGraphNode_t node, cudaGraphNode_t *pDependentNodes,
    cudaGraphEdgeData *edgeData, size_t *pNumDependentNodes) {
  if (absl::Status s = impl::cudaGraphNodeGetDependentNodes(
          node, pDependentNodes, pNumDependentNodes);
      !s.ok())
    return s;
  if (pDependentNodes)
    rt::writeDefaultEdges(edgeData, *pNumDependentNodes);
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaGraphAddDependencies_v2(
    cudaGraph_t graph, const cudaGraphNode_t *from, const cudaGraphNode_t *to,
    const cudaGraphEdgeData *edgeData, size_t numDependencies) {
  if (absl::Status s = rt::checkDefaultEdges(edgeData, numDependencies);
      !s.ok())
    return s;
  return impl::cudaGraphAddDependencies(graph, from, to, numDependencies);
}

absl::Status cudart::impl::cudaGraphRemoveDependencies_v2(
    cudaGraph_t graph, const cudaGraphNode_t *from, const cudaGraphNode_t *to,
    const cudaGraphEdgeData *edgeData, size_t numDependencies) {
  if (absl::Status s = rt::checkDefaultEdges(edgeData, numDependencies);
      !s.ok())
    return s;
  return impl::cudaGraphRemoveDependencies(graph, from, to, numDependencies);
}

absl::Status cudart::impl::cudaGraphInstantiateWithParams(
    cudaGraphExec_t *pGraphExec, cudaGraph_t graph,
    cudaGraphInstantiateParams *instantiateParams) {
  absl::Status s = impl::cudaGraphInstantiateWithFlags(
      pGraphExec, graph, instantiateParams->flags);
  instantiateParams->errNode_out = nullptr;
  instantiateParams->result_out =
      s.ok() ? cudaGraphInstantiateSuccess : cudaGraphInstantiateError;
  if (s.ok() && (instantiateParams->flags & cudaGraphInstantiateFlagUpload))
    return impl::cudaGraphUpload(*pGraphExec, instantiateParams->uploadStream);
  return s;
}

absl::Status cudart::impl::cudaDeviceGraphMemTrim(int device) {
  return runtime().checkDevice(device); // no graph holds memory to trim
}

absl::Status cudart::impl::cudaDeviceGetGraphMemAttribute(
    int device, enum cudaGraphMemAttributeType attr, void *value) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  return rt::graphMemAttribute(attr, value, false);
}

absl::Status cudart::impl::cudaDeviceSetGraphMemAttribute(
    int device, enum cudaGraphMemAttributeType attr, void *value) {
  if (absl::Status s = runtime().checkDevice(device); !s.ok())
    return s;
  return rt::graphMemAttribute(attr, value, true);
}

//===--- Nodes described by cudaGraphNodeParams --------------------------------===//

namespace {
/// The node a cudaGraphNodeParams describes (child graphs aside).
absl::StatusOr<Built> builtFrom(const cudaGraphNodeParams &p) {
  switch (p.type) {
  case cudaGraphNodeTypeKernel: {
    const cudaKernelNodeParamsV2 &k = p.kernel;
    cudaKernelNodeParams params = {k.func,           k.gridDim,
                                   k.blockDim,       k.sharedMemBytes,
                                   k.kernelParams,   k.extra};
    return kernelNode(params);
  }
  case cudaGraphNodeTypeMemcpy:
    return memcpyNode(p.memcpy.copyParams);
  case cudaGraphNodeTypeMemset: {
    const cudaMemsetParamsV2 &m = p.memset;
    return memsetNode(cudaMemsetParams{m.dst, m.pitch, m.value, m.elementSize,
                                       m.width, m.height});
  }
  case cudaGraphNodeTypeHost:
    return hostNode(cudaHostNodeParams{p.host.fn, p.host.userData});
  case cudaGraphNodeTypeEventRecord:
    return eventNode(p.eventRecord.event, true);
  case cudaGraphNodeTypeWaitEvent:
    return eventNode(p.eventWait.event, false);
  case cudaGraphNodeTypeEmpty:
    return Built{};
  default:
    return rt::makeError(cudaErrorNotSupported,
                         "this node type is not supported by Lingqu yet");
  }
}
} // namespace

absl::Status cudart::impl::cudaGraphAddNode(cudaGraphNode_t *pGraphNode,
                                            cudaGraph_t graph,
                                            const cudaGraphNode_t *pDependencies,
                                            size_t numDependencies,
                                            struct cudaGraphNodeParams *nodeParams) {
  if (nodeParams->type == cudaGraphNodeTypeGraph)
    return impl::cudaGraphAddChildGraphNode(pGraphNode, graph, pDependencies,
                                            numDependencies,
                                            nodeParams->graph.graph);
  return addNode(pGraphNode, graph, pDependencies, numDependencies,
                 nodeParams->type, builtFrom(*nodeParams));
}

absl::Status cudart::impl::cudaGraphAddNode_v2(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
    const cudaGraphNode_t *pDependencies, const cudaGraphEdgeData *dependencyData,
    size_t numDependencies, struct cudaGraphNodeParams *nodeParams) {
  if (absl::Status s = rt::checkDefaultEdges(dependencyData, numDependencies);
      !s.ok())
    return s;
  return impl::cudaGraphAddNode(pGraphNode, graph, pDependencies,
                                numDependencies, nodeParams);
}

absl::Status cudart::impl::cudaGraphNodeSetParams(
    cudaGraphNode_t node, struct cudaGraphNodeParams *nodeParams) {
  if (nodeParams->type == cudaGraphNodeTypeGraph)
    return rt::makeError(cudaErrorNotSupported,
                         "a child graph node's graph is fixed");
  return setNode(node, nodeParams->type, builtFrom(*nodeParams));
}

absl::Status cudart::impl::cudaGraphExecNodeSetParams(
    cudaGraphExec_t graphExec, cudaGraphNode_t node,
    struct cudaGraphNodeParams *nodeParams) {
  if (nodeParams->type == cudaGraphNodeTypeGraph)
    return rt::makeError(cudaErrorNotSupported,
                         "a child graph node's graph is fixed");
  return setExecNode(graphExec, node, nodeParams->type, builtFrom(*nodeParams));
}

//===--- Copies to and from symbols --------------------------------------------===//

namespace {
absl::StatusOr<Built> toSymbolNode(const void *symbol, const void *src,
                                   size_t count, size_t offset,
                                   cudaMemcpyKind kind) {
  if (kind != cudaMemcpyHostToDevice && kind != cudaMemcpyDeviceToDevice &&
      kind != cudaMemcpyDefault)
    return rt::makeError(cudaErrorInvalidMemcpyDirection,
                         "a copy to a symbol goes to the device");
  absl::StatusOr<char *> dst = cudart::symbolRange(symbol, count, offset);
  if (!dst.ok())
    return dst.status();
  return memcpyNode(linearCopy(*dst, src, count, kind));
}

absl::StatusOr<Built> fromSymbolNode(void *dst, const void *symbol,
                                     size_t count, size_t offset,
                                     cudaMemcpyKind kind) {
  if (kind != cudaMemcpyDeviceToHost && kind != cudaMemcpyDeviceToDevice &&
      kind != cudaMemcpyDefault)
    return rt::makeError(cudaErrorInvalidMemcpyDirection,
                         "a copy from a symbol comes from the device");
  absl::StatusOr<char *> src = cudart::symbolRange(symbol, count, offset);
  if (!src.ok())
    return src.status();
  return memcpyNode(linearCopy(dst, *src, count, kind));
}
} // namespace

absl::Status cudart::impl::cudaGraphAddMemcpyNodeToSymbol(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
    const cudaGraphNode_t *pDependencies, size_t numDependencies,
    const void *symbol, const void *src, size_t count, size_t offset,
    enum cudaMemcpyKind kind) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies,
                 cudaGraphNodeTypeMemcpy,
                 toSymbolNode(symbol, src, count, offset, kind));
}

absl::Status cudart::impl::cudaGraphAddMemcpyNodeFromSymbol(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
    const cudaGraphNode_t *pDependencies, size_t numDependencies, void *dst,
    const void *symbol, size_t count, size_t offset, enum cudaMemcpyKind kind) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies,
                 cudaGraphNodeTypeMemcpy,
                 fromSymbolNode(dst, symbol, count, offset, kind));
}

absl::Status cudart::impl::cudaGraphMemcpyNodeSetParamsToSymbol(
    cudaGraphNode_t node, const void *symbol, const void *src, size_t count,
    size_t offset, enum cudaMemcpyKind kind) {
  return setNode(node, cudaGraphNodeTypeMemcpy,
                 toSymbolNode(symbol, src, count, offset, kind));
}

absl::Status cudart::impl::cudaGraphMemcpyNodeSetParamsFromSymbol(
    cudaGraphNode_t node, void *dst, const void *symbol, size_t count,
    size_t offset, enum cudaMemcpyKind kind) {
  return setNode(node, cudaGraphNodeTypeMemcpy,
                 fromSymbolNode(dst, symbol, count, offset, kind));
}

absl::Status cudart::impl::cudaGraphExecMemcpyNodeSetParamsToSymbol(
    cudaGraphExec_t hGraphExec, cudaGraphNode_t node, const void *symbol,
    const void *src, size_t count, size_t offset, enum cudaMemcpyKind kind) {
  return setExecNode(hGraphExec, node, cudaGraphNodeTypeMemcpy,
                     toSymbolNode(symbol, src, count, offset, kind));
}

absl::Status cudart::impl::cudaGraphExecMemcpyNodeSetParamsFromSymbol(
    cudaGraphExec_t hGraphExec, cudaGraphNode_t node, void *dst,
    const void *symbol, size_t count, size_t offset, enum cudaMemcpyKind kind) {
  return setExecNode(hGraphExec, node, cudaGraphNodeTypeMemcpy,
                     fromSymbolNode(dst, symbol, count, offset, kind));
}

//===--- Kernel node attributes ------------------------------------------------===//

absl::Status cudart::impl::cudaGraphKernelNodeGetAttribute(
    cudaGraphNode_t hNode, cudaKernelNodeAttrID attr,
    cudaKernelNodeAttrValue *value_out) {
  absl::StatusOr<rt::GraphNode *> n = nodeOf(hNode);
  if (!n.ok())
    return n.status();
  return rt::kernelNodeAttribute(**n, attr, value_out, false);
}

absl::Status cudart::impl::cudaGraphKernelNodeSetAttribute(
    cudaGraphNode_t hNode, cudaKernelNodeAttrID attr,
    const cudaKernelNodeAttrValue *value) {
  absl::StatusOr<rt::GraphNode *> n = nodeOf(hNode);
  if (!n.ok())
    return n.status();
  return rt::kernelNodeAttribute(**n, attr,
                                 const_cast<cudaKernelNodeAttrValue *>(value),
                                 true);
}

absl::Status cudart::impl::cudaGraphKernelNodeCopyAttributes(
    cudaGraphNode_t hSrc, cudaGraphNode_t hDst) {
  absl::StatusOr<rt::GraphNode *> src = nodeOf(hSrc);
  if (!src.ok())
    return src.status();
  absl::StatusOr<rt::GraphNode *> dst = nodeOf(hDst);
  if (!dst.ok())
    return dst.status();
  return rt::copyKernelNodeAttributes(**dst, **src);
}
