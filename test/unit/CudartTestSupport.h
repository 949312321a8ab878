//===- CudartTestSupport.h - Hand-made images through the C API -*- C++ -*-===//
//
// Owns a fat binary image and its Clang-style wrapper for the duration of a
// test, registers it through __cudaRegisterFatBinary, and unregisters it at
// the end, as a module constructor and destructor would.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_TEST_UNIT_CUDARTTESTSUPPORT_H
#define LINGQU_TEST_UNIT_CUDARTTESTSUPPORT_H

#include <cstdint>
#include <utility>
#include <vector>

#include "FatBinaryBuilder.h"
#include "cuda_runtime_api.h"
#include "cudart/CudartRegistration.h"

namespace lingqu::test {

/// The triple lqcc writes for this host.
inline const char *hostTarget() {
#if defined(__x86_64__)
  return "x86_64-unknown-linux-gnu";
#elif defined(__aarch64__)
  return "aarch64-unknown-linux-gnu";
#else
  return "riscv64-unknown-linux-gnu";
#endif
}

class RegisteredFatBinary {
public:
  explicit RegisteredFatBinary(std::vector<uint8_t> image,
                               uint32_t wrapperMagic =
                                   LINGQU_CLANG_FATBIN_WRAPPER_MAGIC)
      : image_(std::move(image)) {
    wrapper_ = {wrapperMagic, 1, image_.data(), nullptr};
    handle_ = __cudaRegisterFatBinary(&wrapper_);
  }
  RegisteredFatBinary(const RegisteredFatBinary &) = delete;
  RegisteredFatBinary &operator=(const RegisteredFatBinary &) = delete;
  ~RegisteredFatBinary() {
    if (handle_)
      __cudaUnregisterFatBinary(handle_);
  }

  void **handle() const { return handle_; }
  void registerKernel(const void *stub, const char *name) {
    __cudaRegisterFunction(handle_, static_cast<const char *>(stub),
                           const_cast<char *>(name), name, -1, nullptr,
                           nullptr, nullptr, nullptr, nullptr);
  }
  void unregister() {
    __cudaUnregisterFatBinary(handle_);
    handle_ = nullptr;
  }

private:
  std::vector<uint8_t> image_;
  lingqu_clang_fatbin_wrapper wrapper_;
  void **handle_ = nullptr;
};

} // namespace lingqu::test

#endif // LINGQU_TEST_UNIT_CUDARTTESTSUPPORT_H
