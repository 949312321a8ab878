//===- ErrorStateTest.cpp - Per-thread last-error state -------------------===//

#include "core/ErrorState.h"

#include <thread>

#include "gtest/gtest.h"

using namespace lingqu::rt;

namespace {

class ErrorStateTest : public ::testing::Test {
protected:
  void SetUp() override { takeLastError(); }
};

TEST_F(ErrorStateTest, TakeReturnsThenResets) {
  EXPECT_EQ(recordError(cudaErrorInvalidValue), cudaErrorInvalidValue);
  EXPECT_EQ(takeLastError(), cudaErrorInvalidValue);
  EXPECT_EQ(takeLastError(), cudaSuccess);
}

TEST_F(ErrorStateTest, PeekDoesNotReset) {
  recordError(cudaErrorMemoryAllocation);
  EXPECT_EQ(peekLastError(), cudaErrorMemoryAllocation);
  EXPECT_EQ(peekLastError(), cudaErrorMemoryAllocation);
  EXPECT_EQ(takeLastError(), cudaErrorMemoryAllocation);
}

TEST_F(ErrorStateTest, SuccessDoesNotOverwriteAndLatestWins) {
  recordError(cudaErrorInvalidValue);
  recordError(cudaSuccess);
  EXPECT_EQ(peekLastError(), cudaErrorInvalidValue);
  recordError(cudaErrorInvalidConfiguration);
  EXPECT_EQ(takeLastError(), cudaErrorInvalidConfiguration);
}

TEST_F(ErrorStateTest, EachThreadHasItsOwn) {
  recordError(cudaErrorInvalidValue);
  cudaError_t seenByOther = cudaErrorUnknown;
  std::thread other([&] {
    seenByOther = peekLastError();
    recordError(cudaErrorInvalidDeviceFunction);
  });
  other.join();
  EXPECT_EQ(seenByOther, cudaSuccess);
  EXPECT_EQ(takeLastError(), cudaErrorInvalidValue);
}

} // namespace
