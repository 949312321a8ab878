//===- CudartStreamTest.cpp - Streams, events, host functions -------------===//
//
// Through libcudart's C API. Host functions stand in for kernels: they run
// in stream order on the stream's worker, and a Gate holds one back so that
// a test can observe work that has not run yet.

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "cuda_runtime_api.h"
#include "gtest/gtest.h"

namespace {

/// A host function that blocks until the test opens it.
struct Gate {
  std::atomic<bool> open{false};
  static void wait(void *self) {
    auto *gate = static_cast<Gate *>(self);
    while (!gate->open.load())
      std::this_thread::yield();
  }
};

/// Appends its tag to a shared log, in the order host functions run.
struct Log {
  std::mutex mu;
  std::vector<int> order;
  struct Entry {
    Log *log;
    int tag;
  };
  std::vector<Entry> entries;
  Log() { entries.reserve(1024); }
  void *entry(int tag) {
    entries.push_back({this, tag});
    return &entries.back();
  }
  static void append(void *raw) {
    auto *e = static_cast<Entry *>(raw);
    std::lock_guard<std::mutex> lock(e->log->mu);
    e->log->order.push_back(e->tag);
  }
};

TEST(CudartStream, WorkRunsInOrderAndAsynchronously) {
  cudaStream_t s;
  ASSERT_EQ(cudaStreamCreate(&s), cudaSuccess);
  Gate gate;
  Log log;
  ASSERT_EQ(cudaLaunchHostFunc(s, Gate::wait, &gate), cudaSuccess);
  for (int i = 0; i < 100; ++i)
    ASSERT_EQ(cudaLaunchHostFunc(s, Log::append, log.entry(i)), cudaSuccess);
  // The gate holds everything back, and the host is not blocked.
  EXPECT_EQ(cudaStreamQuery(s), cudaErrorNotReady);
  gate.open = true;
  ASSERT_EQ(cudaStreamSynchronize(s), cudaSuccess);
  EXPECT_EQ(cudaStreamQuery(s), cudaSuccess);
  ASSERT_EQ(log.order.size(), 100u);
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(log.order[i], i);
  EXPECT_EQ(cudaStreamDestroy(s), cudaSuccess);
}

TEST(CudartStream, EventOrdersWorkAcrossStreams) {
  cudaStream_t a, b;
  cudaEvent_t e;
  ASSERT_EQ(cudaStreamCreateWithFlags(&a, cudaStreamNonBlocking), cudaSuccess);
  ASSERT_EQ(cudaStreamCreateWithFlags(&b, cudaStreamNonBlocking), cudaSuccess);
  ASSERT_EQ(cudaEventCreate(&e), cudaSuccess);
  Gate gate;
  Log log;
  ASSERT_EQ(cudaLaunchHostFunc(a, Gate::wait, &gate), cudaSuccess);
  ASSERT_EQ(cudaLaunchHostFunc(a, Log::append, log.entry(1)), cudaSuccess);
  ASSERT_EQ(cudaEventRecord(e, a), cudaSuccess);
  ASSERT_EQ(cudaStreamWaitEvent(b, e, 0), cudaSuccess);
  ASSERT_EQ(cudaLaunchHostFunc(b, Log::append, log.entry(2)), cudaSuccess);
  EXPECT_EQ(cudaEventQuery(e), cudaErrorNotReady);
  EXPECT_EQ(cudaStreamQuery(b), cudaErrorNotReady);
  gate.open = true;
  ASSERT_EQ(cudaStreamSynchronize(b), cudaSuccess);
  EXPECT_EQ(cudaEventQuery(e), cudaSuccess);
  ASSERT_EQ(log.order, (std::vector<int>{1, 2}));
  EXPECT_EQ(cudaEventDestroy(e), cudaSuccess);
  EXPECT_EQ(cudaStreamDestroy(a), cudaSuccess);
  EXPECT_EQ(cudaStreamDestroy(b), cudaSuccess);
}

TEST(CudartStream, LegacyStreamSynchronisesWithBlockingStreamsOnly) {
  cudaStream_t blocking, nonBlocking;
  ASSERT_EQ(cudaStreamCreate(&blocking), cudaSuccess);
  ASSERT_EQ(cudaStreamCreateWithFlags(&nonBlocking, cudaStreamNonBlocking),
            cudaSuccess);
  Gate gate;
  Log log;
  // Legacy work waits for the blocking stream's earlier work ...
  ASSERT_EQ(cudaLaunchHostFunc(blocking, Gate::wait, &gate), cudaSuccess);
  ASSERT_EQ(cudaLaunchHostFunc(0, Log::append, log.entry(1)), cudaSuccess);
  // ... but the non-blocking stream does not wait for the legacy stream.
  ASSERT_EQ(cudaLaunchHostFunc(nonBlocking, Log::append, log.entry(2)),
            cudaSuccess);
  ASSERT_EQ(cudaStreamSynchronize(nonBlocking), cudaSuccess);
  EXPECT_EQ(cudaStreamQuery(0), cudaErrorNotReady);
  gate.open = true;
  ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  ASSERT_EQ(log.order, (std::vector<int>{2, 1}));
  cudaStreamDestroy(blocking);
  cudaStreamDestroy(nonBlocking);
}

TEST(CudartStream, EventTiming) {
  cudaEvent_t start, stop, untimed;
  ASSERT_EQ(cudaEventCreate(&start), cudaSuccess);
  ASSERT_EQ(cudaEventCreate(&stop), cudaSuccess);
  ASSERT_EQ(cudaEventCreateWithFlags(&untimed, cudaEventDisableTiming),
            cudaSuccess);
  float ms = -1;
  // Never recorded.
  EXPECT_EQ(cudaEventElapsedTime(&ms, start, stop),
            cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaEventQuery(start), cudaSuccess);
  ASSERT_EQ(cudaEventRecord(start, 0), cudaSuccess);
  ASSERT_EQ(cudaEventRecord(stop, 0), cudaSuccess);
  ASSERT_EQ(cudaEventRecord(untimed, 0), cudaSuccess);
  ASSERT_EQ(cudaEventSynchronize(stop), cudaSuccess);
  ASSERT_EQ(cudaEventSynchronize(untimed), cudaSuccess);
  EXPECT_EQ(cudaEventElapsedTime(&ms, start, stop), cudaSuccess);
  EXPECT_GE(ms, 0.0f);
  EXPECT_EQ(cudaEventElapsedTime(&ms, start, untimed),
            cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaEventElapsedTime(nullptr, start, stop), cudaErrorInvalidValue);
  cudaEventDestroy(start);
  cudaEventDestroy(stop);
  cudaEventDestroy(untimed);
  cudaGetLastError();
}

TEST(CudartStream, ErrorPaths) {
  EXPECT_EQ(cudaStreamCreate(nullptr), cudaErrorInvalidValue);
  cudaStream_t s;
  EXPECT_EQ(cudaStreamCreateWithFlags(&s, 0x10), cudaErrorInvalidValue);
  EXPECT_EQ(cudaStreamDestroy(0), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaStreamDestroy(cudaStreamPerThread),
            cudaErrorInvalidResourceHandle);
  ASSERT_EQ(cudaStreamCreate(&s), cudaSuccess);
  ASSERT_EQ(cudaStreamDestroy(s), cudaSuccess);
  // A destroyed stream is an unknown handle from then on.
  EXPECT_EQ(cudaStreamDestroy(s), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaStreamSynchronize(s), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaLaunchHostFunc(s, Log::append, nullptr),
            cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaLaunchHostFunc(0, nullptr, nullptr), cudaErrorInvalidValue);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidValue);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);

  cudaEvent_t e;
  EXPECT_EQ(cudaEventCreate(nullptr), cudaErrorInvalidValue);
  EXPECT_EQ(cudaEventCreateWithFlags(&e, cudaEventInterprocess),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaEventCreateWithFlags(&e, 0x80), cudaErrorInvalidValue);
  ASSERT_EQ(cudaEventCreate(&e), cudaSuccess);
  EXPECT_EQ(cudaStreamWaitEvent(0, e, 0x4), cudaErrorInvalidValue);
  EXPECT_EQ(cudaEventRecordWithFlags(e, 0, 0x8), cudaErrorInvalidValue);
  ASSERT_EQ(cudaEventDestroy(e), cudaSuccess);
  EXPECT_EQ(cudaEventDestroy(e), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaEventQuery(e), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaEventRecord(nullptr, 0), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaStreamWaitEvent(0, nullptr, 0),
            cudaErrorInvalidResourceHandle);
  cudaGetLastError();
}

