// Loops that stride from a thread's index (block- and grid-stride loops),
// which lingqu-uniform-strided-loops gives a block-uniform trip count: each
// thread must still run exactly its own iterations, in order, with its own
// carried values, for counts that are not multiples of the block, signed
// and unsigned indices, `<`, `<=` and `>` compares, 2-D tiles (their
// column loops folded into the thread loop where the stride is the
// block's width, and not where it is not), and bounds
// so near the top of the index type that the pass's run-time check sends
// the loop to its original form.
// RUN: %lqcc %s -o %t
// RUN: %run %t | FileCheck %s
// CHECK: strided-loops: OK
#include <climits>
#include <cstdio>
#include <vector>

static int failures = 0;

static void expect(bool ok, const char *what, long long i) {
  if (!ok && failures++ < 10)
    std::printf("FAIL %s at %lld\n", what, i);
}

// A block-stride sum: each thread's carried sum over its own elements.
__global__ void blockSums(const int *in, int n, int *out) {
  int sum = 0, count = 0;
  for (int i = threadIdx.x; i < n; i += blockDim.x) {
    sum += in[i];
    ++count;
  }
  out[2 * (blockIdx.x * blockDim.x + threadIdx.x)] = sum;
  out[2 * (blockIdx.x * blockDim.x + threadIdx.x) + 1] = count;
}

// A grid-stride loop over size_t with `<=`, recording the order in which
// each thread visits its elements.
__global__ void gridOrder(size_t last, unsigned *step) {
  unsigned k = 0;
  for (size_t i = size_t(blockIdx.x) * blockDim.x + threadIdx.x; i <= last;
       i += size_t(gridDim.x) * blockDim.x)
    step[i] = k++;
}

// The bound on the left: `n > i`.
__global__ void reversedCompare(int n, int *out) {
  for (int i = 5 + threadIdx.x; n > i; i += 7)
    atomicAdd(&out[i], 1 + int(threadIdx.x));
}

// A 2-D tile visited by a smaller 2-D block, as a stencil loads its halo.
__global__ void tileVisits(int side, int *visits) {
  for (int y = 1 + threadIdx.y; y < side - 1; y += blockDim.y)
    for (int x = 1 + threadIdx.x; x < side - 1; x += blockDim.x)
      atomicAdd(&visits[blockIdx.x * side * side + y * side + x], 1);
}

// The same with a column stride that is not the block's width (here
// half of it: each column twice), where the thread loop cannot absorb the
// column loop.
__global__ void tileVisitsStride(int side, int stride, int *visits) {
  for (int y = 1 + threadIdx.y; y < side - 1; y += blockDim.y)
    for (int x = 1 + threadIdx.x; x < side - 1; x += stride)
      atomicAdd(&visits[blockIdx.x * side * side + y * side + x], 1);
}

// Unsigned indices so near UINT_MAX that bound + step + blockDim does not
// fit: the original loop runs.
__global__ void nearTheTop(unsigned first, unsigned end, unsigned *out) {
  for (unsigned i = first + threadIdx.x; i < end; i += 4)
    out[i - first] = i;
}

// The index after the loop (the first value past the bound) is the
// thread's own: the loop stays as it is.
__global__ void indexAfter(int n, int *out) {
  int i = threadIdx.x;
  for (; i < n; i += blockDim.x)
    out[i] = -1;
  out[n + 64 + threadIdx.x] = i;
}

