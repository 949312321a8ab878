// CUDA's vector types as kernel parameters, loads and stores: alignment and
// layout agree between host and device.
// RUN: %lqcc %s -o %t && %run %t | FileCheck %s
// CHECK: vector-types: PASS
#include <cstdio>

struct Packet { char tag; int2 pos; double3 vel; uchar4 rgba; };

__global__ void mix(const float4 *a, int2 shift, Packet p, float4 *out, longlong2 *wide) {
  int i = threadIdx.x;
  float4 v = a[i];
  out[i] = make_float4(v.w + shift.x, v.z + shift.y, v.y + p.pos.x, v.x + p.rgba.z);
  wide[i] = make_longlong2((long long)p.vel.z * i, p.tag + p.rgba.w);
}

int main() {
  const int n = 64;
  float4 h[n], r[n];
  longlong2 w[n];
  for (int i = 0; i < n; ++i) h[i] = make_float4(i, 2 * i, 3 * i, 4 * i);
  Packet p = {'q', make_int2(7, -7), make_double3(0.5, 1.5, 1e9), make_uchar4(1, 2, 3, 250)};
  float4 *da, *dout; longlong2 *dw;
  cudaMalloc(&da, sizeof h); cudaMalloc(&dout, sizeof r); cudaMalloc(&dw, sizeof w);
  cudaMemcpy(da, h, sizeof h, cudaMemcpyHostToDevice);
  mix<<<1, n>>>(da, make_int2(100, 200), p, dout, dw);
  cudaMemcpy(r, dout, sizeof r, cudaMemcpyDeviceToHost);
  cudaMemcpy(w, dw, sizeof w, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int i = 0; i < n; ++i) {
    wrong += r[i].x != 4 * i + 100 || r[i].y != 3 * i + 200 || r[i].z != 2 * i + 7 ||
             r[i].w != i + 3;
    wrong += w[i].x != 1000000000LL * i || w[i].y != 'q' + 250;
  }
  std::printf("vector-types: %s (%d wrong, sizeof(Packet)=%zu)\n", wrong ? "FAIL" : "PASS",
              wrong, sizeof(Packet));
  return wrong != 0;
}
