// Breadth-first search in OpenMP, level-synchronous and top-down: the
// threads share out the frontier, claim unvisited neighbours with an atomic
// compare-exchange on their distance (a plain load first skips the visited
// ones) and collect them in their own buffers, which are then copied into
// the next frontier at offsets from a prefix sum of their lengths.
#include "bfs.h"

#include <memory>
#include <omp.h>

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  bfs::Graph g = bfs::graph(bfs::vertices(args));
  const int n = g.n;
  const int *offsets = g.offsets.data(), *edges = g.edges.data();
  std::unique_ptr<int[]> dist(new int[size_t(bfs::kSources) * n]);
  std::unique_ptr<int[]> frontier(new int[n]), next(new int[n]);
  const int threads = omp_get_max_threads();
  // Each thread's buffer holds a whole frontier at most; its length is kept
  // in a register, not in memory another thread's buffer shares a line with.
  std::vector<std::unique_ptr<int[]>> local(threads);
  for (auto &l : local)
    l.reset(new int[n]);
  std::vector<size_t> start(threads + 1);
  bench::time(args, [&] {
    for (int s = 0; s < bfs::kSources; ++s) {
      int *d = dist.get() + size_t(s) * n;
#pragma omp parallel for schedule(static)
      for (int v = 0; v < n; ++v)
        d[v] = -1;
      int src = bfs::source(s, n);
      d[src] = 0;
      int *cur = frontier.get(), *nxt = next.get();
      cur[0] = src;
      size_t count = 1;
      for (int level = 0; count > 0; ++level) {
#pragma omp parallel
        {
          int t = omp_get_thread_num();
          int *mine = local[t].get();
          size_t found = 0;
#pragma omp for schedule(dynamic, 512) nowait
          for (size_t i = 0; i < count; ++i) {
            int u = cur[i];
            for (int e = offsets[u], end = offsets[u + 1]; e < end; ++e) {
              int v = edges[e];
              int expected = -1;
              if (__atomic_load_n(&d[v], __ATOMIC_RELAXED) < 0 &&
                  __atomic_compare_exchange_n(&d[v], &expected, level + 1,
                                              false, __ATOMIC_RELAXED,
                                              __ATOMIC_RELAXED))
                mine[found++] = v;
            }
          }
          start[t + 1] = found;
#pragma omp barrier
#pragma omp single
          for (int j = 0; j < threads; ++j)
            start[j + 1] += start[j];
          std::copy(mine, mine + found, nxt + start[t]);
        }
        count = start[threads];
        std::swap(cur, nxt);
      }
    }
  });
  bench::checksum(bench::sum(dist.get(), size_t(bfs::kSources) * n));
  bench::workBytes(bfs::bytes(g));
}
