// Part of nvcc-flags.test: plain C++ calling the library's host wrapper.
#include "scale.h"
#include <cstdio>

int main() {
  int v[100];
  for (int i = 0; i < 100; ++i)
    v[i] = i;
  if (scaleOnDevice(v, 100, 3) != 0)
    return 1;
  long sum = 0;
  for (int i = 0; i < 100; ++i)
    sum += v[i];
  std::printf("sum %ld\n", sum);
  return 0;
}
