//===- CudartErrorTest.cpp - cudaGetLastError and the error tables --------===//

#include <cstdint>
#include <string>
#include <thread>

#include "CudartTestSupport.h"
#include "gtest/gtest.h"

namespace {

class CudartErrorTest : public ::testing::Test {
protected:
  void SetUp() override { cudaGetLastError(); }
};

// Binaries compiled against CUDA compare against these numbers.
static_assert(cudaSuccess == 0, "");
static_assert(cudaErrorInvalidValue == 1, "");
static_assert(cudaErrorMemoryAllocation == 2, "");
static_assert(cudaErrorInvalidConfiguration == 9, "");
static_assert(cudaErrorInvalidMemcpyDirection == 21, "");
static_assert(cudaErrorMissingConfiguration == 52, "");
static_assert(cudaErrorInvalidDeviceFunction == 98, "");
static_assert(cudaErrorInvalidKernelImage == 200, "");
static_assert(cudaErrorNoKernelImageForDevice == 209, "");
static_assert(cudaErrorSharedObjectInitFailed == 303, "");
static_assert(cudaErrorInvalidResourceHandle == 400, "");
static_assert(cudaErrorLaunchOutOfResources == 701, "");
static_assert(cudaErrorUnknown == 999, "");
static_assert(cudaMemcpyDefault == 4, "");

TEST_F(CudartErrorTest, NamesMatchCuda) {
  EXPECT_STREQ(cudaGetErrorName(cudaSuccess), "cudaSuccess");
  EXPECT_STREQ(cudaGetErrorName(cudaErrorInvalidValue),
               "cudaErrorInvalidValue");
  EXPECT_STREQ(cudaGetErrorName(cudaErrorInvalidConfiguration),
               "cudaErrorInvalidConfiguration");
  EXPECT_STREQ(cudaGetErrorName(cudaErrorInvalidDeviceFunction),
               "cudaErrorInvalidDeviceFunction");
  EXPECT_STREQ(cudaGetErrorName(cudaErrorInvalidMemcpyDirection),
               "cudaErrorInvalidMemcpyDirection");
  EXPECT_STREQ(cudaGetErrorName(cudaErrorUnknown), "cudaErrorUnknown");
}

TEST_F(CudartErrorTest, StringsMatchCuda) {
  EXPECT_STREQ(cudaGetErrorString(cudaSuccess), "no error");
  EXPECT_STREQ(cudaGetErrorString(cudaErrorInvalidValue), "invalid argument");
  EXPECT_STREQ(cudaGetErrorString(cudaErrorMemoryAllocation), "out of memory");
  EXPECT_STREQ(cudaGetErrorString(cudaErrorInvalidConfiguration),
               "invalid configuration argument");
  EXPECT_STREQ(cudaGetErrorString(cudaErrorInvalidDeviceFunction),
               "invalid device function");
  EXPECT_STREQ(cudaGetErrorString(cudaErrorNoKernelImageForDevice),
               "no kernel image is available for execution on the device");
}

TEST_F(CudartErrorTest, UnknownCodesAreUnrecognized) {
  for (int code : {10, 11, 97, 12345}) {
    auto error = static_cast<cudaError_t>(code);
    EXPECT_STREQ(cudaGetErrorName(error), "unrecognized error code") << code;
    EXPECT_STREQ(cudaGetErrorString(error), "unrecognized error code") << code;
  }
  // Asking is not an error.
  EXPECT_EQ(cudaPeekAtLastError(), cudaSuccess);
}

TEST_F(CudartErrorTest, GetReturnsAndResetsPeekDoesNot) {
  EXPECT_EQ(cudaPeekAtLastError(), cudaSuccess);
  EXPECT_EQ(cudaMalloc(nullptr, 4), cudaErrorInvalidValue);
  EXPECT_EQ(cudaPeekAtLastError(), cudaErrorInvalidValue);
  EXPECT_EQ(cudaPeekAtLastError(), cudaErrorInvalidValue);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidValue);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
  EXPECT_EQ(cudaPeekAtLastError(), cudaSuccess);
}

TEST_F(CudartErrorTest, SuccessKeepsTheLastErrorAndTheLatestWins) {
  EXPECT_EQ(cudaMalloc(nullptr, 4), cudaErrorInvalidValue);
  void *ptr = nullptr;
  EXPECT_EQ(cudaMalloc(&ptr, 16), cudaSuccess); // not sticky, not cleared
  EXPECT_EQ(cudaPeekAtLastError(), cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemcpy(ptr, ptr, 1, static_cast<cudaMemcpyKind>(5)),
            cudaErrorInvalidMemcpyDirection);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidMemcpyDirection);
  EXPECT_EQ(cudaFree(ptr), cudaSuccess);
}

TEST_F(CudartErrorTest, EachThreadHasItsOwnLastError) {
  EXPECT_EQ(cudaMalloc(nullptr, 4), cudaErrorInvalidValue);
  cudaError_t otherBefore = cudaErrorUnknown, otherAfter = cudaErrorUnknown;
  std::thread other([&] {
    otherBefore = cudaPeekAtLastError();
    int notDevice = 0;
    cudaFree(&notDevice);
    cudaMemcpy(&notDevice, &notDevice, 4, static_cast<cudaMemcpyKind>(7));
    otherAfter = cudaGetLastError();
  });
  other.join();
  EXPECT_EQ(otherBefore, cudaSuccess);
  EXPECT_EQ(otherAfter, cudaErrorInvalidMemcpyDirection);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidValue);
}

TEST_F(CudartErrorTest, DeviceSynchronizeSucceeds) {
  EXPECT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

} // namespace
