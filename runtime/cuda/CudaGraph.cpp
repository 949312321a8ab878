//===- CudaGraph.cpp - cuGraph*: building, instantiating, launching -------===//
//
// The driver's graph API over the core's graphs, which the runtime's share:
// a CUgraph is a cudaGraph_t. Nodes the driver describes keep the driver's
// parameter structs.
//
//===----------------------------------------------------------------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <cstring>
#include <vector>

#include "core/Graph.h"
#include "core/Operations.h"
#include "core/Runtime.h"
#include "core/Status.h"
#include "cuda/ModuleTable.h"

using namespace lingqu;
using cuda::runtime;

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

struct KernelParams {
  CUDA_KERNEL_NODE_PARAMS api{};
  std::shared_ptr<rt::KernelArguments> args;
};

absl::StatusOr<Built> kernelNode(const CUDA_KERNEL_NODE_PARAMS &p) {
  const void *handle = p.func ? static_cast<const void *>(p.func)
                              : static_cast<const void *>(p.kern);
  absl::StatusOr<cuda::DriverFunction *> f =
      cuda::ModuleTable::get().function(handle);
  if (!f.ok())
    return f.status();
  const lingqu_kernel_info &info = *(*f)->kernel.info;
  if (info.num_params > 0 && p.kernelParams == nullptr)
    return rt::makeDriverError(p.extra ? CUDA_ERROR_NOT_SUPPORTED
                                       : CUDA_ERROR_INVALID_VALUE,
                               p.extra ? "kernel nodes take kernelParams, not "
                                         "extra"
                                       : "the kernel's arguments are missing");
  auto params = std::make_shared<KernelParams>();
  params->args = rt::copyArguments(info, p.kernelParams);
  params->api = p;
  params->api.kernelParams = params->args->pointers.data();
  params->api.extra = nullptr;
  rt::LaunchConfig config;
  config.grid = {p.gridDimX, p.gridDimY, p.gridDimZ};
  config.block = {p.blockDimX, p.blockDimY, p.blockDimZ};
  config.dynamicSharedBytes = p.sharedMemBytes;
  auto launch = std::make_shared<const rt::KernelLaunchData>(
      rt::KernelLaunchData{(*f)->kernel, config, params->args});
  return Built{rt::kernelOperation(launch),
               std::shared_ptr<const KernelParams>(params), launch};
}

absl::StatusOr<Built> memcpyNode(const CUDA_MEMCPY3D &p) {
  auto params = std::make_shared<const CUDA_MEMCPY3D>(p);
  return Built{[params](rt::Runtime &, const void *stream) {
                 return cuda::copy3DAsync(
                     *params, static_cast<CUstream>(const_cast<void *>(stream)));
               },
               params};
}

absl::StatusOr<Built> memsetNode(const CUDA_MEMSET_NODE_PARAMS &p) {
  if (p.elementSize != 1 && p.elementSize != 2 && p.elementSize != 4)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "element size 1, 2 or 4");
  auto params = std::make_shared<const CUDA_MEMSET_NODE_PARAMS>(p);
  rt::Set2D set;
  set.dst = reinterpret_cast<void *>(uintptr_t(p.dst));
  set.pitch = p.height > 1 ? p.pitch : p.width * p.elementSize;
  set.value = p.value;
  set.elementSize = p.elementSize;
  set.width = p.width;
  set.height = p.height;
  return Built{rt::setOperation(set), params};
}

absl::StatusOr<Built> hostNode(const CUDA_HOST_NODE_PARAMS &p) {
  if (p.fn == nullptr)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE, "no host function");
  auto params = std::make_shared<const CUDA_HOST_NODE_PARAMS>(p);
  return Built{rt::hostOperation(p.fn, p.userData), params};
}

absl::StatusOr<Built> eventNode(CUevent event, bool record) {
  if (absl::Status s = runtime().event(event).status(); !s.ok())
    return s;
  return Built{rt::eventOperation(event, record),
               std::make_shared<const CUevent>(event)};
}

absl::StatusOr<rt::Graph *> graphOf(CUgraph g) {
  return runtime().graphs().graph(g);
}
absl::StatusOr<rt::GraphNode *> nodeOf(CUgraphNode n) {
  return runtime().graphs().node(n);
}
absl::StatusOr<rt::GraphExec *> execOf(CUgraphExec e) {
  return runtime().graphs().exec(e);
}
CUgraphNode handle(rt::GraphNode *n) { return reinterpret_cast<CUgraphNode>(n); }
CUgraph handle(rt::Graph *g) { return reinterpret_cast<CUgraph>(g); }

