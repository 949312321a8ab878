//===- FatBinaryReaderTest.cpp - Valid and malformed fat binaries ---------===//

#include "core/FatBinaryReader.h"

#include <cstddef>
#include <string>
#include <vector>

#include "FatBinaryBuilder.h"
#include "core/Status.h"
#include "gtest/gtest.h"

using namespace lingqu::rt;
using namespace lingqu::test;

namespace {

std::vector<uint8_t> bytes(const std::string &text) {
  return std::vector<uint8_t>(text.begin(), text.end());
}

std::vector<uint8_t> threeEntries() {
  return buildFatBinary({
      {"nvptx64-nvidia-cuda", LINGQU_FATBIN_KIND_PTX, bytes("ptx text")},
      {"aarch64-unknown-linux-gnu", LINGQU_FATBIN_KIND_SHARED_OBJECT,
       bytes("arm")},
      {"x86_64-unknown-linux-gnu", LINGQU_FATBIN_KIND_SHARED_OBJECT,
       bytes("x86 object")},
  });
}

cudaError_t parseError(const std::vector<uint8_t> &image) {
  return errorCodeOf(
      FatBinaryImage::parse(image.data(), image.size()).status());
}

TEST(FatBinaryReaderTest, ReadsAValidImage) {
  std::vector<uint8_t> image = threeEntries();
  absl::StatusOr<FatBinaryImage> parsed =
      FatBinaryImage::parse(image.data(), image.size());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->version(), LINGQU_FATBIN_VERSION);
  EXPECT_EQ(parsed->totalSize(), image.size());
  ASSERT_EQ(parsed->entries().size(), 3u);
  const FatBinaryEntry &ptx = parsed->entries()[0];
  EXPECT_EQ(ptx.target, "nvptx64-nvidia-cuda");
  EXPECT_EQ(ptx.kind, uint32_t(LINGQU_FATBIN_KIND_PTX));
  EXPECT_EQ(std::string(ptx.bytes.begin(), ptx.bytes.end()), "ptx text");
  const FatBinaryEntry &x86 = parsed->entries()[2];
  EXPECT_EQ(std::string(x86.bytes.begin(), x86.bytes.end()), "x86 object");
  // Entries point into the image, not into copies.
  EXPECT_GE(x86.bytes.data(), image.data());
  EXPECT_LE(x86.bytes.data() + x86.bytes.size(), image.data() + image.size());
}

TEST(FatBinaryReaderTest, TrustsTotalSizeWithoutALength) {
  std::vector<uint8_t> image = threeEntries();
  absl::StatusOr<FatBinaryImage> parsed = FatBinaryImage::parse(image.data());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->entries().size(), 3u);
}

TEST(FatBinaryReaderTest, ZeroEntriesAndUnknownKindsAreValid) {
  std::vector<uint8_t> empty = buildFatBinary({});
  EXPECT_EQ(parseError(empty), cudaSuccess);
  std::vector<uint8_t> unknown =
      buildFatBinary({{"x86_64-unknown-linux-gnu", 77, bytes("?")}});
  absl::StatusOr<FatBinaryImage> parsed =
      FatBinaryImage::parse(unknown.data(), unknown.size());
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->entries()[0].kind, 77u);
}

TEST(FatBinaryReaderTest, TargetMayFillAllItsBytes) {
  std::string longTarget(LINGQU_FATBIN_TARGET_SIZE, 'a');
  std::vector<uint8_t> image = buildFatBinary({{longTarget, 1, bytes("x")}});
  absl::StatusOr<FatBinaryImage> parsed =
      FatBinaryImage::parse(image.data(), image.size());
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->entries()[0].target, longTarget);
}

