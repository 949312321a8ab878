/*===- channel_descriptor.h - cudaCreateChannelDesc<T>() -----------------===*
 * Written for Lingqu: the channel descriptor of an element type, for CUDA
 * arrays and textures.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_CHANNEL_DESCRIPTOR_H
#define LINGQU_CHANNEL_DESCRIPTOR_H

#include "cuda_runtime_api.h"

#if defined(__cplusplus)
template <typename T>
static __inline__ __host__ cudaChannelFormatDesc cudaCreateChannelDesc(void) {
  return cudaCreateChannelDesc(0, 0, 0, 0, cudaChannelFormatKindNone);
}

#define LINGQU_CHANNEL_DESC(T, bits, n, kind)                                  \
  template <>                                                                  \
  __inline__ __host__ cudaChannelFormatDesc cudaCreateChannelDesc<T>(void) {   \
    return cudaCreateChannelDesc(bits, (n) > 1 ? (bits) : 0,                   \
                                 (n) > 2 ? (bits) : 0, (n) > 3 ? (bits) : 0,   \
                                 kind);                                        \
  }
#define LINGQU_CHANNEL_FAMILY(T, V, bits, kind)                                \
  LINGQU_CHANNEL_DESC(T, bits, 1, kind)                                        \
  LINGQU_CHANNEL_DESC(V##1, bits, 1, kind)                                     \
  LINGQU_CHANNEL_DESC(V##2, bits, 2, kind)                                     \
  LINGQU_CHANNEL_DESC(V##4, bits, 4, kind)

LINGQU_CHANNEL_DESC(char, 8, 1, cudaChannelFormatKindSigned)
LINGQU_CHANNEL_FAMILY(signed char, char, 8, cudaChannelFormatKindSigned)
LINGQU_CHANNEL_FAMILY(unsigned char, uchar, 8, cudaChannelFormatKindUnsigned)
LINGQU_CHANNEL_FAMILY(short, short, 16, cudaChannelFormatKindSigned)
LINGQU_CHANNEL_FAMILY(unsigned short, ushort, 16,
                      cudaChannelFormatKindUnsigned)
LINGQU_CHANNEL_FAMILY(int, int, 32, cudaChannelFormatKindSigned)
LINGQU_CHANNEL_FAMILY(unsigned int, uint, 32, cudaChannelFormatKindUnsigned)
LINGQU_CHANNEL_FAMILY(float, float, 32, cudaChannelFormatKindFloat)
#undef LINGQU_CHANNEL_FAMILY
#undef LINGQU_CHANNEL_DESC
#endif

#endif /* LINGQU_CHANNEL_DESCRIPTOR_H */
