// Runtime micro-benchmarks (issue 4): what an API call costs on its own.
//   launch+sync   an empty kernel launched and waited for, one at a time
//   enqueue       an empty kernel launched without waiting (per launch)
//   malloc+free   a 64 KiB cudaMalloc and its cudaFree
//   h2d copy      cudaMemcpy host to device of 64 MiB, against std::memcpy
// Each is the median of several timed rounds after a warm-up round. Every
// line carries the target from the issue and the ratio to it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

__global__ void empty() {}

using Clock = std::chrono::steady_clock;

static double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

/// Median over `rounds` of the time per call of `body` run `calls` times.
template <typename F> static double perCallMicros(int rounds, int calls, F body) {
  std::vector<double> samples;
  for (int r = 0; r <= rounds; ++r) {
    auto start = Clock::now();
    for (int i = 0; i < calls; ++i)
      body();
    double us =
        std::chrono::duration<double, std::micro>(Clock::now() - start).count();
    if (r > 0) // round 0 warms up
      samples.push_back(us / calls);
  }
  return median(samples);
}

int main() {
  const int rounds = 9;
  double launchSync = perCallMicros(rounds, 2000, [] {
    empty<<<1, 1>>>();
    cudaDeviceSynchronize();
  });

  cudaStream_t stream;
  cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking);
  std::vector<double> enqueueSamples;
  for (int r = 0; r <= rounds; ++r) {
    const int calls = 2000;
    auto start = Clock::now();
    for (int i = 0; i < calls; ++i)
      empty<<<1, 1, 0, stream>>>();
    double us =
        std::chrono::duration<double, std::micro>(Clock::now() - start).count();
    cudaStreamSynchronize(stream);
    if (r > 0)
      enqueueSamples.push_back(us / calls);
  }
  double enqueue = median(enqueueSamples);

  double mallocFree = perCallMicros(rounds, 2000, [] {
    void *p = nullptr;
    cudaMalloc(&p, 64 << 10);
    cudaFree(p);
  });

  const size_t bytes = size_t(64) << 20;
  std::vector<char> host(bytes, 1), other(bytes, 0);
  char *device = nullptr;
  cudaMalloc(&device, bytes);
  double copyUs = perCallMicros(rounds, 1, [&] {
    cudaMemcpy(device, host.data(), bytes, cudaMemcpyHostToDevice);
  });
  double memcpyUs = perCallMicros(rounds, 1, [&] {
    std::memcpy(other.data(), host.data(), bytes);
    asm volatile("" ::"r"(other.data()) : "memory");
  });
  cudaFree(device);

  std::printf("%-12s %10s %10s %10s\n", "benchmark", "median", "target",
              "ratio");
  std::printf("%-12s %8.2fus %8.2fus %9.2fx\n", "launch+sync", launchSync, 2.0,
              launchSync / 2.0);
  std::printf("%-12s %8.2fus %10s %10s\n", "enqueue", enqueue, "-", "-");
  std::printf("%-12s %8.2fus %8.2fus %9.2fx\n", "malloc+free", mallocFree, 1.0,
              mallocFree / 1.0);
  std::printf("%-12s %9.0f%% %9s%% %10s\n", "h2d copy",
              100.0 * memcpyUs / copyUs, "90", "of memcpy");
  return cudaGetLastError() == cudaSuccess ? 0 : 1;
}
