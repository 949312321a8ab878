/*===- lingqu_texture.h - Texture and surface objects ----------------------===*
 * Written for Lingqu. A cudaTextureObject_t or cudaSurfaceObject_t is the
 * address of a __lingqu_texture the runtime fills in when the object is
 * created; on a CPU device kernels read it directly, so tex2D and friends
 * are ordinary code: addressing modes, point and linear filtering (with the
 * 8-bit fractional weights of CUDA's texture units) and normalised reads.
 *
 * Not here yet: layered and cubemap textures, mipmap levels (tex*Lod,
 * tex*Grad) and gathers. Out-of-range surface accesses in trap mode read
 * zero and drop writes instead of failing the launch.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_TEXTURE_H
#define LINGQU_TEXTURE_H

#include "surface_types.h"
#include "texture_types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a kernel needs to read one texture or surface; missing dimensions
 * are 1. `format` is a CUarray_format. */
struct __lingqu_texture {
  const char *data;
  unsigned long long extent[3]; /* elements */
  unsigned long long pitch;     /* bytes per row */
  unsigned long long slicePitch;
  unsigned format, channels, elementBytes, dims;
  int addressMode[3];
  int filterMode;
  int normalizedFloat; /* integer formats read as [0, 1] / [-1, 1] */
  int normalizedCoords;
  int linearMemory; /* a cudaResourceTypeLinear resource: tex1Dfetch */
  float borderColor[4];
};

#ifdef __cplusplus
} /* extern "C" */
#endif

#if defined(__CUDA__) && defined(__cplusplus)

#define LINGQU_TEX __device__ static __inline__ __attribute__((always_inline))

/* One texel as floats (filtered, normalised or float formats) and as the
 * integers it holds (element-type reads of integer formats). */
struct __lingqu_texel {
  float f[4];
  int i[4];
};

LINGQU_TEX float __lingqu_half_to_float(unsigned short h) {
  unsigned sign = (unsigned)(h >> 15) << 31, exp = (h >> 10) & 0x1f,
           man = h & 0x3ffu, bits;
  if (exp == 0x1f) {
    bits = sign | 0x7f800000u | (man << 13);
  } else if (exp != 0) {
    bits = sign | ((exp + 112) << 23) | (man << 13);
  } else if (man == 0) {
    bits = sign;
  } else { /* subnormal: normalise */
    int e = -1;
    do {
      man <<= 1;
      ++e;
    } while (!(man & 0x400u));
    bits = sign | ((unsigned)(112 - e) << 23) | ((man & 0x3ffu) << 13);
  }
  float f;
  __builtin_memcpy(&f, &bits, 4);
  return f;
}

LINGQU_TEX __lingqu_texel __lingqu_load(const __lingqu_texture *t,
                                        const char *p) {
  __lingqu_texel v = {{0, 0, 0, 0}, {0, 0, 0, 0}};
  int norm = t->normalizedFloat;
  for (unsigned c = 0; c < t->channels; ++c) {
    switch (t->format) {
    case 0x01: { /* unsigned 8 */
      unsigned x = ((const unsigned char *)p)[c];
      v.i[c] = (int)x;
      v.f[c] = norm ? (float)x / 255.0f : (float)x;
      break;
    }
    case 0x02: {
      unsigned short x;
      __builtin_memcpy(&x, p + 2 * c, 2);
      v.i[c] = (int)x;
      v.f[c] = norm ? (float)x / 65535.0f : (float)x;
      break;
    }
    case 0x03: {
      unsigned x;
      __builtin_memcpy(&x, p + 4 * c, 4);
      v.i[c] = (int)x;
      v.f[c] = (float)x;
      break;
    }
    case 0x08: { /* signed 8 */
      signed char x = ((const signed char *)p)[c];
      v.i[c] = x;
      v.f[c] = norm ? __builtin_fmaxf((float)x / 127.0f, -1.0f) : (float)x;
      break;
    }
    case 0x09: {
      short x;
      __builtin_memcpy(&x, p + 2 * c, 2);
      v.i[c] = x;
      v.f[c] = norm ? __builtin_fmaxf((float)x / 32767.0f, -1.0f) : (float)x;
      break;
    }
    case 0x0a: {
      int x;
      __builtin_memcpy(&x, p + 4 * c, 4);
      v.i[c] = x;
      v.f[c] = (float)x;
      break;
    }
    case 0x10: {
      unsigned short x;
      __builtin_memcpy(&x, p + 2 * c, 2);
      v.f[c] = __lingqu_half_to_float(x);
      v.i[c] = (int)v.f[c];
      break;
    }
    default: { /* 0x20: float */
      __builtin_memcpy(&v.f[c], p + 4 * c, 4);
      v.i[c] = (int)v.f[c];
      break;
    }
    }
  }
  return v;
}

