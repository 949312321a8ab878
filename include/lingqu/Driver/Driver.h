//===- Driver.h - lqcc: compile and link CUDA programs ----------*- C++ -*-===//
#ifndef LINGQU_DRIVER_DRIVER_H
#define LINGQU_DRIVER_DRIVER_H

#include "lingqu/Driver/Options.h"

namespace lingqu {

/// Runs lqcc for `options`; `executable` is lqcc's own path, from which
/// Lingqu's headers and libraries are found. Returns the exit code.
int runDriver(const LqccOptions &options, const std::string &executable);

} // namespace lingqu

#endif // LINGQU_DRIVER_DRIVER_H
