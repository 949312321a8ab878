// All-pairs n-body in CUDA: one thread per body; each block stages the
// bodies through shared memory a tile at a time.
#include "nbody.h"

__global__ void advance(const float4 *pos, float4 *next, float4 *vel, int n,
                        float softening2, float dt) {
  __shared__ float4 tile[nbody::kTile];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float4 p = pos[i];
  float ax = 0, ay = 0, az = 0;
  for (int base = 0; base < n; base += nbody::kTile) {
    tile[threadIdx.x] = pos[base + threadIdx.x];
    __syncthreads();
#pragma unroll 4
    for (int j = 0; j < nbody::kTile; ++j) {
      float4 q = tile[j];
      float dx = q.x - p.x, dy = q.y - p.y, dz = q.z - p.z;
      float d2 = dx * dx + dy * dy + dz * dz + softening2;
      float inv = rsqrtf(d2);
      float s = q.w * inv * inv * inv;
      ax += dx * s;
      ay += dy * s;
      az += dz * s;
    }
    __syncthreads();
  }
  float4 v = vel[i];
  v.x += ax * dt;
  v.y += ay * dt;
  v.z += az * dt;
  vel[i] = v;
  next[i] = make_float4(p.x + v.x * dt, p.y + v.y * dt, p.z + v.z * dt, p.w);
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = nbody::bodies(args);
  std::vector<float> start = nbody::inputs(n);
  size_t bytes = n * sizeof(float4);
  float4 *init, *pos[2], *vel;
  cudaMalloc(&init, bytes);
  cudaMalloc(&pos[0], bytes);
  cudaMalloc(&pos[1], bytes);
  cudaMalloc(&vel, bytes);
  cudaMemcpy(init, start.data(), bytes, cudaMemcpyHostToDevice);
  int grid = int(n / nbody::kTile);
  bench::time(args, [&] {
    cudaMemcpy(pos[0], init, bytes, cudaMemcpyDeviceToDevice);
    cudaMemset(vel, 0, bytes);
    for (int s = 0; s < nbody::kSteps; ++s)
      advance<<<grid, nbody::kTile>>>(pos[s % 2], pos[(s + 1) % 2], vel, int(n),
                                      nbody::kSoftening2, nbody::kDt);
    if (cudaDeviceSynchronize() != cudaSuccess)
      bench::fail("n-body kernel");
  });
  std::vector<float> hp(4 * n), hv(4 * n);
  cudaMemcpy(hp.data(), pos[0], bytes, cudaMemcpyDeviceToHost);
  cudaMemcpy(hv.data(), vel, bytes, cudaMemcpyDeviceToHost);
  bench::checksum(nbody::checksum(hp.data(), hv.data(), n));
  bench::workFlops(nbody::flops(n));
}
