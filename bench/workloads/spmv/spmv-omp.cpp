// CSR sparse matrix-vector product in OpenMP: a parallel loop over the
// rows, dynamically scheduled in chunks (their lengths vary), arrays first
// touched by the threads that use them.
#include "spmv.h"

#include <memory>

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = spmv::rows(args);
  spmv::Csr a = spmv::matrix(n);
  std::vector<float> hx = spmv::dense(n);
  size_t nnz = a.vals.size();
  std::unique_ptr<int[]> rowPtr(new int[n + 1]), cols(new int[nnz]);
  std::unique_ptr<float[]> vals(new float[nnz]), x(new float[n]),
      y(new float[n]);
  int *__restrict pr = rowPtr.get(), *__restrict pc = cols.get();
  float *__restrict pv = vals.get(), *__restrict px = x.get(),
                    *__restrict py = y.get();
  pr[0] = 0;
#pragma omp parallel for schedule(dynamic, 1024)
  for (size_t r = 0; r < n; ++r) {
    pr[r + 1] = a.rowPtr[r + 1];
    for (int k = a.rowPtr[r]; k < a.rowPtr[r + 1]; ++k) {
      pc[k] = a.cols[k];
      pv[k] = a.vals[k];
    }
    px[r] = hx[r];
    py[r] = 0;
  }
  bench::time(args, [&] {
    for (int s = 0; s < spmv::kSweeps; ++s) {
#pragma omp parallel for schedule(dynamic, 1024)
      for (size_t r = 0; r < n; ++r) {
        float sum = 0;
        for (int k = pr[r], end = pr[r + 1]; k < end; ++k)
          sum += pv[k] * px[pc[k]];
        py[r] = sum;
      }
    }
  });
  bench::checksum(bench::sum(py, n));
  bench::workBytes(spmv::bytes(n, nnz));
}