absl::Status addNode(CUgraphNode *out, CUgraph graph,
                     const CUgraphNode *dependencies, size_t count,
                     CUgraphNodeType type, absl::StatusOr<Built> built) {
  if (!built.ok())
    return built.status();
  absl::StatusOr<rt::Graph *> g = graphOf(graph);
  if (!g.ok())
    return g.status();
  absl::StatusOr<rt::GraphNode *> node = (*g)->addAfter(
      reinterpret_cast<const void *const *>(dependencies), count, type,
      std::move(built->operation), std::move(built->params), rt::kApiDriver);
  if (!node.ok())
    return node.status();
  (*node)->launch = std::move(built->launch);
  *out = handle(*node);
  return absl::OkStatus();
}

absl::StatusOr<rt::GraphNode *> typedNode(CUgraphNode n, CUgraphNodeType type) {
  absl::StatusOr<rt::GraphNode *> node = nodeOf(n);
  if (!node.ok())
    return node.status();
  if ((*node)->type != type)
    return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE,
                               "a node of another type");
  if ((*node)->params && (*node)->api != rt::kApiDriver)
    return rt::makeDriverError(CUDA_ERROR_NOT_SUPPORTED,
                               "the node was described through the runtime "
                               "API");
  return node;
}

absl::Status setNode(CUgraphNode n, CUgraphNodeType type,
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

absl::Status setExecNode(CUgraphExec e, CUgraphNode n, CUgraphNodeType type,
                         absl::StatusOr<Built> built) {
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
                       CUgraphNode *out, size_t *count) {
  rt::listInto(nodes, reinterpret_cast<void **>(out), count);
  return absl::OkStatus();
}
} // namespace

//===--- Graphs and nodes ------------------------------------------------------===//

