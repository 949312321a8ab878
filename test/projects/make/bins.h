// Part of the Makefile sample project.
#pragma once
constexpr int kBins = 16;
/// The bin of a value in [0, 1): defined in bins.cu, called from main.cu's
/// kernel (relocatable device code).
__device__ int binOf(float value);
