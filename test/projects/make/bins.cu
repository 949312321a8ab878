// Part of the Makefile sample project: the device function main.cu calls.
#include "bins.h"

__device__ int binOf(float value) {
  int bin = int(value * kBins);
  return bin < 0 ? 0 : (bin >= kBins ? kBins - 1 : bin);
}
