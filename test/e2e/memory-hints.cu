// The loads and stores with cache hints (__ldg, __ldcg, __ldca, __ldcs,
// __ldlu, __ldcv, __stwb, __stcg, __stcs, __stwt) for every type CUDA
// overloads them for, returning exactly that type; __ldcv reading memory
// again on every turn of a polling loop while the host writes it; clock()
// and clock64() rising in device code while <ctime>'s clock() stays the
// host's (both called from one __host__ __device__ function); __nanosleep
// sleeping about as long as asked, and no longer than CUDA's 1 ms cap;
// __prof_trigger doing nothing.
// RUN: %lqcc -I %S/Inputs/include %s -o %t
// RUN: %exec %t | FileCheck %s
// CHECK: memory-hints: PASS
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <thread>
#include <type_traits>

#include "expect.h"

constexpr int kFunctions = 10;
constexpr int kElements = 32;

template <typename T>
__global__ void hinted(const T *src, T *dst) {
  static_assert(std::is_same<decltype(__ldg(src)), T>::value, "__ldg's type");
  static_assert(std::is_same<decltype(__ldcv(src)), T>::value, "__ldcv's type");
  int i = threadIdx.x, n = kElements;
  dst[0 * n + i] = __ldg(src + i);
  dst[1 * n + i] = __ldcg(src + i);
  dst[2 * n + i] = __ldca(src + i);
  dst[3 * n + i] = __ldcs(src + i);
  dst[4 * n + i] = __ldlu(src + i);
  dst[5 * n + i] = __ldcv(src + i);
  __stwb(dst + 6 * n + i, src[i]);
  __stcg(dst + 7 * n + i, src[i]);
  __stcs(dst + 8 * n + i, src[i]);
  __stwt(dst + 9 * n + i, src[i]);
}

static const char *functionNames[kFunctions] = {
    "__ldg", "__ldcg", "__ldca", "__ldcs", "__ldlu",
    "__ldcv", "__stwb", "__stcg", "__stcs", "__stwt"};

// Every byte of the source differs, so a load or store of the wrong width
// or from the wrong element shows.
template <typename T> static void check(const char *type) {
  T *src, *dst;
  cudaMallocManaged(&src, kElements * sizeof(T));
  cudaMallocManaged(&dst, kFunctions * kElements * sizeof(T));
  unsigned char *bytes = (unsigned char *)src;
  for (size_t k = 0; k < kElements * sizeof(T); ++k)
    bytes[k] = (unsigned char)(k * 37 + 11);
  std::memset(dst, 0, kFunctions * kElements * sizeof(T));
  hinted<T><<<1, kElements>>>(src, dst);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  for (int f = 0; f < kFunctions; ++f)
    if (std::memcmp(dst + f * kElements, src, kElements * sizeof(T)) != 0) {
      std::printf("%s on %s moved the wrong bytes\n", functionNames[f], type);
      ++failures;
    }
  cudaFree(src);
  cudaFree(dst);
}

// Polls a flag the host sets while the kernel runs; a load read once
// before the loop would never see it.
__global__ void poll(const int *flag, long long *turns) {
  long long k = 0;
  while (__ldcv(flag) == 0 && k < 4000000000ll)
    ++k;
  turns[0] = k;
  turns[1] = __ldcv(flag);
}

__host__ __device__ long long now() {
  // The host's clock() from host code, CUDA's from device code.
  return (long long)clock() + (long long)std::clock() * 0;
}

__global__ void clocks(long long *t, unsigned *sink) {
  t[0] = clock64();
  unsigned x = 1;
  for (int i = 0; i < 100000; ++i) // work to take time over
    x = x * 1664525u + 1013904223u;
  *sink = x;
  t[1] = clock64();
  t[2] = clock();
  t[3] = now();
  t[4] = clock64();
  __prof_trigger(0);
}

__global__ void sleeper(unsigned ns, int times) {
  for (int i = 0; i < times; ++i)
    __nanosleep(ns);
}

static double launchMs(unsigned ns, int times) {
  auto start = std::chrono::steady_clock::now();
  sleeper<<<1, 1>>>(ns, times);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - start)
      .count();
}

int main() {
#define CHECK(T) check<T>(#T);
  CHECK(char) CHECK(signed char) CHECK(short) CHECK(int) CHECK(long)
  CHECK(long long) CHECK(unsigned char) CHECK(unsigned short)
  CHECK(unsigned int) CHECK(unsigned long) CHECK(unsigned long long)
  CHECK(float) CHECK(double) CHECK(char2) CHECK(char4) CHECK(short2)
  CHECK(short4) CHECK(int2) CHECK(int4) CHECK(longlong2) CHECK(uchar2)
  CHECK(uchar4) CHECK(ushort2) CHECK(ushort4) CHECK(uint2) CHECK(uint4)
  CHECK(ulonglong2) CHECK(float2) CHECK(float4) CHECK(double2)
#undef CHECK

  int *flag;
  long long *turns;
  cudaMallocManaged(&flag, sizeof(int));
  cudaMallocManaged(&turns, 2 * sizeof(long long));
  *flag = 0;
  poll<<<1, 1>>>(flag, turns);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  __atomic_store_n(flag, 1, __ATOMIC_RELEASE);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  EXPECT(turns[1] == 1);
  EXPECT(turns[0] < 4000000000ll); // it saw the host's write

  long long *t;
  unsigned *sink;
  cudaMallocManaged(&t, 5 * sizeof(long long));
  cudaMallocManaged(&sink, sizeof(unsigned));
  clock_t hostBefore = clock();
  clocks<<<1, 1>>>(t, sink);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  EXPECT(t[1] > t[0]);                        // time passed over the work
  EXPECT(t[2] >= t[1] && t[4] >= t[2]);       // and never goes back
  EXPECT(t[3] >= t[2] && t[4] >= t[3]);       // clock() via __host__ __device__
  clock_t hostAfter = clock();                // <ctime>'s, in host code
  EXPECT(hostBefore >= 0 && hostAfter >= hostBefore);
  EXPECT(now() >= 0);

  // 4 x 250 us; __nanosleep(4e9) is cut to about 1 ms.
  double quarter = launchMs(250000u, 4);
  EXPECT(quarter >= 0.95);
  double capped = launchMs(4000000000u, 2);
  EXPECT(capped >= 1.9 && capped < 1000.0);

  std::printf("memory-hints: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