/* An integer coordinate after the addressing mode; -1 means the border. */
LINGQU_TEX long long __lingqu_address(long long i, long long n, int mode,
                                      int normalized) {
  if (!normalized && (mode == cudaAddressModeWrap ||
                      mode == cudaAddressModeMirror))
    mode = cudaAddressModeClamp; /* as CUDA, for unnormalised coordinates */
  if (i >= 0 && i < n)
    return i;
  switch (mode) {
  case cudaAddressModeWrap:
    return ((i % n) + n) % n;
  case cudaAddressModeMirror: {
    long long m = ((i % (2 * n)) + 2 * n) % (2 * n);
    return m < n ? m : 2 * n - 1 - m;
  }
  case cudaAddressModeBorder:
    return -1;
  default:
    return i < 0 ? 0 : n - 1;
  }
}

LINGQU_TEX __lingqu_texel __lingqu_fetch(const __lingqu_texture *t,
                                         const long long *at) {
  long long idx[3] = {0, 0, 0};
  for (unsigned k = 0; k < t->dims; ++k) {
    idx[k] = __lingqu_address(at[k], (long long)t->extent[k],
                              t->addressMode[k], t->normalizedCoords);
    if (idx[k] < 0) {
      __lingqu_texel b;
      for (int c = 0; c < 4; ++c) {
        b.f[c] = t->borderColor[c];
        b.i[c] = (int)t->borderColor[c];
      }
      return b;
    }
  }
  return __lingqu_load(t, t->data + idx[2] * t->slicePitch +
                              idx[1] * t->pitch + idx[0] * t->elementBytes);
}

LINGQU_TEX __lingqu_texel __lingqu_sample(unsigned long long object, float x,
                                          float y, float z) {
  const __lingqu_texture *t = (const __lingqu_texture *)object;
  float c[3] = {x, y, z};
  if (t->normalizedCoords)
    for (unsigned k = 0; k < t->dims; ++k)
      c[k] *= (float)t->extent[k];
  long long base[3] = {0, 0, 0};
  if (t->filterMode == cudaFilterModePoint) {
    for (unsigned k = 0; k < t->dims; ++k)
      base[k] = (long long)__builtin_floorf(c[k]);
    return __lingqu_fetch(t, base);
  }
  /* Linear: 2^dims texels, weights with 8 fractional bits as on NVIDIA's
   * texture units. */
  float w[3] = {0, 0, 0};
  for (unsigned k = 0; k < t->dims; ++k) {
    float b = c[k] - 0.5f, fl = __builtin_floorf(b);
    base[k] = (long long)fl;
    w[k] = __builtin_roundf((b - fl) * 256.0f) / 256.0f;
  }
  __lingqu_texel sum = {{0, 0, 0, 0}, {0, 0, 0, 0}};
  for (unsigned corner = 0; corner < (1u << t->dims); ++corner) {
    long long at[3];
    float weight = 1.0f;
    for (unsigned k = 0; k < 3; ++k) {
      unsigned up = (corner >> k) & 1;
      at[k] = base[k] + up;
      if (k < t->dims)
        weight *= up ? w[k] : 1.0f - w[k];
    }
    __lingqu_texel v = __lingqu_fetch(t, at);
    for (int ch = 0; ch < 4; ++ch)
      sum.f[ch] += weight * v.f[ch];
  }
  for (int ch = 0; ch < 4; ++ch)
    sum.i[ch] = (int)sum.f[ch];
  return sum;
}

