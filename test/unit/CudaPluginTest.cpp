// The `cuda` device plugin against a stand-in for NVIDIA's driver
// (FakeNvidiaDriver.c): loading the driver and its failures, the devices it
// reports, managed memory, and what a launch hands the driver. Whether the
// PTX runs on a GPU is for test/e2e/cuda-plugin.cu, on a machine with one.
#include <dlfcn.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "FakeNvidiaDriver.h"
#include "FatBinaryBuilder.h"
#include "core/FatBinaryReader.h"
#include "core/Memory.h"
#include "core/Module.h"
#include "core/Status.h"
#include "device/cuda/CudaDevice.h"
#include "device/cuda/PtxImage.h"
#include "gtest/gtest.h"

using namespace lingqu::rt;
using namespace lingqu::rt::cuda_plugin;
using lingqu::test::buildFatBinary;
using lingqu::test::fakeKernelModule;

namespace {

std::string ptx(int arch, const char *extra = "") {
  return std::string(".version 8.0\n.target sm_") + std::to_string(arch) +
         "\n.address_size 64\n" + extra +
         ".visible .entry fake_kernel(\n\t.param .u64 a\n)\n{\n\tret;\n}\n";
}

class CudaPluginTest : public ::testing::Test {
protected:
  void SetUp() override { unsetenv("FAKE_NVIDIA_GPUS"); }

  std::vector<std::unique_ptr<Device>> devices() {
    auto devices = createCudaDevices(LINGQU_FAKE_NVIDIA_DRIVER_PATH);
    EXPECT_TRUE(devices.ok()) << devices.status();
    if (!devices.ok())
      return {};
    return std::move(*devices);
  }
  // The stand-in's record; valid while a device holds the driver loaded.
  fake_nvidia_state &state() {
    void *handle =
        dlopen(LINGQU_FAKE_NVIDIA_DRIVER_PATH, RTLD_NOW | RTLD_NOLOAD);
    EXPECT_NE(handle, nullptr);
    auto get = reinterpret_cast<fake_nvidia_state *(*)()>(
        dlsym(handle, "fake_nvidia_state"));
    dlclose(handle); // drops only the reference just taken
    return *get();
  }
  // A module whose fat binary has the fake CPU kernel and these PTX entries.
  std::unique_ptr<Module>
  module(const std::vector<std::pair<int, std::string>> &ptxs) {
    std::vector<lingqu::test::EntrySpec> entries = {
        {std::string(hostTriple()), LINGQU_FATBIN_KIND_SHARED_OBJECT,
         fakeKernelModule()}};
    for (const auto &[arch, text] : ptxs)
      entries.push_back({"nvptx64-nvidia-cuda:sm_" + std::to_string(arch),
                         LINGQU_FATBIN_KIND_PTX,
                         std::vector<uint8_t>(text.begin(), text.end() + 1)});
    image_ = buildFatBinary(entries);
    auto parsed = FatBinaryImage::parse(image_.data(), image_.size());
    EXPECT_TRUE(parsed.ok()) << parsed.status();
    auto loaded = Module::loadFromImage(*parsed);
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded.ok() ? std::move(*loaded) : nullptr;
  }
  KernelLaunch launchOf(const Module *m) {
    KernelLaunch launch;
    launch.grid = Dim3{4, 2, 1};
    launch.block = Dim3{128, 1, 1};
    launch.dynamicSharedBytes = 256;
    launch.args = args_;
    launch.name = "fake_kernel";
    launch.module = m;
    return launch;
  }
  std::vector<uint8_t> image_;
  void *args_[1] = {nullptr};
};

TEST_F(CudaPluginTest, NoDriverIsNoDevice) {
  auto devices = createCudaDevices("/nonexistent/libcuda.so.1");
  ASSERT_FALSE(devices.ok());
  EXPECT_EQ(errorCodeOf(devices.status()), cudaErrorNoDevice);
  EXPECT_NE(devices.status().message().find("/nonexistent/libcuda.so.1"),
            std::string::npos);
}

TEST_F(CudaPluginTest, ALibraryThatIsNotTheDriverIsRefused) {
  auto devices = createCudaDevices(LINGQU_FAKE_KERNEL_PATH);
  ASSERT_FALSE(devices.ok());
  EXPECT_EQ(errorCodeOf(devices.status()), cudaErrorNoDevice);
  EXPECT_NE(devices.status().message().find("has no cuInit"), std::string::npos)
      << devices.status();
}

TEST_F(CudaPluginTest, ADriverWithoutGpusIsNoDevice) {
  setenv("FAKE_NVIDIA_GPUS", "0", 1);
  auto devices = createCudaDevices(LINGQU_FAKE_NVIDIA_DRIVER_PATH);
  ASSERT_FALSE(devices.ok());
  EXPECT_EQ(errorCodeOf(devices.status()), cudaErrorNoDevice);
  EXPECT_NE(devices.status().message().find("reports no GPU"),
            std::string::npos);
}

TEST_F(CudaPluginTest, OneDevicePerGpuWithTheGpusLimits) {
  setenv("FAKE_NVIDIA_GPUS", "2", 1);
  auto all = devices();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]->name(), "cuda");
  EXPECT_EQ(state().initialized, 1);
  EXPECT_EQ(state().contexts_retained, 2);
  EXPECT_EQ(all[0]->limits().maxThreadsPerBlock, 1024u);
  EXPECT_EQ(all[0]->limits().maxSharedBytesPerBlock, 163u * 1024);
  EXPECT_EQ(all[0]->limits().maxCooperativeBlocks, 108u);
}

