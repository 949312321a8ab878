//===- CallConfigStackTest.cpp - Per-thread <<<...>>> configurations ------===//

#include "core/CallConfigStack.h"

#include <thread>

#include "core/Status.h"
#include "gtest/gtest.h"

using namespace lingqu::rt;

namespace {

LaunchConfig configWithGridX(uint32_t x) {
  LaunchConfig config;
  config.grid = Dim3{x, 1, 1};
  return config;
}

TEST(CallConfigStackTest, PopsInReverseOrder) {
  pushCallConfiguration(configWithGridX(1));
  pushCallConfiguration(configWithGridX(2));
  absl::StatusOr<LaunchConfig> inner = popCallConfiguration();
  ASSERT_TRUE(inner.ok());
  EXPECT_EQ(inner->grid.x, 2u);
  absl::StatusOr<LaunchConfig> outer = popCallConfiguration();
  ASSERT_TRUE(outer.ok());
  EXPECT_EQ(outer->grid.x, 1u);
}

TEST(CallConfigStackTest, EmptyIsMissingConfiguration) {
  absl::StatusOr<LaunchConfig> none = popCallConfiguration();
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(errorCodeOf(none.status()), cudaErrorMissingConfiguration);
}

TEST(CallConfigStackTest, StacksArePerThread) {
  pushCallConfiguration(configWithGridX(7));
  bool otherFoundOne = true;
  std::thread other([&] { otherFoundOne = popCallConfiguration().ok(); });
  other.join();
  EXPECT_FALSE(otherFoundOne);
  absl::StatusOr<LaunchConfig> mine = popCallConfiguration();
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->grid.x, 7u);
}

} // namespace