TEST(CudartStream, Attributes) {
  cudaStream_t s;
  ASSERT_EQ(cudaStreamCreateWithPriority(&s, cudaStreamNonBlocking, -100),
            cudaSuccess);
  unsigned flags = 0;
  int priority = 0, device = -1;
  EXPECT_EQ(cudaStreamGetFlags(s, &flags), cudaSuccess);
  EXPECT_EQ(flags, unsigned(cudaStreamNonBlocking));
  EXPECT_EQ(cudaStreamGetPriority(s, &priority), cudaSuccess);
  EXPECT_EQ(priority, -5); // clamped to the greatest priority
  EXPECT_EQ(cudaStreamGetDevice(s, &device), cudaSuccess);
  EXPECT_EQ(device, 0);
  EXPECT_EQ(cudaStreamGetFlags(s, nullptr), cudaErrorInvalidValue);
  cudaStreamDestroy(s);
  cudaGetLastError();
}

TEST(CudartStream, PerThreadDefaultStreamsAreDistinct) {
  unsigned long long mine = 0, other = 0;
  ASSERT_EQ(cudaStreamGetId(cudaStreamPerThread, &mine), cudaSuccess);
  std::thread([&] { cudaStreamGetId(cudaStreamPerThread, &other); }).join();
  EXPECT_NE(mine, 0u);
  EXPECT_NE(other, 0u);
  EXPECT_NE(mine, other);
  unsigned long long legacy = 0;
  ASSERT_EQ(cudaStreamGetId(0, &legacy), cudaSuccess);
  EXPECT_NE(legacy, mine);
}

