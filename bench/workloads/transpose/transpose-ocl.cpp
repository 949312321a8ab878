// Matrix transpose on PoCL: one TILE x TILE tile per work-group.
#include "ocl.h"
#include "transpose.h"

#include <string>

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  transpose::Shape s = transpose::shape(args);
  size_t n = size_t(s.rows) * s.cols;
  std::vector<float> hin, hout(n, 0.0f);
  transpose::inputs(hin, s);
  const size_t tile = transpose::kTile, rowsPerPass = transpose::kRows;
  std::string options = "-DTILE=" + std::to_string(tile) +
                        " -DROWS=" + std::to_string(rowsPerPass);
  ocl::Runtime rt = ocl::open(BENCH_CL, options.c_str());
  cl_mem in = ocl::buffer(rt, n * sizeof(float), hin.data());
  cl_mem out = ocl::buffer(rt, n * sizeof(float), hout.data());
  cl_kernel k = ocl::kernel(rt, "transpose");
  ocl::args(k, in, out, s.rows, s.cols);
  // One work-item per column of the tile and per ROWS-th row.
  const size_t tilesX = (size_t(s.cols) + tile - 1) / tile;
  const size_t tilesY = (size_t(s.rows) + tile - 1) / tile;
  bench::time(args, [&] {
    for (int p = 0; p < transpose::kPasses; ++p)
      ocl::run(rt, k, {tilesX * tile, tilesY * rowsPerPass},
               {tile, rowsPerPass});
    ocl::finish(rt);
  });
  ocl::read(rt, out, n * sizeof(float), hout.data());
  bench::checksum(transpose::checksum(hout.data(), n));
  bench::workBytes(transpose::bytes(s));
}
