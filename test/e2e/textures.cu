// Texture and surface objects end to end: point and linear sampling of a 2D
// float array (with the 8-bit weights of CUDA's texture units), clamp,
// wrap and border addressing, normalised reads of uchar4, tex1Dfetch from
// linear memory, 3D sampling, surfaces written and read by kernels with
// each boundary mode, and the descriptors and errors of both kinds.
// RUN: %lqcc -I %S/Inputs/include %s -o %t
// RUN: %exec %t | FileCheck %s
// CHECK: textures: PASS
#include <cstdio>
#include <cstring>
#include <initializer_list>

#include "expect.h"

__global__ void sample2D(cudaTextureObject_t t, const float2 *at, float *out,
                         int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = tex2D<float>(t, at[i].x, at[i].y);
}

__global__ void sampleNormalized(cudaTextureObject_t t, float4 *out) {
  out[threadIdx.x] = tex2D<float4>(t, threadIdx.x + 0.5f, 0.5f);
}

__global__ void fetch(cudaTextureObject_t t, int *out, int n) {
  int i = threadIdx.x;
  if (i < n)
    out[i] = tex1Dfetch<int>(t, i - 2); // two before the start, zeros
}

__global__ void wrap1D(cudaTextureObject_t t, float *out) {
  out[threadIdx.x] = tex1D<float>(t, -0.875f + 0.5f * threadIdx.x);
}

__global__ void sample3D(cudaTextureObject_t t, float *out) {
  out[0] = tex3D<float>(t, 1.5f, 0.5f, 1.5f);
  out[1] = tex3D<float>(t, 1.0f, 0.5f, 1.0f); // halfway in x and z
}

__global__ void doubleSurface(cudaSurfaceObject_t s, int width, int height) {
  int x = threadIdx.x, y = blockIdx.x;
  if (x < width && y < height) {
    int v = surf2Dread<int>(s, x * 4, y);
    surf2Dwrite(v * 2, s, x * 4, y);
  }
}

__global__ void surfaceEdges(cudaSurfaceObject_t s, int *out) {
  out[0] = surf2Dread<int>(s, -4, 0, cudaBoundaryModeZero);
  out[1] = surf2Dread<int>(s, 1000, 1, cudaBoundaryModeClamp);
  surf2Dwrite(77, s, 0, 99, cudaBoundaryModeZero); // dropped
  surf2Dwrite(55, s, -8, -8, cudaBoundaryModeClamp); // lands at (0, 0)
}

static cudaTextureDesc sampler(cudaTextureFilterMode filter,
                               cudaTextureAddressMode mode,
                               cudaTextureReadMode read, bool normalized) {
  cudaTextureDesc d;
  std::memset(&d, 0, sizeof d);
  d.addressMode[0] = d.addressMode[1] = d.addressMode[2] = mode;
  d.filterMode = filter;
  d.readMode = read;
  d.normalizedCoords = normalized;
  return d;
}

static cudaResourceDesc arrayResource(cudaArray_t array) {
  cudaResourceDesc r;
  std::memset(&r, 0, sizeof r);
  r.resType = cudaResourceTypeArray;
  r.res.array.array = array;
  return r;
}

