//===- FatBinaryWriter.cpp - Write Lingqu fat binaries --------------------===//

#include "lingqu/Target/FatBinaryWriter.h"

#include "llvm/Support/MathExtras.h"

#include <cstring>

using namespace lingqu;

std::string lingqu::writeFatBinary(llvm::ArrayRef<FatBinaryEntry> entries) {
  // Header and entry table first, payloads after, each aligned.
  uint64_t offset = sizeof(lingqu_fatbin_header) +
                    entries.size() * sizeof(lingqu_fatbin_entry);
  std::vector<lingqu_fatbin_entry> table(entries.size());
  for (auto [entry, row] : llvm::zip(entries, table)) {
    std::memset(&row, 0, sizeof(row));
    std::strncpy(row.target, entry.target.c_str(),
                 LINGQU_FATBIN_TARGET_SIZE - 1);
    row.kind = entry.kind;
    offset = llvm::alignTo(offset, LINGQU_FATBIN_PAYLOAD_ALIGN);
    row.offset = offset;
    row.size = entry.bytes.size();
    offset += entry.bytes.size();
  }

  lingqu_fatbin_header header;
  std::memset(&header, 0, sizeof(header));
  std::memcpy(header.magic, LINGQU_FATBIN_MAGIC, LINGQU_FATBIN_MAGIC_SIZE);
  header.version = LINGQU_FATBIN_VERSION;
  header.num_entries = entries.size();
  header.total_size = offset;

  std::string image(offset, '\0');
  std::memcpy(image.data(), &header, sizeof(header));
  std::memcpy(image.data() + sizeof(header), table.data(),
              table.size() * sizeof(lingqu_fatbin_entry));
  for (auto [entry, row] : llvm::zip(entries, table))
    std::memcpy(image.data() + row.offset, entry.bytes.data(),
                entry.bytes.size());
  return image;
}
