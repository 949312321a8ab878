// Black-Scholes prices of European call and put options, several sweeps
// over a long array of options per run. The formula below is the one the
// CUDA and OpenMP variants both evaluate (black-scholes.cl spells it in
// OpenCL C); the normal CDF is Abramowitz and Stegun's polynomial
// (26.2.17), as GPU codes commonly write it, built on expf.
//
// Compute-bound: an option reads 12 bytes and writes 8, against about 200
// floating-point operations (kFlopsPerOption).
#ifndef LINGQU_BENCH_BLACK_SCHOLES_H
#define LINGQU_BENCH_BLACK_SCHOLES_H

#include "bench.h"

#include <cmath>

#ifdef __CUDACC__
#define BS_FN __host__ __device__ inline
#else
#define BS_FN inline
#endif

namespace bs {

BS_FN float normalCdf(float d) {
  const float k = 1.0f / (1.0f + 0.2316419f * fabsf(d));
  const float poly =
      k * (0.319381530f +
           k * (-0.356563782f +
                k * (1.781477937f + k * (-1.821255978f + k * 1.330274429f))));
  const float tail = 0.39894228040143267794f * expf(-0.5f * d * d) * poly;
  return d > 0.0f ? 1.0f - tail : tail;
}

/// Call and put prices for spot s, strike x, years t, rate r, volatility v.
BS_FN void blackScholes(float s, float x, float t, float r, float v,
                        float &call, float &put) {
  const float sqrtT = sqrtf(t);
  const float d1 = (logf(s / x) + (r + 0.5f * v * v) * t) / (v * sqrtT);
  const float d2 = d1 - v * sqrtT;
  const float discounted = x * expf(-r * t);
  call = s * normalCdf(d1) - discounted * normalCdf(d2);
  put = discounted * normalCdf(-d2) - s * normalCdf(-d1);
}

constexpr float kRate = 0.02f, kVolatility = 0.30f;
constexpr int kSweeps = 8;

inline size_t options(const bench::Args &a) {
  return bench::size<size_t>(a, size_t(1) << 22, 1000);
}

/// Spot 5..30, strike 1..100, 0.25..10 years: a fixed, deterministic spread.
inline void inputs(std::vector<float> &s, std::vector<float> &x,
                   std::vector<float> &t, size_t n) {
  s.resize(n);
  x.resize(n);
  t.resize(n);
  for (size_t i = 0; i < n; ++i) {
    s[i] = 5.0f + 25.0f * float(bench::uniform(1, i));
    x[i] = 1.0f + 99.0f * float(bench::uniform(2, i));
    t[i] = 0.25f + 9.75f * float(bench::uniform(3, i));
  }
}

/// Counting each +, -, *, / and compare as one: blackScholes spends about
/// 22 and each of its four normalCdf calls about 17 (a divide, the degree-5
/// polynomial's 9, the tail's 5, the select's 1), 90 in all; plus five
/// expf and a logf, counted at 20 each (the range reduction and polynomial
/// of a vectorised implementation), and a sqrtf at one: about 210.
constexpr double kFlopsPerOption = 210;
inline double flops(size_t n) { return kFlopsPerOption * n * kSweeps; }

/// Every call and put price.
inline double checksum(const float *call, const float *put, size_t n) {
  return bench::sum(call, n) + bench::sum(put, n);
}

} // namespace bs

#endif
