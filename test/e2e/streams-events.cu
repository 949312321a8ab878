// Streams and events end to end: two non-blocking streams, a kernel on one
// feeding a kernel on the other through an event, asynchronous copies, and
// an event pair timing the work.
// RUN: %lqcc %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: streams-events: PASS
#include <cstdio>

__global__ void fill(int *out, int n, int value) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = value + i;
}

__global__ void twice(const int *in, int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = 2 * in[i];
}

int main() {
  const int n = 1 << 16;
  int *a, *b, *host;
  cudaMalloc(&a, n * sizeof(int));
  cudaMalloc(&b, n * sizeof(int));
  host = new int[n];
  cudaStream_t producer, consumer;
  cudaStreamCreateWithFlags(&producer, cudaStreamNonBlocking);
  cudaStreamCreateWithFlags(&consumer, cudaStreamNonBlocking);
  cudaEvent_t ready, start, stop;
  cudaEventCreateWithFlags(&ready, cudaEventDisableTiming);
  cudaEventCreate(&start);
  cudaEventCreate(&stop);

  bool ok = true;
  for (int round = 0; round < 20; ++round) {
    cudaEventRecord(start, producer);
    fill<<<(n + 255) / 256, 256, 0, producer>>>(a, n, round);
    cudaEventRecord(ready, producer);
    cudaStreamWaitEvent(consumer, ready, 0);
    twice<<<(n + 255) / 256, 256, 0, consumer>>>(a, b, n);
    cudaMemcpyAsync(host, b, n * sizeof(int), cudaMemcpyDeviceToHost,
                    consumer);
    cudaEventRecord(stop, consumer);
    if (cudaEventSynchronize(stop) != cudaSuccess)
      ok = false;
    for (int i = 0; i < n; ++i)
      if (host[i] != 2 * (round + i)) {
        std::printf("round %d: host[%d] = %d\n", round, i, host[i]);
        ok = false;
        break;
      }
    float ms = -1;
    if (cudaEventElapsedTime(&ms, start, stop) != cudaSuccess || ms < 0)
      ok = false;
  }
  cudaMemsetAsync(a, 0, n * sizeof(int), producer);
  cudaStreamSynchronize(producer);
  cudaMemcpy(host, a, n * sizeof(int), cudaMemcpyDeviceToHost);
  for (int i = 0; i < n; ++i)
    ok = ok && host[i] == 0;
  ok = ok && cudaStreamQuery(consumer) == cudaSuccess;
  ok = ok && cudaGetLastError() == cudaSuccess;
  cudaStreamDestroy(producer);
  cudaStreamDestroy(consumer);
  std::printf("streams-events: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