static void floatTexture2D() {
  // 4 x 3, value 10 * row + column.
  const int w = 4, h = 3;
  float host[h][w];
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      host[y][x] = 10.0f * y + x;
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<float>();
  cudaArray_t array;
  EXPECT(cudaMallocArray(&array, &desc, w, h) == cudaSuccess);
  EXPECT(cudaMemcpy2DToArray(array, 0, 0, host, w * 4, w * 4, h,
                             cudaMemcpyHostToDevice) == cudaSuccess);
  cudaResourceDesc res = arrayResource(array);

  const int n = 5;
  float2 at[n] = {{2.5f, 1.5f},   // texel (2, 1)
                  {-3.0f, 1.5f},  // clamped to column 0
                  {2.5f, 7.0f},   // clamped to row 2
                  {2.0f, 0.5f},   // linear: halfway between columns 1 and 2
                  {1.8f, 0.5f}};  // linear: 0.3 of the way, as 77/256
  float2 *dAt;
  float *dOut;
  cudaMalloc(&dAt, sizeof at);
  cudaMalloc(&dOut, n * sizeof(float));
  cudaMemcpy(dAt, at, sizeof at, cudaMemcpyHostToDevice);

  cudaTextureObject_t point, linear, border;
  cudaTextureDesc pd = sampler(cudaFilterModePoint, cudaAddressModeClamp,
                               cudaReadModeElementType, false);
  EXPECT(cudaCreateTextureObject(&point, &res, &pd, nullptr) == cudaSuccess);
  sample2D<<<1, 32>>>(point, dAt, dOut, n);
  float out[n];
  EXPECT(cudaMemcpy(out, dOut, sizeof out, cudaMemcpyDeviceToHost) ==
         cudaSuccess);
  EXPECT(out[0] == 12.0f && out[1] == 10.0f && out[2] == 22.0f);
  EXPECT(out[3] == 2.0f && out[4] == 1.0f); // texels floor(x), floor(y)

  cudaTextureDesc ld = sampler(cudaFilterModeLinear, cudaAddressModeClamp,
                               cudaReadModeElementType, false);
  EXPECT(cudaCreateTextureObject(&linear, &res, &ld, nullptr) == cudaSuccess);
  sample2D<<<1, 32>>>(linear, dAt, dOut, n);
  cudaMemcpy(out, dOut, sizeof out, cudaMemcpyDeviceToHost);
  EXPECT(out[0] == 12.0f);
  EXPECT(out[3] == 1.5f);
  EXPECT(out[4] == 1.0f + 77.0f / 256.0f); // not 1.3: 8-bit weights

  cudaTextureDesc bd = sampler(cudaFilterModePoint, cudaAddressModeBorder,
                               cudaReadModeElementType, false);
  bd.borderColor[0] = -1.0f;
  EXPECT(cudaCreateTextureObject(&border, &res, &bd, nullptr) == cudaSuccess);
  sample2D<<<1, 32>>>(border, dAt, dOut, n);
  cudaMemcpy(out, dOut, sizeof out, cudaMemcpyDeviceToHost);
  EXPECT(out[0] == 12.0f && out[1] == -1.0f && out[2] == -1.0f);

  // The descriptors come back as given.
  cudaResourceDesc got;
  EXPECT(cudaGetTextureObjectResourceDesc(&got, linear) == cudaSuccess);
  EXPECT(got.resType == cudaResourceTypeArray && got.res.array.array == array);
  cudaTextureDesc gotSampler;
  EXPECT(cudaGetTextureObjectTextureDesc(&gotSampler, border) == cudaSuccess);
  EXPECT(gotSampler.addressMode[1] == cudaAddressModeBorder &&
         gotSampler.borderColor[0] == -1.0f);
  cudaResourceViewDesc view;
  EXPECT(cudaGetTextureObjectResourceViewDesc(&view, point) ==
         cudaErrorInvalidValue); // made without one

  for (cudaTextureObject_t t : {point, linear, border})
    EXPECT(cudaDestroyTextureObject(t) == cudaSuccess);
  EXPECT(cudaDestroyTextureObject(point) == cudaErrorInvalidValue);
  EXPECT(cudaGetTextureObjectTextureDesc(&gotSampler, point) ==
         cudaErrorInvalidValue);
  cudaFree(dAt);
  cudaFree(dOut);
  cudaFreeArray(array);
}

