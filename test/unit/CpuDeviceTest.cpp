//===- CpuDeviceTest.cpp - The cpu plugin runs every block once -----------===//

#include "device/cpu/CpuDevice.h"

#include <atomic>
#include <cstring>
#include <mutex>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "LaunchShape.h"
#include "gtest/gtest.h"

using namespace lingqu::rt;

namespace {

/// What the test block function writes; args[0] points to one.
struct Record {
  Dim3 grid, block;
  uint32_t dynamicBytes = 0;
  uint32_t staticBytes = 0;
  std::vector<std::atomic<int>> hits;
  std::atomic<int> badContexts{0};
  std::mutex mu;
  std::set<void *> buffers;
};

void recordingBlock(void **args, const lingqu_block_ctx *ctx) {
  Record &r = **reinterpret_cast<Record **>(args[0]);
  bool ok = ctx->grid_dim[0] == r.grid.x && ctx->grid_dim[1] == r.grid.y &&
            ctx->grid_dim[2] == r.grid.z && ctx->block_dim[0] == r.block.x &&
            ctx->block_dim[1] == r.block.y && ctx->block_dim[2] == r.block.z &&
            ctx->dynamic_shared_bytes == r.dynamicBytes &&
            ctx->block_idx[0] < r.grid.x && ctx->block_idx[1] < r.grid.y &&
            ctx->block_idx[2] < r.grid.z && ctx->shared != nullptr &&
            reinterpret_cast<uintptr_t>(ctx->shared) % LINGQU_SHARED_ALIGN == 0;
  if (!ok) {
    r.badContexts++;
    return;
  }
  // Touch every byte the block owns, then check nobody else wrote them
  // meanwhile: the buffer is big enough and private to the running block.
  size_t bytes = r.staticBytes + r.dynamicBytes;
  uint64_t linear =
      ctx->block_idx[0] +
      uint64_t(r.grid.x) * (ctx->block_idx[1] + uint64_t(r.grid.y) *
                                                    ctx->block_idx[2]);
  auto *shared = static_cast<unsigned char *>(ctx->shared);
  std::memset(shared, int(linear & 0xff), bytes);
  for (size_t i = 0; i < bytes; ++i)
    if (shared[i] != (linear & 0xff)) {
      r.badContexts++;
      break;
    }
  r.hits[linear]++;
  std::lock_guard<std::mutex> lock(r.mu);
  r.buffers.insert(ctx->shared);
}

void runGrid(Device &device, Record &record, Dim3 grid, Dim3 block,
             uint32_t staticBytes, uint32_t dynamicBytes) {
  record.grid = grid;
  record.block = block;
  record.staticBytes = staticBytes;
  record.dynamicBytes = dynamicBytes;
  record.hits = std::vector<std::atomic<int>>(grid.volume());
  record.badContexts = 0;
  record.buffers.clear();

  lingqu_kernel_info info = {LINGQU_LAUNCH_ABI_VERSION, 1, staticBytes, 0,
                             recordingBlock, nullptr, nullptr};
  Record *recordPtr = &record;
  void *args[] = {&recordPtr};
  KernelLaunch launch;
  launch.info = &info;
  launch.grid = grid;
  launch.block = block;
  launch.dynamicSharedBytes = dynamicBytes;
  launch.args = args;
  ASSERT_TRUE(device.launch(launch).ok());
  ASSERT_TRUE(device.synchronize().ok());
}

using Shape = lingqu::test::Shape<Dim3>;

class CpuDeviceShapes : public ::testing::TestWithParam<Shape> {};

TEST_P(CpuDeviceShapes, RunsEveryBlockExactlyOnce) {
  // One worker runs long chunks of the linearised grid (stepping the block
  // index across rows and planes); more workers split it finely.
  for (int threads : {0, 1, 3}) {
    std::unique_ptr<Device> device = cpu::createCpuDevice({threads});
    Record record;
    runGrid(*device, record, GetParam().grid, GetParam().block, 32, 100);
    EXPECT_EQ(record.badContexts.load(), 0) << threads << " threads";
    for (size_t i = 0; i < record.hits.size(); ++i)
      ASSERT_EQ(record.hits[i].load(), 1)
          << "block " << i << ", " << threads << " threads";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Grids, CpuDeviceShapes,
    ::testing::Values(Shape{{1, 1, 1}, {1, 1, 1}}, Shape{{7, 1, 1}, {32, 1, 1}},
                      Shape{{3, 5, 7}, {4, 4, 4}}, Shape{{1, 1, 9}, {1, 1, 64}},
                      Shape{{1000, 3, 1}, {1, 1, 1}},
                      Shape{{2, 65535, 1}, {1, 1, 1}}),
    lingqu::test::shapeName<Dim3>);

TEST(CpuDeviceTest, OneWorkerReusesOneBuffer) {
  std::unique_ptr<Device> device = cpu::createCpuDevice({/*threads=*/1});
  Record record;
  runGrid(*device, record, {64, 1, 1}, {1, 1, 1}, 16, 64);
  EXPECT_EQ(record.badContexts.load(), 0);
  ASSERT_EQ(record.buffers.size(), 1u);
  void *first = *record.buffers.begin();
  // And across launches that fit in it.
  runGrid(*device, record, {8, 1, 1}, {1, 1, 1}, 0, 128);
  ASSERT_EQ(record.buffers.size(), 1u);
  EXPECT_EQ(*record.buffers.begin(), first);
}

TEST(CpuDeviceTest, BufferGrowsForALargerLaunch) {
  std::unique_ptr<Device> device = cpu::createCpuDevice({/*threads=*/1});
  Record record;
  runGrid(*device, record, {4, 1, 1}, {1, 1, 1}, 16, 16);
  EXPECT_EQ(record.badContexts.load(), 0);
  // 48 KiB: the block writes and checks all of it.
  runGrid(*device, record, {4, 1, 1}, {1, 1, 1}, 16, 48 * 1024 - 16);
  EXPECT_EQ(record.badContexts.load(), 0);
  for (auto &hit : record.hits)
    EXPECT_EQ(hit.load(), 1);
}

TEST(CpuDeviceTest, ZeroSharedBytesStillGetsABuffer) {
  std::unique_ptr<Device> device = cpu::createCpuDevice();
  Record record;
  runGrid(*device, record, {5, 1, 1}, {1, 1, 1}, 0, 0);
  EXPECT_EQ(record.badContexts.load(), 0);
}

TEST(CpuDeviceTest, DescribesItself) {
  std::unique_ptr<Device> device = cpu::createCpuDevice();
  EXPECT_EQ(device->name(), "cpu");
  EXPECT_EQ(device->limits().maxThreadsPerBlock, 1024u);
  EXPECT_EQ(device->limits().maxSharedBytesPerBlock, 48u * 1024);
}

} // namespace
