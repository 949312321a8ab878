// CSR sparse matrix-vector product on PoCL.
#include "ocl.h"
#include "spmv.h"

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = spmv::rows(args);
  spmv::Csr a = spmv::matrix(n);
  std::vector<float> hx = spmv::dense(n), hy(n, 0.0f);
  size_t nnz = a.vals.size();
  ocl::Runtime rt = ocl::open(BENCH_CL);
  cl_mem rowPtr = ocl::buffer(rt, (n + 1) * sizeof(int), a.rowPtr.data());
  cl_mem cols = ocl::buffer(rt, nnz * sizeof(int), a.cols.data());
  cl_mem vals = ocl::buffer(rt, nnz * sizeof(float), a.vals.data());
  cl_mem x = ocl::buffer(rt, n * sizeof(float), hx.data());
  cl_mem y = ocl::buffer(rt, n * sizeof(float), hy.data());
  cl_kernel k = ocl::kernel(rt, "multiply");
  ocl::args(k, rowPtr, cols, vals, x, y, int(n));
  bench::time(args, [&] {
    for (int s = 0; s < spmv::kSweeps; ++s)
      ocl::run(rt, k, {n}, {256});
    ocl::finish(rt);
  });
  ocl::read(rt, y, n * sizeof(float), hy.data());
  bench::checksum(bench::sum(hy.data(), n));
  bench::workBytes(spmv::bytes(n, nnz));
}
