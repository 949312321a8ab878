//===- VectorMath.cpp - Vector forms of math calls in kernels -------------===//
//
// Thread loops that call math functions vectorise only if the vectoriser
// knows a vector form of each function. glibc's libmvec is within 4 ulp,
// more than CUDA allows (logf 1 ulp, exp 1 ulp); SLEEF's "u10" functions
// are within 1.0 ulp (erfc 1.5, hypot 0.5), inside every bound CUDA
// documents for them. These are SLEEF's x86 dispatchers, which pick the
// best implementation for the running CPU.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Target/CPUTarget.h"

#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/TargetParser/Triple.h"

#include <deque>
#include <string>
#include <vector>

using namespace lingqu;

namespace {
struct Entry {
  const char *name;   // the C library's, double precision
  const char *suffix; // SLEEF's accuracy suffix
  unsigned arity;
};

constexpr Entry kFunctions[] = {
    {"sin", "_u10", 1},   {"cos", "_u10", 1},   {"tan", "_u10", 1},
    {"asin", "_u10", 1},  {"acos", "_u10", 1},  {"atan", "_u10", 1},
    {"sinh", "_u10", 1},  {"cosh", "_u10", 1},  {"tanh", "_u10", 1},
    {"asinh", "_u10", 1}, {"acosh", "_u10", 1}, {"atanh", "_u10", 1},
    {"exp", "_u10", 1},   {"exp2", "_u10", 1},  {"exp10", "_u10", 1},
    {"expm1", "_u10", 1}, {"log", "_u10", 1},   {"log2", "_u10", 1},
    {"log10", "_u10", 1}, {"log1p", "_u10", 1}, {"cbrt", "_u10", 1},
    {"erf", "_u10", 1},   {"erfc", "_u15", 1},  {"tgamma", "_u10", 1},
    {"lgamma", "_u10", 1}, {"pow", "_u10", 2},  {"atan2", "_u10", 2},
    {"hypot", "_u05", 2}, {"fmod", "", 2},
};

/// Owns the names the library info refers to (a deque: they never move).
struct Names {
  std::deque<std::string> strings;
  llvm::StringRef keep(std::string s) {
    strings.push_back(std::move(s));
    return strings.back();
  }
};
} // namespace

void lingqu::addVectorMathFunctions(llvm::TargetLibraryInfoImpl &info,
                                    const llvm::Triple &triple) {
  if (!triple.isX86() || !triple.isOSLinux())
    return;
  static Names *names = new Names;
  static std::vector<llvm::VecDesc> descriptions = [] {
    std::vector<llvm::VecDesc> all;
    for (const Entry &f : kFunctions)
      for (bool single : {true, false})
        for (unsigned lanes : {4u, 8u, 16u}) {
          unsigned width = lanes * (single ? 32 : 64);
          if (width < 128 || width > 512)
            continue;
          std::string scalar = std::string(f.name) + (single ? "f" : "");
          std::string vector = "Sleef_" + std::string(f.name) +
                               (single ? "f" : "d") + std::to_string(lanes) +
                               f.suffix;
          std::string abi = "_ZGV_LLVM_N" + std::to_string(lanes) +
                            std::string(f.arity, 'v');
          all.emplace_back(names->keep(scalar), names->keep(vector),
                           llvm::ElementCount::getFixed(lanes),
                           /*Masked=*/false, names->keep(abi), std::nullopt);
        }
    return all;
  }();
  info.addVectorizableFunctions(descriptions);
}
