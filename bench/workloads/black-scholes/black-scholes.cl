// Black-Scholes in OpenCL C: one work-item per option, the formula of
// black-scholes.h.
float normalCdf(float d) {
  const float k = 1.0f / (1.0f + 0.2316419f * fabs(d));
  const float poly =
      k * (0.319381530f +
           k * (-0.356563782f +
                k * (1.781477937f + k * (-1.821255978f + k * 1.330274429f))));
  const float tail = 0.39894228040143267794f * exp(-0.5f * d * d) * poly;
  return d > 0.0f ? 1.0f - tail : tail;
}

/// Call and put prices for spot s, strike x, years t, rate r, volatility v.
void blackScholes(float s, float x, float t, float r, float v, float *call,
                  float *put) {
  const float sqrtT = sqrt(t);
  const float d1 = (log(s / x) + (r + 0.5f * v * v) * t) / (v * sqrtT);
  const float d2 = d1 - v * sqrtT;
  const float discounted = x * exp(-r * t);
  *call = s * normalCdf(d1) - discounted * normalCdf(d2);
  *put = discounted * normalCdf(-d2) - s * normalCdf(-d1);
}

__kernel void price(__global const float *s, __global const float *x,
                    __global const float *t, __global float *call,
                    __global float *put, float r, float v, int n) {
  int i = get_global_id(0);
  if (i < n) {
    float c, p;
    blackScholes(s[i], x[i], t[i], r, v, &c, &p);
    call[i] = c;
    put[i] = p;
  }
}
