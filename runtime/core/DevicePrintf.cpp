//===- DevicePrintf.cpp - printf from device code -------------------------===//

#include "core/DevicePrintf.h"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>

#include "absl/synchronization/mutex.h"

using namespace lingqu::rt;

namespace {

constexpr int kMaxArguments = 32; // CUDA's limit

/// Reads the promoted arguments in order, each at its natural alignment.
class ArgumentReader {
public:
  explicit ArgumentReader(const char *args) : args_(args) {}
  template <typename T> T next() {
    offset_ = (offset_ + sizeof(T) - 1) / sizeof(T) * sizeof(T);
    T value;
    std::memcpy(&value, args_ + offset_, sizeof(T));
    offset_ += sizeof(T);
    ++count_;
    return value;
  }
  int count() const { return count_; }
  bool exhausted() const { return count_ >= kMaxArguments; }

private:
  const char *args_;
  size_t offset_ = 0;
  int count_ = 0;
};

/// One conversion specification, parsed.
struct Conversion {
  std::string flags;
  bool widthArg = false, precisionArg = false;
  std::string width, precision; // digits as written
  bool wide = false;            // l, ll, j, z, t, q: a 64-bit integer
  std::string narrow;           // h or hh, kept: printf narrows the int
  char type = 0;
  const char *end = nullptr; // one past the conversion character
};

bool parse(const char *p, Conversion &c) {
  while (*p && std::strchr("-+ #0'", *p))
    c.flags += *p++;
  if (*p == '*') {
    c.widthArg = true;
    ++p;
  } else {
    while (*p >= '0' && *p <= '9')
      c.width += *p++;
  }
  if (*p == '.') {
    ++p;
    if (*p == '*') {
      c.precisionArg = true;
      ++p;
    } else {
      c.precision = "";
      while (*p >= '0' && *p <= '9')
        c.precision += *p++;
    }
    if (!c.precisionArg)
      c.precision = "." + c.precision;
  }
  if (*p == 'h') {
    c.narrow = *p++;
    if (*p == 'h')
      c.narrow += *p++;
  } else if (*p == 'l') {
    c.wide = true;
    if (*++p == 'l')
      ++p;
  } else if (*p && std::strchr("jztqL", *p)) {
    c.wide = *p != 'L';
    ++p;
  }
  if (!*p || !std::strchr("diouxXcspfFeEgGaA", *p))
    return false;
  c.type = *p;
  c.end = p + 1;
  return true;
}

template <typename... T>
void appendFormatted(std::string &out, const std::string &spec, T... values) {
  char small[128];
  int n = std::snprintf(small, sizeof small, spec.c_str(), values...);
  if (n < 0)
    return;
  if (size_t(n) < sizeof small) {
    out.append(small, size_t(n));
    return;
  }
  std::string big(size_t(n) + 1, '\0');
  std::snprintf(big.data(), big.size(), spec.c_str(), values...);
  out.append(big.data(), size_t(n));
}

/// Formats `c`, reading its arguments; false when past the argument limit.
bool convert(const Conversion &c, ArgumentReader &args, std::string &out) {
  int needed = 1 + c.widthArg + c.precisionArg;
  if (args.count() + needed > kMaxArguments)
    return false;
  std::string spec = "%" + c.flags;
  spec += c.widthArg ? std::to_string(args.next<int32_t>()) : c.width;
  if (c.precisionArg) {
    int32_t precision = args.next<int32_t>();
    if (precision >= 0) // a negative precision is taken as omitted
      spec += "." + std::to_string(precision);
  } else {
    spec += c.precision;
  }
  switch (c.type) {
  case 'd':
  case 'i':
  case 'o':
  case 'u':
  case 'x':
  case 'X':
    if (c.wide)
      appendFormatted(out, spec + "ll" + c.type, args.next<long long>());
    else
      appendFormatted(out, spec + c.narrow + c.type, args.next<int32_t>());
    return true;
  case 'c':
    appendFormatted(out, spec + 'c', args.next<int32_t>());
    return true;
  case 's': {
    const char *s = args.next<const char *>();
    appendFormatted(out, spec + 's', s ? s : "(null)");
    return true;
  }
  case 'p':
    appendFormatted(out, spec + 'p', args.next<void *>());
    return true;
  default: // floating point: always promoted to double
    appendFormatted(out, spec + c.type, args.next<double>());
    return true;
  }
}

} // namespace

FormattedPrintf lingqu::rt::formatDevicePrintf(const char *format,
                                               const char *args) {
  FormattedPrintf result;
  if (format == nullptr) {
    result.arguments = -1;
    return result;
  }
  ArgumentReader reader(args);
  std::string &out = result.text;
  for (const char *p = format; *p;) {
    const char *percent = std::strchr(p, '%');
    if (!percent) {
      out += p;
      break;
    }
    out.append(p, size_t(percent - p));
    if (percent[1] == '%') {
      out += '%';
      p = percent + 2;
      continue;
    }
    Conversion c;
    // A malformed conversion, or one past the argument limit, is printed
    // as written rather than read from arguments that are not there.
    if (!parse(percent + 1, c) || !convert(c, reader, out)) {
      out += '%';
      p = percent + 1;
      continue;
    }
    p = c.end;
  }
  result.arguments = reader.count();
  return result;
}

//===----------------------------------------------------------------------===//
// The output buffer
//===----------------------------------------------------------------------===//

namespace {
struct Entry {
  std::string text;
  OutputSink sink;
};

struct FifoState {
  /// Held while writing, so that concurrent flushes keep the order.
  absl::Mutex flushMu;
  absl::Mutex mu ABSL_ACQUIRED_AFTER(flushMu);
  std::deque<Entry> entries ABSL_GUARDED_BY(mu);
  size_t bytes ABSL_GUARDED_BY(mu) = 0;
  size_t capacity ABSL_GUARDED_BY(mu) = size_t(1) << 20; // CUDA's default
  /// Lets a synchronisation with nothing printed skip the locks.
  std::atomic<bool> pending{false};
};

FifoState &state() {
  static FifoState *fifo = new FifoState; // device code may print at exit
  return *fifo;
}

void trim(FifoState &s) ABSL_EXCLUSIVE_LOCKS_REQUIRED(s.mu) {
  while (s.bytes > s.capacity && !s.entries.empty()) {
    s.bytes -= s.entries.front().text.size();
    s.entries.pop_front();
  }
}
} // namespace

void lingqu::rt::appendDeviceOutput(std::string text, OutputSink sink) {
  FifoState &s = state();
  absl::MutexLock lock(&s.mu);
  s.bytes += text.size();
  s.entries.push_back(Entry{std::move(text), sink});
  trim(s);
  s.pending.store(true, std::memory_order_release);
}

void lingqu::rt::flushDeviceOutput() {
  FifoState &s = state();
  if (!s.pending.load(std::memory_order_acquire))
    return;
  absl::MutexLock flushing(&s.flushMu);
  std::deque<Entry> entries;
  {
    absl::MutexLock lock(&s.mu);
    entries.swap(s.entries);
    s.bytes = 0;
    s.pending.store(false, std::memory_order_relaxed);
  }
  // The host's own stdout, so that device and host output keep their order.
  for (const Entry &e : entries)
    std::fwrite(e.text.data(), 1, e.text.size(),
                e.sink == OutputSink::Stdout ? stdout : stderr);
  std::fflush(stdout);
}

void lingqu::rt::setDeviceOutputCapacity(size_t bytes) {
  FifoState &s = state();
  absl::MutexLock lock(&s.mu);
  s.capacity = bytes;
  trim(s);
}
