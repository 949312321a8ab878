//===- FatBinaryReader.h - Reader for Lingqu fat binaries -------*- C++ -*-===//
//
// Reads the image laid out in lingqu/ABI/FatBinary.h. Every size and offset
// is checked against total_size before anything is touched, so a malformed
// image is an error (cudaErrorInvalidKernelImage), never a crash. The
// reader copies nothing: entries point into the caller's image, which must
// outlive them (a registered image lives in the program's data section).
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_FATBINARYREADER_H
#define LINGQU_RUNTIME_CORE_FATBINARYREADER_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace lingqu::rt {

/// One entry of a validated image.
struct FatBinaryEntry {
  absl::string_view target; ///< LLVM triple, without the NUL padding
  uint32_t kind = 0;        ///< lingqu_fatbin_kind (unknown kinds are kept)
  absl::Span<const uint8_t> bytes;
};

/// A validated view of one fat binary image.
class FatBinaryImage {
public:
  /// Validates the image at `data`. `available` is the number of readable
  /// bytes when the caller knows it; without it, total_size is trusted once
  /// the header itself has been checked (Clang's wrapper carries no length).
  static absl::StatusOr<FatBinaryImage>
  parse(const void *data, std::optional<size_t> available = std::nullopt);

  uint32_t version() const { return version_; }
  uint64_t totalSize() const { return totalSize_; }
  const std::vector<FatBinaryEntry> &entries() const { return entries_; }

  /// The entry of `kind` built for `hostTriple`: an exact triple match if
  /// there is one, else the first whose architecture matches (the compiler
  /// writes full triples, whose vendor/OS spelling may differ). Null if none.
  const FatBinaryEntry *findEntry(uint32_t kind,
                                  absl::string_view hostTriple) const;

private:
  uint32_t version_ = 0;
  uint64_t totalSize_ = 0;
  std::vector<FatBinaryEntry> entries_;
};

/// The triple of the machine the runtime was built for, e.g.
/// "x86_64-unknown-linux-gnu".
absl::string_view hostTriple();

/// True if `target` can run on `host`: same architecture (the triple's first
/// component), so "x86_64-pc-linux-gnu" matches "x86_64-unknown-linux-gnu".
bool targetMatchesHost(absl::string_view target, absl::string_view host);

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_FATBINARYREADER_H
