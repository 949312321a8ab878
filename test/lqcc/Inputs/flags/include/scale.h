// Part of nvcc-flags.test.
#pragma once
int scaleOnDevice(int *host, int n, int by);
