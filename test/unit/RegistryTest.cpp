//===- RegistryTest.cpp - Registered fat binaries, kernels, variables -----===//

#include "core/Registry.h"

#include <vector>

#include "FatBinaryBuilder.h"
#include "core/FatBinaryReader.h"
#include "core/Module.h"
#include "core/Status.h"
#include "gtest/gtest.h"

using namespace lingqu::rt;
using namespace lingqu::test;

namespace {

// Host-side stand-ins; only their addresses matter.
char stubA, stubB, varA;

class RegistryTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::vector<uint8_t> module = fakeKernelModule();
    ASSERT_FALSE(module.empty());
    image_ = buildFatBinary({{std::string(hostTriple()),
                              LINGQU_FATBIN_KIND_SHARED_OBJECT, module}});
    wrapper_ = {LINGQU_CLANG_FATBIN_WRAPPER_MAGIC, 1, image_.data(), nullptr};
  }
  std::vector<uint8_t> image_;
  lingqu_clang_fatbin_wrapper wrapper_;
};

TEST_F(RegistryTest, ResolvesARegisteredKernel) {
  Registry registry;
  FatBinaryHandle handle = registry.registerFatBinary(&wrapper_);
  ASSERT_NE(handle, nullptr);
  EXPECT_TRUE(registry.endFatBinary(handle).ok());
  ASSERT_TRUE(registry.registerFunction(handle, &stubA, "fake_kernel").ok());
  absl::StatusOr<ResolvedKernel> kernel = registry.resolveKernel(&stubA);
  ASSERT_TRUE(kernel.ok()) << kernel.status();
  EXPECT_NE(kernel->module, nullptr);
  EXPECT_EQ(kernel->info->static_shared_bytes, 16u);
  // The module is loaded once and shared by later launches.
  absl::StatusOr<ResolvedKernel> again = registry.resolveKernel(&stubA);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->module, kernel->module);
  EXPECT_EQ(again->info, kernel->info);
}

TEST_F(RegistryTest, UnknownStubIsInvalidDeviceFunction) {
  Registry registry;
  EXPECT_EQ(errorCodeOf(registry.resolveKernel(&stubB).status()),
            cudaErrorInvalidDeviceFunction);
  EXPECT_EQ(errorCodeOf(registry.resolveKernel(nullptr).status()),
            cudaErrorInvalidDeviceFunction);
}

TEST_F(RegistryTest, LoadsLazilyAndCachesFailures) {
  Registry registry;
  std::vector<uint8_t> garbage = buildFatBinary(
      {{std::string(hostTriple()), LINGQU_FATBIN_KIND_SHARED_OBJECT,
        std::vector<uint8_t>(64, 1)}});
  lingqu_clang_fatbin_wrapper wrapper = {LINGQU_CLANG_FATBIN_WRAPPER_MAGIC, 1,
                                         garbage.data(), nullptr};
  // Registration accepts it: nothing is loaded before a launch.
  FatBinaryHandle handle = registry.registerFatBinary(&wrapper);
  ASSERT_TRUE(registry.registerFunction(handle, &stubA, "fake_kernel").ok());
  EXPECT_EQ(errorCodeOf(registry.resolveKernel(&stubA).status()),
            cudaErrorSharedObjectInitFailed);
  EXPECT_EQ(errorCodeOf(registry.resolveKernel(&stubA).status()),
            cudaErrorSharedObjectInitFailed);
}

TEST_F(RegistryTest, BadWrapperOrImageSurfacesAtResolve) {
  Registry registry;
  lingqu_clang_fatbin_wrapper badMagic = wrapper_;
  badMagic.magic = 0x12345678;
  FatBinaryHandle handle = registry.registerFatBinary(&badMagic);
  ASSERT_NE(handle, nullptr);
  ASSERT_TRUE(registry.registerFunction(handle, &stubA, "fake_kernel").ok());
  EXPECT_EQ(errorCodeOf(registry.resolveKernel(&stubA).status()),
            cudaErrorInvalidKernelImage);

  FatBinaryHandle nullWrapper = registry.registerFatBinary(nullptr);
  ASSERT_TRUE(registry.registerFunction(nullWrapper, &stubB, "k").ok());
  EXPECT_EQ(errorCodeOf(registry.resolveKernel(&stubB).status()),
            cudaErrorInvalidKernelImage);
}

