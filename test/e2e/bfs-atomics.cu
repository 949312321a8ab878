// Level-synchronous breadth-first search on a CSR graph: one launch per
// level, frontier queues built with atomicAdd, visited marks with atomicCAS,
// blocks racing on different cores.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: bfs: PASS
#include <cstdio>
#include <queue>
#include <vector>

__global__ void expand(const int *rowStart, const int *neighbours,
                       const int *frontier, int frontierSize, int *level,
                       int depth, int *next, int *nextSize) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= frontierSize)
    return;
  int v = frontier[i];
  for (int e = rowStart[v]; e < rowStart[v + 1]; ++e) {
    int w = neighbours[e];
    if (atomicCAS(&level[w], -1, depth + 1) == -1)
      next[atomicAdd(nextSize, 1)] = w;
  }
}

int main() {
  // A deterministic graph: a ring plus pseudo-random chords.
  const int n = 5000;
  std::vector<std::vector<int>> adj(n);
  unsigned x = 7;
  for (int v = 0; v < n; ++v) {
    adj[v].push_back((v + 1) % n);
    adj[(v + 1) % n].push_back(v);
    x = x * 1664525u + 1013904223u;
    if (v % 7 == 0) {
      int w = (x >> 4) % n;
      adj[v].push_back(w);
      adj[w].push_back(v);
    }
  }
  std::vector<int> rowStart(n + 1, 0), neighbours;
  for (int v = 0; v < n; ++v) {
    rowStart[v + 1] = rowStart[v] + (int)adj[v].size();
    neighbours.insert(neighbours.end(), adj[v].begin(), adj[v].end());
  }
  int *dRow, *dNb, *dLevel, *dA, *dB, *dSize;
  cudaMalloc(&dRow, rowStart.size() * sizeof(int));
  cudaMalloc(&dNb, neighbours.size() * sizeof(int));
  cudaMalloc(&dLevel, n * sizeof(int));
  cudaMalloc(&dA, n * sizeof(int));
  cudaMalloc(&dB, n * sizeof(int));
  cudaMalloc(&dSize, sizeof(int));
  cudaMemcpy(dRow, rowStart.data(), rowStart.size() * sizeof(int), cudaMemcpyHostToDevice);
  cudaMemcpy(dNb, neighbours.data(), neighbours.size() * sizeof(int), cudaMemcpyHostToDevice);
  std::vector<int> level(n, -1);
  level[0] = 0;
  cudaMemcpy(dLevel, level.data(), n * sizeof(int), cudaMemcpyHostToDevice);
  int source = 0, frontierSize = 1, depth = 0;
  cudaMemcpy(dA, &source, sizeof(int), cudaMemcpyHostToDevice);
  while (frontierSize > 0) {
    cudaMemset(dSize, 0, sizeof(int));
    expand<<<(frontierSize + 63) / 64, 64>>>(dRow, dNb, dA, frontierSize, dLevel, depth, dB, dSize);
    cudaMemcpy(&frontierSize, dSize, sizeof(int), cudaMemcpyDeviceToHost);
    std::swap(dA, dB);
    ++depth;
  }
  cudaMemcpy(level.data(), dLevel, n * sizeof(int), cudaMemcpyDeviceToHost);
  std::vector<int> want(n, -1);
  std::queue<int> q;
  want[0] = 0;
  q.push(0);
  while (!q.empty()) {
    int v = q.front();
    q.pop();
    for (int w : adj[v])
      if (want[w] < 0) {
        want[w] = want[v] + 1;
        q.push(w);
      }
  }
  int wrong = 0;
  for (int v = 0; v < n; ++v)
    wrong += level[v] != want[v];
  std::printf("bfs: %s (%d wrong, %d levels)\n", wrong ? "FAIL" : "PASS", wrong, depth);
  return wrong != 0;
}
