//===- CudartStressTest.cpp - Many host threads, streams and events -------===//
//
// Every API may be called from any number of host threads at once. Eight
// threads each drive their own streams while handing work to each other's
// through events; allocations, copies, sets and host functions interleave.
// Every result is checked, and the run is also made under ThreadSanitizer
// and AddressSanitizer (`make check-sanitize`).

#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

#include "cuda_runtime_api.h"
#include "gtest/gtest.h"

namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 40;
constexpr size_t kWords = 4096;

struct Counter {
  std::atomic<int> value{0};
  static void bump(void *self) { static_cast<Counter *>(self)->value++; }
};

TEST(CudartStress, ThreadsStreamsAndEventsAgree) {
  std::vector<cudaEvent_t> published(kThreads);
  for (cudaEvent_t &e : published)
    ASSERT_EQ(cudaEventCreateWithFlags(&e, cudaEventDisableTiming),
              cudaSuccess);
  std::atomic<int> failures{0};
  std::vector<Counter> counters(kThreads);

  auto worker = [&](int id) {
    cudaStream_t mine, other;
    if (cudaStreamCreateWithFlags(&mine, cudaStreamNonBlocking) != cudaSuccess ||
        cudaStreamCreate(&other) != cudaSuccess) {
      ++failures;
      return;
    }
    std::vector<unsigned> host(kWords);
    for (int round = 0; round < kRounds; ++round) {
      unsigned *device = nullptr;
      if (cudaMalloc(reinterpret_cast<void **>(&device),
                     kWords * sizeof(unsigned)) != cudaSuccess) {
        ++failures;
        break;
      }
      // Set on one stream, copy out on another after an event.
      cudaEvent_t ready;
      cudaEventCreateWithFlags(&ready, cudaEventDisableTiming);
      cudaMemsetAsync(device, id + round, kWords * sizeof(unsigned), mine);
      cudaLaunchHostFunc(mine, Counter::bump, &counters[id]);
      cudaEventRecord(ready, mine);
      // Also wait for whatever a neighbour last published.
      cudaStreamWaitEvent(other, published[(id + 1) % kThreads], 0);
      cudaStreamWaitEvent(other, ready, 0);
      cudaMemcpyAsync(host.data(), device, kWords * sizeof(unsigned),
                      cudaMemcpyDeviceToHost, other);
      cudaEventRecord(published[id], other);
      if (cudaStreamSynchronize(other) != cudaSuccess)
        ++failures;
      unsigned char byte = static_cast<unsigned char>(id + round);
      unsigned expected;
      std::memset(&expected, byte, sizeof expected);
      for (unsigned word : host)
        if (word != expected) {
          ++failures;
          break;
        }
      cudaEventDestroy(ready);
      if (cudaFree(device) != cudaSuccess)
        ++failures;
    }
    if (cudaStreamSynchronize(mine) != cudaSuccess)
      ++failures;
    cudaStreamDestroy(mine);
    cudaStreamDestroy(other);
  };

  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back(worker, i);
  for (std::thread &t : threads)
    t.join();
  EXPECT_EQ(failures.load(), 0);
  for (Counter &c : counters)
    EXPECT_EQ(c.value.load(), kRounds);
  ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  for (cudaEvent_t e : published)
    EXPECT_EQ(cudaEventDestroy(e), cudaSuccess);
}

TEST(CudartStress, ConcurrentAllocationTableStaysConsistent) {
  std::atomic<int> failures{0};
  auto worker = [&](int id) {
    std::vector<void *> live;
    for (int i = 0; i < 500; ++i) {
      void *p = nullptr;
      size_t bytes = 16 + (i * 37 + id) % 4096;
      if (i % 3 == 2 && !live.empty()) {
        if (cudaFree(live.back()) != cudaSuccess)
          ++failures;
        live.pop_back();
      } else if (cudaMalloc(&p, bytes) == cudaSuccess) {
        cudaPointerAttributes a;
        if (cudaPointerGetAttributes(&a, p) != cudaSuccess ||
            a.type != cudaMemoryTypeDevice)
          ++failures;
        live.push_back(p);
      } else {
        ++failures;
      }
    }
    for (void *p : live)
      if (cudaFree(p) != cudaSuccess)
        ++failures;
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back(worker, i);
  for (std::thread &t : threads)
    t.join();
  EXPECT_EQ(failures.load(), 0);
}

} // namespace