TEST(CudartStream, CallbackGetsItsStream) {
  cudaStream_t s;
  ASSERT_EQ(cudaStreamCreate(&s), cudaSuccess);
  struct Seen {
    cudaStream_t stream = nullptr;
    cudaError_t status = cudaErrorUnknown;
  } seen;
  ASSERT_EQ(cudaStreamAddCallback(
                s,
                [](cudaStream_t stream, cudaError_t status, void *data) {
                  auto *out = static_cast<Seen *>(data);
                  out->stream = stream;
                  out->status = status;
                },
                &seen, 0),
            cudaSuccess);
  ASSERT_EQ(cudaStreamSynchronize(s), cudaSuccess);
  EXPECT_EQ(seen.stream, s);
  EXPECT_EQ(seen.status, cudaSuccess);
  EXPECT_EQ(cudaStreamAddCallback(s, nullptr, nullptr, 0),
            cudaErrorInvalidValue);
  cudaStreamDestroy(s);
  cudaGetLastError();
}

// Many host threads, each with its own streams, chaining work through
// events recorded on another thread's stream. Runs under TSan and ASan in
// `make check-sanitize`.
TEST(CudartStress, ThreadsStreamsAndEvents) {
  constexpr int kThreads = 8, kRounds = 50;
  std::atomic<int> counter{0};
  std::vector<cudaEvent_t> events(kThreads);
  for (auto &e : events)
    ASSERT_EQ(cudaEventCreateWithFlags(&e, cudaEventDisableTiming),
              cudaSuccess);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      cudaStream_t s;
      if (cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking) != cudaSuccess)
        ++failures;
      for (int r = 0; r < kRounds; ++r) {
        if (cudaLaunchHostFunc(
                s, [](void *c) { ++*static_cast<std::atomic<int> *>(c); },
                &counter) != cudaSuccess)
          ++failures;
        if (cudaEventRecord(events[t], s) != cudaSuccess)
          ++failures;
        if (cudaStreamWaitEvent(s, events[(t + 1) % kThreads], 0) !=
            cudaSuccess)
          ++failures;
      }
      if (cudaStreamSynchronize(s) != cudaSuccess)
        ++failures;
      if (cudaStreamDestroy(s) != cudaSuccess)
        ++failures;
    });
  for (auto &thread : threads)
    thread.join();
  ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(counter.load(), kThreads * kRounds);
  for (auto &e : events)
    cudaEventDestroy(e);
}

} // namespace
