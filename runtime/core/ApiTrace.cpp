//===- ApiTrace.cpp - LINGQU_TRACE=api: one line per API call -------------===//

#include "core/ApiTrace.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_split.h"

using namespace lingqu::api;

bool lingqu::api::traceEnabled() {
  static const bool enabled = [] {
    const char *value = std::getenv("LINGQU_TRACE");
    if (!value)
      return false;
    for (absl::string_view item : absl::StrSplit(value, ','))
      if (item == "api" || item == "all")
        return true;
    return false;
  }();
  return enabled;
}

void Trace::result(const char *codeName, const absl::Status &status) const {
  if (!on_)
    return;
  if (status.ok())
    emit(codeName);
  else
    emit(absl::StrCat(codeName, " (", status.message(), ")"));
}

void Trace::emit(const std::string &result) const {
  // One write per line, so that lines from several threads do not mix.
  std::string line = absl::StrCat("lingqu: api: ", name_, "(", line_,
                                  ") -> ", result, "\n");
  std::fwrite(line.data(), 1, line.size(), stderr);
}
