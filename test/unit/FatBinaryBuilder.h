//===- FatBinaryBuilder.h - Test helper: pack fat binary images -*- C++ -*-===//
//
// Writes images in the layout of lingqu/ABI/FatBinary.h, and lets a test
// corrupt one field at a time to check that the reader refuses it.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_TEST_UNIT_FATBINARYBUILDER_H
#define LINGQU_TEST_UNIT_FATBINARYBUILDER_H

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "lingqu/ABI/FatBinary.h"

namespace lingqu::test {

struct EntrySpec {
  std::string target;
  uint32_t kind = LINGQU_FATBIN_KIND_SHARED_OBJECT;
  std::vector<uint8_t> bytes;
};

/// A well-formed image holding `entries`, payloads in order and aligned.
inline std::vector<uint8_t>
buildFatBinary(const std::vector<EntrySpec> &entries) {
  auto alignUp = [](uint64_t v) {
    return (v + LINGQU_FATBIN_PAYLOAD_ALIGN - 1) / LINGQU_FATBIN_PAYLOAD_ALIGN *
           LINGQU_FATBIN_PAYLOAD_ALIGN;
  };
  uint64_t offset = alignUp(sizeof(lingqu_fatbin_header) +
                            entries.size() * sizeof(lingqu_fatbin_entry));
  std::vector<lingqu_fatbin_entry> table;
  for (const EntrySpec &spec : entries) {
    lingqu_fatbin_entry entry = {};
    std::strncpy(entry.target, spec.target.c_str(), LINGQU_FATBIN_TARGET_SIZE);
    entry.kind = spec.kind;
    entry.offset = offset;
    entry.size = spec.bytes.size();
    table.push_back(entry);
    offset = alignUp(offset + spec.bytes.size());
  }
  std::vector<uint8_t> image(offset, 0);
  lingqu_fatbin_header header = {};
  std::memcpy(header.magic, LINGQU_FATBIN_MAGIC, LINGQU_FATBIN_MAGIC_SIZE);
  header.version = LINGQU_FATBIN_VERSION;
  header.num_entries = uint32_t(entries.size());
  header.total_size = image.size();
  std::memcpy(image.data(), &header, sizeof(header));
  for (size_t i = 0; i < table.size(); ++i) {
    std::memcpy(image.data() + sizeof(header) + i * sizeof(lingqu_fatbin_entry),
                &table[i], sizeof(lingqu_fatbin_entry));
    if (!entries[i].bytes.empty())
      std::memcpy(image.data() + table[i].offset, entries[i].bytes.data(),
                  entries[i].bytes.size());
  }
  return image;
}

/// Overwrites the header field at `offset` (use offsetof) with `value`.
template <typename T>
void patchHeader(std::vector<uint8_t> &image, size_t offset, T value) {
  std::memcpy(image.data() + offset, &value, sizeof(value));
}

/// Overwrites field `offset` of entry `index` with `value`.
template <typename T>
void patchEntry(std::vector<uint8_t> &image, size_t index, size_t offset,
                T value) {
  std::memcpy(image.data() + sizeof(lingqu_fatbin_header) +
                  index * sizeof(lingqu_fatbin_entry) + offset,
              &value, sizeof(value));
}

/// The bytes of a file (the fake kernel module); empty if unreadable.
inline std::vector<uint8_t> readFile(const char *path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in),
                              std::istreambuf_iterator<char>());
}

/// The fake kernel module (FakeKernel.c), built next to the tests.
inline std::vector<uint8_t> fakeKernelModule() {
  return readFile(LINGQU_FAKE_KERNEL_PATH);
}

} // namespace lingqu::test

#endif // LINGQU_TEST_UNIT_FATBINARYBUILDER_H
