// Breadth-first search, level-synchronous, on a synthetic directed graph in
// CSR form: every vertex has 4 to 12 out-edges (8 on average), three in four
// to a vertex close by in numbering and one in four to any vertex, so that a
// search is about a dozen levels deep. One run searches from kSources
// sources; each level expands the frontier, claiming unvisited vertices with
// a compare-and-swap on their distance and appending them to the next
// frontier. Irregular and memory-bound (random reads of the distances).
#ifndef LINGQU_BENCH_BFS_H
#define LINGQU_BENCH_BFS_H

#include "bench.h"

namespace bfs {
constexpr int kSources = 5;
constexpr int kMaxDegree = 12;
constexpr int kNear = 64; // the window a near edge lands in, each side

struct Graph {
  int n = 0;
  std::vector<int> offsets; // n + 1
  std::vector<int> edges;   // offsets[n]
};

inline int vertices(const bench::Args &a) {
  return bench::size<int>(a, 1 << 20, 2000);
}

inline Graph graph(int n) {
  Graph g;
  g.n = n;
  g.offsets.resize(size_t(n) + 1);
  g.offsets[0] = 0;
  for (int u = 0; u < n; ++u)
    g.offsets[u + 1] = g.offsets[u] + 4 + int(bench::below(1, u, 9));
  g.edges.resize(size_t(g.offsets[n]));
  for (int u = 0; u < n; ++u)
    for (int e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
      int v;
      if (bench::below(2, e, 4) == 0) {
        v = int(bench::below(3, e, uint32_t(n)));
      } else {
        v = u + int(bench::below(4, e, 2 * kNear + 1)) - kNear;
        v = v < 0 ? v + n : v >= n ? v - n : v;
      }
      g.edges[e] = v;
    }
  return g;
}

inline int source(int s, int n) { return int(bench::below(5, s, uint32_t(n))); }

/// Per search: the distances set (4 B a vertex), each vertex's offsets
/// (8 B) and queue slot written and read (8 B) and its distance written
/// (4 B), and per edge its target (4 B) and that target's distance (4 B).
inline double bytes(const Graph &g) {
  return kSources * (24.0 * g.n + 8.0 * g.edges.size());
}
} // namespace bfs

#endif
