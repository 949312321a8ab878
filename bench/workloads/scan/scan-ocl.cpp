// Inclusive prefix sum on PoCL: tiles scanned, tile totals scanned, totals
// added back.
#include "ocl.h"
#include "scan.h"

#include <string>

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = scan::length(args);
  std::vector<int> hx;
  scan::inputs(hx, n);
  const size_t block = scan::kBlock;
  const int tiles = scan::tiles(n);
  std::string options = "-DBLOCK=" + std::to_string(scan::kBlock) +
                        " -DPER_THREAD=" + std::to_string(scan::kPerThread);
  ocl::Runtime rt = ocl::open(BENCH_CL, options.c_str());
  cl_mem in = ocl::buffer(rt, n * sizeof(int), hx.data());
  cl_mem out = ocl::buffer(rt, n * sizeof(int));
  cl_mem totals = ocl::buffer(rt, tiles * sizeof(int));
  cl_kernel scanTiles = ocl::kernel(rt, "scanTiles");
  cl_kernel scanTotals = ocl::kernel(rt, "scanTotals");
  cl_kernel addTotals = ocl::kernel(rt, "addTotals");
  ocl::args(scanTiles, in, out, totals, int(n));
  ocl::args(scanTotals, totals, tiles);
  ocl::args(addTotals, out, totals, int(n));
  bench::time(args, [&] {
    for (int p = 0; p < scan::kPasses; ++p) {
      ocl::run(rt, scanTiles, {tiles * block}, {block});
      if (tiles > 1) {
        ocl::run(rt, scanTotals, {block}, {block});
        ocl::run(rt, addTotals, {(tiles - 1) * block}, {block});
      }
    }
    ocl::finish(rt);
  });
  std::vector<int> hout(n);
  ocl::read(rt, out, n * sizeof(int), hout.data());
  bench::checksum(scan::checksum(hout.data(), n));
  bench::workBytes(scan::bytes(n));
}
