// 7-point 3D stencil on PoCL.
#include "ocl.h"
#include "stencil3d.h"

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  int n = stencil3d::side(args), sweeps = stencil3d::sweeps(args);
  size_t bytes = size_t(n) * n * n * sizeof(float);
  std::vector<float> hu;
  stencil3d::inputs(hu, n);
  ocl::Runtime rt = ocl::open(BENCH_CL);
  // Sweeps write only the interior: both buffers start with the faces.
  cl_mem u0 = ocl::buffer(rt, bytes, hu.data());
  cl_mem a = ocl::buffer(rt, bytes, hu.data());
  cl_mem b = ocl::buffer(rt, bytes, hu.data());
  cl_kernel k = ocl::kernel(rt, "sweep");
  cl_mem result = u0;
  bench::time(args, [&] {
    cl_mem src = u0, dst = a;
    for (int s = 0; s < sweeps; ++s) {
      ocl::args(k, src, dst, n, stencil3d::kCentre, stencil3d::kNeighbour);
      ocl::run(rt, k, {size_t(n), size_t(n), size_t(n)}, {32, 8, 1});
      src = dst;
      dst = dst == a ? b : a;
    }
    ocl::finish(rt);
    result = src;
  });
  std::vector<float> out(size_t(n) * n * n);
  ocl::read(rt, result, bytes, out.data());
  bench::checksum(stencil3d::checksum(out.data(), n));
  bench::workBytes(stencil3d::bytes(n, sweeps));
}
