//===- RelocatableDeviceCode.h - Inputs and output of the device link -----===//
//
// Relocatable device code (-rdc=true, -dc) travels in host objects: each
// holds its unit's device bitcode in a __nv_relfatbin section and calls
// __cudaRegisterLinkedBinary_<id> from its constructor. The device link
// reads the former from objects and archives and defines the latter.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_DRIVER_RELOCATABLEDEVICECODE_H
#define LINGQU_DRIVER_RELOCATABLEDEVICECODE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace lingqu {

/// What the inputs of a link hold for the device link.
struct RelocatableDeviceCode {
  /// Each unit's device side (NVPTX LLVM bitcode) and where it came from.
  struct Unit {
    std::string origin; // file, or archive(member)
    std::string bitcode;
  };
  std::vector<Unit> units;
  /// Module ids whose __cudaRegisterLinkedBinary_<id> a unit calls and no
  /// input defines (an earlier -dlink's object defines its own).
  std::vector<std::string> unresolvedModuleIds;
};

/// Reads the objects and archives at `paths` (others, such as shared
/// libraries, are skipped). Fails, naming the file, on a malformed image or
/// on device code compiled by NVIDIA's nvcc.
llvm::Expected<RelocatableDeviceCode>
readRelocatableDeviceCode(llvm::ArrayRef<std::string> paths);

/// C source of the device link's object: it embeds the fat binary at
/// `imagePath` and defines __cudaRegisterLinkedBinary_<id> for each id.
std::string registrationSource(llvm::ArrayRef<std::string> moduleIds,
                               llvm::StringRef imagePath);

} // namespace lingqu

#endif // LINGQU_DRIVER_RELOCATABLEDEVICECODE_H
