//===- CudartMemoryTest.cpp - cudaMalloc/Free/Memcpy/Memset contracts -----===//

#include <cstdint>
#include <cstring>
#include <vector>

#include "CudartTestSupport.h"
#include "gtest/gtest.h"

namespace {

class CudartMemoryTest : public ::testing::Test {
protected:
  void SetUp() override { cudaGetLastError(); }
  void TearDown() override {
    for (void *ptr : live_)
      cudaFree(ptr);
  }
  char *deviceAlloc(size_t bytes) {
    void *ptr = nullptr;
    EXPECT_EQ(cudaMalloc(&ptr, bytes), cudaSuccess);
    live_.push_back(ptr);
    return static_cast<char *>(ptr);
  }
  /// `call` failed with `code` and recorded it as the last error.
  void expectFailure(cudaError_t result, cudaError_t code) {
    EXPECT_EQ(result, code);
    EXPECT_EQ(cudaGetLastError(), code);
  }
  std::vector<void *> live_;
};

TEST_F(CudartMemoryTest, MallocNullOutPointerIsInvalidValue) {
  expectFailure(cudaMalloc(nullptr, 16), cudaErrorInvalidValue);
}

TEST_F(CudartMemoryTest, MallocZeroGivesNull) {
  void *ptr = reinterpret_cast<void *>(0x1);
  EXPECT_EQ(cudaMalloc(&ptr, 0), cudaSuccess);
  EXPECT_EQ(ptr, nullptr);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

TEST_F(CudartMemoryTest, MallocIsAlignedAndUsable) {
  for (size_t bytes : {1u, 3u, 255u, 256u, 4097u}) {
    char *ptr = deviceAlloc(bytes);
    ASSERT_NE(ptr, nullptr);
    // The texture alignment (512), so any allocation backs a linear texture.
    EXPECT_EQ(reinterpret_cast<uintptr_t>(ptr) % 512, 0u);
    EXPECT_EQ(cudaMemset(ptr, 0x7f, bytes), cudaSuccess);
  }
}

TEST_F(CudartMemoryTest, MallocFailureIsMemoryAllocation) {
  void *ptr = nullptr;
  expectFailure(cudaMalloc(&ptr, SIZE_MAX), cudaErrorMemoryAllocation);
  expectFailure(cudaMalloc(&ptr, size_t(1) << 62), cudaErrorMemoryAllocation);
}

TEST_F(CudartMemoryTest, FreeContract) {
  EXPECT_EQ(cudaFree(nullptr), cudaSuccess);
  void *ptr = nullptr;
  ASSERT_EQ(cudaMalloc(&ptr, 64), cudaSuccess);
  expectFailure(cudaFree(static_cast<char *>(ptr) + 8), cudaErrorInvalidValue);
  int host = 0;
  expectFailure(cudaFree(&host), cudaErrorInvalidValue);
  EXPECT_EQ(cudaFree(ptr), cudaSuccess);
  expectFailure(cudaFree(ptr), cudaErrorInvalidValue); // double free
}

TEST_F(CudartMemoryTest, MemcpyRoundTripsInEveryDirection) {
  char *a = deviceAlloc(32), *b = deviceAlloc(32);
  char in[32], out[32] = {}, staged[32] = {};
  for (int i = 0; i < 32; ++i)
    in[i] = char(i * 7);
  EXPECT_EQ(cudaMemcpy(a, in, 32, cudaMemcpyHostToDevice), cudaSuccess);
  EXPECT_EQ(cudaMemcpy(b, a, 32, cudaMemcpyDeviceToDevice), cudaSuccess);
  EXPECT_EQ(cudaMemcpy(out, b, 32, cudaMemcpyDeviceToHost), cudaSuccess);
  EXPECT_EQ(std::memcmp(in, out, 32), 0);
  EXPECT_EQ(cudaMemcpy(staged, out, 32, cudaMemcpyHostToHost), cudaSuccess);
  EXPECT_EQ(std::memcmp(in, staged, 32), 0);
  std::memset(out, 0, 32);
  EXPECT_EQ(cudaMemcpy(a + 16, in, 16, cudaMemcpyDefault), cudaSuccess);
  EXPECT_EQ(cudaMemcpy(out, a + 16, 16, cudaMemcpyDefault), cudaSuccess);
  EXPECT_EQ(std::memcmp(in, out, 16), 0);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

TEST_F(CudartMemoryTest, MemcpyKindOutsideTheEnumIsInvalidDirection) {
  char *a = deviceAlloc(8);
  char host[8] = {};
  expectFailure(cudaMemcpy(a, host, 8, static_cast<cudaMemcpyKind>(5)),
                cudaErrorInvalidMemcpyDirection);
  expectFailure(cudaMemcpy(a, host, 0, static_cast<cudaMemcpyKind>(7)),
                cudaErrorInvalidMemcpyDirection);
}

TEST_F(CudartMemoryTest, MemcpyCountZeroSucceeds) {
  int host = 0;
  EXPECT_EQ(cudaMemcpy(&host, &host, 0, cudaMemcpyDeviceToDevice), cudaSuccess);
  EXPECT_EQ(cudaMemcpy(nullptr, nullptr, 0, cudaMemcpyHostToDevice),
            cudaSuccess);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

TEST_F(CudartMemoryTest, MemcpyRejectsBadDeviceSides) {
  char *dev = deviceAlloc(16);
  char host[64] = {};
  // Host-to-device: the destination is checked.
  expectFailure(cudaMemcpy(host, host + 32, 8, cudaMemcpyHostToDevice),
                cudaErrorInvalidValue);
  expectFailure(cudaMemcpy(dev + 8, host, 9, cudaMemcpyHostToDevice),
                cudaErrorInvalidValue);
  // Device-to-host: the source is checked.
  expectFailure(cudaMemcpy(host, host + 32, 8, cudaMemcpyDeviceToHost),
                cudaErrorInvalidValue);
  expectFailure(cudaMemcpy(host, dev, 17, cudaMemcpyDeviceToHost),
                cudaErrorInvalidValue);
  // Device-to-device: both are.
  expectFailure(cudaMemcpy(dev, host, 8, cudaMemcpyDeviceToDevice),
                cudaErrorInvalidValue);
  expectFailure(cudaMemcpy(host, dev, 8, cudaMemcpyDeviceToDevice),
                cudaErrorInvalidValue);
  // Default: device pointers found in the table are checked.
  expectFailure(cudaMemcpy(dev + 4, host, 13, cudaMemcpyDefault),
                cudaErrorInvalidValue);
  expectFailure(cudaMemcpy(host, dev + 15, 2, cudaMemcpyDefault),
                cudaErrorInvalidValue);
  // Null host side.
  expectFailure(cudaMemcpy(dev, nullptr, 8, cudaMemcpyHostToDevice),
                cudaErrorInvalidValue);
}

TEST_F(CudartMemoryTest, FreedMemoryIsNoLongerDevice) {
  void *ptr = nullptr;
  ASSERT_EQ(cudaMalloc(&ptr, 32), cudaSuccess);
  ASSERT_EQ(cudaFree(ptr), cudaSuccess);
  char host[32] = {};
  expectFailure(cudaMemcpy(ptr, host, 32, cudaMemcpyHostToDevice),
                cudaErrorInvalidValue);
  expectFailure(cudaMemset(ptr, 0, 32), cudaErrorInvalidValue);
}

TEST_F(CudartMemoryTest, MemsetContract) {
  char *dev = deviceAlloc(32);
  EXPECT_EQ(cudaMemset(dev, 0, 32), cudaSuccess);
  EXPECT_EQ(cudaMemset(dev + 8, 0x1ff, 8), cudaSuccess);
  unsigned char out[32];
  ASSERT_EQ(cudaMemcpy(out, dev, 32, cudaMemcpyDeviceToHost), cudaSuccess);
  for (int i = 0; i < 32; ++i)
    EXPECT_EQ(out[i], (i >= 8 && i < 16) ? 0xff : 0) << i;
  EXPECT_EQ(cudaMemset(dev, 1, 0), cudaSuccess);
  EXPECT_EQ(cudaMemset(nullptr, 1, 0), cudaSuccess);
  expectFailure(cudaMemset(dev + 16, 0, 17), cudaErrorInvalidValue);
  char host[8];
  expectFailure(cudaMemset(host, 0, 8), cudaErrorInvalidValue);
  expectFailure(cudaMemset(nullptr, 0, 8), cudaErrorInvalidValue);
}

TEST_F(CudartMemoryTest, ErrorsAreNotSticky) {
  expectFailure(cudaMalloc(nullptr, 1), cudaErrorInvalidValue);
  char *dev = deviceAlloc(4);
  EXPECT_EQ(cudaMemset(dev, 3, 4), cudaSuccess);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

} // namespace
