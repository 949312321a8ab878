//===- TargetRegistry.cpp - The targets lqcc knows ------------------------===//

#include "lingqu/Target/TargetRegistry.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Triple.h"

using namespace lingqu;

static constexpr TargetDescription kTargets[] = {
    {"x86_64", TargetKind::SIMTCollapsing, "the host (default)",
     LINGQU_FATBIN_KIND_SHARED_OBJECT, "cpu", true,
     "threads as vectorised loops, blocks on oneTBB"},
    {"aarch64", TargetKind::SIMTCollapsing, "--target=aarch64-linux-gnu",
     LINGQU_FATBIN_KIND_SHARED_OBJECT, "cpu", true,
     "runtime: make cross-runtime; runs under qemu-user (make check-cross)"},
    {"riscv64", TargetKind::SIMTCollapsing, "--target=riscv64-linux-gnu",
     LINGQU_FATBIN_KIND_SHARED_OBJECT, "cpu", true,
     "runtime: make cross-runtime; runs under qemu-user (make check-cross)"},
    {"loongarch64", TargetKind::SIMTCollapsing,
     "--target=loongarch64-linux-gnu", LINGQU_FATBIN_KIND_SHARED_OBJECT, "cpu",
     true, "device code only (-fatbin): Debian 12 has no LoongArch sysroot"},
    {"ptx", TargetKind::SIMTPreserving, "--offload-arch=sm_XX",
     LINGQU_FATBIN_KIND_PTX, "cuda", true,
     "PTX for NVIDIA GPUs; LINGQU_PLUGIN=cuda runs it (managed memory)"},
    {"amdgpu", TargetKind::SIMTPreserving, "--offload-arch=gfx90a|gfx942",
     LINGQU_FATBIN_KIND_CODE_OBJECT, "-", true,
     "HSA code objects (no warp-level ops); no plugin runs them yet"},
    {"spirv64", TargetKind::SIMTPreserving, "--offload-arch=spirv64",
     LINGQU_FATBIN_KIND_SPIRV, "-", true,
     "OpenCL SPIR-V (no warp-level ops); no plugin runs it yet"},
};

llvm::ArrayRef<TargetDescription> lingqu::targets() { return kTargets; }

static const TargetDescription *byName(llvm::StringRef name) {
  for (const TargetDescription &t : kTargets)
    if (t.name == name)
      return &t;
  return nullptr;
}

const TargetDescription *lingqu::offloadTarget(llvm::StringRef arch) {
  llvm::StringRef digits = arch;
  if (digits.consume_front("sm_")) {
    digits.consume_back("a");
    unsigned cc;
    if (!digits.getAsInteger(10, cc) && cc >= 50 && cc <= 121)
      return byName("ptx");
    return nullptr;
  }
  if (arch == "gfx90a" || arch == "gfx942")
    return byName("amdgpu");
  if (arch == "spirv64")
    return byName("spirv64");
  return nullptr;
}

const TargetDescription *lingqu::cpuTarget(llvm::StringRef tripleName) {
  llvm::Triple triple(llvm::Triple::normalize(tripleName));
  if (!triple.isOSLinux())
    return nullptr;
  switch (triple.getArch()) {
  case llvm::Triple::x86_64:
    return byName("x86_64");
  case llvm::Triple::aarch64:
    return byName("aarch64");
  case llvm::Triple::riscv64:
    return byName("riscv64");
  case llvm::Triple::loongarch64:
    return byName("loongarch64");
  default:
    return nullptr;
  }
}

static llvm::StringRef entryName(lingqu_fatbin_kind kind) {
  switch (kind) {
  case LINGQU_FATBIN_KIND_SHARED_OBJECT:
    return "shared object";
  case LINGQU_FATBIN_KIND_PTX:
    return "PTX";
  case LINGQU_FATBIN_KIND_CODE_OBJECT:
    return "code object";
  case LINGQU_FATBIN_KIND_SPIRV:
    return "SPIR-V";
  case LINGQU_FATBIN_KIND_LLVM_BITCODE:
    return "LLVM bitcode";
  }
  return "?";
}

std::string lingqu::describeTargets() {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format("%-12s %-11s %-32s %-14s %-7s %s\n", "target", "threads",
                     "selected by", "entry", "plugin", "status");
  for (const TargetDescription &t : kTargets)
    os << llvm::format(
        "%-12s %-11s %-32s %-14s %-7s %s\n", t.name.str().c_str(),
        t.kind == TargetKind::SIMTCollapsing ? "collapsed" : "kept",
        t.selects.str().c_str(), entryName(t.entry).str().c_str(),
        t.plugin.str().c_str(),
        (t.available ? t.note : llvm::StringRef("not supported yet"))
            .str()
            .c_str());
  return text;
}
