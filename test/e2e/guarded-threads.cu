// Branches that admit a prefix or a suffix of a block's threads (`if (i <
// n)`, `if (i >= n) return;`, `n > i`, `i <= last`, `x < w && y < h`,
// the last also inside a loop each thread runs),
// which lingqu-split-guarded-thread-loops turns into two loops split where
// the guard changes: every thread must still take its own side, for sizes
// that are not multiples of the block, with results carried past a
// barrier, both sides having effects, and unsigned indices that wrap
// within a block (the threads the guard admits are then not a prefix, and
// the run-time check sends the block to the original loop).
// RUN: %lqcc %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: guarded-threads: OK
#include <climits>
#include <cstdio>
#include <vector>

static int failures = 0;

static void expect(bool ok, const char *what, long long i) {
  if (!ok && failures++ < 10)
    std::printf("FAIL %s at %lld\n", what, i);
}

__global__ void prefix(const float *in, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = 2.0f * in[i];
}

__global__ void earlyReturn(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  out[i] = i + 1;
}

// Both sides write: the threads past n write their own marker.
__global__ void bothSides(unsigned *out, unsigned n) {
  unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
  if (n > i)
    out[i] = 1;
  else
    out[i] = 2;
}

__global__ void inclusive(int *out, int last) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i <= last)
    out[i] = 3;
}

__global__ void tile2d(int *out, int w, int h) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < w && y < h)
    out[y * w + x] = y * 1000 + x;
}

// A tile's rows walked in each thread, the column guard inside that loop
// and also read as a value (a transpose's shape).
__global__ void tileRows(int *out, int w, int h) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  for (int j = 0; j < 4; ++j) {
    int y = blockIdx.y * 4 + j;
    bool inside = x < w;
    if (inside && y < h)
      out[y * w + x] = (inside ? 1000 : 5000) * y + x;
  }
}

// The guard read as a value by every thread, in and out of a loop.
__global__ void selects(float *marks, int n, int total) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  marks[i] = i < n ? 1.5f : -2.5f;
  for (int j = 1; j < 3; ++j)
    marks[j * total + i] = n > i ? float(j) : -float(j);
}

// A value each thread in range loads, carried past a barrier, plus loads
// every thread makes from one __shared__ address (k-means' centroids).
__global__ void carried(const float *in, float *out, int n) {
  __shared__ float scale[4];
  if (threadIdx.x < 4)
    scale[threadIdx.x] = float(threadIdx.x + 1);
  __syncthreads();
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float v;
  if (i < n)
    v = in[i] * scale[0] + scale[1] * scale[2];
  __syncthreads();
  if (i < n)
    out[i] = v + scale[3];
}

// Unsigned indices from a base near UINT_MAX: the block's later threads
// wrap to small indices, which are below n.
__global__ void wrapping(unsigned base, unsigned n, int *hits) {
  unsigned i = base + threadIdx.x;
  if (i < n)
    hits[threadIdx.x] = int(i);
  else
    hits[threadIdx.x] = -1;
}