static void normalizedReads() {
  uchar4 host[2] = {{0, 51, 255, 128}, {255, 0, 102, 1}};
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<uchar4>();
  cudaArray_t array;
  EXPECT(cudaMallocArray(&array, &desc, 2, 1) == cudaSuccess);
  cudaMemcpy2DToArray(array, 0, 0, host, sizeof host, sizeof host, 1,
                      cudaMemcpyHostToDevice);
  cudaResourceDesc res = arrayResource(array);
  cudaTextureDesc d = sampler(cudaFilterModePoint, cudaAddressModeClamp,
                              cudaReadModeNormalizedFloat, false);
  cudaTextureObject_t t;
  EXPECT(cudaCreateTextureObject(&t, &res, &d, nullptr) == cudaSuccess);
  float4 *dOut, out[2];
  cudaMalloc(&dOut, sizeof out);
  sampleNormalized<<<1, 2>>>(t, dOut);
  cudaMemcpy(out, dOut, sizeof out, cudaMemcpyDeviceToHost);
  EXPECT(out[0].x == 0.0f && out[0].y == 0.2f && out[0].z == 1.0f);
  EXPECT(out[1].x == 1.0f && out[1].z == 0.4f && out[1].w == 1.0f / 255.0f);
  cudaDestroyTextureObject(t);
  cudaFree(dOut);
  cudaFreeArray(array);
}

static void linearMemory() {
  const int n = 6;
  int *data, *dOut;
  cudaMalloc(&data, n * sizeof(int)); // aligned for textures, as CUDA's
  cudaMalloc(&dOut, (n + 4) * sizeof(int));
  int host[n] = {3, 1, 4, 1, 5, 9};
  cudaMemcpy(data, host, sizeof host, cudaMemcpyHostToDevice);
  cudaResourceDesc res;
  std::memset(&res, 0, sizeof res);
  res.resType = cudaResourceTypeLinear;
  res.res.linear.devPtr = data;
  res.res.linear.desc = cudaCreateChannelDesc<int>();
  res.res.linear.sizeInBytes = sizeof host;
  cudaTextureDesc d = sampler(cudaFilterModePoint, cudaAddressModeClamp,
                              cudaReadModeElementType, false);
  cudaTextureObject_t t;
  EXPECT(cudaCreateTextureObject(&t, &res, &d, nullptr) == cudaSuccess);
  fetch<<<1, n + 4>>>(t, dOut, n + 4);
  int out[n + 4];
  cudaMemcpy(out, dOut, sizeof out, cudaMemcpyDeviceToHost);
  EXPECT(out[0] == 0 && out[1] == 0); // before the start
  EXPECT(out[2] == 3 && out[7] == 9);
  EXPECT(out[8] == 0 && out[9] == 0); // past the end
  cudaDestroyTextureObject(t);

  // Memory not aligned to cudaDevAttrTextureAlignment is refused.
  res.res.linear.devPtr = data + 1;
  res.res.linear.sizeInBytes = 4;
  EXPECT(cudaCreateTextureObject(&t, &res, &d, nullptr) ==
         cudaErrorInvalidValue);
  // So is a pitch that is not a multiple of the pitch alignment.
  res.resType = cudaResourceTypePitch2D;
  res.res.pitch2D.devPtr = data;
  res.res.pitch2D.desc = cudaCreateChannelDesc<int>();
  res.res.pitch2D.width = 2;
  res.res.pitch2D.height = 3;
  res.res.pitch2D.pitchInBytes = 8;
  EXPECT(cudaCreateTextureObject(&t, &res, &d, nullptr) ==
         cudaErrorInvalidValue);
  cudaGetLastError();
  cudaFree(data);
  cudaFree(dOut);
}

