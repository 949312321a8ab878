// Histogram on PoCL.
#include "histogram.h"
#include "ocl.h"

#include <algorithm>

using histogram::kBins;

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = histogram::length(args), words = n / 4;
  std::vector<uint8_t> hdata;
  histogram::inputs(hdata, n);
  ocl::Runtime rt = ocl::open(BENCH_CL);
  cl_mem data = ocl::buffer(rt, n, hdata.data());
  cl_mem hist = ocl::buffer(rt, kBins * sizeof(cl_uint));
  cl_kernel k = ocl::kernel(rt, "histogram");
  ocl::args(k, data, cl_ulong(words), hist);
  const size_t group = 256;
  size_t groups = std::min<size_t>((words + group - 1) / group, 512);
  const cl_uint zero = 0;
  bench::time(args, [&] {
    OCL_CHECK(clEnqueueFillBuffer(rt.queue, hist, &zero, sizeof zero, 0,
                                  kBins * sizeof(cl_uint), 0, nullptr,
                                  nullptr));
    for (int p = 0; p < histogram::kPasses; ++p)
      ocl::run(rt, k, {groups * group}, {group});
    ocl::finish(rt);
  });
  uint32_t hh[kBins];
  ocl::read(rt, hist, sizeof hh, hh);
  bench::checksum(histogram::checksum(hh));
  bench::workBytes(histogram::bytes(n));
}
