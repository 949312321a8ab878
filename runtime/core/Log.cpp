//===- Log.cpp - Diagnostics on stderr when LINGQU_LOG is set -------------===//

#include "core/Log.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "core/Status.h"

using namespace lingqu::rt;

bool lingqu::rt::logEnabled() {
  const char *value = std::getenv("LINGQU_LOG");
  return value != nullptr && value[0] != '\0';
}

void lingqu::rt::logError(absl::string_view where, const absl::Status &status) {
  if (status.ok() || !logEnabled())
    return;
  const char *name = errorName(errorCodeOf(status));
  // Build the whole line first: one write keeps it whole among threads.
  std::string line = absl::StrCat("lingqu: ", where, ": ",
                                  name ? name : "cudaErrorUnknown", ": ",
                                  status.message(), "\n");
  std::fputs(line.c_str(), stderr);
}
