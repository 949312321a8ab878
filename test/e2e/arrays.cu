// CUDA arrays end to end: 2D and 3D arrays of float2 and int, filled and
// read back through 2D copies, 3D copies in element units, the deprecated
// 1D copies and the driver's view of the same arrays; bad regions fail.
// RUN: %lqcc -I %S/Inputs/include %s -o %t -lcuda
// RUN: %exec %t | FileCheck %s
// CHECK: arrays: PASS
#include <cuda.h>

#include <cstdio>
#include <cstring>

#include "expect.h"

int main() {
  // A 6 x 4 array of float2, a 2 x 3 block written at column 2, row 1.
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<float2>();
  EXPECT(desc.x == 32 && desc.y == 32 && desc.z == 0 &&
         desc.f == cudaChannelFormatKindFloat);
  cudaArray_t array;
  EXPECT(cudaMallocArray(&array, &desc, 6, 4) == cudaSuccess);
  float2 zeros[4][6];
  std::memset(zeros, 0, sizeof zeros);
  EXPECT(cudaMemcpy2DToArray(array, 0, 0, zeros, sizeof zeros[0],
                             sizeof zeros[0], 4,
                             cudaMemcpyHostToDevice) == cudaSuccess);
  float2 block[3][2];
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 2; ++x)
      block[y][x] = make_float2(float(y), float(x));
  EXPECT(cudaMemcpy2DToArray(array, 2 * sizeof(float2), 1, block,
                             sizeof block[0], sizeof block[0], 3,
                             cudaMemcpyHostToDevice) == cudaSuccess);
  float2 back[4][6];
  EXPECT(cudaMemcpy2DFromArray(back, sizeof back[0], array, 0, 0,
                               sizeof back[0], 4,
                               cudaMemcpyDeviceToHost) == cudaSuccess);
  EXPECT(back[0][0].x == 0 && back[2][3].x == 1 && back[2][3].y == 1 &&
         back[3][2].x == 2 && back[1][4].x == 0);
  EXPECT(cudaMemcpy2DToArray(array, 5 * sizeof(float2), 0, block,
                             sizeof block[0], sizeof block[0], 1,
                             cudaMemcpyHostToDevice) == cudaErrorInvalidValue);
  cudaGetLastError();
  cudaExtent extent;
  cudaChannelFormatDesc got;
  unsigned flags = 1;
  EXPECT(cudaArrayGetInfo(&got, &extent, &flags, array) == cudaSuccess);
  EXPECT(extent.width == 6 && extent.height == 4 && extent.depth == 0 &&
         got.x == 32 && got.y == 32 && flags == 0);

  // The driver sees the same array.
  EXPECT(cuInit(0) == CUDA_SUCCESS);
  CUDA_ARRAY_DESCRIPTOR driverDesc;
  EXPECT(cuArrayGetDescriptor(&driverDesc, (CUarray)array) == CUDA_SUCCESS);
  EXPECT(driverDesc.Format == CU_AD_FORMAT_FLOAT &&
         driverDesc.NumChannels == 2 && driverDesc.Width == 6);
  float2 corner;
  EXPECT(cuMemcpyAtoH(&corner, (CUarray)array, (2 * 6 + 3) * sizeof(float2),
                      sizeof corner) == CUDA_SUCCESS);
  EXPECT(corner.x == 1 && corner.y == 1);
  EXPECT(cudaFreeArray(array) == cudaSuccess);
  EXPECT(cudaFreeArray(array) == cudaErrorInvalidResourceHandle);
  cudaGetLastError();

  // A 4 x 3 x 2 array of int: a 2 x 2 x 2 element block out with 3D copy.
  cudaChannelFormatDesc ints = cudaCreateChannelDesc<int>();
  cudaArray_t volume;
  EXPECT(cudaMalloc3DArray(&volume, &ints, make_cudaExtent(4, 3, 2)) ==
         cudaSuccess);
  int linear[2][3][4];
  for (int i = 0; i < 24; ++i)
    (&linear[0][0][0])[i] = i;
  EXPECT(cudaMemcpyToArray(volume, 0, 0, linear, sizeof linear,
                           cudaMemcpyHostToDevice) == cudaSuccess);
  int out[2][2][2];
  cudaMemcpy3DParms p = {};
  p.srcArray = volume;
  p.srcPos = make_cudaPos(1, 1, 0);
  p.dstPtr = make_cudaPitchedPtr(out, 2 * sizeof(int), 2, 2);
  p.extent = make_cudaExtent(2, 2, 2);
  p.kind = cudaMemcpyDeviceToHost;
  EXPECT(cudaMemcpy3D(&p) == cudaSuccess);
  for (int z = 0; z < 2; ++z)
    for (int y = 0; y < 2; ++y)
      for (int x = 0; x < 2; ++x)
        EXPECT(out[z][y][x] == linear[z][y + 1][x + 1]);
  p.srcPos = make_cudaPos(3, 0, 0);
  EXPECT(cudaMemcpy3D(&p) == cudaErrorInvalidValue);
  cudaGetLastError();
  EXPECT(cudaFreeArray(volume) == cudaSuccess);

  // A mipmapped array: levels of 8x8, 4x4, 2x2 uchar4.
  cudaChannelFormatDesc uchar4Desc = cudaCreateChannelDesc<uchar4>();
  cudaMipmappedArray_t mipmap;
  EXPECT(cudaMallocMipmappedArray(&mipmap, &uchar4Desc,
                                  make_cudaExtent(8, 8, 0), 3) == cudaSuccess);
  cudaArray_t level2;
  EXPECT(cudaGetMipmappedArrayLevel(&level2, mipmap, 2) == cudaSuccess);
  cudaExtent levelExtent;
  EXPECT(cudaArrayGetInfo(nullptr, &levelExtent, nullptr, level2) ==
         cudaSuccess);
  EXPECT(levelExtent.width == 2 && levelExtent.height == 2);
  cudaChannelFormatDesc levelDesc;
  EXPECT(cudaGetChannelDesc(&levelDesc, level2) == cudaSuccess &&
         levelDesc.w == 8);
  EXPECT(cudaGetMipmappedArrayLevel(&level2, mipmap, 3) ==
         cudaErrorInvalidValue);
  cudaGetLastError();
  EXPECT(cudaFreeMipmappedArray(mipmap) == cudaSuccess);
  EXPECT(cudaMallocMipmappedArray(&mipmap, &uchar4Desc,
                                  make_cudaExtent(8, 8, 0), 5) ==
         cudaErrorInvalidValue); // 8 halves into 4 levels only
  cudaGetLastError();

  cudaChannelFormatDesc odd = cudaCreateChannelDesc(8, 16, 0, 0,
                                                    cudaChannelFormatKindSigned);
  EXPECT(cudaMallocArray(&array, &odd, 4, 4) ==
         cudaErrorInvalidChannelDescriptor);
  cudaGetLastError();
  std::printf("arrays: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
