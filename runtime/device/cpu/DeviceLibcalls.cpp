//===- DeviceLibcalls.cpp - What device code calls in the runtime ---------===//
//
// The CPU device's side of printf, assert() and __trap() in kernels. The
// compiler binds the calls here (BindDeviceLibcalls, lingqu_device_assert.h).
//
//===----------------------------------------------------------------------===//

#include "absl/strings/str_format.h"
#include "core/DevicePrintf.h"
#include "core/Status.h"
#include "device/cpu/KernelAbort.h"

using namespace lingqu::rt;

#define LINGQU_EXPORT extern "C" __attribute__((visibility("default")))

/// printf(format, ...) in device code, as Clang lowers it.
LINGQU_EXPORT int __lingqu_vprintf(const char *format, const char *args) {
  FormattedPrintf printed = formatDevicePrintf(format, args);
  if (!printed.text.empty())
    appendDeviceOutput(std::move(printed.text));
  return printed.arguments;
}

/// A failed assert(): CUDA's message, shown at the next synchronisation,
/// and the kernel ends with cudaErrorAssert, which sticks to the context.
LINGQU_EXPORT void __lingqu_assert_fail(const char *assertion, const char *file,
                                        unsigned line, const char *function,
                                        unsigned bx, unsigned by, unsigned bz,
                                        unsigned tx, unsigned ty, unsigned tz) {
  appendDeviceOutput(
      absl::StrFormat("%s:%u: %s: block: [%u,%u,%u], thread: [%u,%u,%u] "
                      "Assertion `%s` failed.\n",
                      file, line, function, bx, by, bz, tx, ty, tz, assertion),
      OutputSink::Stderr);
  // Built first: temporaries of the call's full expression would never be
  // destroyed, since abortKernel does not return.
  absl::Status why = makeError(
      cudaErrorAssert,
      absl::StrFormat("thread (%u,%u,%u) failed an assertion", tx, ty, tz));
  cpu::abortKernel(std::move(why));
}

/// __trap(): the kernel ends with cudaErrorLaunchFailure ("unspecified
/// launch failure"), and the runtime says which thread trapped.
LINGQU_EXPORT void __lingqu_trap(unsigned tx, unsigned ty, unsigned tz) {
  absl::Status why = makeError(
      cudaErrorLaunchFailure,
      absl::StrFormat("thread (%u,%u,%u) executed __trap()", tx, ty, tz));
  cpu::abortKernel(std::move(why));
}
