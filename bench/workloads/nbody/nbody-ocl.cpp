// All-pairs n-body on PoCL.
#include "nbody.h"
#include "ocl.h"

#include <string>

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  size_t n = nbody::bodies(args);
  std::vector<float> start = nbody::inputs(n);
  size_t bytes = n * 4 * sizeof(float);
  std::string options = "-DTILE=" + std::to_string(nbody::kTile);
  ocl::Runtime rt = ocl::open(BENCH_CL, options.c_str());
  cl_mem init = ocl::buffer(rt, bytes, start.data());
  cl_mem pos[2] = {ocl::buffer(rt, bytes), ocl::buffer(rt, bytes)};
  cl_mem vel = ocl::buffer(rt, bytes);
  cl_kernel k = ocl::kernel(rt, "advance");
  const float zero = 0;
  bench::time(args, [&] {
    OCL_CHECK(clEnqueueCopyBuffer(rt.queue, init, pos[0], 0, 0, bytes, 0,
                                  nullptr, nullptr));
    OCL_CHECK(clEnqueueFillBuffer(rt.queue, vel, &zero, sizeof zero, 0, bytes,
                                  0, nullptr, nullptr));
    for (int s = 0; s < nbody::kSteps; ++s) {
      ocl::args(k, pos[s % 2], pos[(s + 1) % 2], vel, int(n),
                nbody::kSoftening2, nbody::kDt);
      ocl::run(rt, k, {n}, {size_t(nbody::kTile)});
    }
    ocl::finish(rt);
  });
  std::vector<float> hp(4 * n), hv(4 * n);
  ocl::read(rt, pos[0], bytes, hp.data());
  ocl::read(rt, vel, bytes, hv.data());
  bench::checksum(nbody::checksum(hp.data(), hv.data(), n));
  bench::workFlops(nbody::flops(n));
}