/* The texel as the type the kernel asks for: float components take the
 * float view, integer components the integer view. */
template <class T> struct __lingqu_texture_result;
#define LINGQU_TEX_SCALAR(T, view)                                             \
  template <> struct __lingqu_texture_result<T> {                              \
    LINGQU_TEX T make(const __lingqu_texel &v) { return (T)v.view[0]; }        \
  };
#define LINGQU_TEX_VECTOR(T, S, view)                                          \
  template <> struct __lingqu_texture_result<T##1> {                           \
    LINGQU_TEX T##1 make(const __lingqu_texel &v) {                            \
      return make_##T##1((S)v.view[0]);                                        \
    }                                                                          \
  };                                                                           \
  template <> struct __lingqu_texture_result<T##2> {                           \
    LINGQU_TEX T##2 make(const __lingqu_texel &v) {                            \
      return make_##T##2((S)v.view[0], (S)v.view[1]);                         \
    }                                                                          \
  };                                                                           \
  template <> struct __lingqu_texture_result<T##4> {                           \
    LINGQU_TEX T##4 make(const __lingqu_texel &v) {                            \
      return make_##T##4((S)v.view[0], (S)v.view[1], (S)v.view[2],            \
                         (S)v.view[3]);                                        \
    }                                                                          \
  };
LINGQU_TEX_SCALAR(float, f)
LINGQU_TEX_SCALAR(char, i)
LINGQU_TEX_SCALAR(signed char, i)
LINGQU_TEX_SCALAR(unsigned char, i)
LINGQU_TEX_SCALAR(short, i)
LINGQU_TEX_SCALAR(unsigned short, i)
LINGQU_TEX_SCALAR(int, i)
LINGQU_TEX_SCALAR(unsigned int, i)
LINGQU_TEX_VECTOR(float, float, f)
LINGQU_TEX_VECTOR(char, signed char, i)
LINGQU_TEX_VECTOR(uchar, unsigned char, i)
LINGQU_TEX_VECTOR(short, short, i)
LINGQU_TEX_VECTOR(ushort, unsigned short, i)
LINGQU_TEX_VECTOR(int, int, i)
LINGQU_TEX_VECTOR(uint, unsigned int, i)
#undef LINGQU_TEX_SCALAR
#undef LINGQU_TEX_VECTOR

/* tex1Dfetch reads linear memory by index: no filtering, zero outside. */
template <class T>
__device__ __inline__ T tex1Dfetch(cudaTextureObject_t object, int x) {
  const __lingqu_texture *t = (const __lingqu_texture *)object;
  __lingqu_texel v = {{0, 0, 0, 0}, {0, 0, 0, 0}};
  if (x >= 0 && (unsigned long long)x < t->extent[0])
    v = __lingqu_load(t, t->data + (unsigned long long)x * t->elementBytes);
  return __lingqu_texture_result<T>::make(v);
}
template <class T>
__device__ __inline__ T tex1D(cudaTextureObject_t object, float x) {
  return __lingqu_texture_result<T>::make(__lingqu_sample(object, x, 0, 0));
}
template <class T>
__device__ __inline__ T tex2D(cudaTextureObject_t object, float x, float y) {
  return __lingqu_texture_result<T>::make(__lingqu_sample(object, x, y, 0));
}
template <class T>
__device__ __inline__ T tex3D(cudaTextureObject_t object, float x, float y,
                              float z) {
  return __lingqu_texture_result<T>::make(__lingqu_sample(object, x, y, z));
}
template <class T>
__device__ __inline__ void tex1Dfetch(T *out, cudaTextureObject_t o, int x) {
  *out = tex1Dfetch<T>(o, x);
}
template <class T>
__device__ __inline__ void tex1D(T *out, cudaTextureObject_t o, float x) {
  *out = tex1D<T>(o, x);
}
template <class T>
__device__ __inline__ void tex2D(T *out, cudaTextureObject_t o, float x,
                                 float y) {
  *out = tex2D<T>(o, x, y);
}
template <class T>
__device__ __inline__ void tex3D(T *out, cudaTextureObject_t o, float x,
                                 float y, float z) {
  *out = tex3D<T>(o, x, y, z);
}

