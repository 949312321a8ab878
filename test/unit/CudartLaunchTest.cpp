//===- CudartLaunchTest.cpp - Launches through libcudart, end to end ------===//
//
// Registers the hand-written module (FakeKernel.c) the way Clang's module
// constructor would and launches it the way a kernel stub would: push the
// <<<...>>> configuration, pop it, cudaLaunchKernel. Then every error a
// launch can report.
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "CudartTestSupport.h"
#include "LaunchShape.h"
#include "gtest/gtest.h"

using namespace lingqu::test;

namespace {

// Host stubs: only their addresses matter, but distinct bodies keep the
// linker from folding them into one address.
volatile int stubSink;
#define LINGQU_DUMMY_STUB(name, id)                                            \
  __attribute__((noinline)) void name() { stubSink = id; }
LINGQU_DUMMY_STUB(fakeKernelStub, 1)
LINGQU_DUMMY_STUB(badAbiStub, 2)
LINGQU_DUMMY_STUB(nullFnStub, 3)
LINGQU_DUMMY_STUB(bigSharedStub, 4)
LINGQU_DUMMY_STUB(missingStub, 5)
LINGQU_DUMMY_STUB(neverRegisteredStub, 6)
LINGQU_DUMMY_STUB(otherImageStub, 7)
LINGQU_DUMMY_STUB(fiberOnlyStub, 8)
LINGQU_DUMMY_STUB(mismatchedStub, 9)
#undef LINGQU_DUMMY_STUB

const void *stub(void (*fn)()) { return reinterpret_cast<const void *>(fn); }

/// What a Clang kernel stub does after `k<<<grid, block, shared>>>`.
cudaError_t launchLikeClang(const void *kernel, dim3 grid, dim3 block,
                            size_t shared, void **args) {
  __cudaPushCallConfiguration(grid, block, shared, nullptr);
  dim3 g, b;
  size_t s = 0;
  cudaStream_t stream = nullptr;
  if (cudaError_t error = __cudaPopCallConfiguration(&g, &b, &s, &stream))
    return error;
  return cudaLaunchKernel(kernel, g, b, args, s, stream);
}

uint64_t volume(dim3 d) { return uint64_t(d.x) * d.y * d.z; }

/// Device buffers and arguments for one run of fake_kernel(out, scale, hits).
struct FakeKernelRun {
  FakeKernelRun(dim3 grid, dim3 block, int32_t scale = 3)
      : grid(grid), block(block), scale(scale) {
    blocks = volume(grid);
    threads = volume(block);
    EXPECT_EQ(cudaMalloc(reinterpret_cast<void **>(&out),
                         blocks * threads * sizeof(int32_t)),
              cudaSuccess);
    EXPECT_EQ(cudaMalloc(reinterpret_cast<void **>(&hits),
                         blocks * sizeof(int32_t)),
              cudaSuccess);
    EXPECT_EQ(cudaMemset(hits, 0, blocks * sizeof(int32_t)), cudaSuccess);
    args[0] = &out;
    args[1] = &this->scale;
    args[2] = &hits;
  }
  ~FakeKernelRun() {
    cudaFree(out);
    cudaFree(hits);
  }
  size_t dynamicBytes() const { return threads * sizeof(int32_t); }

  /// Checks every block ran once and every thread saw its neighbour's value.
  void expectResults() {
    std::vector<int32_t> hostOut(blocks * threads), hostHits(blocks);
    ASSERT_EQ(cudaMemcpy(hostOut.data(), out, hostOut.size() * sizeof(int32_t),
                         cudaMemcpyDeviceToHost),
              cudaSuccess);
    ASSERT_EQ(cudaMemcpy(hostHits.data(), hits,
                         hostHits.size() * sizeof(int32_t),
                         cudaMemcpyDeviceToHost),
              cudaSuccess);
    for (uint64_t b = 0; b < blocks; ++b) {
      ASSERT_EQ(hostHits[b], 1) << "block " << b;
      for (uint64_t t = 0; t < threads; ++t) {
        auto expected = int32_t(uint32_t((t + 1) % threads) * uint32_t(scale) +
                                b);
        ASSERT_EQ(hostOut[b * threads + t], expected)
            << "block " << b << " thread " << t;
      }
    }
  }

