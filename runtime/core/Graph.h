//===- Graph.h - CUDA graphs: nodes, edges, instantiation -------*- C++ -*-===//
//
// A graph is nodes and dependency edges; each node knows how to enqueue
// its operation on a stream, and keeps the API's own description of it for
// the Get/SetParams calls (immutable, replaced whole, so clones can share
// it). Instantiation orders the nodes topologically, child graphs flattened
// in; a launch enqueues that order on one stream, which respects every
// edge. Node types are cudaGraphNodeType's values, which CUgraphNodeType
// shares.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_GRAPH_H
#define LINGQU_RUNTIME_CORE_GRAPH_H

#include <array>
#include <functional>
#include <memory>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "core/LaunchConfig.h"
#include "core/Operations.h"
#include "core/Registry.h"
#include "core/UserObject.h"

namespace lingqu::rt {

class Graph;
class Runtime;

inline constexpr int kApiRuntime = 0, kApiDriver = 1;

/// Enqueues one node's operation on a stream.
using NodeOperation = std::function<absl::Status(Runtime &, const void *)>;

struct KernelArguments;

/// What a kernel node launches, kept so that its attributes can change it.
struct KernelLaunchData {
  ResolvedKernel kernel;
  LaunchConfig config;
  std::shared_ptr<const KernelArguments> args;
};

struct GraphNode {
  int type = 0;
  Graph *graph = nullptr;
  std::vector<GraphNode *> dependencies, dependents;
  NodeOperation operation;            ///< null for empty and child nodes
  std::shared_ptr<const void> params; ///< the API's description
  /// Which API described the node (kApiRuntime / kApiDriver): the other
  /// one cannot read its parameters.
  int api = 0;
  std::unique_ptr<Graph> child;       ///< a child graph node's own copy
  /// Kernel nodes: the launch and the launch attributes set on it (the 64
  /// bytes of a cudaLaunchAttributeValue, by attribute id).
  std::shared_ptr<const KernelLaunchData> launch;
  absl::flat_hash_map<int, std::array<char, 64>> attributes;
};

class Graph {
public:
  Graph() = default;
  ~Graph();
  Graph(const Graph &) = delete;
  Graph &operator=(const Graph &) = delete;

  GraphNode *add(int type, NodeOperation operation,
                 std::shared_ptr<const void> params, int api = kApiRuntime);
  /// add() after `count` dependencies given as API handles;
  /// cudaErrorInvalidValue unless each is a node of this graph.
  absl::StatusOr<GraphNode *> addAfter(const void *const *dependencies,
                                       size_t count, int type,
                                       NodeOperation operation,
                                       std::shared_ptr<const void> params,
                                       int api = kApiRuntime);
  std::vector<GraphNode *> roots() const;
  /// The node of this graph (a clone) that `original` became.
  absl::StatusOr<GraphNode *> counterpart(const GraphNode *original) const;
  /// cudaGraphDebugDotPrint: the graph in Graphviz's DOT language.
  absl::Status writeDot(const char *path) const;
  /// Writes the edges as CUDA's edge queries do (see listInto).
  absl::Status edgesInto(void **from, void **to, size_t *count) const;
  /// cudaErrorInvalidValue unless every dependency is a node of this graph.
  absl::Status addEdges(const std::vector<GraphNode *> &from,
                        const std::vector<GraphNode *> &to);
  /// cudaErrorInvalidValue if an edge does not exist.
  absl::Status removeEdges(const std::vector<GraphNode *> &from,
                           const std::vector<GraphNode *> &to);
  void remove(GraphNode *node);
  bool contains(const GraphNode *node) const;

  const std::vector<std::unique_ptr<GraphNode>> &nodes() const {
    return nodes_;
  }
  /// A deep copy, and which copy each original node became.
  std::unique_ptr<Graph>
  clone(absl::flat_hash_map<const GraphNode *, GraphNode *> *map) const;
  /// The nodes in an order that respects every edge, child graphs
  /// flattened in; cudaErrorInvalidValue for a cycle.
  absl::Status order(std::vector<const GraphNode *> &out) const;

