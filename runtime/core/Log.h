//===- Log.h - Diagnostics on stderr when LINGQU_LOG is set -----*- C++ -*-===//
//
// The runtime is silent by default, as CUDA's is: errors are returned, not
// printed. With LINGQU_LOG set in the environment, each failure is also
// written to stderr as one line, so a user can see why a launch failed.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_LOG_H
#define LINGQU_RUNTIME_CORE_LOG_H

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace lingqu::rt {

/// True when LINGQU_LOG is set and not empty. Read on every call (errors are
/// rare), so a test or a debugger can switch it on and off at run time.
bool logEnabled();

/// "lingqu: <where>: <cudaErrorName>: <message>" on stderr, if enabled.
void logError(absl::string_view where, const absl::Status &status);

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_LOG_H
