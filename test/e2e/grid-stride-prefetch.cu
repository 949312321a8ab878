// Grid-stride loops read a block-sized run per step and jump by the grid's
// stride; Lingqu prefetches the runs a few steps ahead. At the end of the
// data those prefetches point past it: here the data ends where a
// PROT_NONE page begins, so anything but a prefetch there would fault.
// The counts and the sum must still be exact, for 4- and 8-byte elements,
// with a ragged last step.
// RUN: %lqcc %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: grid-stride-prefetch: OK
#include <cstdint>
#include <cstdio>
#include <sys/mman.h>
#include <unistd.h>

__global__ void countBytes(const uint32_t *words, size_t n, unsigned *hist) {
  __shared__ unsigned local[256];
  for (int b = threadIdx.x; b < 256; b += blockDim.x)
    local[b] = 0;
  __syncthreads();
  for (size_t i = size_t(blockIdx.x) * blockDim.x + threadIdx.x; i < n;
       i += size_t(gridDim.x) * blockDim.x) {
    uint32_t w = words[i];
    atomicAdd(&local[w & 0xff], 1u);
    atomicAdd(&local[w >> 24], 1u);
  }
  __syncthreads();
  for (int b = threadIdx.x; b < 256; b += blockDim.x)
    atomicAdd(&hist[b], local[b]);
}

__global__ void sumInts(const long long *v, int n, unsigned long long *sum) {
  __shared__ long long part[96];
  long long s = 0;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += gridDim.x * blockDim.x)
    s += v[i];
  part[threadIdx.x] = s;
  __syncthreads();
  if (threadIdx.x == 0) {
    for (int k = 1; k < blockDim.x; ++k)
      s += part[k];
    atomicAdd(sum, (unsigned long long)s);
  }
}

/// `bytes` of memory that end where an inaccessible page starts.
static void *beforeGuardPage(size_t bytes) {
  size_t page = sysconf(_SC_PAGESIZE);
  size_t span = (bytes + page - 1) / page * page;
  char *base = static_cast<char *>(mmap(nullptr, span + 4 * page,
                                        PROT_READ | PROT_WRITE,
                                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  if (base == MAP_FAILED)
    return nullptr;
  mprotect(base + span, 4 * page, PROT_NONE);
  return base + span - bytes;
}

int main() {
  const size_t words = 100003;
  const int ints = 77777;
  auto *w = static_cast<uint32_t *>(beforeGuardPage(words * 4));
  auto *v = static_cast<long long *>(beforeGuardPage(ints * 8));
  if (!w || !v) {
    std::printf("mmap failed\n");
    return 1;
  }
  unsigned expect[256] = {};
  for (size_t i = 0; i < words; ++i) {
    w[i] = uint32_t(i * 2654435761u);
    ++expect[w[i] & 0xff];
    ++expect[w[i] >> 24];
  }
  unsigned long long expectSum = 0;
  for (int i = 0; i < ints; ++i) {
    v[i] = (i % 7 == 0 ? -1 : 1) * (long long)i * 1000003;
    expectSum += (unsigned long long)v[i];
  }
  cudaHostRegister(w, words * 4, cudaHostRegisterMapped);
  cudaHostRegister(v, ints * 8, cudaHostRegisterMapped);
  unsigned *hist;
  unsigned long long *sum;
  cudaMalloc(&hist, 256 * sizeof(unsigned));
  cudaMalloc(&sum, sizeof *sum);
  cudaMemset(hist, 0, 256 * sizeof(unsigned));
  cudaMemset(sum, 0, sizeof *sum);
  countBytes<<<5, 128>>>(w, words, hist);
  sumInts<<<3, 96>>>(v, ints, sum);
  if (cudaDeviceSynchronize() != cudaSuccess) {
    std::printf("launch failed\n");
    return 1;
  }
  unsigned got[256];
  unsigned long long gotSum;
  cudaMemcpy(got, hist, sizeof got, cudaMemcpyDeviceToHost);
  cudaMemcpy(&gotSum, sum, sizeof gotSum, cudaMemcpyDeviceToHost);
  int wrong = gotSum != expectSum;
  for (int b = 0; b < 256; ++b)
    wrong += got[b] != expect[b];
  std::printf("grid-stride-prefetch: %s (%d wrong)\n", wrong ? "FAIL" : "OK",
              wrong);
  return wrong != 0;
}
