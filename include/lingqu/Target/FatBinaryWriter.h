//===- FatBinaryWriter.h - Write Lingqu fat binaries ------------*- C++ -*-===//
#ifndef LINGQU_TARGET_FATBINARYWRITER_H
#define LINGQU_TARGET_FATBINARYWRITER_H

#include "lingqu/ABI/FatBinary.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>

namespace lingqu {

struct FatBinaryEntry {
  std::string target; // LLVM triple
  lingqu_fatbin_kind kind;
  std::string bytes;
};

/// The fat binary v1 image of `entries` (see docs/fatbinary.md).
std::string writeFatBinary(llvm::ArrayRef<FatBinaryEntry> entries);

} // namespace lingqu

#endif // LINGQU_TARGET_FATBINARYWRITER_H
