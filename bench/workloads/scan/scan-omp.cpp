// Inclusive prefix sum in OpenMP, in two passes over one chunk per thread:
// each thread sums its chunk, the chunk totals are scanned, and each thread
// then scans its chunk starting from the total of the chunks before it.
#include "scan.h"

#include <memory>
#include <omp.h>

static void prefixSum(const int *__restrict in, int *__restrict out, size_t n,
                      int *chunkStart) {
#pragma omp parallel
  {
    const int t = omp_get_thread_num(), threads = omp_get_num_threads();
    const size_t begin = n * t / threads, end = n * (t + 1) / threads;
    int sum = 0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = begin; i < end; ++i)
      sum += in[i];
    chunkStart[t + 1] = sum;
#pragma omp barrier
#pragma omp single
    {
      chunkStart[0] = 0;
      for (int c = 1; c <= threads; ++c)
        chunkStart[c] += chunkStart[c - 1];
    }
    int run = chunkStart[t];
    for (size_t i = begin; i < end; ++i) {
      run += in[i];
      out[i] = run;
    }
  }
}

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = scan::length(args);
  std::vector<int> hx;
  scan::inputs(hx, n);
  std::unique_ptr<int[]> in(new int[n]), out(new int[n]);
  std::vector<int> chunkStart(omp_get_max_threads() + 1);
  // The same static split as the scan's, so each thread first touches the
  // pages it later works on.
#pragma omp parallel
  {
    const int t = omp_get_thread_num(), threads = omp_get_num_threads();
    for (size_t i = n * t / threads; i < n * (t + 1) / threads; ++i) {
      in[i] = hx[i];
      out[i] = 0;
    }
  }
  bench::time(args, [&] {
    for (int p = 0; p < scan::kPasses; ++p)
      prefixSum(in.get(), out.get(), n, chunkStart.data());
  });
  bench::checksum(scan::checksum(out.get(), n));
  bench::workBytes(scan::bytes(n));
}
