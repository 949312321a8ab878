//===- CudartDeviceTest.cpp - Device management through libcudart ---------===//

#include <cstring>
#include <thread>

#include "cuda_runtime_api.h"
#include "gtest/gtest.h"

namespace {

TEST(CudartDevice, CountAndCurrentDevice) {
  int count = 0, device = -1;
  ASSERT_EQ(cudaGetDeviceCount(&count), cudaSuccess);
  EXPECT_GE(count, 1);
  ASSERT_EQ(cudaGetDevice(&device), cudaSuccess);
  EXPECT_EQ(device, 0);
  EXPECT_EQ(cudaSetDevice(count), cudaErrorInvalidDevice);
  EXPECT_EQ(cudaSetDevice(-1), cudaErrorInvalidDevice);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidDevice);
  EXPECT_EQ(cudaSetDevice(0), cudaSuccess);
  EXPECT_EQ(cudaGetDeviceCount(nullptr), cudaErrorInvalidValue);
  EXPECT_EQ(cudaGetDevice(nullptr), cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(CudartDevice, Limits) {
  size_t value = 0;
  ASSERT_EQ(cudaDeviceSetLimit(cudaLimitMallocHeapSize, 1 << 24), cudaSuccess);
  ASSERT_EQ(cudaDeviceGetLimit(&value, cudaLimitMallocHeapSize), cudaSuccess);
  EXPECT_EQ(value, size_t(1) << 24);
  EXPECT_EQ(cudaDeviceGetLimit(&value, static_cast<cudaLimit>(99)),
            cudaErrorUnsupportedLimit);
  EXPECT_EQ(cudaDeviceGetLimit(nullptr, cudaLimitStackSize),
            cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(CudartDevice, CacheConfigAndFlags) {
  cudaFuncCache config = cudaFuncCachePreferNone;
  ASSERT_EQ(cudaDeviceSetCacheConfig(cudaFuncCachePreferL1), cudaSuccess);
  ASSERT_EQ(cudaDeviceGetCacheConfig(&config), cudaSuccess);
  EXPECT_EQ(config, cudaFuncCachePreferL1);
  EXPECT_EQ(cudaDeviceSetCacheConfig(static_cast<cudaFuncCache>(7)),
            cudaErrorInvalidValue);
  ASSERT_EQ(cudaSetDeviceFlags(cudaDeviceScheduleBlockingSync), cudaSuccess);
  unsigned flags = 0;
  ASSERT_EQ(cudaGetDeviceFlags(&flags), cudaSuccess);
  EXPECT_TRUE(flags & cudaDeviceScheduleBlockingSync);
  EXPECT_EQ(cudaSetDeviceFlags(0x1000), cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(CudartDevice, PciBusIdRoundTrips) {
  char id[32];
  ASSERT_EQ(cudaDeviceGetPCIBusId(id, sizeof id, 0), cudaSuccess);
  int device = -1;
  ASSERT_EQ(cudaDeviceGetByPCIBusId(&device, id), cudaSuccess);
  EXPECT_EQ(device, 0);
  EXPECT_EQ(cudaDeviceGetPCIBusId(id, 4, 0), cudaErrorInvalidValue);
  EXPECT_EQ(cudaDeviceGetByPCIBusId(&device, "0000:7f:00.0"),
            cudaErrorInvalidDevice);
  cudaGetLastError();
}

TEST(CudartDevice, Versions) {
  int driver = 0, runtime = 0;
  ASSERT_EQ(cudaDriverGetVersion(&driver), cudaSuccess);
  ASSERT_EQ(cudaRuntimeGetVersion(&runtime), cudaSuccess);
  EXPECT_EQ(driver, CUDART_VERSION);
  EXPECT_EQ(runtime, CUDART_VERSION);
  EXPECT_EQ(cudaRuntimeGetVersion(nullptr), cudaErrorInvalidValue);
  // A version query does not report into the last error.
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

TEST(CudartDevice, ResetDropsStreamsAndMemory) {
  cudaStream_t s;
  void *p = nullptr;
  ASSERT_EQ(cudaStreamCreate(&s), cudaSuccess);
  ASSERT_EQ(cudaMalloc(&p, 64), cudaSuccess);
  ASSERT_EQ(cudaDeviceReset(), cudaSuccess);
  EXPECT_EQ(cudaStreamQuery(s), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaFree(p), cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(CudartDevice, TheDeviceIsPerThread) {
  int other = -1;
  ASSERT_EQ(cudaSetDevice(0), cudaSuccess);
  std::thread([&] { cudaGetDevice(&other); }).join();
  EXPECT_EQ(other, 0);
}

} // namespace