TEST_F(CudaPluginTest, TheGpuReportsItsOwnNameAndAttributes) {
  auto all = devices();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]->reportedName(), "Fake GPU");
  EXPECT_EQ(all[0]->reportedAttribute(cudaDevAttrMultiProcessorCount), 108);
  EXPECT_EQ(all[0]->reportedAttribute(cudaDevAttrComputeCapabilityMajor), 8);
  // Host memory is the host's heap, which a GPU cannot reach.
  EXPECT_EQ(all[0]->reportedAttribute(cudaDevAttrCanMapHostMemory), 0);
  EXPECT_EQ(all[0]->reportedAttribute(cudaDevAttrHostRegisterSupported), 0);
  // What the driver does not answer is left to the core.
  EXPECT_EQ(all[0]->reportedAttribute(cudaDevAttrWarpSize), std::nullopt);
}

TEST_F(CudaPluginTest, DeviceMemoryIsManagedMemoryTheHostCanUse) {
  auto all = devices();
  ASSERT_EQ(all.size(), 1u);
  ASSERT_NE(all[0]->memory(), nullptr);
  MemoryManager memory;
  memory.setDeviceMemory(0, all[0]->memory());
  absl::StatusOr<void *> p = memory.allocate(1000, MemoryKind::Device, 0);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(reinterpret_cast<uintptr_t>(*p) % MemoryManager::kAlignment, 0u);
  EXPECT_EQ(state().live_allocations, 1);
  std::memset(*p, 7, 1000);
  // Pages of the driver's cannot move onto a memfd for IPC.
  absl::StatusOr<IpcMemHandle> ipc = memory.exportIpc(*p);
  ASSERT_FALSE(ipc.ok());
  EXPECT_EQ(errorCodeOf(ipc.status()), cudaErrorNotSupported);
  EXPECT_TRUE(memory.free(*p).ok());
  EXPECT_EQ(state().live_allocations, 0);
  // Pinned host memory stays the host's.
  absl::StatusOr<void *> host = memory.allocate(64, MemoryKind::Host, 0);
  ASSERT_TRUE(host.ok());
  EXPECT_EQ(state().live_allocations, 0);
  EXPECT_TRUE(memory.free(*host, MemoryKind::Host).ok());
}