  dim3 grid, block;
  int32_t scale;
  uint64_t blocks = 0, threads = 0;
  int32_t *out = nullptr, *hits = nullptr;
  void *args[3];
};

class CudartLaunchTest : public ::testing::Test {
protected:
  void SetUp() override {
    cudaGetLastError();
    module_ = fakeKernelModule();
    ASSERT_FALSE(module_.empty()) << "cannot read " << LINGQU_FAKE_KERNEL_PATH;
    // A PTX entry first, as a multi-target build would have.
    fatBinary_ = std::make_unique<RegisteredFatBinary>(buildFatBinary(
        {{"nvptx64-nvidia-cuda", LINGQU_FATBIN_KIND_PTX, {'p', 't', 'x'}},
         {hostTarget(), LINGQU_FATBIN_KIND_SHARED_OBJECT, module_}}));
    fatBinary_->registerKernel(stub(fakeKernelStub), "fake_kernel");
    fatBinary_->registerKernel(stub(badAbiStub), "bad_abi_kernel");
    fatBinary_->registerKernel(stub(nullFnStub), "null_fn_kernel");
    fatBinary_->registerKernel(stub(bigSharedStub), "big_shared_kernel");
    fatBinary_->registerKernel(stub(missingStub), "missing_kernel");
    fatBinary_->registerKernel(stub(fiberOnlyStub), "fiber_only_kernel");
    fatBinary_->registerKernel(stub(mismatchedStub), "mismatched_kernel");
    __cudaRegisterFatBinaryEnd(fatBinary_->handle());
    ASSERT_EQ(cudaGetLastError(), cudaSuccess);
  }
  void TearDown() override { fatBinary_.reset(); }

  /// The launch failed with `code`, which is now the last error.
  void expectLaunchError(cudaError_t result, cudaError_t code) {
    EXPECT_EQ(result, code) << cudaGetErrorName(result);
    EXPECT_EQ(cudaGetLastError(), code);
  }

  /// Launches `stub` from a separate fat binary made of `image`.
  cudaError_t launchFromImage(std::vector<uint8_t> image,
                              uint32_t wrapperMagic =
                                  LINGQU_CLANG_FATBIN_WRAPPER_MAGIC) {
    RegisteredFatBinary other(std::move(image), wrapperMagic);
    other.registerKernel(stub(otherImageStub), "fake_kernel");
    FakeKernelRun run(dim3(1), dim3(1));
    return launchLikeClang(stub(otherImageStub), dim3(1), dim3(1),
                           run.dynamicBytes(), run.args);
  }

