// 2D heat on PoCL.
#include "heat2d.h"
#include "ocl.h"

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  int n = heat2d::side(args), steps = heat2d::steps(args);
  size_t bytes = size_t(n) * n * sizeof(float);
  std::vector<float> hu;
  heat2d::inputs(hu, n);
  ocl::Runtime rt = ocl::open(BENCH_CL);
  cl_mem u0 = ocl::buffer(rt, bytes, hu.data());
  cl_mem a = ocl::buffer(rt, bytes), b = ocl::buffer(rt, bytes);
  cl_kernel k = ocl::kernel(rt, "heatSteps");
  size_t groups = size_t(n + heat2d::kInner - 1) / heat2d::kInner;
  cl_mem result = u0;
  bench::time(args, [&] {
    cl_mem src = u0, dst = a;
    for (int s = 0; s < steps; s += heat2d::kHalo) {
      ocl::args(k, src, dst, n, heat2d::kAlpha);
      ocl::run(rt, k, {groups * 32, groups * 8}, {32, 8});
      src = dst;
      dst = dst == a ? b : a;
    }
    ocl::finish(rt);
    result = src;
  });
  std::vector<float> out(size_t(n) * n);
  ocl::read(rt, result, bytes, out.data());
  bench::checksum(heat2d::checksum(out.data(), n));
  bench::workBytes(heat2d::bytes(n, steps));
}
