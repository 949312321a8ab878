//===- TargetRegistry.h - The targets lqcc knows ----------------*- C++ -*-===//
//
// One entry per backend: what it is called on lqcc's command line, whether
// it collapses CUDA's threads into loops (CPUs, vector cores) or keeps them
// (GPUs), the fat-binary entry it makes and the runtime plugin that runs
// it. A vendor adds a target by adding an entry and its code generation.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_TARGET_TARGETREGISTRY_H
#define LINGQU_TARGET_TARGETREGISTRY_H

#include "lingqu/ABI/FatBinary.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace lingqu {

enum class TargetKind { SIMTCollapsing, SIMTPreserving };

struct TargetDescription {
  llvm::StringRef name;     // "x86_64", "ptx", ...
  TargetKind kind;
  llvm::StringRef selects;  // how the command line selects it
  lingqu_fatbin_kind entry; // what it adds to the fat binary
  llvm::StringRef plugin;   // the runtime device plugin that runs it
  bool available;           // false: known, not implemented yet
  llvm::StringRef note;
};

/// Every target, the host CPU first.
llvm::ArrayRef<TargetDescription> targets();

/// The target of an --offload-arch value (sm_90 -> ptx), or null.
const TargetDescription *offloadTarget(llvm::StringRef arch);

/// The CPU target of a --target triple (aarch64-linux-gnu -> aarch64), or
/// null.
const TargetDescription *cpuTarget(llvm::StringRef triple);

/// The --list-targets text.
std::string describeTargets();

} // namespace lingqu

#endif // LINGQU_TARGET_TARGETREGISTRY_H
