//===- CallConfigStack.h - Per-thread <<<...>>> configurations --*- C++ -*-===//
//
// `k<<<g, b, s, st>>>(args)` compiles to __cudaPushCallConfiguration(g, b,
// s, st) followed by a call of k's host stub, which pops the configuration
// (__cudaPopCallConfiguration) and calls cudaLaunchKernel. Arguments of the
// launch may themselves launch kernels, so configurations nest: a stack,
// one per host thread.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_CALLCONFIGSTACK_H
#define LINGQU_RUNTIME_CORE_CALLCONFIGSTACK_H

#include "absl/status/statusor.h"
#include "core/LaunchConfig.h"

namespace lingqu::rt {

void pushCallConfiguration(const LaunchConfig &config);

/// The innermost pushed configuration, removed; cudaErrorMissingConfiguration
/// when nothing was pushed on this thread.
absl::StatusOr<LaunchConfig> popCallConfiguration();

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_CALLCONFIGSTACK_H
