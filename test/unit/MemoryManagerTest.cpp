//===- MemoryManagerTest.cpp - The allocation table -----------------------===//

#include "core/Memory.h"

#include <cstdint>
#include <cstring>

#include "core/Status.h"
#include "gtest/gtest.h"

using namespace lingqu::rt;

namespace {

cudaError_t codeOf(const absl::Status &status) { return errorCodeOf(status); }

TEST(MemoryManagerTest, AllocatesAlignedAndTracks) {
  MemoryManager memory;
  for (size_t bytes : {1u, 7u, 256u, 1000u, 1u << 20}) {
    absl::StatusOr<void *> ptr = memory.allocate(bytes);
    ASSERT_TRUE(ptr.ok());
    ASSERT_NE(*ptr, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(*ptr) % MemoryManager::kAlignment,
              0u);
    std::memset(*ptr, 0xab, bytes); // the whole size is usable
  }
  EXPECT_EQ(memory.liveAllocations(), 5u);
}

TEST(MemoryManagerTest, ZeroBytesIsNull) {
  MemoryManager memory;
  absl::StatusOr<void *> ptr = memory.allocate(0);
  ASSERT_TRUE(ptr.ok());
  EXPECT_EQ(*ptr, nullptr);
  EXPECT_EQ(memory.liveAllocations(), 0u);
}

TEST(MemoryManagerTest, ImpossibleSizesFail) {
  MemoryManager memory;
  EXPECT_EQ(codeOf(memory.allocate(SIZE_MAX).status()),
            cudaErrorMemoryAllocation);
  EXPECT_EQ(codeOf(memory.allocate(SIZE_MAX - 100).status()),
            cudaErrorMemoryAllocation);
  EXPECT_EQ(codeOf(memory.allocate(size_t(1) << 62).status()),
            cudaErrorMemoryAllocation);
  EXPECT_EQ(memory.liveAllocations(), 0u);
}

TEST(MemoryManagerTest, FreeOnlyTakesLiveBases) {
  MemoryManager memory;
  void *ptr = *memory.allocate(64);
  EXPECT_EQ(codeOf(memory.free(nullptr)), cudaSuccess);
  EXPECT_EQ(codeOf(memory.free(static_cast<char *>(ptr) + 1)),
            cudaErrorInvalidValue);
  int onStack = 0;
  EXPECT_EQ(codeOf(memory.free(&onStack)), cudaErrorInvalidValue);
  EXPECT_EQ(codeOf(memory.free(ptr)), cudaSuccess);
  EXPECT_EQ(codeOf(memory.free(ptr)), cudaErrorInvalidValue);
  EXPECT_EQ(memory.liveAllocations(), 0u);
}

TEST(MemoryManagerTest, RangeChecksUseTheRequestedSize) {
  MemoryManager memory;
  char *ptr = static_cast<char *>(*memory.allocate(100));
  EXPECT_EQ(codeOf(memory.checkRange(ptr, 100)), cudaSuccess);
  EXPECT_EQ(codeOf(memory.checkRange(ptr + 99, 1)), cudaSuccess);
  EXPECT_EQ(codeOf(memory.checkRange(ptr + 50, 50)), cudaSuccess);
  EXPECT_EQ(codeOf(memory.checkRange(ptr, 101)), cudaErrorInvalidValue);
  EXPECT_EQ(codeOf(memory.checkRange(ptr + 50, 51)), cudaErrorInvalidValue);
  EXPECT_EQ(codeOf(memory.checkRange(ptr + 100, 1)), cudaErrorInvalidValue);
  EXPECT_EQ(codeOf(memory.checkRange(ptr - 1, 1)), cudaErrorInvalidValue);
  EXPECT_EQ(codeOf(memory.checkRange(ptr + 1, SIZE_MAX)),
            cudaErrorInvalidValue);
  EXPECT_TRUE(memory.isDevicePointer(ptr + 99));
  EXPECT_FALSE(memory.isDevicePointer(ptr + 100));
}

TEST(MemoryManagerTest, NeighbouringAllocationsStaySeparate) {
  MemoryManager memory;
  char *a = static_cast<char *>(*memory.allocate(256));
  char *b = static_cast<char *>(*memory.allocate(256));
  EXPECT_EQ(codeOf(memory.checkRange(a, 256)), cudaSuccess);
  EXPECT_EQ(codeOf(memory.checkRange(b, 256)), cudaSuccess);
  // A range may not run from one allocation into the next, even if adjacent.
  char *first = a < b ? a : b;
  EXPECT_EQ(codeOf(memory.checkRange(first + 128, 256)),
            cudaErrorInvalidValue);
}

TEST(MemoryManagerTest, CopyAndSet) {
  MemoryManager memory;
  char *device = static_cast<char *>(*memory.allocate(16));
  char host[16] = "fifteen chars..";
  char back[16] = {};
  EXPECT_EQ(codeOf(memory.copy(device, host, 16, cudaMemcpyHostToDevice)),
            cudaSuccess);
  EXPECT_EQ(codeOf(memory.copy(back, device, 16, cudaMemcpyDeviceToHost)),
            cudaSuccess);
  EXPECT_EQ(std::memcmp(host, back, 16), 0);
  EXPECT_EQ(codeOf(memory.set(device + 4, 0x141, 4)), cudaSuccess);
  EXPECT_EQ(codeOf(memory.copy(back, device, 16, cudaMemcpyDefault)),
            cudaSuccess);
  EXPECT_EQ(back[4], 0x41); // only the low byte of the value
  EXPECT_EQ(back[7], 0x41);
  EXPECT_EQ(back[8], host[8]);
}

TEST(MemoryManagerTest, CopyChecksKindFirstThenCount) {
  MemoryManager memory;
  EXPECT_EQ(codeOf(memory.copy(nullptr, nullptr, 0, 5)),
            cudaErrorInvalidMemcpyDirection);
  EXPECT_EQ(codeOf(memory.copy(nullptr, nullptr, 0, -1)),
            cudaErrorInvalidMemcpyDirection);
  EXPECT_EQ(codeOf(memory.copy(nullptr, nullptr, 0, cudaMemcpyDeviceToDevice)),
            cudaSuccess);
  EXPECT_EQ(codeOf(memory.copy(nullptr, nullptr, 1, cudaMemcpyHostToHost)),
            cudaErrorInvalidValue);
}

TEST(MemoryManagerTest, DefaultKindChecksWhatIsDevice) {
  MemoryManager memory;
  char *device = static_cast<char *>(*memory.allocate(8));
  char host[32] = {};
  EXPECT_EQ(codeOf(memory.copy(device, host, 9, cudaMemcpyDefault)),
            cudaErrorInvalidValue);
  EXPECT_EQ(codeOf(memory.copy(host, device + 4, 5, cudaMemcpyDefault)),
            cudaErrorInvalidValue);
  EXPECT_EQ(codeOf(memory.copy(host, host + 16, 16, cudaMemcpyDefault)),
            cudaSuccess);
}

TEST(MemoryManagerTest, OverlappingDeviceCopyIsAMove) {
  MemoryManager memory;
  char *device = static_cast<char *>(*memory.allocate(8));
  std::memcpy(device, "abcdefgh", 8);
  EXPECT_EQ(codeOf(memory.copy(device + 1, device, 7,
                               cudaMemcpyDeviceToDevice)),
            cudaSuccess);
  EXPECT_EQ(std::memcmp(device, "aabcdefg", 8), 0);
}

} // namespace
