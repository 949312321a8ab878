//===- CudaTexRef.cpp - Pre-object texture references ---------------------===//
//
// CUDA 12 compiles no texture or surface references into modules, so
// cuModuleGetTexRef / cuModuleGetSurfRef find none, as CUDA's own do for
// such modules. A reference made with cuTexRefCreate is state the legacy
// calls set and read back; no kernel can sample it.
//
//===----------------------------------------------------------------------===//

#include "cuda/CudaApi.h"
#include "CudaImpl.h"

#include <algorithm>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "core/Array.h"
#include "core/Runtime.h"
#include "core/Status.h"
#include "cuda/ModuleTable.h"

using namespace lingqu;
using cuda::runtime;

namespace {

struct TexRef {
  enum class Bound { None, Array, Mipmapped, Linear, Pitch2D };
  Bound bound = Bound::None;
  CUarray array = nullptr;
  CUmipmappedArray mipmapped = nullptr;
  CUdeviceptr address = 0;
  CUarray_format format = CU_AD_FORMAT_FLOAT;
  int channels = 1;
  CUaddress_mode addressMode[3] = {CU_TR_ADDRESS_MODE_WRAP,
                                   CU_TR_ADDRESS_MODE_WRAP,
                                   CU_TR_ADDRESS_MODE_WRAP};
  CUfilter_mode filterMode = CU_TR_FILTER_MODE_POINT;
  CUfilter_mode mipmapFilterMode = CU_TR_FILTER_MODE_POINT;
  float mipmapBias = 0, minClamp = 0, maxClamp = 0;
  unsigned maxAnisotropy = 0, flags = 0;
  float border[4] = {0, 0, 0, 0};
};

absl::Mutex mu;
absl::flat_hash_map<CUtexref, std::unique_ptr<TexRef>> &refs() {
  static auto *table = new absl::flat_hash_map<CUtexref, std::unique_ptr<TexRef>>;
  return *table;
}

absl::Status invalidHandle() {
  return rt::makeDriverError(CUDA_ERROR_INVALID_HANDLE,
                             "not a live texture reference");
}
absl::Status invalidValue(absl::string_view why) {
  return rt::makeDriverError(CUDA_ERROR_INVALID_VALUE, why);
}

/// Runs `f` on the reference under the table's lock.
template <typename F> absl::Status with(CUtexref handle, F f) {
  absl::MutexLock lock(&mu);
  auto it = refs().find(handle);
  if (it == refs().end())
    return invalidHandle();
  return f(*it->second);
}

bool validFormat(CUarray_format format, int channels) {
  return rt::formatChannelBytes(format) != 0 &&
         (channels == 1 || channels == 2 || channels == 4);
}

constexpr size_t kTextureAlignment = 512;
constexpr size_t kPitchAlignment = 32;

} // namespace

//===--- Module references ---------------------------------------------------===//

absl::Status cuda::impl::cuModuleGetTexRef(CUtexref *pTexRef, CUmodule hmod,
                                           const char *name) {
  if (absl::Status s = ModuleTable::get().module(hmod).status(); !s.ok())
    return s;
  return rt::makeDriverError(
      CUDA_ERROR_NOT_FOUND,
      absl::StrCat("the module has no texture reference ", name,
                   " (CUDA 12 code has none; use texture objects)"));
}

absl::Status cuda::impl::cuModuleGetSurfRef(CUsurfref *pSurfRef, CUmodule hmod,
                                            const char *name) {
  if (absl::Status s = ModuleTable::get().module(hmod).status(); !s.ok())
    return s;
  return rt::makeDriverError(
      CUDA_ERROR_NOT_FOUND,
      absl::StrCat("the module has no surface reference ", name,
                   " (CUDA 12 code has none; use surface objects)"));
}

absl::Status cuda::impl::cuParamSetTexRef(CUfunction hfunc, int texunit,
                                          CUtexref hTexRef) {
  if (absl::Status s = ModuleTable::get().function(hfunc).status(); !s.ok())
    return s;
  if (texunit != CU_PARAM_TR_DEFAULT)
    return invalidValue("texunit must be CU_PARAM_TR_DEFAULT");
  return with(hTexRef, [](TexRef &) { return absl::OkStatus(); });
}

//===--- Lifetime --------------------------------------------------------------===//

absl::Status cuda::impl::cuTexRefCreate(CUtexref *pTexRef) {
  auto ref = std::make_unique<TexRef>();
  CUtexref handle = reinterpret_cast<CUtexref>(ref.get());
  absl::MutexLock lock(&mu);
  refs().emplace(handle, std::move(ref));
  *pTexRef = handle;
  return absl::OkStatus();
}

