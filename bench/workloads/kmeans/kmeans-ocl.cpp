// K-means on PoCL: two kernels an iteration, as in the CUDA version.
#include "kmeans.h"
#include "ocl.h"

using namespace kmeans;

constexpr int kBlock = 256;

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  int n = points(args);
  std::vector<float> hx = inputs(n), hc = start(hx, n);
  int groups = (n + kBlock - 1) / kBlock;
  size_t cbytes = kClusters * kDims * sizeof(float);
  ocl::Runtime rt = ocl::open(BENCH_CL);
  cl_mem x = ocl::buffer(rt, hx.size() * sizeof(float), hx.data());
  cl_mem centroids = ocl::buffer(rt, cbytes);
  cl_mem assign = ocl::buffer(rt, n * sizeof(int));
  cl_mem partialSums = ocl::buffer(rt, groups * cbytes);
  cl_mem partialCounts = ocl::buffer(rt, groups * kClusters * sizeof(int));
  cl_kernel assignAndSum = ocl::kernel(rt, "assignAndSum");
  cl_kernel update = ocl::kernel(rt, "update");
  ocl::args(assignAndSum, x, n, centroids, assign, partialSums, partialCounts);
  ocl::args(update, partialSums, partialCounts, groups, centroids);
  bench::time(args, [&] {
    ocl::write(rt, centroids, cbytes, hc.data());
    for (int it = 0; it < kIters; ++it) {
      ocl::run(rt, assignAndSum, {size_t(groups) * kBlock}, {kBlock});
      ocl::run(rt, update, {kClusters * kDims}, {kClusters * kDims});
    }
    ocl::finish(rt);
  });
  std::vector<float> out(kClusters * kDims);
  std::vector<int> ha(n);
  ocl::read(rt, centroids, cbytes, out.data());
  ocl::read(rt, assign, n * sizeof(int), ha.data());
  checksum(out.data(), ha.data(), n);
  bench::workFlops(flops(n));
}