  /// cudaGraphRetainUserObject's references, released with the graph.
  UserObjectRefs userObjects;

private:
  std::vector<std::unique_ptr<GraphNode>> nodes_;
};

/// An instantiated graph: the launch order, fixed at instantiation.
struct GraphExec {
  struct Step {
    /// The node it came from (Exec*SetParams); compared, never read: the
    /// graph may be gone.
    const GraphNode *original;
    int type;
    NodeOperation operation;
    bool enabled = true;
  };
  std::vector<Step> steps;
  unsigned long long flags = 0;
  /// The graph's user objects, held while the executable graph lives.
  UserObjectRefs userObjects;
  /// Enqueues every step on `stream`, in order.
  absl::Status launch(Runtime &rt, const void *stream) const;
  /// Exec*SetParams: what `node` does in this instantiation from now on;
  /// cudaErrorInvalidValue if the node is not part of it.
  absl::Status replace(const GraphNode *node, const NodeOperation &operation);
  absl::Status enable(const GraphNode *node, bool enabled);
  absl::StatusOr<bool> enabled(const GraphNode *node) const;
  /// cudaGraphExecUpdate: takes `graph`'s node operations if it has the
  /// same shape (node count, types, order); else leaves the executable
  /// graph as it was and names the first node that differs.
  struct UpdateFailure {
    int result = 0; ///< cudaGraphExecUpdateResult
    const GraphNode *node = nullptr;
  };
  absl::Status update(const Graph &graph, UpdateFailure &failure);
};

/// The operations of the node kinds both APIs build (their parameter
/// structs differ, what the nodes do does not).
struct KernelArguments {
  std::vector<std::vector<char>> bytes;
  std::vector<void *> pointers; ///< one per parameter, into `bytes`
};
/// Copies the arguments `args` points to, one per parameter of `info`.
std::shared_ptr<KernelArguments> copyArguments(const lingqu_kernel_info &info,
                                               void *const *args);
NodeOperation kernelOperation(const ResolvedKernel &kernel,
                              const LaunchConfig &config,
                              std::shared_ptr<const KernelArguments> args);
NodeOperation kernelOperation(std::shared_ptr<const KernelLaunchData> launch);

/// cudaGraphKernelNodeGet/SetAttribute on a kernel node (`value` is a
/// cudaLaunchAttributeValue): cooperative launches change how the node
/// launches; cache, fence, priority and carveout hints are kept; clusters
/// beyond 1x1x1 are cudaErrorNotSupported.
absl::Status kernelNodeAttribute(GraphNode &node, int id, void *value,
                                 bool set);
absl::Status copyKernelNodeAttributes(GraphNode &dst, const GraphNode &src);
NodeOperation setOperation(const Set2D &set);
NodeOperation hostOperation(void (*fn)(void *), void *userData);
NodeOperation eventOperation(const void *event, bool record);

/// cudaDeviceGetGraphMemAttribute: graph memory nodes are not supported, so
/// no graph ever holds memory and every attribute (cudaGraphMemAttributeType:
/// used/reserved, current/high, 0..3) is 0; setting one is a reset of a
/// high-water mark (1, 3) to 0. cudaErrorInvalidValue otherwise.
absl::Status graphMemAttribute(int attr, void *value, bool set);

/// Edge data (cudaGraphEdgeData / CUgraphEdgeData, 8 bytes each): Lingqu's
/// edges are all default ones (full dependencies, no ports), so given data
/// must be zero (else cudaErrorNotSupported) and reported data is zero.
absl::Status checkDefaultEdges(const void *edgeData, size_t count);
void writeDefaultEdges(void *edgeData, size_t count);

/// CUDA's list queries: with `out` null, `*count` becomes the number of
/// nodes; else up to `*count` handles are written and `*count` shrinks to
/// the number there are.
void listInto(const std::vector<GraphNode *> &nodes, void **out,
              size_t *count);

/// Every live graph and executable graph, so handles can be checked.
class Graphs {
public:
  Graph *create();
  absl::Status destroy(const void *graph);
  /// cudaErrorInvalidValue for anything but a live graph.
  absl::StatusOr<Graph *> graph(const void *handle);
  /// The node and its (live) graph; cudaErrorInvalidValue otherwise.
  absl::StatusOr<GraphNode *> node(const void *handle);
  Graph *adopt(std::unique_ptr<Graph> graph);

  absl::StatusOr<GraphExec *> instantiate(const Graph &graph,
                                          unsigned long long flags);
  absl::Status destroyExec(const void *exec);
  absl::StatusOr<GraphExec *> exec(const void *handle);

private:
  absl::Mutex mu_;
  absl::flat_hash_map<const void *, std::unique_ptr<Graph>>
      graphs_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<const void *, std::unique_ptr<GraphExec>>
      execs_ ABSL_GUARDED_BY(mu_);
};

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_GRAPH_H
