//===- ModuleTest.cpp - Loading shared-object entries from memory ---------===//

#include "core/Module.h"

#include <fstream>
#include <string>
#include <vector>

#include "FatBinaryBuilder.h"
#include "core/Status.h"
#include "gtest/gtest.h"

using namespace lingqu::rt;
using namespace lingqu::test;

namespace {

class ModuleTest : public ::testing::Test {
protected:
  void SetUp() override {
    bytes_ = fakeKernelModule();
    ASSERT_FALSE(bytes_.empty()) << "cannot read " << LINGQU_FAKE_KERNEL_PATH;
  }
  std::unique_ptr<Module> load() {
    absl::StatusOr<std::unique_ptr<Module>> module =
        Module::loadSharedObject(bytes_);
    EXPECT_TRUE(module.ok()) << module.status();
    return module.ok() ? std::move(*module) : nullptr;
  }
  std::vector<uint8_t> bytes_;
};

bool mappedFromMemfd() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line))
    if (line.find("/memfd:lingqu-module") != std::string::npos)
      return true;
  return false;
}

TEST_F(ModuleTest, LoadsFromAMemoryFileAndFindsKernels) {
  std::unique_ptr<Module> module = load();
  ASSERT_NE(module, nullptr);
  // The code is mapped from the anonymous memory file, not from disk.
  EXPECT_TRUE(mappedFromMemfd());
  absl::StatusOr<const lingqu_kernel_info *> info =
      module->kernel("fake_kernel");
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ((*info)->abi_version, LINGQU_LAUNCH_ABI_VERSION);
  EXPECT_EQ((*info)->num_params, 3u);
  EXPECT_EQ((*info)->static_shared_bytes, 16u);
  EXPECT_NE((*info)->block_fn, nullptr);
  EXPECT_EQ(module->symbol("__lingqu_block_fake_kernel"),
            reinterpret_cast<void *>((*info)->block_fn));
  // Cached: the same answer without another lookup.
  EXPECT_EQ(*module->kernel("fake_kernel"), *info);
}

TEST_F(ModuleTest, UnloadsWithTheModule) {
  load().reset();
  EXPECT_FALSE(mappedFromMemfd());
}

TEST_F(ModuleTest, TwoLoadsAreIndependent) {
  std::unique_ptr<Module> first = load(), second = load();
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  // RTLD_LOCAL and distinct files: each has its own copy of the kernel.
  EXPECT_NE(*first->kernel("fake_kernel"), *second->kernel("fake_kernel"));
}

TEST_F(ModuleTest, MissingKernelIsInitFailure) {
  std::unique_ptr<Module> module = load();
  ASSERT_NE(module, nullptr);
  EXPECT_EQ(errorCodeOf(module->kernel("no_such_kernel").status()),
            cudaErrorSharedObjectInitFailed);
}

TEST_F(ModuleTest, WrongAbiOrNullFunctionIsInvalidImage) {
  std::unique_ptr<Module> module = load();
  ASSERT_NE(module, nullptr);
  EXPECT_EQ(errorCodeOf(module->kernel("bad_abi_kernel").status()),
            cudaErrorInvalidKernelImage);
  EXPECT_EQ(errorCodeOf(module->kernel("null_fn_kernel").status()),
            cudaErrorInvalidKernelImage);
}

TEST_F(ModuleTest, GarbageIsInitFailure) {
  std::vector<uint8_t> garbage(4096, 0x5a);
  EXPECT_EQ(errorCodeOf(Module::loadSharedObject(garbage).status()),
            cudaErrorSharedObjectInitFailed);
  EXPECT_EQ(errorCodeOf(Module::loadSharedObject({}).status()),
            cudaErrorSharedObjectInitFailed);
  // A truncated ELF file.
  std::vector<uint8_t> truncated(bytes_.begin(), bytes_.begin() + 200);
  EXPECT_EQ(errorCodeOf(Module::loadSharedObject(truncated).status()),
            cudaErrorSharedObjectInitFailed);
}

} // namespace