TEST_F(CudaPluginTest, ALaunchLoadsTheNewestPtxTheGpuCanJit) {
  auto all = devices();
  ASSERT_EQ(all.size(), 1u); // compute capability 8.0
  auto m = module({{75, ptx(75)}, {80, ptx(80)}, {90, ptx(90)}});
  ASSERT_NE(m, nullptr);
  absl::Status s = all[0]->launch(launchOf(m.get()));
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_NE(std::string(state().last_ptx_head).find(".target sm_80"),
            std::string::npos);
  EXPECT_STREQ(state().last_function, "fake_kernel");
  EXPECT_EQ(state().grid[0], 4u);
  EXPECT_EQ(state().grid[1], 2u);
  EXPECT_EQ(state().block[0], 128u);
  EXPECT_EQ(state().shared, 256u);
  EXPECT_EQ(state().params, args_);
  EXPECT_GE(state().synchronizes, 1); // synchronous: the host may read next
  // The second launch reuses the loaded module.
  ASSERT_TRUE(all[0]->launch(launchOf(m.get())).ok());
  EXPECT_EQ(state().modules_loaded, 1);
  EXPECT_EQ(state().launches, 2);
}

TEST_F(CudaPluginTest, NoPtxForTheGpuIsNoKernelImage) {
  auto all = devices();
  auto newer = module({{90, ptx(90)}});
  absl::Status s = all[0]->launch(launchOf(newer.get()));
  EXPECT_EQ(errorCodeOf(s), cudaErrorNoKernelImageForDevice);
  EXPECT_NE(s.message().find("it has nvptx64-nvidia-cuda:sm_90"),
            std::string::npos)
      << s;
  auto none = module({});
  s = all[0]->launch(launchOf(none.get()));
  EXPECT_EQ(errorCodeOf(s), cudaErrorNoKernelImageForDevice);
  EXPECT_NE(s.message().find("built without --offload-arch=sm_XX"),
            std::string::npos)
      << s;
}

TEST_F(CudaPluginTest, DeviceVariablesAreRefusedNamingTheKernel) {
  auto all = devices();
  auto m = module({{80, ptx(80, ".visible .global .align 4 .u32 counter;\n")}});
  absl::Status s = all[0]->launch(launchOf(m.get()));
  EXPECT_EQ(errorCodeOf(s), cudaErrorNotSupported);
  EXPECT_NE(s.message().find("kernel 'fake_kernel'"), std::string::npos) << s;
  EXPECT_NE(s.message().find("variable 'counter'"), std::string::npos) << s;
  EXPECT_EQ(state().launches, 0);
  EXPECT_TRUE(
      refuseUnsupported(ptx(80, ".const .align 4 .f32 k;\n"), "k").code() !=
      absl::StatusCode::kOk);
  EXPECT_NE(
      refuseUnsupported(ptx(80, ".global .align 4 .b8 _ZL5table[16];\n"), "k")
          .message()
          .find("'_ZL5table'"),
      std::string::npos);
  // .shared and .local inside a kernel are the kernel's own; printf's
  // format strings are the compiler's constants.
  EXPECT_TRUE(refuseUnsupported(ptx(80), "k").ok());
  EXPECT_TRUE(
      refuseUnsupported(
          ptx(80, ".global .align 1 .b8 _$_str[3] = {104, 105};\n"), "k")
          .ok());
}

TEST_F(CudaPluginTest, TheDriversErrorsNameTheKernel) {
  auto all = devices();
  std::string other = ptx(80);
  other.replace(other.find("fake_kernel"), 11, "other_kernel");
  auto m = module({{80, other}});
  absl::Status s = all[0]->launch(launchOf(m.get()));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("kernel 'fake_kernel'"), std::string::npos) << s;
  EXPECT_NE(s.message().find("CUDA_ERROR_NOT_FOUND"), std::string::npos) << s;
  auto bad = module({{80, "not ptx"}});
  s = all[0]->launch(launchOf(bad.get()));
  EXPECT_EQ(errorCodeOf(s), cudaErrorInvalidPtx) << s;
}

} // namespace