TEST(FatBinaryReaderTest, FindsTheHostSharedObject) {
  std::vector<uint8_t> image = threeEntries();
  absl::StatusOr<FatBinaryImage> parsed =
      FatBinaryImage::parse(image.data(), image.size());
  ASSERT_TRUE(parsed.ok());
  const FatBinaryEntry *entry = parsed->findEntry(
      LINGQU_FATBIN_KIND_SHARED_OBJECT, "x86_64-unknown-linux-gnu");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->target, "x86_64-unknown-linux-gnu");
  // The architecture decides; vendor and OS spellings may differ.
  entry = parsed->findEntry(LINGQU_FATBIN_KIND_SHARED_OBJECT,
                            "x86_64-pc-linux-gnu");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->target, "x86_64-unknown-linux-gnu");
  EXPECT_EQ(parsed->findEntry(LINGQU_FATBIN_KIND_SHARED_OBJECT,
                              "riscv64-unknown-linux-gnu"),
            nullptr);
  EXPECT_EQ(parsed->findEntry(LINGQU_FATBIN_KIND_SPIRV,
                              "x86_64-unknown-linux-gnu"),
            nullptr);
}

TEST(FatBinaryReaderTest, PrefersAnExactTriple) {
  std::vector<uint8_t> image = buildFatBinary({
      {"x86_64-pc-linux-gnu", 1, bytes("first")},
      {"x86_64-unknown-linux-gnu", 1, bytes("exact")},
  });
  absl::StatusOr<FatBinaryImage> parsed =
      FatBinaryImage::parse(image.data(), image.size());
  ASSERT_TRUE(parsed.ok());
  const FatBinaryEntry *entry =
      parsed->findEntry(1, "x86_64-unknown-linux-gnu");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(std::string(entry->bytes.begin(), entry->bytes.end()), "exact");
}

TEST(FatBinaryReaderTest, HostTripleMatching) {
  EXPECT_TRUE(targetMatchesHost("x86_64-unknown-linux-gnu",
                                "x86_64-unknown-linux-gnu"));
  EXPECT_TRUE(targetMatchesHost("x86_64", "x86_64-unknown-linux-gnu"));
  EXPECT_FALSE(targetMatchesHost("x86_64h-apple-darwin",
                                 "x86_64-unknown-linux-gnu"));
  EXPECT_FALSE(targetMatchesHost("i386-pc-linux-gnu",
                                 "x86_64-unknown-linux-gnu"));
  EXPECT_FALSE(targetMatchesHost("", "x86_64-unknown-linux-gnu"));
#if defined(__x86_64__)
  EXPECT_EQ(hostTriple(), "x86_64-unknown-linux-gnu");
#endif
}

TEST(FatBinaryReaderTest, RejectsNullAndShortImages) {
  EXPECT_EQ(errorCodeOf(FatBinaryImage::parse(nullptr).status()),
            cudaErrorInvalidKernelImage);
  std::vector<uint8_t> image = threeEntries();
  EXPECT_EQ(errorCodeOf(FatBinaryImage::parse(image.data(), 10).status()),
            cudaErrorInvalidKernelImage);
  // total_size promises more than the buffer holds.
  EXPECT_EQ(errorCodeOf(
                FatBinaryImage::parse(image.data(), image.size() - 1).status()),
            cudaErrorInvalidKernelImage);
}

TEST(FatBinaryReaderTest, RejectsBadMagic) {
  std::vector<uint8_t> image = threeEntries();
  image[0] = 'X';
  EXPECT_EQ(parseError(image), cudaErrorInvalidKernelImage);
  absl::Status status = FatBinaryImage::parse(image.data()).status();
  EXPECT_NE(status.message().find("magic"), absl::string_view::npos) << status;
}

TEST(FatBinaryReaderTest, RejectsBadVersion) {
  for (uint32_t version : {0u, LINGQU_FATBIN_VERSION + 1, 0xffffffffu}) {
    std::vector<uint8_t> image = threeEntries();
    patchHeader(image, offsetof(lingqu_fatbin_header, version), version);
    EXPECT_EQ(parseError(image), cudaErrorInvalidKernelImage) << version;
  }
}

