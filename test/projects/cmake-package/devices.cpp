// Part of the find_package(Lingqu) sample: the runtime and driver APIs,
// from plain C++.
#include <cstdio>
#include <cuda.h>
#include <cuda_runtime_api.h>

int main() {
  int runtimeVersion = 0, driverVersion = 0, devices = 0;
  bool ok = cudaRuntimeGetVersion(&runtimeVersion) == cudaSuccess &&
            cuDriverGetVersion(&driverVersion) == CUDA_SUCCESS &&
            cudaGetDeviceCount(&devices) == cudaSuccess && devices > 0;
  std::printf("package sample: %s (runtime %d, driver %d)\n",
              ok ? "PASS" : "FAIL", runtimeVersion, driverVersion);
  return ok ? 0 : 1;
}