int main() {
  {
    const int n = 1000, blocks = 2, threads = 96;
    std::vector<int> in(n), out(2 * blocks * threads);
    for (int i = 0; i < n; ++i)
      in[i] = i * 3 - 500;
    int *dIn, *dOut;
    cudaMalloc(&dIn, n * sizeof(int));
    cudaMalloc(&dOut, out.size() * sizeof(int));
    cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice);
    blockSums<<<blocks, threads>>>(dIn, n, dOut);
    cudaMemcpy(out.data(), dOut, out.size() * sizeof(int), cudaMemcpyDeviceToHost);
    for (int b = 0; b < blocks; ++b)
      for (int t = 0; t < threads; ++t) {
        int sum = 0, count = 0;
        for (int i = t; i < n; i += threads) {
          sum += in[i];
          ++count;
        }
        expect(out[2 * (b * threads + t)] == sum, "blockSums sum", t);
        expect(out[2 * (b * threads + t) + 1] == count, "blockSums count", t);
      }
    cudaFree(dIn);
    cudaFree(dOut);
  }
  {
    const size_t last = 5000;
    const unsigned blocks = 3, threads = 64, stride = blocks * threads;
    std::vector<unsigned> step(last + 1);
    unsigned *dStep;
    cudaMalloc(&dStep, step.size() * sizeof(unsigned));
    gridOrder<<<blocks, threads>>>(last, dStep);
    cudaMemcpy(step.data(), dStep, step.size() * sizeof(unsigned),
               cudaMemcpyDeviceToHost);
    for (size_t i = 0; i <= last; ++i)
      expect(step[i] == i / stride, "gridOrder", (long long)i);
    cudaFree(dStep);
  }
  {
    const int n = 300, threads = 32;
    std::vector<int> out(n);
    int *dOut;
    cudaMalloc(&dOut, n * sizeof(int));
    cudaMemset(dOut, 0, n * sizeof(int));
    reversedCompare<<<1, threads>>>(n, dOut);
    cudaMemcpy(out.data(), dOut, n * sizeof(int), cudaMemcpyDeviceToHost);
    std::vector<int> want(n);
    for (int t = 0; t < threads; ++t)
      for (int i = 5 + t; n > i; i += 7)
        want[i] += 1 + t;
    for (int i = 0; i < n; ++i)
      expect(out[i] == want[i], "reversedCompare", i);
    cudaFree(dOut);
  }
  {
    const int side = 45, blocks = 2;
    std::vector<int> visits(blocks * side * side);
    int *dVisits;
    cudaMalloc(&dVisits, visits.size() * sizeof(int));
    cudaMemset(dVisits, 0, visits.size() * sizeof(int));
    tileVisits<<<blocks, dim3(16, 4)>>>(side, dVisits);
    cudaMemcpy(visits.data(), dVisits, visits.size() * sizeof(int),
               cudaMemcpyDeviceToHost);
    for (int b = 0; b < blocks; ++b)
      for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
          bool inner = y > 0 && y < side - 1 && x > 0 && x < side - 1;
          expect(visits[b * side * side + y * side + x] == (inner ? 1 : 0),
                 "tileVisits", y * side + x);
        }
    cudaMemset(dVisits, 0, visits.size() * sizeof(int));
    tileVisitsStride<<<blocks, dim3(16, 4)>>>(side, 8, dVisits);
    cudaMemcpy(visits.data(), dVisits, visits.size() * sizeof(int),
               cudaMemcpyDeviceToHost);
    std::vector<int> want(side * side);
    for (int ty = 0; ty < 4; ++ty)
      for (int tx = 0; tx < 16; ++tx)
        for (int y = 1 + ty; y < side - 1; y += 4)
          for (int x = 1 + tx; x < side - 1; x += 8)
            ++want[y * side + x];
    for (int b = 0; b < blocks; ++b)
      for (int c = 0; c < side * side; ++c)
        expect(visits[b * side * side + c] == want[c], "tileVisitsStride", c);
    cudaFree(dVisits);
  }
  {
    const unsigned end = UINT_MAX - 5, first = end - 203, count = end - first;
    std::vector<unsigned> out(count);
    unsigned *dOut;
    cudaMalloc(&dOut, count * sizeof(unsigned));
    cudaMemset(dOut, 0, count * sizeof(unsigned));
    nearTheTop<<<1, 4>>>(first, end, dOut);
    cudaMemcpy(out.data(), dOut, count * sizeof(unsigned),
               cudaMemcpyDeviceToHost);
    for (unsigned k = 0; k < count; ++k)
      expect(out[k] == first + k, "nearTheTop", k);
    cudaFree(dOut);
  }
  {
    const int n = 100, threads = 64;
    std::vector<int> out(n + 64 + threads);
    int *dOut;
    cudaMalloc(&dOut, out.size() * sizeof(int));
    indexAfter<<<1, threads>>>(n, dOut);
    cudaMemcpy(out.data(), dOut, out.size() * sizeof(int),
               cudaMemcpyDeviceToHost);
    for (int t = 0; t < threads; ++t)
      expect(out[n + 64 + t] == (t < n - threads ? t + 2 * threads : t + threads),
             "indexAfter", t);
  }
  std::printf("strided-loops: %s\n", failures ? "FAIL" : "OK");
  return failures != 0;
}