static void wrapAndVolume() {
  // 1D, width 4, normalised coordinates wrapping around.
  float host[4] = {0, 1, 2, 3};
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<float>();
  cudaArray_t line;
  cudaMallocArray(&line, &desc, 4);
  cudaMemcpy2DToArray(line, 0, 0, host, 16, 16, 1, cudaMemcpyHostToDevice);
  cudaResourceDesc res = arrayResource(line);
  cudaTextureDesc d = sampler(cudaFilterModePoint, cudaAddressModeWrap,
                              cudaReadModeElementType, true);
  cudaTextureObject_t t;
  EXPECT(cudaCreateTextureObject(&t, &res, &d, nullptr) == cudaSuccess);
  float *dOut, out[4];
  cudaMalloc(&dOut, sizeof out);
  wrap1D<<<1, 4>>>(t, dOut); // -0.875, -0.375, 0.125, 0.625
  cudaMemcpy(out, dOut, sizeof out, cudaMemcpyDeviceToHost);
  EXPECT(out[0] == 0.0f && out[1] == 2.0f && out[2] == 0.0f &&
         out[3] == 2.0f);
  cudaDestroyTextureObject(t);
  cudaFreeArray(line);

  // 3D, 2 x 1 x 2, value 100 * z + x.
  float vol[2][1][2] = {{{0, 1}}, {{100, 101}}};
  cudaArray_t volume;
  EXPECT(cudaMalloc3DArray(&volume, &desc, make_cudaExtent(2, 1, 2)) ==
         cudaSuccess);
  cudaMemcpy3DParms p;
  std::memset(&p, 0, sizeof p);
  p.srcPtr = make_cudaPitchedPtr(vol, 8, 2, 1);
  p.dstArray = volume;
  p.extent = make_cudaExtent(2, 1, 2);
  p.kind = cudaMemcpyHostToDevice;
  EXPECT(cudaMemcpy3D(&p) == cudaSuccess);
  res = arrayResource(volume);
  d = sampler(cudaFilterModeLinear, cudaAddressModeClamp,
              cudaReadModeElementType, false);
  EXPECT(cudaCreateTextureObject(&t, &res, &d, nullptr) == cudaSuccess);
  sample3D<<<1, 1>>>(t, dOut);
  cudaMemcpy(out, dOut, 2 * sizeof(float), cudaMemcpyDeviceToHost);
  EXPECT(out[0] == 101.0f);
  EXPECT(out[1] == 50.5f);
  cudaDestroyTextureObject(t);
  cudaFree(dOut);
  cudaFreeArray(volume);
}

static void surfaces() {
  const int w = 5, h = 3;
  int host[h][w];
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      host[y][x] = y * w + x;
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<int>();
  cudaArray_t plain, array;
  cudaMallocArray(&plain, &desc, w, h);
  cudaResourceDesc res = arrayResource(plain);
  cudaSurfaceObject_t s;
  EXPECT(cudaCreateSurfaceObject(&s, &res) == cudaErrorInvalidValue);

  EXPECT(cudaMallocArray(&array, &desc, w, h, cudaArraySurfaceLoadStore) ==
         cudaSuccess);
  cudaMemcpy2DToArray(array, 0, 0, host, w * 4, w * 4, h,
                      cudaMemcpyHostToDevice);
  res = arrayResource(array);
  EXPECT(cudaCreateSurfaceObject(&s, &res) == cudaSuccess);
  doubleSurface<<<h, 32>>>(s, w, h);
  int *dEdges, edges[2];
  cudaMalloc(&dEdges, sizeof edges);
  surfaceEdges<<<1, 1>>>(s, dEdges);
  int back[h][w];
  EXPECT(cudaMemcpy2DFromArray(back, w * 4, array, 0, 0, w * 4, h,
                               cudaMemcpyDeviceToHost) == cudaSuccess);
  cudaMemcpy(edges, dEdges, sizeof edges, cudaMemcpyDeviceToHost);
  EXPECT(back[0][0] == 55);
  EXPECT(back[1][2] == 2 * 7 && back[2][4] == 2 * 14);
  EXPECT(edges[0] == 0);
  EXPECT(edges[1] == 2 * 9); // clamped to the last column of row 1

  cudaResourceDesc got;
  EXPECT(cudaGetSurfaceObjectResourceDesc(&got, s) == cudaSuccess);
  EXPECT(got.res.array.array == array);
  EXPECT(cudaDestroyTextureObject(s) == cudaErrorInvalidValue); // a surface
  EXPECT(cudaDestroySurfaceObject(s) == cudaSuccess);
  EXPECT(cudaDestroySurfaceObject(s) == cudaErrorInvalidValue);
  cudaGetLastError();
  cudaFree(dEdges);
  cudaFreeArray(array);
  cudaFreeArray(plain);
}

int main() {
  floatTexture2D();
  normalizedReads();
  linearMemory();
  wrapAndVolume();
  surfaces();
  EXPECT(cudaDeviceSynchronize() == cudaSuccess);
  std::printf("textures: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
