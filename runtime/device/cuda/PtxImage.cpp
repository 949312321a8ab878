//===- PtxImage.cpp - Choosing and checking a module's PTX ----------------===//

#include "device/cuda/PtxImage.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "core/Status.h"
#include "lingqu/ABI/FatBinary.h"

using namespace lingqu::rt;

namespace {
/// 90 for "nvptx64-nvidia-cuda:sm_90", -1 for anything else.
int archOf(absl::string_view target) {
  absl::string_view sm = target;
  if (!absl::ConsumePrefix(&sm, "nvptx64-nvidia-cuda:sm_"))
    return -1;
  int arch = -1;
  return absl::SimpleAtoi(sm, &arch) ? arch : -1;
}
} // namespace

absl::StatusOr<const Module::DeviceImage *>
lingqu::rt::cuda_plugin::pickPtx(const std::vector<Module::DeviceImage> &images,
                                 int arch, absl::string_view kernel) {
  const Module::DeviceImage *best = nullptr;
  std::vector<std::string> found;
  for (const Module::DeviceImage &image : images) {
    if (image.kind != LINGQU_FATBIN_KIND_PTX)
      continue;
    int a = archOf(image.target);
    found.push_back(image.target);
    if (a >= 0 && a <= arch && (best == nullptr || a > archOf(best->target)))
      best = &image;
  }
  if (best != nullptr)
    return best;
  return makeError(
      cudaErrorNoKernelImageForDevice,
      absl::StrCat("kernel '", kernel, "': no PTX for sm_", arch,
                   " or older in its fat binary (",
                   found.empty()
                       ? "built without --offload-arch=sm_XX"
                       : absl::StrCat("it has ", absl::StrJoin(found, ", ")),
                   ")"));
}

absl::Status
lingqu::rt::cuda_plugin::refuseUnsupported(absl::string_view ptx,
                                           absl::string_view kernel) {
  for (absl::string_view line : absl::StrSplit(ptx, '\n')) {
    // Module scope: directives at the start of a line (a kernel's body is
    // indented, and .shared variables are per block anyway).
    absl::string_view d = line;
    absl::ConsumePrefix(&d, ".visible ") || absl::ConsumePrefix(&d, ".weak ") ||
        absl::ConsumePrefix(&d, ".extern ");
    if (!absl::StartsWith(d, ".global ") && !absl::StartsWith(d, ".const "))
      continue;
    // The variable's name: the last word before '[', '=' or ';'. The
    // compiler's own constants (printf's format strings) are fine.
    absl::string_view decl = d.substr(0, d.find_first_of("[=;"));
    decl = absl::StripTrailingAsciiWhitespace(decl);
    absl::string_view name = decl.substr(decl.find_last_of(" \t") + 1);
    if (absl::StartsWith(name, "_$_str") || absl::StartsWith(name, "$str") ||
        absl::StartsWith(name, "__unnamed_"))
      continue;
    return makeError(
        cudaErrorNotSupported,
        absl::StrCat("kernel '", kernel, "': its module has the __device__ or ",
                     "__constant__ variable '", name,
                     "', which the cuda plugin does not place on the GPU yet"));
  }
  return absl::OkStatus();
}
