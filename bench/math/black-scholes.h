// Black-Scholes prices of European options: the one formula both the CUDA
// and the OpenMP benchmark evaluate, so that they do the same arithmetic.
// The normal CDF is Abramowitz and Stegun's polynomial (26.2.17), as
// GPU codes commonly write it, built on expf.
#ifndef LINGQU_BENCH_BLACK_SCHOLES_H
#define LINGQU_BENCH_BLACK_SCHOLES_H

#include <cmath>

#ifdef __CUDACC__
#define BS_FN __host__ __device__ inline
#else
#define BS_FN inline
#endif

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

/// The inputs both benchmarks price: a fixed, deterministic spread.
inline void optionInputs(int i, float &s, float &x, float &t) {
  unsigned h = unsigned(i) * 2654435761u;
  s = 5.0f + float(h % 2500u) * 0.01f;          // 5 .. 30
  x = 1.0f + float((h >> 12) % 9900u) * 0.01f;  // 1 .. 100
  t = 0.25f + float((h >> 5) % 975u) * 0.01f;   // 0.25 .. 10 years
}

constexpr float kRate = 0.02f, kVolatility = 0.30f;

#endif // LINGQU_BENCH_BLACK_SCHOLES_H
