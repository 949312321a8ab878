//===- FatBinaryReader.cpp - Validating reader for Lingqu fat binaries ----===//

#include "core/FatBinaryReader.h"

#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/Status.h"
#include "lingqu/ABI/FatBinary.h"

using namespace lingqu::rt;

static_assert(sizeof(lingqu_fatbin_header) == 24, "fat binary header layout");
static_assert(sizeof(lingqu_fatbin_entry) == 72, "fat binary entry layout");

namespace {
absl::Status malformed(absl::string_view why) {
  return makeError(cudaErrorInvalidKernelImage,
                   absl::StrCat("malformed fat binary: ", why));
}

absl::string_view archOf(absl::string_view triple) {
  return triple.substr(0, triple.find('-'));
}
} // namespace

absl::StatusOr<FatBinaryImage>
FatBinaryImage::parse(const void *data, std::optional<size_t> available) {
  // 1. The header: readable, right magic and version, a plausible size.
  // 2. The entry table: fits after the header, inside total_size.
  // 3. Each payload: aligned, after the table, inside total_size.
  // Fields are copied out with memcpy: the image need not be aligned.
  if (data == nullptr)
    return malformed("null image");
  const auto *base = static_cast<const uint8_t *>(data);
  if (available && *available < sizeof(lingqu_fatbin_header))
    return malformed("shorter than its header");

  lingqu_fatbin_header header;
  std::memcpy(&header, base, sizeof(header));
  if (std::memcmp(header.magic, LINGQU_FATBIN_MAGIC,
                  LINGQU_FATBIN_MAGIC_SIZE) != 0)
    return malformed("bad magic");
  if (header.version != LINGQU_FATBIN_VERSION)
    return malformed(absl::StrFormat("version %u, this runtime reads %u",
                                     header.version, LINGQU_FATBIN_VERSION));
  if (header.total_size < sizeof(header))
    return malformed("total_size smaller than the header");
  if (available && header.total_size > *available)
    return malformed(absl::StrFormat("total_size %u exceeds the %u bytes given",
                                     header.total_size, *available));

  // num_entries is 32-bit and an entry 72 bytes: no 64-bit overflow here.
  uint64_t tableEnd = sizeof(header) + uint64_t(header.num_entries) *
                                           sizeof(lingqu_fatbin_entry);
  if (tableEnd > header.total_size)
    return malformed(absl::StrFormat("%u entries do not fit in %u bytes",
                                     header.num_entries, header.total_size));

  FatBinaryImage image;
  image.version_ = header.version;
  image.totalSize_ = header.total_size;
  image.entries_.reserve(header.num_entries);
  for (uint32_t i = 0; i < header.num_entries; ++i) {
    lingqu_fatbin_entry entry;
    std::memcpy(&entry, base + sizeof(header) + i * sizeof(entry),
                sizeof(entry));
    // Subtraction, not offset + size, so a huge size cannot wrap around.
    if (entry.offset < tableEnd || entry.offset > header.total_size ||
        entry.size > header.total_size - entry.offset)
      return malformed(absl::StrFormat(
          "entry %u (offset %u, size %u) is outside the image", i,
          entry.offset, entry.size));
    if (entry.offset % LINGQU_FATBIN_PAYLOAD_ALIGN != 0)
      return malformed(absl::StrFormat("entry %u payload is not %u-aligned", i,
                                       LINGQU_FATBIN_PAYLOAD_ALIGN));
    // NUL-padded; a triple may use all LINGQU_FATBIN_TARGET_SIZE bytes.
    const char *target = reinterpret_cast<const char *>(
        base + sizeof(header) + i * sizeof(entry) +
        offsetof(lingqu_fatbin_entry, target));
    size_t targetLength = strnlen(target, LINGQU_FATBIN_TARGET_SIZE);
    image.entries_.push_back(FatBinaryEntry{
        absl::string_view(target, targetLength), entry.kind,
        absl::Span<const uint8_t>(base + entry.offset, entry.size)});
  }
  return image;
}

const FatBinaryEntry *
FatBinaryImage::findEntry(uint32_t kind, absl::string_view host) const {
  const FatBinaryEntry *archMatch = nullptr;
  for (const FatBinaryEntry &entry : entries_) {
    if (entry.kind != kind)
      continue;
    if (entry.target == host)
      return &entry;
    if (!archMatch && targetMatchesHost(entry.target, host))
      archMatch = &entry;
  }
  return archMatch;
}

absl::string_view lingqu::rt::hostTriple() {
#if defined(__x86_64__)
  return "x86_64-unknown-linux-gnu";
#elif defined(__aarch64__)
  return "aarch64-unknown-linux-gnu";
#elif defined(__riscv) && __riscv_xlen == 64
  return "riscv64-unknown-linux-gnu";
#else
#error "unsupported host architecture for the Lingqu runtime"
#endif
}

bool lingqu::rt::targetMatchesHost(absl::string_view target,
                                   absl::string_view host) {
  return !target.empty() && archOf(target) == archOf(host);
}