absl::Status cuda::impl::cuGraphCreate(CUgraph *phGraph, unsigned int flags) {
  *phGraph = handle(runtime().graphs().create());
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphDestroy(CUgraph hGraph) {
  return runtime().graphs().destroy(hGraph);
}

absl::Status cuda::impl::cuGraphClone(CUgraph *phGraphClone,
                                      CUgraph originalGraph) {
  absl::StatusOr<rt::Graph *> g = graphOf(originalGraph);
  if (!g.ok())
    return g.status();
  *phGraphClone = handle(runtime().graphs().adopt((*g)->clone(nullptr)));
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphNodeFindInClone(CUgraphNode *phNode,
                                                CUgraphNode hOriginalNode,
                                                CUgraph hClonedGraph) {
  absl::StatusOr<rt::GraphNode *> original = nodeOf(hOriginalNode);
  if (!original.ok())
    return original.status();
  absl::StatusOr<rt::Graph *> clone = graphOf(hClonedGraph);
  if (!clone.ok())
    return clone.status();
  absl::StatusOr<rt::GraphNode *> node = (*clone)->counterpart(*original);
  if (!node.ok())
    return node.status();
  *phNode = handle(*node);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphAddKernelNode(
    CUgraphNode *phGraphNode, CUgraph hGraph, const CUgraphNode *dependencies,
    size_t numDependencies, const CUDA_KERNEL_NODE_PARAMS *nodeParams) {
  return addNode(phGraphNode, hGraph, dependencies, numDependencies,
                 CU_GRAPH_NODE_TYPE_KERNEL, kernelNode(*nodeParams));
}

absl::Status cuda::impl::cuGraphAddMemcpyNode(
    CUgraphNode *phGraphNode, CUgraph hGraph, const CUgraphNode *dependencies,
    size_t numDependencies, const CUDA_MEMCPY3D *copyParams, CUcontext ctx) {
  return addNode(phGraphNode, hGraph, dependencies, numDependencies,
                 CU_GRAPH_NODE_TYPE_MEMCPY, memcpyNode(*copyParams));
}

absl::Status cuda::impl::cuGraphAddMemsetNode(
    CUgraphNode *phGraphNode, CUgraph hGraph, const CUgraphNode *dependencies,
    size_t numDependencies, const CUDA_MEMSET_NODE_PARAMS *memsetParams,
    CUcontext ctx) {
  return addNode(phGraphNode, hGraph, dependencies, numDependencies,
                 CU_GRAPH_NODE_TYPE_MEMSET, memsetNode(*memsetParams));
}

absl::Status cuda::impl::cuGraphAddHostNode(
    CUgraphNode *phGraphNode, CUgraph hGraph, const CUgraphNode *dependencies,
    size_t numDependencies, const CUDA_HOST_NODE_PARAMS *nodeParams) {
  return addNode(phGraphNode, hGraph, dependencies, numDependencies,
                 CU_GRAPH_NODE_TYPE_HOST, hostNode(*nodeParams));
}

absl::Status cuda::impl::cuGraphAddEmptyNode(CUgraphNode *phGraphNode,
                                             CUgraph hGraph,
                                             const CUgraphNode *dependencies,
                                             size_t numDependencies) {
  return addNode(phGraphNode, hGraph, dependencies, numDependencies,
                 CU_GRAPH_NODE_TYPE_EMPTY, Built{});
}

absl::Status cuda::impl::cuGraphAddEventRecordNode(
    CUgraphNode *phGraphNode, CUgraph hGraph, const CUgraphNode *dependencies,
    size_t numDependencies, CUevent event) {
  return addNode(phGraphNode, hGraph, dependencies, numDependencies,
                 CU_GRAPH_NODE_TYPE_EVENT_RECORD, eventNode(event, true));
}

absl::Status cuda::impl::cuGraphAddEventWaitNode(
    CUgraphNode *phGraphNode, CUgraph hGraph, const CUgraphNode *dependencies,
    size_t numDependencies, CUevent event) {
  return addNode(phGraphNode, hGraph, dependencies, numDependencies,
                 CU_GRAPH_NODE_TYPE_WAIT_EVENT, eventNode(event, false));
}

absl::Status cuda::impl::cuGraphAddChildGraphNode(
    CUgraphNode *phGraphNode, CUgraph hGraph, const CUgraphNode *dependencies,
    size_t numDependencies, CUgraph childGraph) {
  absl::StatusOr<rt::Graph *> child = graphOf(childGraph);
  if (!child.ok())
    return child.status();
  if (absl::Status s = addNode(phGraphNode, hGraph, dependencies,
                               numDependencies, CU_GRAPH_NODE_TYPE_GRAPH,
                               Built{});
      !s.ok())
    return s;
  reinterpret_cast<rt::GraphNode *>(*phGraphNode)->child =
      (*child)->clone(nullptr);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphKernelNodeGetParams(
    CUgraphNode hNode, CUDA_KERNEL_NODE_PARAMS *nodeParams) {
  absl::StatusOr<rt::GraphNode *> n =
      typedNode(hNode, CU_GRAPH_NODE_TYPE_KERNEL);
  if (!n.ok())
    return n.status();
  *nodeParams = paramsOf<KernelParams>(**n).api;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphKernelNodeSetParams(
    CUgraphNode hNode, const CUDA_KERNEL_NODE_PARAMS *nodeParams) {
  return setNode(hNode, CU_GRAPH_NODE_TYPE_KERNEL, kernelNode(*nodeParams));
}

absl::Status cuda::impl::cuGraphMemcpyNodeGetParams(CUgraphNode hNode,
                                                    CUDA_MEMCPY3D *nodeParams) {
  absl::StatusOr<rt::GraphNode *> n =
      typedNode(hNode, CU_GRAPH_NODE_TYPE_MEMCPY);
  if (!n.ok())
    return n.status();
  *nodeParams = paramsOf<CUDA_MEMCPY3D>(**n);
  return absl::OkStatus();
}

absl::Status
cuda::impl::cuGraphMemcpyNodeSetParams(CUgraphNode hNode,
                                       const CUDA_MEMCPY3D *nodeParams) {
  return setNode(hNode, CU_GRAPH_NODE_TYPE_MEMCPY, memcpyNode(*nodeParams));
}

absl::Status cuda::impl::cuGraphMemsetNodeGetParams(
    CUgraphNode hNode, CUDA_MEMSET_NODE_PARAMS *nodeParams) {
  absl::StatusOr<rt::GraphNode *> n =
      typedNode(hNode, CU_GRAPH_NODE_TYPE_MEMSET);
  if (!n.ok())
    return n.status();
  *nodeParams = paramsOf<CUDA_MEMSET_NODE_PARAMS>(**n);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphMemsetNodeSetParams(
    CUgraphNode hNode, const CUDA_MEMSET_NODE_PARAMS *nodeParams) {
  return setNode(hNode, CU_GRAPH_NODE_TYPE_MEMSET, memsetNode(*nodeParams));
}

absl::Status cuda::impl::cuGraphHostNodeGetParams(
    CUgraphNode hNode, CUDA_HOST_NODE_PARAMS *nodeParams) {
  absl::StatusOr<rt::GraphNode *> n = typedNode(hNode, CU_GRAPH_NODE_TYPE_HOST);
  if (!n.ok())
    return n.status();
  *nodeParams = paramsOf<CUDA_HOST_NODE_PARAMS>(**n);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphHostNodeSetParams(
    CUgraphNode hNode, const CUDA_HOST_NODE_PARAMS *nodeParams) {
  return setNode(hNode, CU_GRAPH_NODE_TYPE_HOST, hostNode(*nodeParams));
}

absl::Status cuda::impl::cuGraphChildGraphNodeGetGraph(CUgraphNode hNode,
                                                       CUgraph *phGraph) {
  absl::StatusOr<rt::GraphNode *> n =
      typedNode(hNode, CU_GRAPH_NODE_TYPE_GRAPH);
  if (!n.ok())
    return n.status();
  *phGraph = handle((*n)->child.get());
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphEventRecordNodeGetEvent(CUgraphNode hNode,
                                                        CUevent *event_out) {
  absl::StatusOr<rt::GraphNode *> n =
      typedNode(hNode, CU_GRAPH_NODE_TYPE_EVENT_RECORD);
  if (!n.ok())
    return n.status();
  *event_out = paramsOf<CUevent>(**n);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphEventRecordNodeSetEvent(CUgraphNode hNode,
                                                        CUevent event) {
  return setNode(hNode, CU_GRAPH_NODE_TYPE_EVENT_RECORD,
                 eventNode(event, true));
}

absl::Status cuda::impl::cuGraphEventWaitNodeGetEvent(CUgraphNode hNode,
                                                      CUevent *event_out) {
  absl::StatusOr<rt::GraphNode *> n =
      typedNode(hNode, CU_GRAPH_NODE_TYPE_WAIT_EVENT);
  if (!n.ok())
    return n.status();
  *event_out = paramsOf<CUevent>(**n);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphEventWaitNodeSetEvent(CUgraphNode hNode,
                                                      CUevent event) {
  return setNode(hNode, CU_GRAPH_NODE_TYPE_WAIT_EVENT, eventNode(event, false));
}

//===--- Structure -------------------------------------------------------------===//

absl::Status cuda::impl::cuGraphNodeGetType(CUgraphNode hNode,
                                            CUgraphNodeType *type) {
  absl::StatusOr<rt::GraphNode *> n = nodeOf(hNode);
  if (!n.ok())
    return n.status();
  *type = static_cast<CUgraphNodeType>((*n)->type);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphGetNodes(CUgraph hGraph, CUgraphNode *nodes,
                                         size_t *numNodes) {
  absl::StatusOr<rt::Graph *> g = graphOf(hGraph);
  if (!g.ok())
    return g.status();
  std::vector<rt::GraphNode *> all;
  for (const auto &n : (*g)->nodes())
    all.push_back(n.get());
  return listNodes(all, nodes, numNodes);
}

absl::Status cuda::impl::cuGraphGetRootNodes(CUgraph hGraph,
                                             CUgraphNode *rootNodes,
                                             size_t *numRootNodes) {
  absl::StatusOr<rt::Graph *> g = graphOf(hGraph);
  if (!g.ok())
    return g.status();
  return listNodes((*g)->roots(), rootNodes, numRootNodes);
}

absl::Status cuda::impl::cuGraphGetEdges(CUgraph hGraph, CUgraphNode *from,
                                         CUgraphNode *to, size_t *numEdges) {
  absl::StatusOr<rt::Graph *> g = graphOf(hGraph);
  if (!g.ok())
    return g.status();
  return (*g)->edgesInto(reinterpret_cast<void **>(from),
                         reinterpret_cast<void **>(to), numEdges);
}

absl::Status cuda::impl::cuGraphNodeGetDependencies(CUgraphNode hNode,
                                                    CUgraphNode *dependencies,
                                                    size_t *numDependencies) {
  absl::StatusOr<rt::GraphNode *> n = nodeOf(hNode);
  if (!n.ok())
    return n.status();
  return listNodes((*n)->dependencies, dependencies, numDependencies);
}

absl::Status cuda::impl::cuGraphNodeGetDependentNodes(
    CUgraphNode hNode, CUgraphNode *dependentNodes, size_t *numDependentNodes) {
  absl::StatusOr<rt::GraphNode *> n = nodeOf(hNode);
  if (!n.ok())
    return n.status();
  return listNodes((*n)->dependents, dependentNodes, numDependentNodes);
}

namespace {
absl::Status edges(CUgraph graph, const CUgraphNode *from,
                   const CUgraphNode *to, size_t count, bool add) {
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

absl::Status cuda::impl::cuGraphAddDependencies(CUgraph hGraph,
                                                const CUgraphNode *from,
                                                const CUgraphNode *to,
                                                size_t numDependencies) {
  return edges(hGraph, from, to, numDependencies, true);
}

absl::Status cuda::impl::cuGraphRemoveDependencies(CUgraph hGraph,
                                                   const CUgraphNode *from,
                                                   const CUgraphNode *to,
                                                   size_t numDependencies) {
  return edges(hGraph, from, to, numDependencies, false);
}

absl::Status cuda::impl::cuGraphDestroyNode(CUgraphNode hNode) {
  absl::StatusOr<rt::GraphNode *> n = nodeOf(hNode);
  if (!n.ok())
    return n.status();
  (*n)->graph->remove(*n);
  return absl::OkStatus();
}

//===--- Executable graphs -----------------------------------------------------===//

absl::Status cuda::impl::cuGraphInstantiate(CUgraphExec *phGraphExec,
                                            CUgraph hGraph,
                                            unsigned long long flags) {
  absl::StatusOr<rt::Graph *> g = graphOf(hGraph);
  if (!g.ok())
    return g.status();
  absl::StatusOr<rt::GraphExec *> exec =
      runtime().graphs().instantiate(**g, flags);
  if (!exec.ok())
    return exec.status();
  *phGraphExec = reinterpret_cast<CUgraphExec>(*exec);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphExecGetFlags(CUgraphExec hGraphExec,
                                             cuuint64_t *flags) {
  absl::StatusOr<rt::GraphExec *> exec = execOf(hGraphExec);
  if (!exec.ok())
    return exec.status();
  *flags = (*exec)->flags;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphExecDestroy(CUgraphExec hGraphExec) {
  return runtime().graphs().destroyExec(hGraphExec);
}

absl::Status cuda::impl::cuGraphLaunch(CUgraphExec hGraphExec,
                                       CUstream hStream) {
  LINGQU_CURRENT(c);
  absl::StatusOr<rt::GraphExec *> exec = execOf(hGraphExec);
  if (!exec.ok())
    return exec.status();
  return (*exec)->launch(runtime(), hStream);
}

absl::Status cuda::impl::cuGraphUpload(CUgraphExec hGraphExec,
                                       CUstream hStream) {
  LINGQU_CURRENT(c);
  if (absl::Status s = execOf(hGraphExec).status(); !s.ok())
    return s;
  return runtime().stream(hStream).status();
}

absl::Status cuda::impl::cuGraphNodeSetEnabled(CUgraphExec hGraphExec,
                                               CUgraphNode hNode,
                                               unsigned int isEnabled) {
  absl::StatusOr<rt::GraphExec *> exec = execOf(hGraphExec);
  if (!exec.ok())
    return exec.status();
  return (*exec)->enable(reinterpret_cast<rt::GraphNode *>(hNode),
                         isEnabled != 0);
}

absl::Status cuda::impl::cuGraphNodeGetEnabled(CUgraphExec hGraphExec,
                                               CUgraphNode hNode,
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

absl::Status cuda::impl::cuGraphExecKernelNodeSetParams(
    CUgraphExec hGraphExec, CUgraphNode hNode,
    const CUDA_KERNEL_NODE_PARAMS *nodeParams) {
  return setExecNode(hGraphExec, hNode, CU_GRAPH_NODE_TYPE_KERNEL,
                     kernelNode(*nodeParams));
}

absl::Status cuda::impl::cuGraphExecMemcpyNodeSetParams(
    CUgraphExec hGraphExec, CUgraphNode hNode, const CUDA_MEMCPY3D *copyParams,
    CUcontext ctx) {
  return setExecNode(hGraphExec, hNode, CU_GRAPH_NODE_TYPE_MEMCPY,
                     memcpyNode(*copyParams));
}

absl::Status cuda::impl::cuGraphExecMemsetNodeSetParams(
    CUgraphExec hGraphExec, CUgraphNode hNode,
    const CUDA_MEMSET_NODE_PARAMS *memsetParams, CUcontext ctx) {
  return setExecNode(hGraphExec, hNode, CU_GRAPH_NODE_TYPE_MEMSET,
                     memsetNode(*memsetParams));
}

absl::Status cuda::impl::cuGraphExecHostNodeSetParams(
    CUgraphExec hGraphExec, CUgraphNode hNode,
    const CUDA_HOST_NODE_PARAMS *nodeParams) {
  return setExecNode(hGraphExec, hNode, CU_GRAPH_NODE_TYPE_HOST,
                     hostNode(*nodeParams));
}

absl::Status cuda::impl::cuGraphExecEventRecordNodeSetEvent(
    CUgraphExec hGraphExec, CUgraphNode hNode, CUevent event) {
  return setExecNode(hGraphExec, hNode, CU_GRAPH_NODE_TYPE_EVENT_RECORD,
                     eventNode(event, true));
}

absl::Status cuda::impl::cuGraphExecEventWaitNodeSetEvent(
    CUgraphExec hGraphExec, CUgraphNode hNode, CUevent event) {
  return setExecNode(hGraphExec, hNode, CU_GRAPH_NODE_TYPE_WAIT_EVENT,
                     eventNode(event, false));
}

//===--- User objects, updates, printing ---------------------------------------===//

absl::Status cuda::impl::cuUserObjectCreate(CUuserObject *object_out,
                                            void *ptr, CUhostFn destroy,
                                            unsigned int initialRefcount,
                                            unsigned int flags) {
  *object_out = static_cast<CUuserObject>(
      rt::UserObjects::get().create(ptr, destroy, initialRefcount));
  return absl::OkStatus();
}

absl::Status cuda::impl::cuUserObjectRetain(CUuserObject object,
                                            unsigned int count) {
  return rt::UserObjects::get().retain(object, count);
}

absl::Status cuda::impl::cuUserObjectRelease(CUuserObject object,
                                             unsigned int count) {
  return rt::UserObjects::get().release(object, count);
}

absl::Status cuda::impl::cuGraphRetainUserObject(CUgraph graph,
                                                 CUuserObject object,
                                                 unsigned int count,
                                                 unsigned int flags) {
  absl::StatusOr<rt::Graph *> g = graphOf(graph);
  if (!g.ok())
    return g.status();
  return (*g)->userObjects.add(object, count,
                               flags & CU_GRAPH_USER_OBJECT_MOVE);
}

absl::Status cuda::impl::cuGraphReleaseUserObject(CUgraph graph,
                                                  CUuserObject object,
                                                  unsigned int count) {
  absl::StatusOr<rt::Graph *> g = graphOf(graph);
  if (!g.ok())
    return g.status();
  return (*g)->userObjects.drop(object, count);
}

absl::Status cuda::impl::cuGraphDebugDotPrint(CUgraph hGraph,
                                              const char *path,
                                              unsigned int flags) {
  absl::StatusOr<rt::Graph *> g = graphOf(hGraph);
  if (!g.ok())
    return g.status();
  return (*g)->writeDot(path);
}

absl::Status cuda::impl::cuGraphExecUpdate(
    CUgraphExec hGraphExec, CUgraph hGraph,
    CUgraphExecUpdateResultInfo *resultInfo) {
  absl::StatusOr<rt::GraphExec *> exec = execOf(hGraphExec);
  if (!exec.ok())
    return exec.status();
  absl::StatusOr<rt::Graph *> g = graphOf(hGraph);
  if (!g.ok())
    return g.status();
  rt::GraphExec::UpdateFailure failure;
  absl::Status s = (*exec)->update(**g, failure);
  if (resultInfo) {
    resultInfo->result = static_cast<CUgraphExecUpdateResult>(failure.result);
    resultInfo->errorNode = handle(const_cast<rt::GraphNode *>(failure.node));
    resultInfo->errorFromNode = nullptr;
  }
  return s;
}

//===--- Edge data and instantiation parameters --------------------------------===//

absl::Status cuda::impl::cuGraphGetEdges_v2(CUgraph hGraph, CUgraphNode *from,
                                            CUgraphNode *to,
                                            CUgraphEdgeData *edgeData,
                                            size_t *numEdges) {
  if (absl::Status s = impl::cuGraphGetEdges(hGraph, from, to, numEdges);
      !s.ok())
    return s;
  if (from)
    rt::writeDefaultEdges(edgeData, *numEdges);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphNodeGetDependencies_v2(
    CUgraphNode hNode, CUgraphNode *dependencies, CUgraphEdgeData *edgeData,
    size_t *numDependencies) {
  if (absl::Status s = impl::cuGraphNodeGetDependencies(hNode, dependencies,
                                                        numDependencies);
      !s.ok())
    return s;
  if (dependencies)
    rt::writeDefaultEdges(edgeData, *numDependencies);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphNodeGetDependentNodes_v2(
    CUgraphNode hNode, CUgraphNode *dependentNodes, CUgraphEdgeData *edgeData,
    size_t *numDependentNodes) {
  if (absl::Status s = impl::cuGraphNodeGetDependentNodes(
          hNode, dependentNodes, numDependentNodes);
      !s.ok())
    return s;
  if (dependentNodes)
    rt::writeDefaultEdges(edgeData, *numDependentNodes);
  return absl::OkStatus();
}

absl::Status cuda::impl::cuGraphAddDependencies_v2(
    CUgraph hGraph, const CUgraphNode *from, const CUgraphNode *to,
    const CUgraphEdgeData *edgeData, size_t numDependencies) {
  if (absl::Status s = rt::checkDefaultEdges(edgeData, numDependencies);
      !s.ok())
    return s;
  return impl::cuGraphAddDependencies(hGraph, from, to, numDependencies);
}

absl::Status cuda::impl::cuGraphRemoveDependencies_v2(
    CUgraph hGraph, const CUgraphNode *from, const CUgraphNode *to,
    const CUgraphEdgeData *edgeData, size_t numDependencies) {
  if (absl::Status s = rt::checkDefaultEdges(edgeData, numDependencies);
      !s.ok())
    return s;
  return impl::cuGraphRemoveDependencies(hGraph, from, to, numDependencies);
}

absl::Status cuda::impl::cuGraphInstantiateWithParams(
    CUgraphExec *phGraphExec, CUgraph hGraph,
    CUDA_GRAPH_INSTANTIATE_PARAMS *instantiateParams) {
  absl::Status s =
      impl::cuGraphInstantiate(phGraphExec, hGraph, instantiateParams->flags);
  instantiateParams->hErrNode_out = nullptr;
  instantiateParams->result_out =
      s.ok() ? CUDA_GRAPH_INSTANTIATE_SUCCESS : CUDA_GRAPH_INSTANTIATE_ERROR;
  if (s.ok() && (instantiateParams->flags & CUDA_GRAPH_INSTANTIATE_FLAG_UPLOAD))
    return impl::cuGraphUpload(*phGraphExec, instantiateParams->hUploadStream);
  return s;
}

absl::Status cuda::impl::cuDeviceGraphMemTrim(CUdevice device) {
  return absl::OkStatus(); // no graph holds memory to trim
}

absl::Status cuda::impl::cuDeviceGetGraphMemAttribute(
    CUdevice device, CUgraphMem_attribute attr, void *value) {
  return rt::graphMemAttribute(attr, value, false);
}

absl::Status cuda::impl::cuDeviceSetGraphMemAttribute(
    CUdevice device, CUgraphMem_attribute attr, void *value) {
  return rt::graphMemAttribute(attr, value, true);
}

//===--- Nodes described by CUgraphNodeParams ----------------------------------===//

namespace {
absl::StatusOr<Built> builtFrom(const CUgraphNodeParams &p) {
  switch (p.type) {
  case CU_GRAPH_NODE_TYPE_KERNEL: {
    CUDA_KERNEL_NODE_PARAMS k;
    std::memcpy(&k, &p.kernel, sizeof k); // the same layout as _v3
    return kernelNode(k);
  }
  case CU_GRAPH_NODE_TYPE_MEMCPY:
    return memcpyNode(p.memcpy.copyParams);
  case CU_GRAPH_NODE_TYPE_MEMSET: {
    const CUDA_MEMSET_NODE_PARAMS_v2 &m = p.memset;
    return memsetNode(CUDA_MEMSET_NODE_PARAMS{m.dst, m.pitch, m.value,
                                              m.elementSize, m.width,
                                              m.height});
  }
  case CU_GRAPH_NODE_TYPE_HOST:
    return hostNode(CUDA_HOST_NODE_PARAMS{p.host.fn, p.host.userData});
  case CU_GRAPH_NODE_TYPE_EVENT_RECORD:
    return eventNode(p.eventRecord.event, true);
  case CU_GRAPH_NODE_TYPE_WAIT_EVENT:
    return eventNode(p.eventWait.event, false);
  case CU_GRAPH_NODE_TYPE_EMPTY:
    return Built{};
  default:
    return rt::makeDriverError(CUDA_ERROR_NOT_SUPPORTED,
                               "this node type is not supported by Lingqu yet");
  }
}
} // namespace

absl::Status cuda::impl::cuGraphAddNode(CUgraphNode *phGraphNode,
                                        CUgraph hGraph,
                                        const CUgraphNode *dependencies,
                                        size_t numDependencies,
                                        CUgraphNodeParams *nodeParams) {
  if (nodeParams->type == CU_GRAPH_NODE_TYPE_GRAPH)
    return impl::cuGraphAddChildGraphNode(phGraphNode, hGraph, dependencies,
                                          numDependencies,
                                          nodeParams->graph.graph);
  return addNode(phGraphNode, hGraph, dependencies, numDependencies,
                 nodeParams->type, builtFrom(*nodeParams));
}

absl::Status cuda::impl::cuGraphAddNode_v2(CUgraphNode *phGraphNode,
                                           CUgraph hGraph,
                                           const CUgraphNode *dependencies,
                                           const CUgraphEdgeData *dependencyData,
                                           size_t numDependencies,
                                           CUgraphNodeParams *nodeParams) {
  if (absl::Status s = rt::checkDefaultEdges(dependencyData, numDependencies);
      !s.ok())
    return s;
  return impl::cuGraphAddNode(phGraphNode, hGraph, dependencies,
                              numDependencies, nodeParams);
}

absl::Status cuda::impl::cuGraphNodeSetParams(CUgraphNode hNode,
                                              CUgraphNodeParams *nodeParams) {
  if (nodeParams->type == CU_GRAPH_NODE_TYPE_GRAPH)
    return rt::makeDriverError(CUDA_ERROR_NOT_SUPPORTED,
                               "a child graph node's graph is fixed");
  return setNode(hNode, nodeParams->type, builtFrom(*nodeParams));
}

absl::Status cuda::impl::cuGraphExecNodeSetParams(CUgraphExec hGraphExec,
                                                  CUgraphNode hNode,
                                                  CUgraphNodeParams *nodeParams) {
  if (nodeParams->type == CU_GRAPH_NODE_TYPE_GRAPH)
    return rt::makeDriverError(CUDA_ERROR_NOT_SUPPORTED,
                               "a child graph node's graph is fixed");
  return setExecNode(hGraphExec, hNode, nodeParams->type,
                     builtFrom(*nodeParams));
}

//===--- Kernel node attributes ------------------------------------------------===//

absl::Status cuda::impl::cuGraphKernelNodeGetAttribute(
    CUgraphNode hNode, CUkernelNodeAttrID attr,
    CUkernelNodeAttrValue *value_out) {
  absl::StatusOr<rt::GraphNode *> n = nodeOf(hNode);
  if (!n.ok())
    return n.status();
  return rt::kernelNodeAttribute(**n, attr, value_out, false);
}

absl::Status cuda::impl::cuGraphKernelNodeSetAttribute(
    CUgraphNode hNode, CUkernelNodeAttrID attr,
    const CUkernelNodeAttrValue *value) {
  absl::StatusOr<rt::GraphNode *> n = nodeOf(hNode);
  if (!n.ok())
    return n.status();
  return rt::kernelNodeAttribute(**n, attr,
                                 const_cast<CUkernelNodeAttrValue *>(value),
                                 true);
}

absl::Status cuda::impl::cuGraphKernelNodeCopyAttributes(CUgraphNode dst,
                                                         CUgraphNode src) {
  absl::StatusOr<rt::GraphNode *> s = nodeOf(src);
  if (!s.ok())
    return s.status();
  absl::StatusOr<rt::GraphNode *> d = nodeOf(dst);
  if (!d.ok())
    return d.status();
  return rt::copyKernelNodeAttributes(**d, **s);
}
