//===- CallConfigStack.cpp - Per-thread <<<...>>> configurations ----------===//

#include "core/CallConfigStack.h"

#include <vector>

#include "core/Status.h"

using namespace lingqu::rt;

namespace {
std::vector<LaunchConfig> &stack() {
  thread_local std::vector<LaunchConfig> configs;
  return configs;
}
} // namespace

void lingqu::rt::pushCallConfiguration(const LaunchConfig &config) {
  stack().push_back(config);
}

absl::StatusOr<LaunchConfig> lingqu::rt::popCallConfiguration() {
  std::vector<LaunchConfig> &configs = stack();
  if (configs.empty())
    return makeError(cudaErrorMissingConfiguration,
                     "kernel stub called without a pushed <<<...>>> "
                     "configuration");
  LaunchConfig config = configs.back();
  configs.pop_back();
  return config;
}