int main() {
  const int block = 128;
  for (int n : {1, 127, 128, 129, 1000}) {
    int grid = (n + block - 1) / block + 1; // a whole block past n
    int total = grid * block;
    std::vector<float> hin(total);
    for (int i = 0; i < total; ++i)
      hin[i] = float(i % 97);
    float *in, *fout;
    int *iout;
    unsigned *uout;
    cudaMalloc(&in, total * sizeof(float));
    cudaMalloc(&fout, 3 * total * sizeof(float));
    cudaMalloc(&iout, total * sizeof(int));
    cudaMalloc(&uout, total * sizeof(unsigned));
    cudaMemcpy(in, hin.data(), total * sizeof(float), cudaMemcpyHostToDevice);
    std::vector<float> hf(3 * total);
    std::vector<int> hi(total);
    std::vector<unsigned> hu(total);

    cudaMemset(fout, 0, total * sizeof(float));
    prefix<<<grid, block>>>(in, fout, n);
    cudaMemcpy(hf.data(), fout, total * sizeof(float), cudaMemcpyDeviceToHost);
    for (int i = 0; i < total; ++i)
      expect(hf[i] == (i < n ? 2.0f * hin[i] : 0.0f), "prefix", i);

    cudaMemset(iout, 0, total * sizeof(int));
    earlyReturn<<<grid, block>>>(iout, n);
    cudaMemcpy(hi.data(), iout, total * sizeof(int), cudaMemcpyDeviceToHost);
    for (int i = 0; i < total; ++i)
      expect(hi[i] == (i < n ? i + 1 : 0), "earlyReturn", i);

    bothSides<<<grid, block>>>(uout, n);
    cudaMemcpy(hu.data(), uout, total * sizeof(unsigned),
               cudaMemcpyDeviceToHost);
    for (int i = 0; i < total; ++i)
      expect(hu[i] == (i < n ? 1u : 2u), "bothSides", i);

    selects<<<grid, block>>>(fout, n, total);
    cudaMemcpy(hf.data(), fout, 3 * total * sizeof(float),
               cudaMemcpyDeviceToHost);
    for (int j = 0; j < 3; ++j)
      for (int i = 0; i < total; ++i)
        expect(hf[j * total + i] == (j == 0 ? (i < n ? 1.5f : -2.5f)
                                            : (i < n ? float(j) : -float(j))),
               "selects", j * total + i);

    cudaMemset(iout, 0, total * sizeof(int));
    inclusive<<<grid, block>>>(iout, n - 1);
    cudaMemcpy(hi.data(), iout, total * sizeof(int), cudaMemcpyDeviceToHost);
    for (int i = 0; i < total; ++i)
      expect(hi[i] == (i < n ? 3 : 0), "inclusive", i);

    cudaMemset(fout, 0, total * sizeof(float));
    carried<<<grid, block>>>(in, fout, n);
    cudaMemcpy(hf.data(), fout, total * sizeof(float), cudaMemcpyDeviceToHost);
    for (int i = 0; i < total; ++i)
      expect(hf[i] == (i < n ? hin[i] * 1.0f + 2.0f * 3.0f + 4.0f : 0.0f),
             "carried", i);

    cudaFree(in);
    cudaFree(fout);
    cudaFree(iout);
    cudaFree(uout);
  }

  // A 37 x 23 image in 16 x 8 tiles: ragged on both sides.
  {
    const int w = 37, h = 23;
    dim3 tb(16, 8), tg((w + 15) / 16, (h + 7) / 8);
    int *out;
    cudaMalloc(&out, w * h * sizeof(int));
    cudaMemset(out, 0xff, w * h * sizeof(int));
    tile2d<<<tg, tb>>>(out, w, h);
    std::vector<int> ho(w * h);
    cudaMemcpy(ho.data(), out, w * h * sizeof(int), cudaMemcpyDeviceToHost);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        expect(ho[y * w + x] == y * 1000 + x, "tile2d", y * w + x);
    cudaMemset(out, 0xff, w * h * sizeof(int));
    tileRows<<<dim3((w + 15) / 16, (h + 3) / 4), 16>>>(out, w, h);
    cudaMemcpy(ho.data(), out, w * h * sizeof(int), cudaMemcpyDeviceToHost);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        expect(ho[y * w + x] == y * 1000 + x, "tileRows", y * w + x);
    cudaFree(out);
  }

  {
    int *hits;
    cudaMalloc(&hits, block * sizeof(int));
    unsigned base = UINT_MAX - 99, n = 10;
    wrapping<<<1, block>>>(base, n, hits);
    std::vector<int> hh(block);
    cudaMemcpy(hh.data(), hits, block * sizeof(int), cudaMemcpyDeviceToHost);
    for (int t = 0; t < block; ++t) {
      unsigned i = base + unsigned(t);
      expect(hh[t] == (i < n ? int(i) : -1), "wrapping", t);
    }
    cudaFree(hits);
  }

  if (cudaDeviceSynchronize() != cudaSuccess)
    expect(false, "cudaDeviceSynchronize", 0);
  if (failures == 0)
    std::printf("guarded-threads: OK\n");
  return failures != 0;
}