TEST_F(RegistryTest, NoHostEntryIsNoKernelImage) {
  Registry registry;
  std::vector<uint8_t> image = buildFatBinary(
      {{"nvptx64-nvidia-cuda", LINGQU_FATBIN_KIND_PTX, {1, 2, 3}},
       {"aarch64-unknown-linux-gnu", LINGQU_FATBIN_KIND_SHARED_OBJECT,
        {4, 5, 6}}});
  lingqu_clang_fatbin_wrapper wrapper = {LINGQU_CLANG_FATBIN_WRAPPER_MAGIC, 1,
                                         image.data(), nullptr};
  FatBinaryHandle handle = registry.registerFatBinary(&wrapper);
  ASSERT_TRUE(registry.registerFunction(handle, &stubA, "fake_kernel").ok());
  absl::Status status = registry.resolveKernel(&stubA).status();
  EXPECT_EQ(errorCodeOf(status), cudaErrorNoKernelImageForDevice);
  EXPECT_NE(status.message().find("aarch64"), absl::string_view::npos)
      << status;
}

TEST_F(RegistryTest, UnknownHandlesAreRejected) {
  Registry registry;
  void *slot = nullptr;
  FatBinaryHandle bogus = &slot;
  EXPECT_EQ(errorCodeOf(registry.endFatBinary(bogus)),
            cudaErrorInvalidResourceHandle);
  EXPECT_EQ(errorCodeOf(registry.unregisterFatBinary(bogus)),
            cudaErrorInvalidResourceHandle);
  EXPECT_EQ(errorCodeOf(registry.registerFunction(bogus, &stubA, "k")),
            cudaErrorInvalidResourceHandle);
  EXPECT_EQ(errorCodeOf(registry.registerFunction(nullptr, &stubA, "k")),
            cudaErrorInvalidResourceHandle);
  VariableRecord record;
  record.deviceName = "v";
  EXPECT_EQ(errorCodeOf(registry.registerVariable(bogus, &varA, record)),
            cudaErrorInvalidResourceHandle);
}

TEST_F(RegistryTest, MissingNamesAreInvalidValue) {
  Registry registry;
  FatBinaryHandle handle = registry.registerFatBinary(&wrapper_);
  EXPECT_EQ(errorCodeOf(registry.registerFunction(handle, &stubA, "")),
            cudaErrorInvalidValue);
  EXPECT_EQ(errorCodeOf(registry.registerFunction(handle, nullptr, "k")),
            cudaErrorInvalidValue);
  EXPECT_EQ(errorCodeOf(registry.registerVariable(handle, &varA, {})),
            cudaErrorInvalidValue);
}

TEST_F(RegistryTest, RecordsVariables) {
  Registry registry;
  FatBinaryHandle handle = registry.registerFatBinary(&wrapper_);
  VariableRecord record;
  record.deviceName = "table";
  record.size = 64;
  record.constant = true;
  ASSERT_TRUE(registry.registerVariable(handle, &varA, record).ok());
  std::optional<VariableRecord> found = registry.findVariable(&varA);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->fatBinary, handle);
  EXPECT_EQ(found->deviceName, "table");
  EXPECT_EQ(found->size, 64u);
  EXPECT_TRUE(found->constant);
  EXPECT_FALSE(found->external);
  EXPECT_FALSE(registry.findVariable(&stubA).has_value());
}

TEST_F(RegistryTest, UnregisterDropsKernelsAndVariables) {
  Registry registry;
  FatBinaryHandle handle = registry.registerFatBinary(&wrapper_);
  ASSERT_TRUE(registry.registerFunction(handle, &stubA, "fake_kernel").ok());
  VariableRecord record;
  record.deviceName = "table";
  ASSERT_TRUE(registry.registerVariable(handle, &varA, record).ok());
  absl::StatusOr<ResolvedKernel> held = registry.resolveKernel(&stubA);
  ASSERT_TRUE(held.ok());

  ASSERT_TRUE(registry.unregisterFatBinary(handle).ok());
  EXPECT_EQ(errorCodeOf(registry.resolveKernel(&stubA).status()),
            cudaErrorInvalidDeviceFunction);
  EXPECT_FALSE(registry.findVariable(&varA).has_value());
  // A launch still holding the module keeps its code loaded.
  EXPECT_EQ(held->module->symbol("__lingqu_block_fake_kernel"),
            reinterpret_cast<void *>(held->info->block_fn));
  EXPECT_EQ(errorCodeOf(registry.unregisterFatBinary(handle)),
            cudaErrorInvalidResourceHandle);
}

TEST_F(RegistryTest, LaterRegistrationOfAStubWins) {
  Registry registry;
  FatBinaryHandle first = registry.registerFatBinary(&wrapper_);
  FatBinaryHandle second = registry.registerFatBinary(&wrapper_);
  EXPECT_NE(first, second);
  ASSERT_TRUE(registry.registerFunction(first, &stubA, "missing").ok());
  ASSERT_TRUE(registry.registerFunction(second, &stubA, "fake_kernel").ok());
  EXPECT_TRUE(registry.resolveKernel(&stubA).ok());
}

} // namespace
