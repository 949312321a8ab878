//===- LaunchConfigTest.cpp - Launch geometry checks ----------------------===//

#include "core/LaunchConfig.h"

#include "core/Status.h"
#include "gtest/gtest.h"

using namespace lingqu::rt;

namespace {

cudaError_t check(Dim3 grid, Dim3 block) {
  LaunchConfig config;
  config.grid = grid;
  config.block = block;
  return errorCodeOf(validateLaunchDims(config, DeviceLimits{}));
}

TEST(LaunchConfigTest, AcceptsTheLimits) {
  EXPECT_EQ(check({1, 1, 1}, {1, 1, 1}), cudaSuccess);
  EXPECT_EQ(check({1, 1, 1}, {1024, 1, 1}), cudaSuccess);
  EXPECT_EQ(check({1, 1, 1}, {1, 1024, 1}), cudaSuccess);
  EXPECT_EQ(check({1, 1, 1}, {1, 1, 64}), cudaSuccess);
  EXPECT_EQ(check({1, 1, 1}, {32, 32, 1}), cudaSuccess);
  EXPECT_EQ(check({0x7fffffffu, 65535, 65535}, {1, 1, 1}), cudaSuccess);
}

TEST(LaunchConfigTest, RejectsBadBlocks) {
  for (Dim3 block : {Dim3{0, 1, 1}, Dim3{1, 0, 1}, Dim3{1, 1, 0},
                     Dim3{1025, 1, 1}, Dim3{1, 1025, 1}, Dim3{1, 1, 65},
                     Dim3{32, 32, 2}, Dim3{1024, 1024, 64}})
    EXPECT_EQ(check({1, 1, 1}, block), cudaErrorInvalidConfiguration)
        << block.x << "," << block.y << "," << block.z;
}

TEST(LaunchConfigTest, RejectsBadGrids) {
  for (Dim3 grid : {Dim3{0, 1, 1}, Dim3{1, 0, 1}, Dim3{1, 1, 0},
                    Dim3{0x80000000u, 1, 1}, Dim3{1, 65536, 1},
                    Dim3{1, 1, 65536}})
    EXPECT_EQ(check(grid, {1, 1, 1}), cudaErrorInvalidConfiguration)
        << grid.x << "," << grid.y << "," << grid.z;
}

TEST(LaunchConfigTest, SharedMemoryLimitIncludesTheRoundedStaticPart) {
  DeviceLimits limits;
  auto code = [&](uint32_t s, size_t d) {
    return errorCodeOf(validateSharedMemory(s, d, limits));
  };
  EXPECT_EQ(code(0, 48 * 1024), cudaSuccess);
  EXPECT_EQ(code(0, 48 * 1024 + 1), cudaErrorInvalidValue);
  EXPECT_EQ(code(40 * 1024, 8 * 1024), cudaSuccess);
  EXPECT_EQ(code(40 * 1024, 8 * 1024 + 1), cudaErrorInvalidValue);
  // One static byte occupies a whole 16-byte slot before the dynamic part.
  EXPECT_EQ(code(1, 48 * 1024 - 16), cudaSuccess);
  EXPECT_EQ(code(1, 48 * 1024 - 15), cudaErrorInvalidValue);
  EXPECT_EQ(code(0, SIZE_MAX), cudaErrorInvalidValue);
}

} // namespace
