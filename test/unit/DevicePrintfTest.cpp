//===- DevicePrintfTest.cpp - printf from device code ---------------------===//
//
// Argument buffers are laid out here as Clang lays them out for vprintf:
// promoted arguments in order, each at its natural alignment.

#include "core/DevicePrintf.h"

#include <cstdint>
#include <cstring>
#include <vector>

#include "gtest/gtest.h"

namespace {

using lingqu::rt::appendDeviceOutput;
using lingqu::rt::flushDeviceOutput;
using lingqu::rt::formatDevicePrintf;
using lingqu::rt::OutputSink;
using lingqu::rt::setDeviceOutputCapacity;

class Args {
public:
  template <typename T> Args &add(T value) {
    size_t offset = (bytes_.size() + sizeof(T) - 1) / sizeof(T) * sizeof(T);
    bytes_.resize(offset + sizeof(T));
    std::memcpy(bytes_.data() + offset, &value, sizeof(T));
    return *this;
  }
  const char *data() const { return bytes_.data(); }

private:
  std::vector<char> bytes_;
};

TEST(DevicePrintfTest, FormatsEachConversionAtItsAlignment) {
  Args args;
  args.add<int32_t>(-7).add<double>(1.5).add<const char *>("str")
      .add<int32_t>('Q').add<int64_t>(-9000000000LL).add<int32_t>(0x1ff);
  auto out = formatDevicePrintf("%d %.2f %s %c %lld %hhx %%", args.data());
  EXPECT_EQ(out.text, "-7 1.50 str Q -9000000000 ff %");
  EXPECT_EQ(out.arguments, 6);
}

TEST(DevicePrintfTest, AdjacentIntsArePacked) {
  Args args;
  args.add<int32_t>(1).add<int32_t>(2).add<int64_t>(3);
  EXPECT_EQ(formatDevicePrintf("%d %u %lu", args.data()).text, "1 2 3");
}

TEST(DevicePrintfTest, StarWidthAndPrecisionReadInts) {
  Args args;
  args.add<int32_t>(6).add<int32_t>(2).add<double>(3.14159)
      .add<int32_t>(-1).add<double>(2.5);
  auto out = formatDevicePrintf("[%*.*f][%.*f]", args.data());
  EXPECT_EQ(out.text, "[  3.14][2.500000]"); // a negative precision is omitted
  EXPECT_EQ(out.arguments, 5);
}

TEST(DevicePrintfTest, FlagsWidthsAndOtherConversions) {
  Args args;
  args.add<int32_t>(42).add<int32_t>(42).add<double>(1e-5).add<double>(255.0)
      .add<void *>(nullptr).add<const char *>(nullptr).add<uint64_t>(~0ull);
  EXPECT_EQ(formatDevicePrintf("%-5d|%+05i|%E|%a|%p|%s|%zu", args.data()).text,
            "42   |+0042|1.000000E-05|0x1.fep+7|(nil)|(null)|"
            "18446744073709551615");
}

TEST(DevicePrintfTest, NoArgumentsReturnsZero) {
  auto out = formatDevicePrintf("plain text\n", nullptr);
  EXPECT_EQ(out.text, "plain text\n");
  EXPECT_EQ(out.arguments, 0);
}

TEST(DevicePrintfTest, NullFormatReturnsMinusOne) {
  auto out = formatDevicePrintf(nullptr, nullptr);
  EXPECT_EQ(out.text, "");
  EXPECT_EQ(out.arguments, -1);
}

TEST(DevicePrintfTest, MalformedConversionIsPrintedAsWritten) {
  Args args;
  args.add<int32_t>(5);
  auto out = formatDevicePrintf("%y %d %", args.data());
  EXPECT_EQ(out.text, "%y 5 %");
  EXPECT_EQ(out.arguments, 1);
}

TEST(DevicePrintfTest, ConversionsPastThirtyTwoArgumentsAreNotRead) {
  Args args;
  std::string format;
  for (int i = 0; i < 33; ++i) {
    args.add<int32_t>(i);
    format += "%d,";
  }
  auto out = formatDevicePrintf(format.c_str(), args.data());
  std::string expected;
  for (int i = 0; i < 32; ++i)
    expected += std::to_string(i) + ",";
  EXPECT_EQ(out.text, expected + "%d,");
  EXPECT_EQ(out.arguments, 32);
}

TEST(DevicePrintfTest, LongOutputIsNotTruncated) {
  std::string big(1000, 'x');
  Args args;
  args.add<const char *>(big.c_str());
  EXPECT_EQ(formatDevicePrintf("<%s>", args.data()).text, "<" + big + ">");
}

TEST(DevicePrintfTest, FlushWritesInOrderAndEmpties) {
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  appendDeviceOutput("one\n");
  appendDeviceOutput("assertion\n", OutputSink::Stderr);
  appendDeviceOutput("two\n");
  flushDeviceOutput();
  flushDeviceOutput(); // nothing left
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "one\ntwo\n");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "assertion\n");
}

TEST(DevicePrintfTest, AFullBufferKeepsTheNewestOutput) {
  setDeviceOutputCapacity(10);
  testing::internal::CaptureStdout();
  appendDeviceOutput("aaaa\n");
  appendDeviceOutput("bbbb\n");
  appendDeviceOutput("cccc\n"); // 15 bytes: the oldest line goes
  flushDeviceOutput();
  setDeviceOutputCapacity(size_t(1) << 20);
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "bbbb\ncccc\n");
}

} // namespace
