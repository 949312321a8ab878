//===- CudartRegistrationTest.cpp - __cuda* entry points ------------------===//

#include <cstdlib>
#include <string>

#include "CudartTestSupport.h"
#include "gtest/gtest.h"

using namespace lingqu::test;

namespace {

char hostVar[64];
char stub;

class CudartRegistrationTest : public ::testing::Test {
protected:
  void SetUp() override { cudaGetLastError(); }
};

TEST_F(CudartRegistrationTest, PushPopRoundTrip) {
  cudaStream_t pushed = reinterpret_cast<cudaStream_t>(0x1234);
  EXPECT_EQ(__cudaPushCallConfiguration(dim3(7, 8, 9), dim3(32, 2, 1), 4096,
                                        pushed),
            0u);
  dim3 grid, block;
  size_t shared = 0;
  cudaStream_t stream = nullptr;
  ASSERT_EQ(__cudaPopCallConfiguration(&grid, &block, &shared, &stream),
            cudaSuccess);
  EXPECT_EQ(grid.x, 7u);
  EXPECT_EQ(grid.y, 8u);
  EXPECT_EQ(grid.z, 9u);
  EXPECT_EQ(block.x, 32u);
  EXPECT_EQ(block.y, 2u);
  EXPECT_EQ(block.z, 1u);
  EXPECT_EQ(shared, 4096u);
  EXPECT_EQ(stream, pushed);
}

TEST_F(CudartRegistrationTest, ConfigurationsNest) {
  __cudaPushCallConfiguration(dim3(1), dim3(1), 0, nullptr);
  __cudaPushCallConfiguration(dim3(2), dim3(1), 0, nullptr);
  dim3 grid, block;
  size_t shared;
  cudaStream_t stream;
  ASSERT_EQ(__cudaPopCallConfiguration(&grid, &block, &shared, &stream),
            cudaSuccess);
  EXPECT_EQ(grid.x, 2u);
  ASSERT_EQ(__cudaPopCallConfiguration(&grid, &block, &shared, &stream),
            cudaSuccess);
  EXPECT_EQ(grid.x, 1u);
}

TEST_F(CudartRegistrationTest, PopWithoutPushIsMissingConfiguration) {
  dim3 grid, block;
  size_t shared;
  cudaStream_t stream;
  EXPECT_EQ(__cudaPopCallConfiguration(&grid, &block, &shared, &stream),
            cudaErrorMissingConfiguration);
  EXPECT_EQ(cudaGetLastError(), cudaErrorMissingConfiguration);
}

TEST_F(CudartRegistrationTest, PopIntoNullIsInvalidValue) {
  __cudaPushCallConfiguration(dim3(1), dim3(1), 0, nullptr);
  dim3 grid, block;
  size_t shared;
  EXPECT_EQ(__cudaPopCallConfiguration(&grid, &block, &shared, nullptr),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidValue);
  // Nothing was consumed.
  cudaStream_t stream;
  EXPECT_EQ(__cudaPopCallConfiguration(&grid, &block, &shared, &stream),
            cudaSuccess);
}

TEST_F(CudartRegistrationTest, RegistrationGivesDistinctHandles) {
  RegisteredFatBinary a(buildFatBinary({})), b(buildFatBinary({}));
  EXPECT_NE(a.handle(), nullptr);
  EXPECT_NE(b.handle(), nullptr);
  EXPECT_NE(a.handle(), b.handle());
  __cudaRegisterFatBinaryEnd(a.handle());
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

TEST_F(CudartRegistrationTest, BadImageRegistersWithoutAnError) {
  // Reported at the first launch instead (CudartLaunchTest).
  RegisteredFatBinary bad(buildFatBinary({}), /*wrapperMagic=*/0xdeadbeef);
  EXPECT_NE(bad.handle(), nullptr);
  void **nullWrapper = __cudaRegisterFatBinary(nullptr);
  EXPECT_NE(nullWrapper, nullptr);
  __cudaUnregisterFatBinary(nullWrapper);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

TEST_F(CudartRegistrationTest, UnknownHandlesAreInvalidResourceHandle) {
  void *slot = nullptr;
  __cudaRegisterFatBinaryEnd(&slot);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidResourceHandle);
  __cudaUnregisterFatBinary(&slot);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidResourceHandle);
  __cudaRegisterFunction(&slot, &stub, const_cast<char *>("k"), "k", -1,
                         nullptr, nullptr, nullptr, nullptr, nullptr);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidResourceHandle);
  __cudaRegisterVar(nullptr, hostVar, hostVar, "v", 0, sizeof(hostVar), 0, 0);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidResourceHandle);
}

TEST_F(CudartRegistrationTest, MissingNamesAreInvalidValue) {
  RegisteredFatBinary fatBinary(buildFatBinary({}));
  __cudaRegisterFunction(fatBinary.handle(), &stub, nullptr, nullptr, -1,
                         nullptr, nullptr, nullptr, nullptr, nullptr);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidValue);
  __cudaRegisterVar(fatBinary.handle(), hostVar, hostVar, nullptr, 0, 4, 0, 0);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidValue);
}

TEST_F(CudartRegistrationTest, RegistersVariablesAndFunctions) {
  RegisteredFatBinary fatBinary(buildFatBinary({}));
  __cudaRegisterVar(fatBinary.handle(), hostVar, hostVar, "table", 0,
                    sizeof(hostVar), /*constant=*/1, /*global=*/0);
  fatBinary.registerKernel(&stub, "some_kernel");
  __cudaRegisterFatBinaryEnd(fatBinary.handle());
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
  fatBinary.unregister();
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

} // namespace
