// Breadth-first search in CUDA: one thread per frontier vertex and one
// launch per level. A thread claims each unvisited neighbour with atomicCAS
// on its distance and appends it to its block's queue in shared memory; the
// block then reserves room in the next frontier with one atomicAdd and
// copies its queue there. The host loops until a level finds nothing.
#include "bfs.h"

constexpr int kBlock = 256;

__global__ void expand(const int *offsets, const int *edges, int *dist,
                       const int *frontier, int count, int *next,
                       int *nextCount, int level) {
  __shared__ int queue[kBlock * bfs::kMaxDegree];
  __shared__ int queued;
  __shared__ int base;
  if (threadIdx.x == 0)
    queued = 0;
  __syncthreads();
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count) {
    int u = frontier[i];
    int end = offsets[u + 1];
    for (int e = offsets[u]; e < end; ++e) {
      int v = edges[e];
      if (dist[v] < 0 && atomicCAS(&dist[v], -1, level + 1) == -1)
        queue[atomicAdd(&queued, 1)] = v;
    }
  }
  __syncthreads();
  if (threadIdx.x == 0)
    base = queued ? atomicAdd(nextCount, queued) : 0;
  __syncthreads();
  for (int j = threadIdx.x; j < queued; j += blockDim.x)
    next[base + j] = queue[j];
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  bfs::Graph g = bfs::graph(bfs::vertices(args));
  int n = g.n;
  size_t m = g.edges.size();
  int *offsets, *edges, *dist, *frontier, *next, *nextCount;
  cudaMalloc(&offsets, (n + 1) * sizeof(int));
  cudaMalloc(&edges, m * sizeof(int));
  cudaMalloc(&dist, size_t(bfs::kSources) * n * sizeof(int));
  cudaMalloc(&frontier, n * sizeof(int));
  cudaMalloc(&next, n * sizeof(int));
  cudaMalloc(&nextCount, sizeof(int));
  cudaMemcpy(offsets, g.offsets.data(), (n + 1) * sizeof(int),
             cudaMemcpyHostToDevice);
  cudaMemcpy(edges, g.edges.data(), m * sizeof(int), cudaMemcpyHostToDevice);
  bench::time(args, [&] {
    for (int s = 0; s < bfs::kSources; ++s) {
      int *d = dist + size_t(s) * n;
      int src = bfs::source(s, n), zero = 0;
      cudaMemset(d, 0xff, n * sizeof(int));
      cudaMemcpy(d + src, &zero, sizeof(int), cudaMemcpyHostToDevice);
      cudaMemcpy(frontier, &src, sizeof(int), cudaMemcpyHostToDevice);
      int *cur = frontier, *nxt = next;
      for (int count = 1, level = 0; count > 0; ++level) {
        cudaMemset(nextCount, 0, sizeof(int));
        expand<<<(count + kBlock - 1) / kBlock, kBlock>>>(
            offsets, edges, d, cur, count, nxt, nextCount, level);
        cudaMemcpy(&count, nextCount, sizeof(int), cudaMemcpyDeviceToHost);
        int *t = cur;
        cur = nxt;
        nxt = t;
      }
    }
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("bfs kernels");
  });
  std::vector<int> hd(size_t(bfs::kSources) * n);
  cudaMemcpy(hd.data(), dist, hd.size() * sizeof(int), cudaMemcpyDeviceToHost);
  bench::checksum(bench::sum(hd.data(), hd.size()));
  bench::workBytes(bfs::bytes(g));
}
