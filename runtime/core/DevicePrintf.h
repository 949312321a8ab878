//===- DevicePrintf.h - printf from device code ----------------*- C++ -*-===//
//
// Clang lowers a device-side printf(format, ...) to vprintf(format, args):
// `args` holds the promoted arguments (float as double, char and short as
// int) one after another, each at its natural alignment. This formats such
// a call as the host's printf would.
//
// As in CUDA, the text goes to a circular buffer of cudaLimitPrintfFifoSize
// bytes (the oldest output is overwritten) and reaches stdout when the host
// synchronises: a device, context, stream or event synchronisation, a
// blocking copy, a module unload or the context's destruction. Assertion
// messages wait in the same buffer and go to stderr.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_DEVICEPRINTF_H
#define LINGQU_RUNTIME_CORE_DEVICEPRINTF_H

#include <cstddef>
#include <string>

namespace lingqu::rt {

struct FormattedPrintf {
  std::string text;
  /// What CUDA's printf returns: the number of arguments read.
  int arguments = 0;
};

/// Formats one vprintf call. Conversions past the 32nd argument (CUDA's
/// limit) are printed as written.
FormattedPrintf formatDevicePrintf(const char *format, const char *args);

/// Where buffered device output goes when it is flushed.
enum class OutputSink { Stdout, Stderr };

/// Adds one printf's (or assertion's) text to the process's device output
/// buffer, dropping the oldest output beyond the capacity.
void appendDeviceOutput(std::string text, OutputSink sink = OutputSink::Stdout);
/// Writes out and empties the buffer: called by every host operation CUDA
/// flushes at.
void flushDeviceOutput();
/// cudaLimitPrintfFifoSize: the bytes of output kept between flushes.
void setDeviceOutputCapacity(size_t bytes);

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_DEVICEPRINTF_H