absl::Status cuda::impl::cuTexRefDestroy(CUtexref hTexRef) {
  absl::MutexLock lock(&mu);
  if (refs().erase(hTexRef) == 0)
    return invalidHandle();
  return absl::OkStatus();
}

//===--- Bindings ----------------------------------------------------------===//

absl::Status cuda::impl::cuTexRefSetArray(CUtexref hTexRef, CUarray hArray,
                                          unsigned int Flags) {
  absl::StatusOr<rt::Array *> array = runtime().arrays().find(hArray);
  if (!array.ok())
    return array.status();
  if (Flags != CU_TRSA_OVERRIDE_FORMAT)
    return invalidValue("Flags must be CU_TRSA_OVERRIDE_FORMAT");
  rt::ArrayDesc desc = (*array)->desc;
  return with(hTexRef, [&](TexRef &r) {
    r.bound = TexRef::Bound::Array;
    r.array = hArray;
    r.format = CUarray_format(desc.format);
    r.channels = int(desc.channels);
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefSetMipmappedArray(
    CUtexref hTexRef, CUmipmappedArray hMipmappedArray, unsigned int Flags) {
  absl::StatusOr<rt::MipmappedArray *> m =
      runtime().arrays().findMipmapped(hMipmappedArray);
  if (!m.ok())
    return m.status();
  if (Flags != CU_TRSA_OVERRIDE_FORMAT)
    return invalidValue("Flags must be CU_TRSA_OVERRIDE_FORMAT");
  rt::ArrayDesc desc = (*m)->levels.front()->desc;
  return with(hTexRef, [&](TexRef &r) {
    r.bound = TexRef::Bound::Mipmapped;
    r.mipmapped = hMipmappedArray;
    r.format = CUarray_format(desc.format);
    r.channels = int(desc.channels);
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefSetAddress(size_t *ByteOffset,
                                            CUtexref hTexRef, CUdeviceptr dptr,
                                            size_t bytes) {
  return with(hTexRef, [&](TexRef &r) {
    // Bound at the aligned address below dptr; fetches add the offset.
    if (ByteOffset)
      *ByteOffset = dptr % kTextureAlignment;
    r.bound = bytes ? TexRef::Bound::Linear : TexRef::Bound::None;
    r.address = dptr;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefSetAddress2D(CUtexref hTexRef,
                                              const CUDA_ARRAY_DESCRIPTOR *desc,
                                              CUdeviceptr dptr, size_t Pitch) {
  if (!validFormat(desc->Format, int(desc->NumChannels)))
    return invalidValue("a format textures cannot have");
  size_t element = rt::formatChannelBytes(desc->Format) * desc->NumChannels;
  if (dptr % kTextureAlignment != 0 || Pitch % kPitchAlignment != 0 ||
      desc->Width * element > Pitch)
    return invalidValue(absl::StrCat(
        "2D texture memory must be aligned to ", kTextureAlignment,
        " bytes with a pitch that is a multiple of ", kPitchAlignment));
  return with(hTexRef, [&](TexRef &r) {
    r.bound = TexRef::Bound::Pitch2D;
    r.address = dptr;
    r.format = desc->Format;
    r.channels = int(desc->NumChannels);
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefGetAddress(CUdeviceptr *pdptr,
                                            CUtexref hTexRef) {
  return with(hTexRef, [&](TexRef &r) {
    if (r.bound != TexRef::Bound::Linear && r.bound != TexRef::Bound::Pitch2D)
      return invalidValue("the reference is not bound to linear memory");
    *pdptr = r.address;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefGetArray(CUarray *phArray, CUtexref hTexRef) {
  return with(hTexRef, [&](TexRef &r) {
    if (r.bound != TexRef::Bound::Array)
      return invalidValue("the reference is not bound to an array");
    *phArray = r.array;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefGetMipmappedArray(
    CUmipmappedArray *phMipmappedArray, CUtexref hTexRef) {
  return with(hTexRef, [&](TexRef &r) {
    if (r.bound != TexRef::Bound::Mipmapped)
      return invalidValue("the reference is not bound to a mipmapped array");
    *phMipmappedArray = r.mipmapped;
    return absl::OkStatus();
  });
}

//===--- Sampling state -------------------------------------------------------===//

absl::Status cuda::impl::cuTexRefSetFormat(CUtexref hTexRef,
                                           CUarray_format fmt,
                                           int NumPackedComponents) {
  if (!validFormat(fmt, NumPackedComponents))
    return invalidValue("a format textures cannot have");
  return with(hTexRef, [&](TexRef &r) {
    r.format = fmt;
    r.channels = NumPackedComponents;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefGetFormat(CUarray_format *pFormat,
                                           int *pNumChannels,
                                           CUtexref hTexRef) {
  return with(hTexRef, [&](TexRef &r) {
    if (pFormat)
      *pFormat = r.format;
    if (pNumChannels)
      *pNumChannels = r.channels;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefSetAddressMode(CUtexref hTexRef, int dim,
                                                CUaddress_mode am) {
  if (dim < 0 || dim > 2 || am < CU_TR_ADDRESS_MODE_WRAP ||
      am > CU_TR_ADDRESS_MODE_BORDER)
    return invalidValue("dim is 0, 1 or 2; am a CUaddress_mode");
  return with(hTexRef, [&](TexRef &r) {
    r.addressMode[dim] = am;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefGetAddressMode(CUaddress_mode *pam,
                                                CUtexref hTexRef, int dim) {
  if (dim < 0 || dim > 2)
    return invalidValue("dim is 0, 1 or 2");
  return with(hTexRef, [&](TexRef &r) {
    *pam = r.addressMode[dim];
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefSetFilterMode(CUtexref hTexRef,
                                               CUfilter_mode fm) {
  return with(hTexRef, [&](TexRef &r) {
    r.filterMode = fm;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefGetFilterMode(CUfilter_mode *pfm,
                                               CUtexref hTexRef) {
  return with(hTexRef, [&](TexRef &r) {
    *pfm = r.filterMode;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefSetMipmapFilterMode(CUtexref hTexRef,
                                                     CUfilter_mode fm) {
  return with(hTexRef, [&](TexRef &r) {
    r.mipmapFilterMode = fm;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefGetMipmapFilterMode(CUfilter_mode *pfm,
                                                     CUtexref hTexRef) {
  return with(hTexRef, [&](TexRef &r) {
    *pfm = r.mipmapFilterMode;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefSetMipmapLevelBias(CUtexref hTexRef,
                                                    float bias) {
  return with(hTexRef, [&](TexRef &r) {
    r.mipmapBias = bias;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefGetMipmapLevelBias(float *pbias,
                                                    CUtexref hTexRef) {
  return with(hTexRef, [&](TexRef &r) {
    *pbias = r.mipmapBias;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefSetMipmapLevelClamp(CUtexref hTexRef,
                                                     float minMipmapLevelClamp,
                                                     float maxMipmapLevelClamp) {
  return with(hTexRef, [&](TexRef &r) {
    r.minClamp = minMipmapLevelClamp;
    r.maxClamp = maxMipmapLevelClamp;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefGetMipmapLevelClamp(
    float *pminMipmapLevelClamp, float *pmaxMipmapLevelClamp,
    CUtexref hTexRef) {
  return with(hTexRef, [&](TexRef &r) {
    *pminMipmapLevelClamp = r.minClamp;
    *pmaxMipmapLevelClamp = r.maxClamp;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefSetMaxAnisotropy(CUtexref hTexRef,
                                                  unsigned int maxAniso) {
  return with(hTexRef, [&](TexRef &r) {
    r.maxAnisotropy = maxAniso;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefGetMaxAnisotropy(int *pmaxAniso,
                                                  CUtexref hTexRef) {
  return with(hTexRef, [&](TexRef &r) {
    *pmaxAniso = int(r.maxAnisotropy);
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefSetBorderColor(CUtexref hTexRef,
                                                float *pBorderColor) {
  return with(hTexRef, [&](TexRef &r) {
    std::copy(pBorderColor, pBorderColor + 4, r.border);
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefGetBorderColor(float *pBorderColor,
                                                CUtexref hTexRef) {
  return with(hTexRef, [&](TexRef &r) {
    std::copy(r.border, r.border + 4, pBorderColor);
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefSetFlags(CUtexref hTexRef,
                                          unsigned int Flags) {
  return with(hTexRef, [&](TexRef &r) {
    r.flags = Flags;
    return absl::OkStatus();
  });
}

absl::Status cuda::impl::cuTexRefGetFlags(unsigned int *pFlags,
                                          CUtexref hTexRef) {
  return with(hTexRef, [&](TexRef &r) {
    *pFlags = r.flags;
    return absl::OkStatus();
  });
}
