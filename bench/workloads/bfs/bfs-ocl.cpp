// Breadth-first search on PoCL: one launch per level, the next frontier's
// length read back after each.
#include "bfs.h"
#include "ocl.h"

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  bfs::Graph g = bfs::graph(bfs::vertices(args));
  int n = g.n;
  size_t m = g.edges.size();
  ocl::Runtime rt = ocl::open(BENCH_CL);
  cl_mem offsets = ocl::buffer(rt, (n + 1) * sizeof(int), g.offsets.data());
  cl_mem edges = ocl::buffer(rt, m * sizeof(int), g.edges.data());
  cl_mem dist[bfs::kSources];
  for (cl_mem &d : dist)
    d = ocl::buffer(rt, n * sizeof(int));
  cl_mem queues[2] = {ocl::buffer(rt, n * sizeof(int)),
                      ocl::buffer(rt, n * sizeof(int))};
  cl_mem nextCount = ocl::buffer(rt, sizeof(int));
  cl_kernel k = ocl::kernel(rt, "expand");
  const int minus1 = -1, zero = 0;
  bench::time(args, [&] {
    for (int s = 0; s < bfs::kSources; ++s) {
      cl_mem d = dist[s];
      int src = bfs::source(s, n);
      OCL_CHECK(clEnqueueFillBuffer(rt.queue, d, &minus1, sizeof(int), 0,
                                    n * sizeof(int), 0, nullptr, nullptr));
      OCL_CHECK(clEnqueueWriteBuffer(rt.queue, d, CL_FALSE, src * sizeof(int),
                                     sizeof(int), &zero, 0, nullptr, nullptr));
      OCL_CHECK(clEnqueueWriteBuffer(rt.queue, queues[0], CL_TRUE, 0,
                                     sizeof(int), &src, 0, nullptr, nullptr));
      int cur = 0;
      for (int count = 1, level = 0; count > 0; ++level) {
        OCL_CHECK(clEnqueueWriteBuffer(rt.queue, nextCount, CL_FALSE, 0,
                                       sizeof(int), &zero, 0, nullptr,
                                       nullptr));
        ocl::args(k, offsets, edges, d, queues[cur], count, queues[1 - cur],
                  nextCount, level);
        ocl::run(rt, k, {size_t(count)}, {256});
        ocl::read(rt, nextCount, sizeof(int), &count);
        cur = 1 - cur;
      }
    }
    ocl::finish(rt);
  });
  std::vector<int> hd(size_t(bfs::kSources) * n);
  for (int s = 0; s < bfs::kSources; ++s)
    ocl::read(rt, dist[s], n * sizeof(int), hd.data() + size_t(s) * n);
  bench::checksum(bench::sum(hd.data(), hd.size()));
  bench::workBytes(bfs::bytes(g));
}
