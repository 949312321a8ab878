//===- Graph.cpp - CUDA graphs: nodes, edges, instantiation ---------------===//

#include "core/Graph.h"

#include <algorithm>
#include <cstring>
#include <fstream>

#include "absl/strings/str_format.h"
#include "core/Runtime.h"
#include "core/Status.h"

namespace lingqu::rt {

namespace {
absl::Status invalid(absl::string_view why) {
  return makeError(cudaErrorInvalidValue, why);
}

void erase(std::vector<GraphNode *> &list, const GraphNode *node) {
  list.erase(std::remove(list.begin(), list.end(), node), list.end());
}

/// Every graph reachable from `graph` through child nodes, itself first.
void collect(const Graph *graph, std::vector<const Graph *> &out) {
  out.push_back(graph);
  for (const auto &node : graph->nodes())
    if (node->child)
      collect(node->child.get(), out);
}
} // namespace

Graph::~Graph() = default;

GraphNode *Graph::add(int type, NodeOperation operation,
                      std::shared_ptr<const void> params, int api) {
  auto node = std::make_unique<GraphNode>();
  node->type = type;
  node->graph = this;
  node->operation = std::move(operation);
  node->params = std::move(params);
  node->api = api;
  nodes_.push_back(std::move(node));
  return nodes_.back().get();
}

absl::StatusOr<GraphNode *>
Graph::addAfter(const void *const *dependencies, size_t count, int type,
                NodeOperation operation, std::shared_ptr<const void> params,
                int api) {
  std::vector<GraphNode *> from;
  for (size_t i = 0; i < count; ++i) {
    auto *dep = static_cast<GraphNode *>(const_cast<void *>(dependencies[i]));
    if (!contains(dep))
      return invalid("a dependency is not a node of this graph");
    from.push_back(dep);
  }
  GraphNode *node = add(type, std::move(operation), std::move(params), api);
  for (GraphNode *dep : from) {
    node->dependencies.push_back(dep);
    dep->dependents.push_back(node);
  }
  return node;
}

std::vector<GraphNode *> Graph::roots() const {
  std::vector<GraphNode *> out;
  for (const auto &n : nodes_)
    if (n->dependencies.empty())
      out.push_back(n.get());
  return out;
}

absl::StatusOr<GraphNode *>
Graph::counterpart(const GraphNode *original) const {
  // A clone keeps the original's node order.
  const auto &from = original->graph->nodes();
  for (size_t i = 0; i < from.size() && i < nodes_.size(); ++i)
    if (from[i].get() == original && nodes_[i]->type == original->type)
      return nodes_[i].get();
  return invalid("the node has no counterpart in that graph");
}

absl::Status Graph::edgesInto(void **from, void **to, size_t *count) const {
  std::vector<GraphNode *> froms, tos;
  for (const auto &n : nodes_)
    for (GraphNode *dep : n->dependencies) {
      froms.push_back(dep);
      tos.push_back(n.get());
    }
  if ((from == nullptr) != (to == nullptr))
    return invalid("from and to go together");
  size_t capacity = *count;
  listInto(froms, from, count);
  listInto(tos, to, &capacity);
  return absl::OkStatus();
}

absl::Status Graph::writeDot(const char *path) const {
  static const char *const kNames[] = {
      "kernel", "memcpy", "memset", "host", "graph", "empty",
      "wait_event", "event_record"};
  std::ofstream out(path);
  if (!out)
    return makeError(cudaErrorOperatingSystem,
                     absl::StrFormat("cannot write %s", path));
  out << "digraph lingqu_graph {\n";
  for (const auto &n : nodes_) {
    int type = n->type;
    const char *name =
        type >= 0 && type < 8 ? kNames[type] : "node";
    out << absl::StrFormat("  n%p [label=\"%s\"];\n", n.get(), name);
  }
  for (const auto &n : nodes_)
    for (const GraphNode *dep : n->dependencies)
      out << absl::StrFormat("  n%p -> n%p;\n", dep, n.get());
  out << "}\n";
  return out ? absl::OkStatus()
             : makeError(cudaErrorOperatingSystem,
                         absl::StrFormat("cannot write %s", path));
}

std::shared_ptr<KernelArguments> copyArguments(const lingqu_kernel_info &info,
                                               void *const *args) {
  auto copy = std::make_shared<KernelArguments>();
  for (uint32_t i = 0; i < info.num_params; ++i) {
    const char *arg = static_cast<const char *>(args[i]);
    copy->bytes.emplace_back(arg, arg + info.param_sizes[i]);
  }
  for (auto &arg : copy->bytes)
    copy->pointers.push_back(arg.data());
  return copy;
}

NodeOperation kernelOperation(const ResolvedKernel &kernel,
                              const LaunchConfig &config,
                              std::shared_ptr<const KernelArguments> args) {
  return [kernel, config, args](Runtime &rt, const void *stream) {
    LaunchConfig c = config;
    c.stream = const_cast<void *>(stream);
    return rt.launch(kernel, c, const_cast<void **>(args->pointers.data()));
  };
}

NodeOperation kernelOperation(std::shared_ptr<const KernelLaunchData> launch) {
  return [launch](Runtime &rt, const void *stream) {
    LaunchConfig c = launch->config;
    c.stream = const_cast<void *>(stream);
    return rt.launch(launch->kernel, c,
                     const_cast<void **>(launch->args->pointers.data()));
  };
}

absl::Status kernelNodeAttribute(GraphNode &node, int id, void *value,
                                 bool set) {
  if (!node.launch)
    return invalid("not a kernel node");
  std::array<char, 64> v{};
  if (set) {
    std::memcpy(v.data(), value, v.size());
    bool cooperative = node.launch->config.cooperative;
    // Checked as a one-attribute list: the same rules as launches.
    cudaLaunchAttribute attribute{};
    attribute.id = static_cast<cudaLaunchAttributeID>(id);
    std::memcpy(&attribute.val, v.data(), sizeof attribute.val);
    if (absl::Status s = applyLaunchAttributes(&attribute, 1, cooperative);
        !s.ok())
      return s;
    if (cooperative != node.launch->config.cooperative) {
      auto launch = std::make_shared<KernelLaunchData>(*node.launch);
      launch->config.cooperative = cooperative;
      node.launch = launch;
      node.operation = kernelOperation(node.launch);
    }
    node.attributes[id] = v;
    return absl::OkStatus();
  }
  if (auto it = node.attributes.find(id); it != node.attributes.end())
    v = it->second;
  else if (id == cudaLaunchAttributeCooperative) {
    int cooperative = node.launch->config.cooperative;
    std::memcpy(v.data(), &cooperative, sizeof cooperative);
  }
  std::memcpy(value, v.data(), v.size());
  return absl::OkStatus();
}

absl::Status copyKernelNodeAttributes(GraphNode &dst, const GraphNode &src) {
  if (!dst.launch || !src.launch)
    return invalid("not a kernel node");
  dst.attributes = src.attributes;
  if (dst.launch->config.cooperative != src.launch->config.cooperative) {
    auto launch = std::make_shared<KernelLaunchData>(*dst.launch);
    launch->config.cooperative = src.launch->config.cooperative;
    dst.launch = launch;
    dst.operation = kernelOperation(dst.launch);
  }
  return absl::OkStatus();
}

NodeOperation setOperation(const Set2D &set) {
  return [set](Runtime &rt, const void *stream) {
    return set2D(rt, set, true, stream);
  };
}

NodeOperation hostOperation(void (*fn)(void *), void *userData) {
  return [fn, userData](Runtime &rt, const void *stream) {
    return enqueueHostFunction(rt, stream, fn, userData);
  };
}

NodeOperation eventOperation(const void *event, bool record) {
  if (record)
    return [event](Runtime &rt, const void *stream) {
      return eventRecord(rt, event, stream);
    };
  return [event](Runtime &rt, const void *stream) {
    return streamWaitEvent(rt, stream, event);
  };
}

absl::Status graphMemAttribute(int attr, void *value, bool set) {
  if (attr < 0 || attr > 3)
    return invalid("not a cudaGraphMemAttributeType");
  uint64_t v = 0;
  if (!set) {
    std::memcpy(value, &v, sizeof v);
    return absl::OkStatus();
  }
  std::memcpy(&v, value, sizeof v);
  if ((attr != 1 && attr != 3) || v != 0)
    return invalid("only a high-water mark can be set, and only to 0");
  return absl::OkStatus();
}

constexpr size_t kEdgeDataBytes = 8;

absl::Status checkDefaultEdges(const void *edgeData, size_t count) {
  const auto *bytes = static_cast<const unsigned char *>(edgeData);
  for (size_t i = 0; edgeData && i < count * kEdgeDataBytes; ++i)
    if (bytes[i] != 0)
      return makeError(cudaErrorNotSupported,
                       "only default edges (no ports, full dependency)");
  return absl::OkStatus();
}

void writeDefaultEdges(void *edgeData, size_t count) {
  if (edgeData)
    std::memset(edgeData, 0, count * kEdgeDataBytes);
}

void listInto(const std::vector<GraphNode *> &nodes, void **out,
              size_t *count) {
  if (out != nullptr)
    for (size_t i = 0; i < std::min(*count, nodes.size()); ++i)
      out[i] = nodes[i];
  if (out == nullptr || *count > nodes.size())
    *count = nodes.size();
}

bool Graph::contains(const GraphNode *node) const {
  return node && node->graph == this &&
         std::any_of(nodes_.begin(), nodes_.end(),
                     [&](const auto &n) { return n.get() == node; });
}

absl::Status Graph::addEdges(const std::vector<GraphNode *> &from,
                             const std::vector<GraphNode *> &to) {
  for (size_t i = 0; i < from.size(); ++i)
    if (!contains(from[i]) || !contains(to[i]) || from[i] == to[i])
      return invalid("an edge between nodes of another graph, or a loop");
  for (size_t i = 0; i < from.size(); ++i) {
    auto &deps = to[i]->dependencies;
    if (std::find(deps.begin(), deps.end(), from[i]) != deps.end())
      continue; // already there
    deps.push_back(from[i]);
    from[i]->dependents.push_back(to[i]);
  }
  return absl::OkStatus();
}

absl::Status Graph::removeEdges(const std::vector<GraphNode *> &from,
                                const std::vector<GraphNode *> &to) {
  for (size_t i = 0; i < from.size(); ++i) {
    if (!contains(from[i]) || !contains(to[i]))
      return invalid("an edge between nodes of another graph");
    auto &deps = to[i]->dependencies;
    if (std::find(deps.begin(), deps.end(), from[i]) == deps.end())
      return invalid("no such edge");
  }
  for (size_t i = 0; i < from.size(); ++i) {
    erase(to[i]->dependencies, from[i]);
    erase(from[i]->dependents, to[i]);
  }
  return absl::OkStatus();
}

void Graph::remove(GraphNode *node) {
  for (GraphNode *d : node->dependencies)
    erase(d->dependents, node);
  for (GraphNode *d : node->dependents)
    erase(d->dependencies, node);
  nodes_.erase(std::remove_if(nodes_.begin(), nodes_.end(),
                              [&](const auto &n) { return n.get() == node; }),
               nodes_.end());
}

std::unique_ptr<Graph>
Graph::clone(absl::flat_hash_map<const GraphNode *, GraphNode *> *map) const {
  auto copy = std::make_unique<Graph>();
  copy->userObjects.holdAlso(userObjects);
  absl::flat_hash_map<const GraphNode *, GraphNode *> local;
  auto &m = map ? *map : local;
  for (const auto &node : nodes_) {
    GraphNode *n =
        copy->add(node->type, node->operation, node->params, node->api);
    n->launch = node->launch;
    n->attributes = node->attributes;
    if (node->child)
      n->child = node->child->clone(&m);
    m[node.get()] = n;
  }
  for (const auto &node : nodes_)
    for (GraphNode *dep : node->dependencies) {
      m[node.get()]->dependencies.push_back(m[dep]);
      m[dep]->dependents.push_back(m[node.get()]);
    }
  return copy;
}

absl::Status Graph::order(std::vector<const GraphNode *> &out) const {
  // Kahn's algorithm, in insertion order among ready nodes.
  absl::flat_hash_map<const GraphNode *, size_t> waiting;
  std::vector<const GraphNode *> ready;
  for (const auto &node : nodes_) {
    waiting[node.get()] = node->dependencies.size();
    if (node->dependencies.empty())
      ready.push_back(node.get());
  }
  size_t done = 0;
  for (size_t i = 0; i < ready.size(); ++i) {
    const GraphNode *node = ready[i];
    ++done;
    if (node->child) {
      if (absl::Status s = node->child->order(out); !s.ok())
        return s;
    } else {
      out.push_back(node);
    }
    for (const GraphNode *next : node->dependents)
      if (--waiting[next] == 0)
        ready.push_back(next);
  }
  if (done != nodes_.size())
    return invalid("the graph has a cycle");
  return absl::OkStatus();
}

absl::Status GraphExec::launch(Runtime &rt, const void *stream) const {
  if (absl::Status s = rt.stream(stream).status(); !s.ok())
    return s;
  for (const Step &step : steps)
    if (step.enabled && step.operation)
      if (absl::Status s = step.operation(rt, stream); !s.ok())
        return s;
  return absl::OkStatus();
}

absl::Status GraphExec::replace(const GraphNode *node,
                                const NodeOperation &operation) {
  bool found = false;
  for (Step &step : steps)
    if (step.original == node) {
      step.operation = operation;
      found = true;
    }
  return found ? absl::OkStatus()
               : invalid("the node is not part of the executable graph");
}

absl::Status GraphExec::enable(const GraphNode *node, bool enabled) {
  bool found = false;
  for (Step &step : steps)
    if (step.original == node) {
      step.enabled = enabled;
      found = true;
    }
  return found ? absl::OkStatus()
               : invalid("the node is not part of the executable graph");
}

absl::StatusOr<bool> GraphExec::enabled(const GraphNode *node) const {
  for (const Step &step : steps)
    if (step.original == node)
      return step.enabled;
  return invalid("the node is not part of the executable graph");
}

absl::Status GraphExec::update(const Graph &graph, UpdateFailure &failure) {
  constexpr int kTopologyChanged = 2, kNodeTypeChanged = 3;
  std::vector<const GraphNode *> order;
  if (absl::Status s = graph.order(order); !s.ok())
    return s;
  auto fail = [&](int result, const GraphNode *node) {
    failure = {result, node};
    return makeError(cudaErrorGraphExecUpdateFailure,
                     "the graph does not have the executable graph's shape");
  };
  if (order.size() != steps.size())
    return fail(kTopologyChanged, nullptr);
  for (size_t i = 0; i < order.size(); ++i)
    if (order[i]->type != steps[i].type)
      return fail(kNodeTypeChanged, order[i]);
  for (size_t i = 0; i < order.size(); ++i) {
    steps[i].operation = order[i]->operation;
    steps[i].original = order[i]; // Exec*SetParams now name the new nodes
  }
  return absl::OkStatus();
}

Graph *Graphs::create() { return adopt(std::make_unique<Graph>()); }

Graph *Graphs::adopt(std::unique_ptr<Graph> graph) {
  Graph *raw = graph.get();
  absl::MutexLock lock(&mu_);
  graphs_.emplace(raw, std::move(graph));
  return raw;
}

absl::Status Graphs::destroy(const void *handle) {
  std::unique_ptr<Graph> owned;
  absl::MutexLock lock(&mu_);
  auto it = graphs_.find(handle);
  if (it == graphs_.end())
    return invalid(absl::StrFormat("%p is not a graph", handle));
  owned = std::move(it->second);
  graphs_.erase(it);
  return absl::OkStatus();
}

absl::StatusOr<Graph *> Graphs::graph(const void *handle) {
  absl::MutexLock lock(&mu_);
  for (const auto &[key, graph] : graphs_) {
    std::vector<const Graph *> all;
    collect(graph.get(), all);
    for (const Graph *g : all)
      if (g == handle)
        return const_cast<Graph *>(g);
  }
  return invalid(absl::StrFormat("%p is not a graph", handle));
}

absl::StatusOr<GraphNode *> Graphs::node(const void *handle) {
  const auto *node = static_cast<const GraphNode *>(handle);
  absl::MutexLock lock(&mu_);
  for (const auto &[key, graph] : graphs_) {
    std::vector<const Graph *> all;
    collect(graph.get(), all);
    for (const Graph *g : all)
      for (const auto &n : g->nodes())
        if (n.get() == node)
          return n.get();
  }
  return invalid(absl::StrFormat("%p is not a graph node", handle));
}

absl::StatusOr<GraphExec *> Graphs::instantiate(const Graph &graph,
                                                unsigned long long flags) {
  std::vector<const GraphNode *> order;
  if (absl::Status s = graph.order(order); !s.ok())
    return s;
  auto exec = std::make_unique<GraphExec>();
  exec->flags = flags;
  exec->userObjects.holdAlso(graph.userObjects);
  for (const GraphNode *node : order)
    exec->steps.push_back({node, node->type, node->operation});
  GraphExec *raw = exec.get();
  absl::MutexLock lock(&mu_);
  execs_.emplace(raw, std::move(exec));
  return raw;
}

absl::Status Graphs::destroyExec(const void *handle) {
  std::unique_ptr<GraphExec> owned;
  absl::MutexLock lock(&mu_);
  auto it = execs_.find(handle);
  if (it == execs_.end())
    return invalid(absl::StrFormat("%p is not an executable graph", handle));
  owned = std::move(it->second);
  execs_.erase(it);
  return absl::OkStatus();
}

absl::StatusOr<GraphExec *> Graphs::exec(const void *handle) {
  absl::MutexLock lock(&mu_);
  auto it = execs_.find(handle);
  if (it == execs_.end())
    return invalid(absl::StrFormat("%p is not an executable graph", handle));
  return it->second.get();
}

} // namespace lingqu::rt