  std::vector<uint8_t> module_;
  std::unique_ptr<RegisteredFatBinary> fatBinary_;
};

using Shape = lingqu::test::Shape<dim3>;

class CudartLaunchShapes : public CudartLaunchTest,
                           public ::testing::WithParamInterface<Shape> {};

TEST_P(CudartLaunchShapes, RunsTheKernelEndToEnd) {
  FakeKernelRun run(GetParam().grid, GetParam().block);
  ASSERT_EQ(launchLikeClang(stub(fakeKernelStub), run.grid, run.block,
                            run.dynamicBytes(), run.args),
            cudaSuccess);
  EXPECT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  run.expectResults();
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

INSTANTIATE_TEST_SUITE_P(
    Grids, CudartLaunchShapes,
    ::testing::Values(Shape{dim3(1), dim3(1)}, Shape{dim3(3, 2, 2), dim3(4, 2)},
                      Shape{dim3(257), dim3(32)},
                      Shape{dim3(2, 3, 4), dim3(1, 1, 64)},
                      Shape{dim3(5), dim3(1024)},
                      Shape{dim3(1, 65535), dim3(1)}),
    lingqu::test::shapeName<dim3>);

TEST_P(CudartLaunchShapes, AKernelWithoutBlockFunctionRunsOnFibers) {
  FakeKernelRun run(GetParam().grid, GetParam().block);
  ASSERT_EQ(launchLikeClang(stub(fiberOnlyStub), run.grid, run.block,
                            run.dynamicBytes(), run.args),
            cudaSuccess);
  EXPECT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  run.expectResults();
}

TEST_F(CudartLaunchTest, MismatchedBarriersFailTheLaunchForGood) {
  testing::internal::CaptureStderr();
  cudaError_t result = launchLikeClang(stub(mismatchedStub), dim3(2, 3),
                                       dim3(4), 0, nullptr);
  // The launch is asynchronous: it fails when it runs, reported by the
  // synchronisation (or, if it already ran, by the launch's own return).
  EXPECT_TRUE(result == cudaSuccess || result == cudaErrorLaunchFailure)
      << cudaGetErrorName(result);
  EXPECT_EQ(cudaDeviceSynchronize(), cudaErrorLaunchFailure);
  std::string message = testing::internal::GetCapturedStderr();
  // One line naming the kernel, the first failing block and both barriers.
  EXPECT_EQ(message, "lingqu: kernel 'mismatched_kernel' block (0,0,0): "
                     "threads wait at different barriers: thread (0,0,0) "
                     "at even.cu:3:5, thread (1,0,0) at odd.cu:7:5\n");
  // Sticky: the context stays unusable, as after a faulting kernel.
  EXPECT_EQ(cudaDeviceSynchronize(), cudaErrorLaunchFailure);
  EXPECT_EQ(cudaGetLastError(), cudaErrorLaunchFailure);
  EXPECT_EQ(cudaGetLastError(), cudaErrorLaunchFailure);
}

TEST_F(CudartLaunchTest, LaunchesWithoutAPushedConfiguration) {
  FakeKernelRun run(dim3(4, 4), dim3(8), /*scale=*/-5);
  ASSERT_EQ(cudaLaunchKernel(stub(fakeKernelStub), run.grid, run.block,
                             run.args, run.dynamicBytes(), nullptr),
            cudaSuccess);
  run.expectResults();
}

TEST_F(CudartLaunchTest, RelaunchingReusesTheLoadedModule) {
  for (int i = 0; i < 3; ++i) {
    FakeKernelRun run(dim3(9), dim3(3), i);
    ASSERT_EQ(launchLikeClang(stub(fakeKernelStub), run.grid, run.block,
                              run.dynamicBytes(), run.args),
              cudaSuccess);
    run.expectResults();
  }
}

TEST_F(CudartLaunchTest, TwoImagesWithTheSameKernelNameBothRun) {
  RegisteredFatBinary other(buildFatBinary(
      {{hostTarget(), LINGQU_FATBIN_KIND_SHARED_OBJECT, module_}}));
  other.registerKernel(stub(otherImageStub), "fake_kernel");
  FakeKernelRun first(dim3(3), dim3(2)), second(dim3(5), dim3(4), 11);
  ASSERT_EQ(launchLikeClang(stub(fakeKernelStub), first.grid, first.block,
                            first.dynamicBytes(), first.args),
            cudaSuccess);
  ASSERT_EQ(launchLikeClang(stub(otherImageStub), second.grid, second.block,
                            second.dynamicBytes(), second.args),
            cudaSuccess);
  first.expectResults();
  second.expectResults();
}

TEST_F(CudartLaunchTest, UnregisteredFunctionIsInvalidDeviceFunction) {
  FakeKernelRun run(dim3(1), dim3(1));
  expectLaunchError(launchLikeClang(stub(neverRegisteredStub), dim3(1),
                                    dim3(1), 4, run.args),
                    cudaErrorInvalidDeviceFunction);
  expectLaunchError(cudaLaunchKernel(nullptr, dim3(1), dim3(1), run.args, 4,
                                     nullptr),
                    cudaErrorInvalidDeviceFunction);
}

TEST_F(CudartLaunchTest, BadBlocksAreInvalidConfiguration) {
  FakeKernelRun run(dim3(1), dim3(1));
  for (dim3 block : {dim3(0, 1, 1), dim3(1, 0, 1), dim3(1, 1, 0),
                     dim3(1025, 1, 1), dim3(1, 1025, 1), dim3(1, 1, 65),
                     dim3(32, 32, 2), dim3(64, 17, 1)})
    expectLaunchError(launchLikeClang(stub(fakeKernelStub), dim3(1), block,
                                      4096, run.args),
                      cudaErrorInvalidConfiguration);
}

TEST_F(CudartLaunchTest, BadGridsAreInvalidConfiguration) {
  FakeKernelRun run(dim3(1), dim3(1));
  for (dim3 grid : {dim3(0, 1, 1), dim3(1, 0, 1), dim3(1, 1, 0),
                    dim3(0x80000000u, 1, 1), dim3(0xffffffffu, 1, 1),
                    dim3(1, 65536, 1), dim3(1, 1, 65536)})
    expectLaunchError(
        launchLikeClang(stub(fakeKernelStub), grid, dim3(1), 4, run.args),
        cudaErrorInvalidConfiguration);
}

TEST_F(CudartLaunchTest, LimitsThemselvesAreAccepted) {
  for (Shape shape : {Shape{dim3(1), dim3(1024)}, Shape{dim3(1), dim3(1, 1024)},
                      Shape{dim3(1), dim3(1, 1, 64)},
                      Shape{dim3(1, 1, 65535), dim3(1)}}) {
    FakeKernelRun run(shape.grid, shape.block);
    ASSERT_EQ(launchLikeClang(stub(fakeKernelStub), run.grid, run.block,
                              run.dynamicBytes(), run.args),
              cudaSuccess);
    run.expectResults();
  }
}

TEST_F(CudartLaunchTest, ErrorsComeInCudasOrder) {
  FakeKernelRun run(dim3(1), dim3(1));
  // An unknown function beats a bad configuration...
  expectLaunchError(launchLikeClang(stub(neverRegisteredStub), dim3(0),
                                    dim3(0), 0, run.args),
                    cudaErrorInvalidDeviceFunction);
  // ...which beats a kernel missing from its module.
  expectLaunchError(
      launchLikeClang(stub(missingStub), dim3(0), dim3(1), 0, run.args),
      cudaErrorInvalidConfiguration);
}

TEST_F(CudartLaunchTest, TooMuchSharedMemoryIsInvalidValue) {
  FakeKernelRun run(dim3(1), dim3(1));
  // fake_kernel has 16 static bytes.
  EXPECT_EQ(launchLikeClang(stub(fakeKernelStub), dim3(1), dim3(1),
                            48 * 1024 - 16, run.args),
            cudaSuccess);
  expectLaunchError(launchLikeClang(stub(fakeKernelStub), dim3(1), dim3(1),
                                    48 * 1024 - 15, run.args),
                    cudaErrorInvalidValue);
  expectLaunchError(launchLikeClang(stub(fakeKernelStub), dim3(1), dim3(1),
                                    size_t(1) << 40, run.args),
                    cudaErrorInvalidValue);
  // big_shared_kernel has 40 KiB static and no parameters.
  EXPECT_EQ(launchLikeClang(stub(bigSharedStub), dim3(2), dim3(1), 8 * 1024,
                            nullptr),
            cudaSuccess);
  expectLaunchError(launchLikeClang(stub(bigSharedStub), dim3(2), dim3(1),
                                    8 * 1024 + 1, nullptr),
                    cudaErrorInvalidValue);
}

TEST_F(CudartLaunchTest, NullArgsForAKernelWithParametersIsInvalidValue) {
  expectLaunchError(
      launchLikeClang(stub(fakeKernelStub), dim3(1), dim3(1), 4, nullptr),
      cudaErrorInvalidValue);
}

TEST_F(CudartLaunchTest, KernelMissingFromTheModuleIsInitFailure) {
  expectLaunchError(
      launchLikeClang(stub(missingStub), dim3(1), dim3(1), 0, nullptr),
      cudaErrorSharedObjectInitFailed);
}

TEST_F(CudartLaunchTest, WrongAbiOrNullBlockFunctionIsInvalidImage) {
  expectLaunchError(
      launchLikeClang(stub(badAbiStub), dim3(1), dim3(1), 0, nullptr),
      cudaErrorInvalidKernelImage);
  expectLaunchError(
      launchLikeClang(stub(nullFnStub), dim3(1), dim3(1), 0, nullptr),
      cudaErrorInvalidKernelImage);
}

TEST_F(CudartLaunchTest, NoEntryForThisHostIsNoKernelImage) {
  expectLaunchError(
      launchFromImage(buildFatBinary(
          {{"nvptx64-nvidia-cuda", LINGQU_FATBIN_KIND_PTX, {1, 2}},
           {"aarch64-unknown-linux-gnu", LINGQU_FATBIN_KIND_SHARED_OBJECT,
            module_},
           // Right triple, wrong kind.
           {hostTarget(), LINGQU_FATBIN_KIND_SPIRV, {3, 4}}})),
      cudaErrorNoKernelImageForDevice);
  expectLaunchError(launchFromImage(buildFatBinary({})),
                    cudaErrorNoKernelImageForDevice);
}

TEST_F(CudartLaunchTest, UnloadableObjectIsInitFailure) {
  expectLaunchError(
      launchFromImage(buildFatBinary({{hostTarget(),
                                       LINGQU_FATBIN_KIND_SHARED_OBJECT,
                                       std::vector<uint8_t>(512, 0x90)}})),
      cudaErrorSharedObjectInitFailed);
}

TEST_F(CudartLaunchTest, MalformedImagesAreInvalidKernelImage) {
  std::vector<uint8_t> good = buildFatBinary(
      {{hostTarget(), LINGQU_FATBIN_KIND_SHARED_OBJECT, module_}});
  // The Clang wrapper's magic.
  expectLaunchError(launchFromImage(good, /*wrapperMagic=*/0x12345678),
                    cudaErrorInvalidKernelImage);
  // The image's magic.
  std::vector<uint8_t> image = good;
  image[3] ^= 0x20;
  expectLaunchError(launchFromImage(image), cudaErrorInvalidKernelImage);
  // The image's version.
  image = good;
  patchHeader(image, offsetof(lingqu_fatbin_header, version), uint32_t(2));
  expectLaunchError(launchFromImage(image), cudaErrorInvalidKernelImage);
  // An entry out of bounds.
  image = good;
  patchEntry(image, 0, offsetof(lingqu_fatbin_entry, size),
             uint64_t(good.size()));
  expectLaunchError(launchFromImage(image), cudaErrorInvalidKernelImage);
}

TEST_F(CudartLaunchTest, UnregisteringForgetsTheKernels) {
  FakeKernelRun run(dim3(1), dim3(1));
  ASSERT_EQ(launchLikeClang(stub(fakeKernelStub), dim3(1), dim3(1), 4,
                            run.args),
            cudaSuccess);
  fatBinary_->unregister();
  expectLaunchError(
      launchLikeClang(stub(fakeKernelStub), dim3(1), dim3(1), 4, run.args),
      cudaErrorInvalidDeviceFunction);
}

TEST_F(CudartLaunchTest, LaunchErrorsAreNotSticky) {
  FakeKernelRun run(dim3(2), dim3(2));
  EXPECT_EQ(launchLikeClang(stub(fakeKernelStub), dim3(0), dim3(2), 8,
                            run.args),
            cudaErrorInvalidConfiguration);
  EXPECT_EQ(launchLikeClang(stub(fakeKernelStub), run.grid, run.block,
                            run.dynamicBytes(), run.args),
            cudaSuccess);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidConfiguration);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
  run.expectResults();
}

TEST_F(CudartLaunchTest, LogsOneLineOnlyWithLingquLog) {
  FakeKernelRun run(dim3(1), dim3(1));
  unsetenv("LINGQU_LOG");
  ::testing::internal::CaptureStderr();
  launchLikeClang(stub(neverRegisteredStub), dim3(1), dim3(1), 4, run.args);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");

  setenv("LINGQU_LOG", "1", /*overwrite=*/1);
  ::testing::internal::CaptureStderr();
  launchLikeClang(stub(neverRegisteredStub), dim3(1), dim3(1), 4, run.args);
  std::string logged = ::testing::internal::GetCapturedStderr();
  unsetenv("LINGQU_LOG");
  EXPECT_NE(logged.find("cudaLaunchKernel"), std::string::npos) << logged;
  EXPECT_NE(logged.find("cudaErrorInvalidDeviceFunction"), std::string::npos)
      << logged;
  EXPECT_EQ(std::count(logged.begin(), logged.end(), '\n'), 1) << logged;
  EXPECT_EQ(logged.back(), '\n');
  cudaGetLastError();
}

} // namespace