TEST(FatBinaryReaderTest, RejectsTotalSizeBelowTheHeader) {
  std::vector<uint8_t> image = buildFatBinary({});
  patchHeader(image, offsetof(lingqu_fatbin_header, total_size), uint64_t(8));
  EXPECT_EQ(parseError(image), cudaErrorInvalidKernelImage);
}

TEST(FatBinaryReaderTest, RejectsAnEntryTableOutsideTheImage) {
  std::vector<uint8_t> image = threeEntries();
  patchHeader(image, offsetof(lingqu_fatbin_header, num_entries), 0xffffffffu);
  EXPECT_EQ(parseError(image), cudaErrorInvalidKernelImage);
  // Without a length too: total_size alone must stop the reader.
  EXPECT_EQ(errorCodeOf(FatBinaryImage::parse(image.data()).status()),
            cudaErrorInvalidKernelImage);
}

TEST(FatBinaryReaderTest, RejectsAnEntryOutOfBounds) {
  std::vector<uint8_t> image = threeEntries();
  // Payload runs one byte past total_size.
  uint64_t offset = 0;
  std::memcpy(&offset,
              image.data() + sizeof(lingqu_fatbin_header) +
                  2 * sizeof(lingqu_fatbin_entry) +
                  offsetof(lingqu_fatbin_entry, offset),
              sizeof(offset));
  patchEntry(image, 2, offsetof(lingqu_fatbin_entry, size),
             uint64_t(image.size() - offset + 1));
  EXPECT_EQ(parseError(image), cudaErrorInvalidKernelImage);
}

TEST(FatBinaryReaderTest, RejectsAnEntryWhoseEndWrapsAround) {
  std::vector<uint8_t> image = threeEntries();
  patchEntry(image, 0, offsetof(lingqu_fatbin_entry, size), UINT64_MAX);
  EXPECT_EQ(parseError(image), cudaErrorInvalidKernelImage);
}

TEST(FatBinaryReaderTest, RejectsAnEntryStartingPastTheImage) {
  std::vector<uint8_t> image = threeEntries();
  patchEntry(image, 1, offsetof(lingqu_fatbin_entry, offset),
             uint64_t(image.size() + 16));
  patchEntry(image, 1, offsetof(lingqu_fatbin_entry, size), uint64_t(0));
  EXPECT_EQ(parseError(image), cudaErrorInvalidKernelImage);
}

TEST(FatBinaryReaderTest, RejectsAPayloadOverlappingTheTable) {
  std::vector<uint8_t> image = threeEntries();
  patchEntry(image, 0, offsetof(lingqu_fatbin_entry, offset), uint64_t(16));
  EXPECT_EQ(parseError(image), cudaErrorInvalidKernelImage);
}

TEST(FatBinaryReaderTest, RejectsAMisalignedPayload) {
  std::vector<uint8_t> image = threeEntries();
  uint64_t offset = 0;
  std::memcpy(&offset,
              image.data() + sizeof(lingqu_fatbin_header) +
                  offsetof(lingqu_fatbin_entry, offset),
              sizeof(offset));
  patchEntry(image, 0, offsetof(lingqu_fatbin_entry, offset), offset + 1);
  patchEntry(image, 0, offsetof(lingqu_fatbin_entry, size), uint64_t(1));
  EXPECT_EQ(parseError(image), cudaErrorInvalidKernelImage);
}

TEST(FatBinaryReaderTest, ReadsAnUnalignedImage) {
  std::vector<uint8_t> image = threeEntries();
  std::vector<uint8_t> shifted(image.size() + 1);
  std::memcpy(shifted.data() + 1, image.data(), image.size());
  absl::StatusOr<FatBinaryImage> parsed =
      FatBinaryImage::parse(shifted.data() + 1, image.size());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->entries().size(), 3u);
}

} // namespace
