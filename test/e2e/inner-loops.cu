// Thread loops that hold loops of their own: LLVM's outer-loop vectoriser
// runs the inner loop for a vector of threads (VectorizeThreadLoops.cpp)
// where the trip count is the same for every thread; where it is not, or a
// branch inside differs per thread, the loops stay scalar. Each shape must
// give the sequential result, in partial blocks and 2D blocks too.
// RUN: %lqcc %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: inner-loops: OK
#include <cmath>
#include <cstdio>
#include <vector>

__global__ void distances(const float *a, float *out, int n, int m) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float x = a[i], sum = 0;
  for (int j = 0; j < m; ++j)
    sum += (a[j] - x) * (a[j] - x);
  out[i] = sum;
}

__global__ void ownCounts(const int *count, int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  int s = 0;
  for (int k = 0; k < count[i]; ++k)
    s += k * i;
  out[i] = s;
}

__global__ void branchInside(const float *a, float *out, int n, int m) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float s = 0;
  for (int j = 0; j < m; ++j)
    if ((i + j) % 3 == 0)
      s += a[j];
    else
      s -= 0.5f * a[j];
  out[i] = s;
}

// Marching in z with a 2D block: the z loop is the thread's.
__global__ void marchZ(const float *in, float *out, int nx, int ny, int nz) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= nx || y >= ny)
    return;
  float carry = 0;
  for (int z = 0; z < nz; ++z) {
    size_t i = (size_t(z) * ny + y) * nx + x;
    carry = 0.5f * carry + in[i];
    out[i] = carry;
  }
}

static int bad = 0;
static void expect(bool ok, const char *what, int i) {
  if (!ok && bad++ < 5)
    printf("%s: wrong at %d\n", what, i);
}

int main() {
  const int n = 1000, m = 77;
  float *a, *out;
  int *count, *iout;
  cudaMallocManaged(&a, n * sizeof(float));
  cudaMallocManaged(&out, n * sizeof(float));
  cudaMallocManaged(&count, n * sizeof(int));
  cudaMallocManaged(&iout, n * sizeof(int));
  for (int i = 0; i < n; ++i) {
    a[i] = 0.001f * float((i * 37) % 101);
    count[i] = (i * 7) % 13;
  }
  distances<<<(n + 127) / 128, 128>>>(a, out, n, m);
  cudaDeviceSynchronize();
  for (int i = 0; i < n; ++i) {
    float sum = 0;
    for (int j = 0; j < m; ++j)
      sum += (a[j] - a[i]) * (a[j] - a[i]);
    expect(std::fabs(out[i] - sum) <= 1e-5f * (1 + sum), "distances", i);
  }
  ownCounts<<<(n + 63) / 64, 64>>>(count, iout, n);
  cudaDeviceSynchronize();
  for (int i = 0; i < n; ++i) {
    int s = 0;
    for (int k = 0; k < count[i]; ++k)
      s += k * i;
    expect(iout[i] == s, "ownCounts", i);
  }
  branchInside<<<(n + 95) / 96, 96>>>(a, out, n, m);
  cudaDeviceSynchronize();
  for (int i = 0; i < n; ++i) {
    float s = 0;
    for (int j = 0; j < m; ++j)
      s += (i + j) % 3 == 0 ? a[j] : -0.5f * a[j];
    expect(std::fabs(out[i] - s) <= 1e-5f * (1 + std::fabs(s)), "branchInside",
           i);
  }
  const int nx = 45, ny = 19, nz = 23;
  std::vector<float> ref(nx * ny * nz);
  float *in3, *out3;
  cudaMallocManaged(&in3, ref.size() * sizeof(float));
  cudaMallocManaged(&out3, ref.size() * sizeof(float));
  for (size_t i = 0; i < ref.size(); ++i)
    in3[i] = float(i % 17);
  marchZ<<<dim3((nx + 31) / 32, (ny + 7) / 8), dim3(32, 8)>>>(in3, out3, nx, ny,
                                                             nz);
  cudaDeviceSynchronize();
  for (int y = 0; y < ny; ++y)
    for (int x = 0; x < nx; ++x) {
      float carry = 0;
      for (int z = 0; z < nz; ++z) {
        size_t i = (size_t(z) * ny + y) * nx + x;
        carry = 0.5f * carry + in3[i];
        expect(out3[i] == carry, "marchZ", int(i));
      }
    }
  printf("inner-loops: %s\n", bad ? "FAIL" : "OK");
  return bad != 0;
}
