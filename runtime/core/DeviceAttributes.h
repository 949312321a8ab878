//===- DeviceAttributes.h - What a device reports about itself --*- C++ -*-===//
//
// cudaDeviceGetAttribute, cuDeviceGetAttribute and cudaGetDeviceProperties
// read one table. Facts about the machine are truthful (memory, cores,
// clock, L2 size); the rest is what CUDA code branches on and reads as a
// GPU of compute capability 8.0 would report it, since lqcc compiles device
// code with __CUDA_ARCH__ 800. docs/runtime.md lists the choices.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_RUNTIME_CORE_DEVICEATTRIBUTES_H
#define LINGQU_RUNTIME_CORE_DEVICEATTRIBUTES_H

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"

namespace lingqu::rt {

class Runtime;

/// The compute capability device code is compiled for (sm_80).
inline constexpr int kComputeMajor = 8, kComputeMinor = 0;
/// The largest block-wide shared memory a kernel may opt in to
/// (cudaFuncAttributeMaxDynamicSharedMemorySize), as on sm_80.
inline constexpr size_t kMaxSharedBytesOptIn = 163 * 1024;

/// The value of cudaDeviceAttr / CUdevice_attribute `attribute` (the two
/// enums share their values), the device's plugin's where it reports one;
/// cudaErrorInvalidValue for an unknown one, cudaErrorInvalidDevice for an
/// unknown device.
absl::StatusOr<int> deviceAttribute(Runtime &rt, int attribute, int ordinal);

/// "Lingqu CPU 0 (AMD EPYC)".
std::string deviceName(Runtime &rt, int ordinal);
/// The machine's memory, which every CPU device shares.
size_t totalMemoryBytes();
size_t freeMemoryBytes();
/// A UUID stable for the machine and ordinal.
void deviceUuid(int ordinal, char bytes[16]);
/// "0000:01:00.0" for device 0; the bus is ordinal + 1.
std::string pciBusId(int ordinal);
/// The ordinal for a PCI bus id, or cudaErrorInvalidDevice.
absl::StatusOr<int> deviceByPciBusId(Runtime &rt, const char *id);

} // namespace lingqu::rt

#endif // LINGQU_RUNTIME_CORE_DEVICEATTRIBUTES_H
