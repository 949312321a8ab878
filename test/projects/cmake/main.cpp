// Part of the CMake sample project: plain C++ (compiled by the C++
// compiler) using the CUDA runtime and driver APIs and a kernel's host
// wrapper.
#include "physics.h"
#include <cmath>
#include <cstdio>
#include <cuda.h>
#include <cuda_runtime_api.h>

int main() {
  int devices = 0, driverDevices = 0;
  if (cudaGetDeviceCount(&devices) != cudaSuccess || devices < 1 ||
      cuInit(0) != CUDA_SUCCESS ||
      cuDeviceGetCount(&driverDevices) != CUDA_SUCCESS ||
      driverDevices != devices)
    return 1;
  // The same steps on the host, in the same order and precision.
  const int n = 1000, steps = 100;
  const float dt = 0.01f;
  double expected = 0;
  for (int i = 0; i < n; ++i) {
    float x = float(i % 7) - 3.0f, v = 0.0f;
    for (int s = 0; s < steps; ++s) {
      v += (-4.0f * x) * dt;
      x += v * dt;
    }
    expected += x;
  }
  double got = simulate(n, steps, dt);
  bool ok = std::fabs(got - expected) <= 1e-3 * (1 + std::fabs(expected));
  std::printf("cmake sample: %s (%g, expected %g)\n", ok ? "PASS" : "FAIL",
              got, expected);
  return ok ? 0 : 1;
}