/* Surfaces: x in bytes, y and z in rows and slices. The element's address,
 * or null where the boundary mode says to read zero / drop the write. */
LINGQU_TEX char *__lingqu_surface_at(cudaSurfaceObject_t object,
                                     unsigned size, long long x, long long y,
                                     long long z, int mode) {
  const __lingqu_texture *s = (const __lingqu_texture *)object;
  long long limit[3] = {
      (long long)(s->extent[0] * s->elementBytes) - (long long)size,
      (long long)s->extent[1] - 1, (long long)s->extent[2] - 1};
  long long at[3] = {x, y, z};
  for (int k = 0; k < 3; ++k) {
    if (at[k] >= 0 && at[k] <= limit[k])
      continue;
    if (mode != cudaBoundaryModeClamp)
      return 0;
    at[k] = at[k] < 0 ? 0 : limit[k];
  }
  return (char *)s->data + at[2] * s->slicePitch + at[1] * s->pitch + at[0];
}

template <class T>
__device__ __inline__ T surf3Dread(cudaSurfaceObject_t o, int x, int y, int z,
                                   cudaSurfaceBoundaryMode mode =
                                       cudaBoundaryModeTrap) {
  T value;
  __builtin_memset(&value, 0, sizeof value);
  if (const char *p = __lingqu_surface_at(o, sizeof(T), x, y, z, mode))
    __builtin_memcpy(&value, p, sizeof value);
  return value;
}
template <class T>
__device__ __inline__ T surf2Dread(cudaSurfaceObject_t o, int x, int y,
                                   cudaSurfaceBoundaryMode mode =
                                       cudaBoundaryModeTrap) {
  return surf3Dread<T>(o, x, y, 0, mode);
}
template <class T>
__device__ __inline__ T surf1Dread(cudaSurfaceObject_t o, int x,
                                   cudaSurfaceBoundaryMode mode =
                                       cudaBoundaryModeTrap) {
  return surf3Dread<T>(o, x, 0, 0, mode);
}
template <class T>
__device__ __inline__ void surf3Dread(T *out, cudaSurfaceObject_t o, int x,
                                      int y, int z,
                                      cudaSurfaceBoundaryMode mode =
                                          cudaBoundaryModeTrap) {
  *out = surf3Dread<T>(o, x, y, z, mode);
}
template <class T>
__device__ __inline__ void surf2Dread(T *out, cudaSurfaceObject_t o, int x,
                                      int y,
                                      cudaSurfaceBoundaryMode mode =
                                          cudaBoundaryModeTrap) {
  *out = surf3Dread<T>(o, x, y, 0, mode);
}
template <class T>
__device__ __inline__ void surf1Dread(T *out, cudaSurfaceObject_t o, int x,
                                      cudaSurfaceBoundaryMode mode =
                                          cudaBoundaryModeTrap) {
  *out = surf3Dread<T>(o, x, 0, 0, mode);
}
template <class T>
__device__ __inline__ void surf3Dwrite(T value, cudaSurfaceObject_t o, int x,
                                       int y, int z,
                                       cudaSurfaceBoundaryMode mode =
                                           cudaBoundaryModeTrap) {
  if (char *p = __lingqu_surface_at(o, sizeof(T), x, y, z, mode))
    __builtin_memcpy(p, &value, sizeof value);
}
template <class T>
__device__ __inline__ void surf2Dwrite(T value, cudaSurfaceObject_t o, int x,
                                       int y,
                                       cudaSurfaceBoundaryMode mode =
                                           cudaBoundaryModeTrap) {
  surf3Dwrite<T>(value, o, x, y, 0, mode);
}
template <class T>
__device__ __inline__ void surf1Dwrite(T value, cudaSurfaceObject_t o, int x,
                                       cudaSurfaceBoundaryMode mode =
                                           cudaBoundaryModeTrap) {
  surf3Dwrite<T>(value, o, x, 0, 0, mode);
}

#undef LINGQU_TEX
#endif /* __CUDA__ && __cplusplus */

#endif /* LINGQU_TEXTURE_H */
