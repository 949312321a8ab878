//===- StatusTest.cpp - absl::Status <-> cudaError_t ----------------------===//

#include "core/Status.h"

#include <string>

#include "gtest/gtest.h"

using namespace lingqu::rt;

namespace {

TEST(StatusTest, CodeSurvivesTheRoundTrip) {
  for (cudaError_t code :
       {cudaErrorInvalidValue, cudaErrorInvalidConfiguration,
        cudaErrorInvalidDeviceFunction, cudaErrorSharedObjectInitFailed,
        cudaErrorNoKernelImageForDevice, cudaErrorUnknown}) {
    absl::Status status = makeError(code, "why");
    EXPECT_FALSE(status.ok());
    EXPECT_EQ(status.message(), "why");
    EXPECT_EQ(errorCodeOf(status), code);
  }
}

TEST(StatusTest, OkIsSuccessAndForeignIsUnknown) {
  EXPECT_EQ(errorCodeOf(absl::OkStatus()), cudaSuccess);
  EXPECT_EQ(errorCodeOf(absl::InternalError("not ours")), cudaErrorUnknown);
}

TEST(StatusTest, NamesAndDescriptionsComeFromTheTable) {
  EXPECT_STREQ(errorName(cudaErrorInvalidValue), "cudaErrorInvalidValue");
  EXPECT_STREQ(errorDescription(cudaErrorInvalidValue), "invalid argument");
  EXPECT_STREQ(errorName(cudaErrorNoKernelImageForDevice),
               "cudaErrorNoKernelImageForDevice");
  EXPECT_EQ(errorName(static_cast<cudaError_t>(10)), nullptr);
  EXPECT_EQ(errorDescription(static_cast<cudaError_t>(12345)), nullptr);
}

} // namespace