TEST_F(CudartLaunchTest, CooperativeLaunchRunsEveryBlock) {
  FakeKernelRun run(dim3(6, 2), dim3(16));
  ASSERT_EQ(cudaLaunchCooperativeKernel(stub(fakeKernelStub), run.grid,
                                        run.block, run.args,
                                        run.dynamicBytes(), nullptr),
            cudaSuccess);
  run.expectResults();
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

TEST_F(CudartLaunchTest, CooperativeLaunchTooLargeIsRefused) {
  FakeKernelRun run(dim3(1), dim3(1));
  expectLaunchError(cudaLaunchCooperativeKernel(stub(fakeKernelStub),
                                                dim3(257), dim3(1), run.args,
                                                0, nullptr),
                    cudaErrorCooperativeLaunchTooLarge);
  // The usual checks come first, as for cudaLaunchKernel.
  expectLaunchError(cudaLaunchCooperativeKernel(stub(otherImageStub), dim3(1),
                                                dim3(1), run.args, 0, nullptr),
                    cudaErrorInvalidDeviceFunction);
  expectLaunchError(cudaLaunchCooperativeKernel(stub(fakeKernelStub), dim3(1),
                                                dim3(2048), run.args, 0,
                                                nullptr),
                    cudaErrorInvalidConfiguration);
}
