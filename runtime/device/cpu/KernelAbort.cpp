//===- KernelAbort.cpp - Ending a kernel from its device code -------------===//

#include "device/cpu/KernelAbort.h"

#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/Status.h"

using namespace lingqu::rt::cpu;

namespace {
AbortHandler *&current() {
  thread_local AbortHandler *handler = nullptr;
  return handler;
}
} // namespace

ScopedAbortHandler::ScopedAbortHandler(AbortHandler *handler)
    : previous_(current()) {
  current() = handler;
}

ScopedAbortHandler::~ScopedAbortHandler() { current() = previous_; }

void lingqu::rt::cpu::abortKernel(absl::Status why) {
  if (AbortHandler *handler = current())
    handler->abort(std::move(why));
  std::fprintf(stderr, "lingqu: %s outside a kernel\n",
               std::string(why.message()).c_str());
  std::abort();
}

std::string lingqu::rt::cpu::describeBlock(const char *kernelName,
                                           const uint32_t blockIdx[3]) {
  int status = 0;
  char *text = abi::__cxa_demangle(kernelName, nullptr, nullptr, &status);
  std::string result = absl::StrFormat(
      "kernel '%s' block (%u,%u,%u)", status == 0 && text ? text : kernelName,
      blockIdx[0], blockIdx[1], blockIdx[2]);
  std::free(text);
  return result;
}

absl::Status lingqu::rt::cpu::abortedBlock(const absl::Status &why,
                                           const char *kernelName,
                                           const uint32_t blockIdx[3]) {
  if (isCancellation(why))
    return why;
  return makeError(errorCodeOf(why),
                   absl::StrCat(describeBlock(kernelName, blockIdx), " ",
                                why.message()));
}
