//===- ApiTrace.h - LINGQU_TRACE=api: one line per API call -----*- C++ -*-===//
//
// Every generated entry point builds a Trace. When the environment has
// LINGQU_TRACE=api (or a comma list containing "api"), the call is printed
// to stderr with its arguments and result:
//   lingqu: api: cudaMalloc(devPtr=0x7ffc..., size=1024) -> cudaSuccess
// Otherwise a Trace costs one predictable branch.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_APITRACE_H
#define LINGQU_RUNTIME_CORE_APITRACE_H

#include <string>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace lingqu::api {

bool traceEnabled();

template <typename T, typename = void> struct HasXYZ : std::false_type {};
template <typename T>
struct HasXYZ<T, std::void_t<decltype(T::x), decltype(T::y), decltype(T::z)>>
    : std::true_type {};

/// Appends a readable rendering of `value`.
template <typename T> void printValue(std::string &out, const T &value) {
  if constexpr (std::is_same_v<T, const char *>) {
    if (value)
      absl::StrAppend(&out, "\"", value, "\"");
    else
      out += "NULL";
  } else if constexpr (std::is_pointer_v<T> ||
                       std::is_member_pointer_v<T>) {
    if constexpr (std::is_pointer_v<T>) {
      if (value == nullptr)
        out += "NULL";
      else
        absl::StrAppendFormat(&out, "%p", reinterpret_cast<const void *>(value));
    } else {
      out += "<member>";
    }
  } else if constexpr (std::is_enum_v<T>) {
    absl::StrAppend(&out, static_cast<long long>(value));
  } else if constexpr (std::is_same_v<T, bool>) {
    out += value ? "true" : "false";
  } else if constexpr (std::is_arithmetic_v<T>) {
    absl::StrAppend(&out, value);
  } else if constexpr (HasXYZ<T>::value) {
    absl::StrAppend(&out, "{", value.x, ",", value.y, ",", value.z, "}");
  } else {
    out += "{...}";
  }
}

class Trace {
public:
  explicit Trace(const char *name) : name_(name), on_(traceEnabled()) {}
  bool on() const { return on_; }
  const char *name() const { return name_; }

  template <typename T> Trace &arg(const char *name, const T &value) {
    line_ += line_.empty() ? "" : ", ";
    absl::StrAppend(&line_, name, "=");
    printValue(line_, value);
    return *this;
  }
  void noArgs() {}

  /// Ends the line with a status result's name (and message on failure).
  void result(const char *codeName, const absl::Status &status) const;
  /// Ends the line with a returned value.
  template <typename T> void value(const T &value) const {
    if (!on_)
      return;
    std::string rendered;
    printValue(rendered, value);
    emit(rendered);
  }
  void notImplemented() const {
    if (on_)
      emit("<not implemented>");
  }

private:
  void emit(const std::string &result) const;

  const char *name_;
  bool on_;
  std::string line_;
};

} // namespace lingqu::api

#endif // LINGQU_RUNTIME_CORE_APITRACE_H
