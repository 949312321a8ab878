//===- CudartLibrary.cpp - cudaLibrary* over the driver's cuLibrary* ------===//
//
// As CUDA's runtime does, these call the driver API: a cudaLibrary_t is a
// CUlibrary and a cudaKernel_t a CUkernel. The driver's results share their
// numbers with the runtime's codes for every error these calls return.

#include "cudart/CudartApi.h"
#include "CudartImpl.h"

#include "absl/strings/str_cat.h"
#include "cuda.h"
#include "core/Status.h"

using namespace lingqu;

namespace {
absl::Status fromDriver(CUresult result, const char *call) {
  if (result == CUDA_SUCCESS)
    return absl::OkStatus();
  return rt::makeError(static_cast<cudaError_t>(result),
                       absl::StrCat(call, " failed"));
}

absl::Status initialized() { return fromDriver(cuInit(0), "cuInit"); }

CUlibrary lib(cudaLibrary_t l) { return reinterpret_cast<CUlibrary>(l); }
} // namespace

absl::Status cudart::impl::cudaLibraryLoadData(
    cudaLibrary_t *library, const void *code, enum cudaJitOption *jitOptions,
    void **jitOptionsValues, unsigned int numJitOptions,
    enum cudaLibraryOption *libraryOptions, void **libraryOptionValues,
    unsigned int numLibraryOptions) {
  if (absl::Status s = initialized(); !s.ok())
    return s;
  return fromDriver(cuLibraryLoadData(reinterpret_cast<CUlibrary *>(library),
                                      code, nullptr, nullptr, 0, nullptr,
                                      nullptr, 0),
                    "cuLibraryLoadData");
}

absl::Status cudart::impl::cudaLibraryLoadFromFile(
    cudaLibrary_t *library, const char *fileName,
    enum cudaJitOption *jitOptions, void **jitOptionsValues,
    unsigned int numJitOptions, enum cudaLibraryOption *libraryOptions,
    void **libraryOptionValues, unsigned int numLibraryOptions) {
  if (absl::Status s = initialized(); !s.ok())
    return s;
  return fromDriver(
      cuLibraryLoadFromFile(reinterpret_cast<CUlibrary *>(library), fileName,
                            nullptr, nullptr, 0, nullptr, nullptr, 0),
      "cuLibraryLoadFromFile");
}

absl::Status cudart::impl::cudaLibraryUnload(cudaLibrary_t library) {
  return fromDriver(cuLibraryUnload(lib(library)), "cuLibraryUnload");
}

absl::Status cudart::impl::cudaLibraryGetKernel(cudaKernel_t *pKernel,
                                                cudaLibrary_t library,
                                                const char *name) {
  return fromDriver(cuLibraryGetKernel(reinterpret_cast<CUkernel *>(pKernel),
                                       lib(library), name),
                    "cuLibraryGetKernel");
}

absl::Status cudart::impl::cudaLibraryGetGlobal(void **dptr, size_t *bytes,
                                                cudaLibrary_t library,
                                                const char *name) {
  CUdeviceptr address = 0;
  if (absl::Status s = fromDriver(
          cuLibraryGetGlobal(&address, bytes, lib(library), name),
          "cuLibraryGetGlobal");
      !s.ok())
    return s;
  if (dptr)
    *dptr = reinterpret_cast<void *>(uintptr_t(address));
  return absl::OkStatus();
}

absl::Status cudart::impl::cudaLibraryGetManaged(void **dptr, size_t *bytes,
                                                 cudaLibrary_t library,
                                                 const char *name) {
  return impl::cudaLibraryGetGlobal(dptr, bytes, library, name);
}

absl::Status cudart::impl::cudaLibraryGetUnifiedFunction(
    void **fptr, cudaLibrary_t library, const char *symbol) {
  return fromDriver(cuLibraryGetUnifiedFunction(fptr, lib(library), symbol),
                    "cuLibraryGetUnifiedFunction");
}

absl::Status cudart::impl::cudaLibraryGetKernelCount(unsigned int *count,
                                                     cudaLibrary_t lib) {
  return fromDriver(cuLibraryGetKernelCount(count, ::lib(lib)),
                    "cuLibraryGetKernelCount");
}

absl::Status cudart::impl::cudaLibraryEnumerateKernels(cudaKernel_t *kernels,
                                                       unsigned int numKernels,
                                                       cudaLibrary_t lib) {
  return fromDriver(
      cuLibraryEnumerateKernels(reinterpret_cast<CUkernel *>(kernels),
                                numKernels, ::lib(lib)),
      "cuLibraryEnumerateKernels");
}

absl::Status cudart::impl::cudaKernelSetAttributeForDevice(
    cudaKernel_t kernel, enum cudaFuncAttribute attr, int value, int device) {
  return fromDriver(cuKernelSetAttribute(static_cast<CUfunction_attribute>(attr),
                                         value,
                                         reinterpret_cast<CUkernel>(kernel),
                                         device),
                    "cuKernelSetAttribute");
}
