// Accuracy of the CUDA Math API in device code. Every single- and
// double-precision function, and the fast intrinsics, runs on the device
// over edge cases (zeros, subnormals, infinities, NaN, overflow and
// underflow boundaries, poles and zeros of the function) and a dense random
// sample with a fixed seed. The host computes each exact result with MPFR
// and measures the error as CUDA defines it: the distance in ulps from the
// correctly rounded result, which must not exceed the maximum CUDA
// documents for the function (or its absolute error bound, where CUDA gives
// one). Special values must match exactly. The measured maxima are the
// table in docs/math-accuracy.md, which this test writes and compares.
//
// RUN: %lqcc %s -lmpfr -lgmp -o %t
// RUN: %t --markdown %t.md | FileCheck %s
// RUN: diff %t.md %lingqu_src/docs/math-accuracy.md
// CHECK-NOT: FAIL
// CHECK: math-accuracy: PASS
//
// `%t --only NAME[,NAME...]` runs some functions; `--verbose` prints each
// function's table row and time; `--scale K` multiplies the sample sizes.
#include <cstdint> // before mpfr.h, for mpfr_get_sj
#include <mpfr.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

constexpr int kArgs = 8; // per input: up to 4 scalars, or a norm's vector

/*===--- The functions ----------------------------------------------------===*
 * One row per function: X(id, name, format, outputs, reference, bound,
 * inputs, samples, device code). The device code reads the arguments as
 * f0..f3 (float), d0..d3 (double), n0/n1 (int), a (the raw slots) and fp
 * (the slots after the first, as floats), and sets r0, r1 (results) and ri
 * (an integer result), with fs, fc, ds, dc, iq for results returned through
 * pointers.
 *===----------------------------------------------------------------------===*/
#define FUNCTIONS(X)                                                           \
  /* Correctly rounded operations. */                                          \
  X(addf, "x+y", F32, R1, opAdd, exact(), gArith(), 40000, r0 = f0 + f1)       \
  X(subf, "x-y", F32, R1, opSub, exact(), gArith(), 40000, r0 = f0 - f1)       \
  X(mulf, "x*y", F32, R1, opMul, exact(), gArith(), 40000, r0 = f0 * f1)       \
  X(divf, "x/y", F32, R1, opDiv, exact(), gArith(), 40000, r0 = f0 / f1)       \
  X(rcpf, "1/x", F32, R1, opRcp, exact(), gUnary(-4, 4), 40000,               \
    r0 = 1.0f / f0)                                                            \
  X(sqrtf, "sqrtf", F32, R1, opSqrt, exact(), gUnary(0, 100), 40000,           \
    r0 = sqrtf(f0))                                                            \
  X(fmaf, "fmaf", F32, R1, opFma, exact(), gFma(), 40000,                      \
    r0 = fmaf(f0, f1, f2))                                                     \
  /* Roots, norms and reciprocals. */                                          \
  X(rsqrtf, "rsqrtf", F32, R1, refRsqrt, ulp(2), gUnary(0, 100), 40000,        \
    r0 = rsqrtf(f0))                                                           \
  X(cbrtf, "cbrtf", F32, R1, m1<mpfr_cbrt>, ulp(1), gUnary(-100, 100), 40000,  \
    r0 = cbrtf(f0))                                                            \
  X(rcbrtf, "rcbrtf", F32, R1, refRcbrt, ulp(1), gUnary(-100, 100), 40000,     \
    r0 = rcbrtf(f0))                                                           \
  X(hypotf, "hypotf", F32, R1, m2<mpfr_hypot>, ulp(3), gNorm(2), 40000,        \
    r0 = hypotf(f0, f1))                                                       \
  X(rhypotf, "rhypotf", F32, R1, refRnorm, ulp(2), gNorm(2), 40000,            \
    r0 = rhypotf(f0, f1))                                                      \
  X(norm3df, "norm3df", F32, R1, refNorm, ulp(3), gNorm(3), 40000,             \
    r0 = norm3df(f0, f1, f2))                                                  \
  X(rnorm3df, "rnorm3df", F32, R1, refRnorm, ulp(2), gNorm(3), 40000,          \
    r0 = rnorm3df(f0, f1, f2))                                                 \
  X(norm4df, "norm4df", F32, R1, refNorm, ulp(3), gNorm(4), 40000,             \
    r0 = norm4df(f0, f1, f2, f3))                                              \
  X(rnorm4df, "rnorm4df", F32, R1, refRnorm, ulp(2), gNorm(4), 40000,          \
    r0 = rnorm4df(f0, f1, f2, f3))                                             \
  X(normf, "normf", F32, R1, refNormN, own(3), gNormN(), 40000,                \
    r0 = normf(n0, fp))                                                        \
  X(rnormf, "rnormf", F32, R1, refRnormN, own(2), gNormN(), 40000,             \
    r0 = rnormf(n0, fp))                                                       \
  /* Exponentials and logarithms. */                                           \
  X(expf, "expf", F32, R1, m1<mpfr_exp>, ulp(2), gUnary(-104, 89), 50000,      \
    r0 = expf(f0))                                                             \
  X(exp2f, "exp2f", F32, R1, m1<mpfr_exp2>, ulp(2), gUnary(-150, 128), 50000,  \
    r0 = exp2f(f0))                                                            \
  X(exp10f, "exp10f", F32, R1, m1<mpfr_exp10>, ulp(2), gUnary(-46, 39),        \
    50000, r0 = exp10f(f0))                                                    \
  X(expm1f, "expm1f", F32, R1, m1<mpfr_expm1>, ulp(1), gUnary(-2, 2), 50000,   \
    r0 = expm1f(f0))                                                           \
  X(logf, "logf", F32, R1, m1<mpfr_log>, ulp(1), gLog(0, 4), 50000,            \
    r0 = logf(f0))                                                             \
  X(log2f, "log2f", F32, R1, m1<mpfr_log2>, ulp(1), gLog(0, 4), 50000,         \
    r0 = log2f(f0))                                                            \
  X(log10f, "log10f", F32, R1, m1<mpfr_log10>, ulp(2), gLog(0, 4), 50000,      \
    r0 = log10f(f0))                                                           \
  X(log1pf, "log1pf", F32, R1, m1<mpfr_log1p>, ulp(1), gLog(-1, 2), 50000,     \
    r0 = log1pf(f0))                                                           \
  X(powf, "powf", F32, R1, m2<mpfr_pow>, ulp(4), gPow(), 50000,                \
    r0 = powf(f0, f1))                                                         \
  /* Trigonometric and hyperbolic functions. */                                \
  X(sinf, "sinf", F32, R1, m1<mpfr_sin>, ulp(2), gTrig(), 50000,               \
    r0 = sinf(f0))                                                             \
  X(cosf, "cosf", F32, R1, m1<mpfr_cos>, ulp(2), gTrig(), 50000,               \
    r0 = cosf(f0))                                                             \
  X(tanf, "tanf", F32, R1, m1<mpfr_tan>, ulp(4), gTrig(), 50000,               \
    r0 = tanf(f0))                                                             \
  X(sincosf, "sincosf", F32, R2, refSinCos, ulp(2), gTrig(), 50000,            \
    sincosf(f0, &fs, &fc); r0 = fs; r1 = fc)                                   \
  X(sinpif, "sinpif", F32, R1, m1<mpfr_sinpi>, ulp(1), gPi(), 50000,           \
    r0 = sinpif(f0))                                                           \
  X(cospif, "cospif", F32, R1, m1<mpfr_cospi>, ulp(1), gPi(), 50000,           \
    r0 = cospif(f0))                                                           \
  X(sincospif, "sincospif", F32, R2, refSinCosPi, ulp(1), gPi(), 50000,        \
    sincospif(f0, &fs, &fc); r0 = fs; r1 = fc)                                 \
  X(asinf, "asinf", F32, R1, m1<mpfr_asin>, ulp(2), gUnary(-1, 1), 50000,      \
    r0 = asinf(f0))                                                            \
  X(acosf, "acosf", F32, R1, m1<mpfr_acos>, ulp(2), gUnary(-1, 1), 50000,      \
    r0 = acosf(f0))                                                            \
  X(atanf, "atanf", F32, R1, m1<mpfr_atan>, ulp(2), gUnary(-10, 10), 50000,    \
    r0 = atanf(f0))                                                            \
  X(atan2f, "atan2f", F32, R1, m2<mpfr_atan2>, ulp(3), gBinary(-10, 10),       \
    50000, r0 = atan2f(f0, f1))                                                \
  X(sinhf, "sinhf", F32, R1, m1<mpfr_sinh>, ulp(3), gUnary(-90, 90), 50000,    \
    r0 = sinhf(f0))                                                            \
  X(coshf, "coshf", F32, R1, m1<mpfr_cosh>, ulp(2), gUnary(-90, 90), 50000,    \
    r0 = coshf(f0))                                                            \
  X(tanhf, "tanhf", F32, R1, m1<mpfr_tanh>, ulp(2), gUnary(-10, 10), 50000,    \
    r0 = tanhf(f0))                                                            \
  X(asinhf, "asinhf", F32, R1, m1<mpfr_asinh>, ulp(3), gUnary(-10, 10),        \
    50000, r0 = asinhf(f0))                                                    \
  X(acoshf, "acoshf", F32, R1, m1<mpfr_acosh>, ulp(4), gUnary(1, 10), 50000,   \
    r0 = acoshf(f0))                                                           \
  X(atanhf, "atanhf", F32, R1, m1<mpfr_atanh>, ulp(3), gUnary(-1, 1), 50000,   \
    r0 = atanhf(f0))                                                           \
  /* Error and gamma functions. */                                             \
  X(erff, "erff", F32, R1, m1<mpfr_erf>, ulp(2), gUnary(-4, 4), 40000,         \
    r0 = erff(f0))                                                             \
  X(erfcf, "erfcf", F32, R1, m1<mpfr_erfc>, ulp(4), gUnary(-4, 11), 10000,     \
    r0 = erfcf(f0))                                                            \
  X(erfinvf, "erfinvf", F32, R1, refErfinv, ulp(2), gErfinv(), 10000,          \
    r0 = erfinvf(f0))                                                          \
  X(erfcinvf, "erfcinvf", F32, R1, refErfcinv, ulp(4), gErfcinv(), 6000,       \
    r0 = erfcinvf(f0))                                                         \
  X(erfcxf, "erfcxf", F32, R1, refErfcx, ulp(4), gUnary(-10, 12), 10000,       \
    r0 = erfcxf(f0))                                                           \
  X(normcdff, "normcdff", F32, R1, refNormcdf, ulp(5), gUnary(-15, 6), 10000,  \
    r0 = normcdff(f0))                                                         \
  X(normcdfinvf, "normcdfinvf", F32, R1, refNormcdfinv, ulp(5), gNormcdfinv(), \
    6000, r0 = normcdfinvf(f0))                                                \
  X(lgammaf, "lgammaf", F32, R1, refLgamma, lgammaBound(6, -10.001, -2.264),   \
    gGamma(), 20000, r0 = lgammaf(f0))                                         \
  X(tgammaf, "tgammaf", F32, R1, m1<mpfr_gamma>, ulp(5), gGamma(), 20000,      \
    r0 = tgammaf(f0))                                                          \
  /* Bessel functions. */                                                      \
  X(j0f, "j0f", F32, R1, m1<mpfr_j0>, bessel(9, 2.2e-6), gBessel(0), 15000,    \
    r0 = j0f(f0))                                                              \
  X(j1f, "j1f", F32, R1, refJ1, bessel(9, 2.2e-6), gBessel(1), 15000,          \
    r0 = j1f(f0))                                                              \
  X(y0f, "y0f", F32, R1, m1<mpfr_y0>, bessel(9, 2.2e-6), gBessel(2), 15000,    \
    r0 = y0f(f0))                                                              \
  X(y1f, "y1f", F32, R1, m1<mpfr_y1>, bessel(9, 2.2e-6), gBessel(3), 15000,    \
    r0 = y1f(f0))                                                              \
  X(jnf, "jnf", F32, R1, refJn, jnBound(2.2e-6), gBesselN(0), 7500,             \
    r0 = jnf(n0, f1))                                                          \
  X(ynf, "ynf", F32, R1, refYn, ynBoundF(), gBesselN(2), 1200,                  \
    r0 = ynf(n0, f1))                                                          \
  X(cyl_bessel_i0f, "cyl_bessel_i0f", F32, R1, refI0, ulp(6),                  \
    gUnary(-20, 20), 10000, r0 = cyl_bessel_i0f(f0))                           \
  X(cyl_bessel_i1f, "cyl_bessel_i1f", F32, R1, refI1, ulp(6),                  \
    gUnary(-20, 20), 10000, r0 = cyl_bessel_i1f(f0))                           \
  /* Exact functions: rounding, remainders, exponents, classification. */      \
  X(fabsf, "fabsf", F32, R1, opAbs, exact(), gUnary(-10, 10), 10000,           \
    r0 = fabsf(f0))                                                            \
  X(copysignf, "copysignf", F32, R1, opCopysign, exact(), gBinary(-10, 10),    \
    10000, r0 = copysignf(f0, f1))                                             \
  X(fminf, "fminf", F32, R1, opMin, exact(), gBinary(-10, 10), 10000,          \
    r0 = fminf(f0, f1))                                                        \
  X(fmaxf, "fmaxf", F32, R1, opMax, exact(), gBinary(-10, 10), 10000,          \
    r0 = fmaxf(f0, f1))                                                        \
  X(fdimf, "fdimf", F32, R1, opDim, exact(), gBinary(-10, 10), 10000,          \
    r0 = fdimf(f0, f1))                                                        \
  X(fmodf, "fmodf", F32, R1, opFmod, exact(), gRemainder(), 20000,             \
    r0 = fmodf(f0, f1))                                                        \
  X(remainderf, "remainderf", F32, R1, opRemainder, exact(), gRemainder(),     \
    20000, r0 = remainderf(f0, f1))                                            \
  X(remquof, "remquof", F32, RQ, opRemquo, exact(), gRemainder(), 20000,       \
    r0 = remquof(f0, f1, &iq); ri = iq)                                        \
  X(modff, "modff", F32, R2, opModf, exact(), gRound(), 10000,                 \
    r0 = modff(f0, &fs); r1 = fs)                                              \
  X(frexpf, "frexpf", F32, RE, opFrexp, exact(), gUnary(-10, 10), 10000,       \
    r0 = frexpf(f0, &iq); ri = iq)                                             \
  X(ldexpf, "ldexpf", F32, R1, opLdexp, exact(), gLdexp(), 10000,              \
    r0 = ldexpf(f0, n1))                                                       \
  X(scalbnf, "scalbnf", F32, R1, opLdexp, exact(), gLdexp(), 10000,            \
    r0 = scalbnf(f0, n1))                                                      \
  X(scalblnf, "scalblnf", F32, R1, opLdexp, exact(), gLdexp(), 10000,          \
    r0 = scalblnf(f0, (long)d1))                                               \
  X(logbf, "logbf", F32, R1, opLogb, exact(), gUnary(-10, 10), 10000,          \
    r0 = logbf(f0))                                                            \
  X(ilogbf, "ilogbf", F32, RI, opIlogb, exact(), gUnary(-10, 10), 10000,       \
    ri = ilogbf(f0))                                                           \
  X(nextafterf, "nextafterf", F32, R1, opNextafter, exact(), gBinary(-2, 2),   \
    10000, r0 = nextafterf(f0, f1))                                            \
  X(floorf, "floorf", F32, R1, opFloor, exact(), gRound(), 10000,              \
    r0 = floorf(f0))                                                           \
  X(ceilf, "ceilf", F32, R1, opCeil, exact(), gRound(), 10000, r0 = ceilf(f0)) \
  X(truncf, "truncf", F32, R1, opTrunc, exact(), gRound(), 10000,              \
    r0 = truncf(f0))                                                           \
  X(roundf, "roundf", F32, R1, opRound, exact(), gRound(), 10000,              \
    r0 = roundf(f0))                                                           \
  X(rintf, "rintf", F32, R1, opRint, exact(), gRound(), 10000, r0 = rintf(f0)) \
  X(nearbyintf, "nearbyintf", F32, R1, opRint, exact(), gRound(), 10000,       \
    r0 = nearbyintf(f0))                                                       \
  X(lrintf, "lrintf", F32, RI, opLrint, exact(), gToInt(), 10000,              \
    ri = lrintf(f0))                                                           \
  X(llrintf, "llrintf", F32, RI, opLrint, exact(), gToInt(), 10000,            \
    ri = llrintf(f0))                                                          \
  X(lroundf, "lroundf", F32, RI, opLround, exact(), gToInt(), 10000,           \
    ri = lroundf(f0))                                                          \
  X(llroundf, "llroundf", F32, RI, opLround, exact(), gToInt(), 10000,         \
    ri = llroundf(f0))                                                         \
  X(fdividef, "fdividef", F32, R1, m2<mpfr_div>, fdivideBound(), gDivide(),    \
    20000, r0 = fdividef(f0, f1))                                              \
  X(nanf, "nanf", F32, R1, refNan, exact(), gNone(), 0, r0 = nanf(""))         \
  X(isnanf, "isnan(float)", F32, RB, opIsnan, exact(), gUnary(-10, 10), 2500,  \
    ri = isnan(f0))                                                            \
  X(isinff, "isinf(float)", F32, RB, opIsinf, exact(), gUnary(-10, 10), 2500,  \
    ri = isinf(f0))                                                            \
  X(isfinitef, "isfinite(float)", F32, RB, opIsfinite, exact(),                \
    gUnary(-10, 10), 2500, ri = isfinite(f0))                                  \
  X(signbitf, "signbit(float)", F32, RB, opSignbit, exact(), gUnary(-10, 10),  \
    2500, ri = signbit(f0))                                                    \
  /* Double precision. */                                                      \
  X(add, "x+y", F64, R1, opAdd, exact(), gArith(), 40000, r0 = d0 + d1)        \
  X(sub, "x-y", F64, R1, opSub, exact(), gArith(), 40000, r0 = d0 - d1)        \
  X(mul, "x*y", F64, R1, opMul, exact(), gArith(), 40000, r0 = d0 * d1)        \
  X(div, "x/y", F64, R1, opDiv, exact(), gArith(), 40000, r0 = d0 / d1)        \
  X(rcp, "1/x", F64, R1, opRcp, exact(), gUnary(-4, 4), 40000, r0 = 1.0 / d0)  \
  X(sqrt, "sqrt", F64, R1, opSqrt, exact(), gUnary(0, 100), 40000,             \
    r0 = sqrt(d0))                                                             \
  X(fma, "fma", F64, R1, opFma, exact(), gFma(), 40000, r0 = fma(d0, d1, d2))  \
  X(rsqrt, "rsqrt", F64, R1, refRsqrt, ulp(1), gUnary(0, 100), 40000,          \
    r0 = rsqrt(d0))                                                            \
  X(cbrt, "cbrt", F64, R1, m1<mpfr_cbrt>, ulp(1), gUnary(-100, 100), 40000,    \
    r0 = cbrt(d0))                                                             \
  X(rcbrt, "rcbrt", F64, R1, refRcbrt, ulp(1), gUnary(-100, 100), 40000,       \
    r0 = rcbrt(d0))                                                            \
  X(hypot, "hypot", F64, R1, m2<mpfr_hypot>, ulp(2), gNorm(2), 40000,          \
    r0 = hypot(d0, d1))                                                        \
  X(rhypot, "rhypot", F64, R1, refRnorm, ulp(1), gNorm(2), 40000,              \
    r0 = rhypot(d0, d1))                                                       \
  X(norm3d, "norm3d", F64, R1, refNorm, ulp(2), gNorm(3), 40000,               \
    r0 = norm3d(d0, d1, d2))                                                   \
  X(rnorm3d, "rnorm3d", F64, R1, refRnorm, ulp(1), gNorm(3), 40000,            \
    r0 = rnorm3d(d0, d1, d2))                                                  \
  X(norm4d, "norm4d", F64, R1, refNorm, ulp(2), gNorm(4), 40000,               \
    r0 = norm4d(d0, d1, d2, d3))                                               \
  X(rnorm4d, "rnorm4d", F64, R1, refRnorm, ulp(1), gNorm(4), 40000,            \
    r0 = rnorm4d(d0, d1, d2, d3))                                              \
  X(norm, "norm", F64, R1, refNormN, own(2), gNormN(), 40000,                  \
    r0 = norm(n0, a + 1))                                                      \
  X(rnorm, "rnorm", F64, R1, refRnormN, own(1), gNormN(), 40000,               \
    r0 = rnorm(n0, a + 1))                                                     \
  X(exp, "exp", F64, R1, m1<mpfr_exp>, ulp(1), gUnary(-746, 710), 50000,       \
    r0 = exp(d0))                                                              \
  X(exp2, "exp2", F64, R1, m1<mpfr_exp2>, ulp(1), gUnary(-1075, 1024), 50000,  \
    r0 = exp2(d0))                                                             \
  X(exp10, "exp10", F64, R1, m1<mpfr_exp10>, ulp(1), gUnary(-324, 309),        \
    50000, r0 = exp10(d0))                                                     \
  X(expm1, "expm1", F64, R1, m1<mpfr_expm1>, ulp(1), gUnary(-2, 2), 50000,     \
    r0 = expm1(d0))                                                            \
  X(log, "log", F64, R1, m1<mpfr_log>, ulp(1), gLog(0, 4), 50000,              \
    r0 = log(d0))                                                              \
  X(log2, "log2", F64, R1, m1<mpfr_log2>, ulp(1), gLog(0, 4), 50000,           \
    r0 = log2(d0))                                                             \
  X(log10, "log10", F64, R1, m1<mpfr_log10>, ulp(1), gLog(0, 4), 50000,        \
    r0 = log10(d0))                                                            \
  X(log1p, "log1p", F64, R1, m1<mpfr_log1p>, ulp(1), gLog(-1, 2), 50000,       \
    r0 = log1p(d0))                                                            \
  X(pow, "pow", F64, R1, m2<mpfr_pow>, ulp(2), gPow(), 50000,                  \
    r0 = pow(d0, d1))                                                          \
  X(sin, "sin", F64, R1, m1<mpfr_sin>, ulp(2), gTrig(), 50000, r0 = sin(d0))   \
  X(cos, "cos", F64, R1, m1<mpfr_cos>, ulp(2), gTrig(), 50000, r0 = cos(d0))   \
  X(tan, "tan", F64, R1, m1<mpfr_tan>, ulp(2), gTrig(), 50000, r0 = tan(d0))   \
  X(sincos, "sincos", F64, R2, refSinCos, ulp(2), gTrig(), 50000,              \
    sincos(d0, &ds, &dc); r0 = ds; r1 = dc)                                    \
  X(sinpi, "sinpi", F64, R1, m1<mpfr_sinpi>, ulp(2), gPi(), 50000,             \
    r0 = sinpi(d0))                                                            \
  X(cospi, "cospi", F64, R1, m1<mpfr_cospi>, ulp(2), gPi(), 50000,             \
    r0 = cospi(d0))                                                            \
  X(sincospi, "sincospi", F64, R2, refSinCosPi, ulp(2), gPi(), 50000,          \
    sincospi(d0, &ds, &dc); r0 = ds; r1 = dc)                                  \
  X(asin, "asin", F64, R1, m1<mpfr_asin>, ulp(2), gUnary(-1, 1), 50000,        \
    r0 = asin(d0))                                                             \
  X(acos, "acos", F64, R1, m1<mpfr_acos>, ulp(2), gUnary(-1, 1), 50000,        \
    r0 = acos(d0))                                                             \
  X(atan, "atan", F64, R1, m1<mpfr_atan>, ulp(2), gUnary(-10, 10), 50000,      \
    r0 = atan(d0))                                                             \
  X(atan2, "atan2", F64, R1, m2<mpfr_atan2>, ulp(2), gBinary(-10, 10), 50000,  \
    r0 = atan2(d0, d1))                                                        \
  X(sinh, "sinh", F64, R1, m1<mpfr_sinh>, ulp(2), gUnary(-711, 711), 50000,    \
    r0 = sinh(d0))                                                             \
  X(cosh, "cosh", F64, R1, m1<mpfr_cosh>, ulp(1), gUnary(-711, 711), 50000,    \
    r0 = cosh(d0))                                                             \
  X(tanh, "tanh", F64, R1, m1<mpfr_tanh>, ulp(1), gUnary(-20, 20), 50000,      \
    r0 = tanh(d0))                                                             \
  X(asinh, "asinh", F64, R1, m1<mpfr_asinh>, ulp(3), gUnary(-10, 10), 50000,   \
    r0 = asinh(d0))                                                            \
  X(acosh, "acosh", F64, R1, m1<mpfr_acosh>, ulp(3), gUnary(1, 10), 50000,     \
    r0 = acosh(d0))                                                            \
  X(atanh, "atanh", F64, R1, m1<mpfr_atanh>, ulp(2), gUnary(-1, 1), 50000,     \
    r0 = atanh(d0))                                                            \
  X(erf, "erf", F64, R1, m1<mpfr_erf>, ulp(2), gUnary(-6, 6), 40000,           \
    r0 = erf(d0))                                                              \
  X(erfc, "erfc", F64, R1, m1<mpfr_erfc>, ulp(5), gUnary(-6, 28), 10000,       \
    r0 = erfc(d0))                                                             \
  X(erfinv, "erfinv", F64, R1, refErfinv, ulp(5), gErfinv(), 10000,            \
    r0 = erfinv(d0))                                                           \
  X(erfcinv, "erfcinv", F64, R1, refErfcinv, ulp(6), gErfcinv(), 6000,         \
    r0 = erfcinv(d0))                                                          \
  X(erfcx, "erfcx", F64, R1, refErfcx, ulp(4), gUnary(-27, 30), 10000,         \
    r0 = erfcx(d0))                                                            \
  X(normcdf, "normcdf", F64, R1, refNormcdf, ulp(5), gUnary(-39, 9), 10000,    \
    r0 = normcdf(d0))                                                          \
  X(normcdfinv, "normcdfinv", F64, R1, refNormcdfinv, ulp(8), gNormcdfinv(),   \
    6000, r0 = normcdfinv(d0))                                                 \
  X(lgamma, "lgamma", F64, R1, refLgamma, lgammaBound(4, -23.0001, -2.2637),   \
    gGamma(), 20000, r0 = lgamma(d0))                                          \
  X(tgamma, "tgamma", F64, R1, m1<mpfr_gamma>, ulp(10), gGamma(), 20000,       \
    r0 = tgamma(d0))                                                           \
  X(j0, "j0", F64, R1, m1<mpfr_j0>, bessel(7, 5e-12), gBessel(0), 15000,       \
    r0 = j0(d0))                                                               \
  X(j1, "j1", F64, R1, refJ1, bessel(7, 5e-12), gBessel(1), 15000,             \
    r0 = j1(d0))                                                               \
  X(y0, "y0", F64, R1, m1<mpfr_y0>, bessel(7, 5e-12), gBessel(2), 15000,       \
    r0 = y0(d0))                                                               \
  X(y1, "y1", F64, R1, m1<mpfr_y1>, bessel(7, 5e-12), gBessel(3), 15000,       \
    r0 = y1(d0))                                                               \
  X(jn, "jn", F64, R1, refJn, jnBound(5e-12), gBesselN(0), 7500,                \
    r0 = jn(n0, d1))                                                           \
  X(yn, "yn", F64, R1, refYn, ynBoundD(), gBesselN(2), 1200, r0 = yn(n0, d1))   \
  X(cyl_bessel_i0, "cyl_bessel_i0", F64, R1, refI0, ulp(6), gUnary(-30, 30),   \
    10000, r0 = cyl_bessel_i0(d0))                                             \
  X(cyl_bessel_i1, "cyl_bessel_i1", F64, R1, refI1, ulp(6), gUnary(-30, 30),   \
    10000, r0 = cyl_bessel_i1(d0))                                             \
  X(fabs, "fabs", F64, R1, opAbs, exact(), gUnary(-10, 10), 10000,             \
    r0 = fabs(d0))                                                             \
  X(copysign, "copysign", F64, R1, opCopysign, exact(), gBinary(-10, 10),      \
    10000, r0 = copysign(d0, d1))                                              \
  X(fmin, "fmin", F64, R1, opMin, exact(), gBinary(-10, 10), 10000,            \
    r0 = fmin(d0, d1))                                                         \
  X(fmax, "fmax", F64, R1, opMax, exact(), gBinary(-10, 10), 10000,            \
    r0 = fmax(d0, d1))                                                         \
  X(fdim, "fdim", F64, R1, opDim, exact(), gBinary(-10, 10), 10000,            \
    r0 = fdim(d0, d1))                                                         \
  X(fmod, "fmod", F64, R1, opFmod, exact(), gRemainder(), 20000,               \
    r0 = fmod(d0, d1))                                                         \
  X(remainder, "remainder", F64, R1, opRemainder, exact(), gRemainder(),       \
    20000, r0 = remainder(d0, d1))                                             \
  X(remquo, "remquo", F64, RQ, opRemquo, exact(), gRemainder(), 20000,         \
    r0 = remquo(d0, d1, &iq); ri = iq)                                         \
  X(modf, "modf", F64, R2, opModf, exact(), gRound(), 10000,                   \
    r0 = modf(d0, &ds); r1 = ds)                                               \
  X(frexp, "frexp", F64, RE, opFrexp, exact(), gUnary(-10, 10), 10000,         \
    r0 = frexp(d0, &iq); ri = iq)                                              \
  X(ldexp, "ldexp", F64, R1, opLdexp, exact(), gLdexp(), 10000,                \
    r0 = ldexp(d0, n1))                                                        \
  X(scalbn, "scalbn", F64, R1, opLdexp, exact(), gLdexp(), 10000,              \
    r0 = scalbn(d0, n1))                                                       \
  X(scalbln, "scalbln", F64, R1, opLdexp, exact(), gLdexp(), 10000,            \
    r0 = scalbln(d0, (long)d1))                                                \
  X(logb, "logb", F64, R1, opLogb, exact(), gUnary(-10, 10), 10000,            \
    r0 = logb(d0))                                                             \
  X(ilogb, "ilogb", F64, RI, opIlogb, exact(), gUnary(-10, 10), 10000,         \
    ri = ilogb(d0))                                                            \
  X(nextafter, "nextafter", F64, R1, opNextafter, exact(), gBinary(-2, 2),     \
    10000, r0 = nextafter(d0, d1))                                             \
  X(floor, "floor", F64, R1, opFloor, exact(), gRound(), 10000,                \
    r0 = floor(d0))                                                            \
  X(ceil, "ceil", F64, R1, opCeil, exact(), gRound(), 10000, r0 = ceil(d0))    \
  X(trunc, "trunc", F64, R1, opTrunc, exact(), gRound(), 10000,                \
    r0 = trunc(d0))                                                            \
  X(round, "round", F64, R1, opRound, exact(), gRound(), 10000,                \
    r0 = round(d0))                                                            \
  X(rint, "rint", F64, R1, opRint, exact(), gRound(), 10000, r0 = rint(d0))    \
  X(nearbyint, "nearbyint", F64, R1, opRint, exact(), gRound(), 10000,         \
    r0 = nearbyint(d0))                                                        \
  X(lrint, "lrint", F64, RI, opLrint, exact(), gToInt(), 10000,                \
    ri = lrint(d0))                                                            \
  X(llrint, "llrint", F64, RI, opLrint, exact(), gToInt(), 10000,              \
    ri = llrint(d0))                                                           \
  X(lround, "lround", F64, RI, opLround, exact(), gToInt(), 10000,             \
    ri = lround(d0))                                                           \
  X(llround, "llround", F64, RI, opLround, exact(), gToInt(), 10000,           \
    ri = llround(d0))                                                          \
  X(nan, "nan", F64, R1, refNan, exact(), gNone(), 0, r0 = nan(""))            \
  X(isnan, "isnan(double)", F64, RB, opIsnan, exact(), gUnary(-10, 10), 2500,  \
    ri = isnan(d0))                                                            \
  X(isinf, "isinf(double)", F64, RB, opIsinf, exact(), gUnary(-10, 10), 2500,  \
    ri = isinf(d0))                                                            \
  X(isfinite, "isfinite(double)", F64, RB, opIsfinite, exact(),                \
    gUnary(-10, 10), 2500, ri = isfinite(d0))                                  \
  X(signbit, "signbit(double)", F64, RB, opSignbit, exact(), gUnary(-10, 10),  \
    2500, ri = signbit(d0))                                                    \
  /* Single-precision intrinsics. */                                           \
  X(i_sinf, "__sinf", F32, R1, m1<mpfr_sin>, fastTrig(-21.41), gTrig(),        \
    50000, r0 = __sinf(f0))                                                    \
  X(i_cosf, "__cosf", F32, R1, m1<mpfr_cos>, fastTrig(-21.19), gTrig(),        \
    50000, r0 = __cosf(f0))                                                    \
  X(i_sincosf, "__sincosf", F32, R2, refSinCos, fastSinCos(), gTrig(), 50000,  \
    __sincosf(f0, &fs, &fc); r0 = fs; r1 = fc)                                 \
  X(i_tanf, "__tanf", F32, R1, m1<mpfr_tan>, derived(4, "tanf"), gTrig(),      \
    50000, r0 = __tanf(f0))                                                    \
  X(i_expf, "__expf", F32, R1, m1<mpfr_exp>, fastExp(1.173), gUnary(-104, 89), \
    50000, r0 = __expf(f0))                                                    \
  X(i_exp10f, "__exp10f", F32, R1, m1<mpfr_exp10>, fastExp(2.97),              \
    gUnary(-46, 39), 50000, r0 = __exp10f(f0))                                 \
  X(i_logf, "__logf", F32, R1, m1<mpfr_log>, fastLog(-21.41, 3), gLog(0, 4),   \
    50000, r0 = __logf(f0))                                                    \
  X(i_log2f, "__log2f", F32, R1, m1<mpfr_log2>, fastLog(-22, 2), gLog(0, 4),   \
    50000, r0 = __log2f(f0))                                                   \
  X(i_log10f, "__log10f", F32, R1, m1<mpfr_log10>, fastLog(-24, 3),            \
    gLog(0, 4), 50000, r0 = __log10f(f0))                                      \
  X(i_powf, "__powf", F32, R1, m2<mpfr_pow>, derived(4, "powf"), gPow(),       \
    50000, r0 = __powf(f0, f1))                                                \
  X(i_fdividef, "__fdividef", F32, R1, m2<mpfr_div>, fdivideBound(),           \
    gDivide(), 20000, r0 = __fdividef(f0, f1))                                 \
  X(i_saturatef, "__saturatef", F32, R1, opSaturate, exact(), gUnary(-2, 2),   \
    10000, r0 = __saturatef(f0))                                               \
  X(i_frsqrt_rn, "__frsqrt_rn", F32, R1, opRsqrt, exact(), gUnary(0, 100),     \
    40000, r0 = __frsqrt_rn(f0))

#define ENUM(id, ...) k_##id,
enum FunctionId { FUNCTIONS(ENUM) kFunctions };
#undef ENUM

// The functions whose kernels the compiler vectorises with vector math
// functions (lib/Target/VectorMath.cpp: SLEEF's), directly or through the
// header's code; measured in such a kernel as well. (Not double pow and
// tgamma, nor fmod: the header calls them by names the vectoriser does not
// map, as SLEEF's fail near the end of their range.)
#define VECTORISED(V)                                                          \
  V(sinf) V(cosf) V(tanf) V(asinf) V(acosf) V(atanf) V(sinhf) V(coshf)         \
  V(tanhf) V(asinhf) V(acoshf) V(atanhf) V(expf) V(exp2f) V(exp10f) V(expm1f)  \
  V(logf) V(log2f) V(log10f) V(log1pf) V(cbrtf) V(rcbrtf) V(erff) V(erfcf)     \
  V(erfcxf) V(normcdff) V(tgammaf) V(lgammaf) V(powf) V(atan2f) V(hypotf)      \
  V(sinpif) V(cospif) V(sin) V(cos) V(tan) V(asin) V(acos) V(atan) V(sinh)     \
  V(cosh) V(tanh) V(asinh) V(acosh) V(atanh) V(exp) V(exp2) V(exp10) V(expm1)  \
  V(log) V(log2) V(log10) V(log1p) V(cbrt) V(rcbrt) V(erf) V(erfc) V(erfcx)    \
  V(normcdf) V(lgamma) V(atan2) V(hypot) V(sinpi) V(cospi)

// Fixed < 0: one kernel for all functions, a switch on `fn`, which keeps
// the compiler from vectorising the thread loop: each call is the scalar
// function. Fixed = a function: that function alone, as a kernel applying
// one function to an array is, which the compiler vectorises with vector
// forms of the math functions (SLEEF's, on x86). The host pads `count` to
// whole blocks.
template <int Fixed>
__global__ void evaluate(int fn, int count, const double *in, double *out,
                         long long *iout) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (Fixed < 0 && i >= count)
    return;
  if (Fixed >= 0)
    fn = Fixed;
  const double *a = in + kArgs * i;
  double d0 = a[0], d1 = a[1], d2 = a[2], d3 = a[3];
  float f0 = (float)d0, f1 = (float)d1, f2 = (float)d2, f3 = (float)d3;
  int n0 = (int)d0, n1 = (int)d1;
  float fp[kArgs - 1];
  for (int k = 0; k < kArgs - 1; ++k)
    fp[k] = (float)a[1 + k];
  double r0 = __builtin_nan(""), r1 = r0;
  long long ri = 0;
  // Declared once: lqcc rejects address-taken locals declared in several
  // cases of one switch (invalid lifetime markers).
  float fs = 0, fc = 0;
  double ds = 0, dc = 0;
  int iq = 0;
  switch (fn) {
#define CASE(id, name, format, outs, ref, bound, gen, n, ...)                  \
  case k_##id: {                                                               \
    __VA_ARGS__;                                                               \
  } break;
    FUNCTIONS(CASE)
#undef CASE
  }
  out[2 * i] = r0;
  out[2 * i + 1] = r1;
  iout[i] = ri;
}

// __frsqrt_rn over every float in [1, 4): all significands at both
// exponent parities, so every normal and subnormal input is covered up to
// an exact power-of-4 scaling of the argument and result.
__global__ void rsqrtAll(float *out) {
  unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
  out[i] = __frsqrt_rn(__uint_as_float(0x3f800000u + i));
}

/*===--- Formats and errors -----------------------------------------------===*/

struct Format {
  int p, emin, emax; // precision, least normal exponent, 2^emax overflows
  const char *type;
};
static const Format F32{24, -126, 128, "float"}, F64{53, -1022, 1024, "double"};

// Reference precision: far beyond the format, so that rounding the
// reference once more to the format is the correct rounding.
static int refPrecision(const Format &f) { return f.p == 24 ? 80 : 128; }

// Within its scope MPFR rounds as the format does, subnormals included.
struct FormatRange {
  mpfr_exp_t emin = mpfr_get_emin(), emax = mpfr_get_emax();
  explicit FormatRange(const Format &f) {
    mpfr_set_emin(f.emin - f.p + 2);
    mpfr_set_emax(f.emax);
  }
  ~FormatRange() {
    mpfr_set_emin(emin);
    mpfr_set_emax(emax);
  }
};

static double toFormat(const Format &f, double x) {
  return f.p == 24 ? (double)(float)x : x;
}

// The correctly rounded value of v in format f.
static double roundTo(const Format &f, mpfr_srcptr v, mpfr_ptr tmp) {
  mpfr_set_prec(tmp, f.p);
  int inex = mpfr_set(tmp, v, MPFR_RNDN);
  FormatRange range(f);
  inex = mpfr_check_range(tmp, inex, MPFR_RNDN);
  mpfr_subnormalize(tmp, inex, MPFR_RNDN);
  return mpfr_get_d(tmp, MPFR_RNDN);
}

// log2 of one ulp at v in format f; values at or past 2^emax (an overflow
// taken as 2^emax) get the ulp of that binade.
static long ulpExponent(const Format &f, mpfr_srcptr v) {
  long e = mpfr_zero_p(v) ? f.emin : (long)mpfr_get_exp(v) - 1;
  e = std::max<long>(e, f.emin);
  e = std::min<long>(e, f.emax);
  return e - f.p + 1;
}

// A result as a number: infinities become ±2^emax, one ulp past the largest
// finite value, so an overflow near the boundary measures as a few ulps.
static void extended(const Format &f, mpfr_ptr out, double x) {
  if (std::isinf(x))
    mpfr_set_si_2exp(out, x > 0 ? 1 : -1, f.emax, MPFR_RNDN);
  else
    mpfr_set_d(out, x, MPFR_RNDN);
}

enum Problem { kOk, kNaN, kZeroSign, kInfinity, kInteger };
static const char *problemText[] = {"", "NaN mismatch", "sign of zero",
                                    "infinity mismatch", "integer mismatch"};

// The errors of one result.
struct Error {
  double cr = 0;   // ulps from the correctly rounded result (CUDA's measure)
  double real = 0; // ulps from the exact result
  double abs = 0;  // absolute error
  int problem = kOk;
  bool overflow = false; // one of result and reference is infinite
};

struct Scratch {
  mpfr_t t1, t2, t3;
  Scratch() {
    mpfr_init2(t1, 256);
    mpfr_init2(t2, 256);
    mpfr_init2(t3, 256);
  }
  ~Scratch() {
    mpfr_clear(t1);
    mpfr_clear(t2);
    mpfr_clear(t3);
  }
};

static void measure(Error &e, const Format &f, double got, mpfr_srcptr ref,
                    bool zeroSign, Scratch &s) {
  if (mpfr_nan_p(ref) || std::isnan(got)) {
    if (!(mpfr_nan_p(ref) && std::isnan(got)))
      e.problem = kNaN;
    return;
  }
  double cr = roundTo(f, ref, s.t3);
  if (zeroSign && got == 0 && mpfr_zero_p(ref) &&
      std::signbit(got) != (mpfr_signbit(ref) != 0)) {
    e.problem = kZeroSign;
    return;
  }
  if (got == cr && std::isinf(got))
    return;
  // Exact infinities (poles, infinite arguments) must be met exactly; an
  // overflow is measured like any other error.
  if (mpfr_inf_p(ref)) {
    e.problem = kInfinity;
    return;
  }
  e.overflow = std::isinf(cr) != std::isinf(got);
  extended(f, s.t1, got);
  extended(f, s.t2, cr);
  mpfr_sub(s.t3, s.t1, s.t2, MPFR_RNDN);
  mpfr_abs(s.t3, s.t3, MPFR_RNDN);
  mpfr_mul_2si(s.t3, s.t3, -ulpExponent(f, s.t2), MPFR_RNDN);
  e.cr = mpfr_get_d(s.t3, MPFR_RNDU);
  mpfr_sub(s.t3, s.t1, ref, MPFR_RNDN);
  mpfr_abs(s.t3, s.t3, MPFR_RNDN);
  e.abs = std::isinf(got) ? INFINITY : mpfr_get_d(s.t3, MPFR_RNDU);
  mpfr_mul_2si(s.t3, s.t3, -ulpExponent(f, ref), MPFR_RNDN);
  e.real = mpfr_get_d(s.t3, MPFR_RNDU);
}

/*===--- References -------------------------------------------------------===*/

// What a reference computes for one input: up to two values at the
// reference precision (or, for exact functions, already rounded to the
// format) and an integer.
struct Ref {
  const Format *f;
  mpfr_t v[2], x[kArgs], t;
  long long i = 0;
  Ref() {
    for (auto &m : v)
      mpfr_init2(m, 128);
    for (auto &m : x)
      mpfr_init2(m, 64);
    mpfr_init2(t, 128);
  }
  ~Ref() {
    for (auto &m : v)
      mpfr_clear(m);
    for (auto &m : x)
      mpfr_clear(m);
    mpfr_clear(t);
  }
  int prec() const { return refPrecision(*f); }
};
using RefFn = void (*)(Ref &, const double *);

static void setArgs(Ref &r, const double *a, int n) {
  for (int k = 0; k < n; ++k)
    mpfr_set_d(r.x[k], a[k], MPFR_RNDN);
}

template <int (*F)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t)>
static void m1(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec());
  F(r.v[0], r.x[0], MPFR_RNDN);
}
template <int (*F)(mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t)>
static void m2(Ref &r, const double *a) {
  setArgs(r, a, 2);
  mpfr_set_prec(r.v[0], r.prec());
  F(r.v[0], r.x[0], r.x[1], MPFR_RNDN);
}

// Exact functions: the operation rounded once, as the format rounds.
template <typename Op> static void rounded(Ref &r, int k, Op op) {
  mpfr_set_prec(r.v[k], r.f->p);
  FormatRange range(*r.f);
  int inex = op(r.v[k]);
  inex = mpfr_check_range(r.v[k], inex, MPFR_RNDN);
  mpfr_subnormalize(r.v[k], inex, MPFR_RNDN);
}
#define EXACT1(name, call)                                                     \
  static void name(Ref &r, const double *a) {                                  \
    setArgs(r, a, 3);                                                          \
    rounded(r, 0, [&](mpfr_ptr v) { return call; });                           \
  }
EXACT1(opAdd, mpfr_add(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opSub, mpfr_sub(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opMul, mpfr_mul(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opDiv, mpfr_div(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opRcp, mpfr_ui_div(v, 1, r.x[0], MPFR_RNDN))
EXACT1(opSqrt, mpfr_sqrt(v, r.x[0], MPFR_RNDN))
EXACT1(opFma, mpfr_fma(v, r.x[0], r.x[1], r.x[2], MPFR_RNDN))
EXACT1(opAbs, mpfr_abs(v, r.x[0], MPFR_RNDN))
EXACT1(opCopysign, mpfr_copysign(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opMin, mpfr_min(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opMax, mpfr_max(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opDim, mpfr_dim(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opFmod, mpfr_fmod(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opRemainder, mpfr_remainder(v, r.x[0], r.x[1], MPFR_RNDN))
EXACT1(opLdexp, mpfr_mul_2si(v, r.x[0], (long)a[1], MPFR_RNDN))
EXACT1(opFloor, mpfr_floor(v, r.x[0]))
EXACT1(opCeil, mpfr_ceil(v, r.x[0]))
EXACT1(opTrunc, mpfr_trunc(v, r.x[0]))
EXACT1(opRound, mpfr_round(v, r.x[0]))
EXACT1(opRint, mpfr_rint(v, r.x[0], MPFR_RNDN))
#undef EXACT1

// IEEE 754's rSqrt: rsqrt(-0) is -inf, where MPFR's rec_sqrt gives +inf.
static void opRsqrt(Ref &r, const double *a) {
  setArgs(r, a, 1);
  rounded(r, 0,
          [&](mpfr_ptr v) { return mpfr_rec_sqrt(v, r.x[0], MPFR_RNDN); });
  if (a[0] == 0)
    mpfr_set_inf(r.v[0], std::signbit(a[0]) ? -1 : 1);
}
static void refRsqrt(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec());
  mpfr_rec_sqrt(r.v[0], r.x[0], MPFR_RNDN);
  if (a[0] == 0)
    mpfr_set_inf(r.v[0], std::signbit(a[0]) ? -1 : 1);
}
static void refRcbrt(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec() + 16);
  mpfr_cbrt(r.v[0], r.x[0], MPFR_RNDN);
  mpfr_ui_div(r.v[0], 1, r.v[0], MPFR_RNDN);
}

// Norms: an infinite coordinate wins over NaN, as CUDA documents.
static bool normSpecial(Ref &r, const double *p, int n, bool reciprocal) {
  bool inf = false, nan = false;
  for (int k = 0; k < n; ++k) {
    inf |= std::isinf(p[k]);
    nan |= std::isnan(p[k]);
  }
  mpfr_set_prec(r.v[0], r.prec());
  if (inf)
    reciprocal ? mpfr_set_zero(r.v[0], 1) : mpfr_set_inf(r.v[0], 1);
  else if (nan)
    mpfr_set_nan(r.v[0]);
  return inf || nan;
}
static void sumOfSquares(Ref &r, const double *p, int n) {
  mpfr_set_prec(r.t, 2 * r.prec() + 64);
  mpfr_set_zero(r.t, 1);
  for (int k = 0; k < n; ++k) {
    mpfr_set_d(r.x[0], p[k], MPFR_RNDN);
    mpfr_fma(r.t, r.x[0], r.x[0], r.t, MPFR_RNDN);
  }
}
static int normDims(const double *a) {
  return (int)a[kArgs - 1]; // the generators record each norm's dimension
}
static void normOf(Ref &r, const double *p, int n) {
  if (normSpecial(r, p, n, false))
    return;
  sumOfSquares(r, p, n);
  mpfr_sqrt(r.v[0], r.t, MPFR_RNDN);
}
static void rnormOf(Ref &r, const double *p, int n) {
  if (normSpecial(r, p, n, true))
    return;
  sumOfSquares(r, p, n);
  mpfr_rec_sqrt(r.v[0], r.t, MPFR_RNDN);
}
static void refNorm(Ref &r, const double *a) { normOf(r, a, normDims(a)); }
static void refRnorm(Ref &r, const double *a) { rnormOf(r, a, normDims(a)); }
static void refNormN(Ref &r, const double *a) { normOf(r, a + 1, (int)a[0]); }
static void refRnormN(Ref &r, const double *a) { rnormOf(r, a + 1, (int)a[0]); }

static void refSinCos(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec());
  mpfr_set_prec(r.v[1], r.prec());
  mpfr_sin_cos(r.v[0], r.v[1], r.x[0], MPFR_RNDN);
}
static void refSinCosPi(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec());
  mpfr_set_prec(r.v[1], r.prec());
  mpfr_sinpi(r.v[0], r.x[0], MPFR_RNDN);
  mpfr_cospi(r.v[1], r.x[0], MPFR_RNDN);
}

static void refLgamma(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec());
  int sign;
  mpfr_lgamma(r.v[0], &sign, r.x[0], MPFR_RNDN);
}

// j1(±inf) is ±0 by CUDA's documentation (MPFR gives +0 for both).
static void refJ1(Ref &r, const double *a) {
  m1<mpfr_j1>(r, a);
  if (std::isinf(a[0]))
    mpfr_set_zero(r.v[0], a[0] > 0 ? 1 : -1);
}

// CUDA's jn and yn are NaN for a negative order.
// jn(n, -inf) is (-1)^n 0, as jn(n, -x) = (-1)^n jn(n, x) (MPFR: +0).
static void refJn(Ref &r, const double *a) {
  setArgs(r, a + 1, 1);
  mpfr_set_prec(r.v[0], r.prec());
  if (a[0] < 0)
    mpfr_set_nan(r.v[0]);
  else if (a[1] == -INFINITY)
    mpfr_set_zero(r.v[0], (long)a[0] % 2 ? -1 : 1);
  else
    mpfr_jn(r.v[0], (long)a[0], r.x[0], MPFR_RNDN);
}
static void refYn(Ref &r, const double *a) {
  setArgs(r, a + 1, 1);
  mpfr_set_prec(r.v[0], r.prec());
  if (a[0] < 0)
    mpfr_set_nan(r.v[0]);
  else
    mpfr_yn(r.v[0], (long)a[0], r.x[0], MPFR_RNDN);
}

// I0 and I1 by their power series, sum over k of (x/2)^(2k+n) / (k!(k+n)!),
// whose terms are all positive; past the format's overflow only the order
// of magnitude matters, which the leading asymptotic term gives.
static void besselI(Ref &r, const double *a, int n) {
  setArgs(r, a, 1);
  int p = r.prec() + 32;
  mpfr_set_prec(r.v[0], r.prec());
  double x = std::fabs(a[0]);
  if (std::isnan(a[0]) || x == 0) { // NaN; I0(±0) = 1, I1(±0) = ±0
    mpfr_set_d(r.v[0], n || std::isnan(a[0]) ? a[0] : 1.0, MPFR_RNDN);
    return;
  }
  if (std::isinf(x)) {
    mpfr_set_d(r.v[0], n ? a[0] : x, MPFR_RNDN);
    return;
  }
  if (x > (r.f->p == 24 ? 100 : 760)) { // e^x / sqrt(2 pi x)
    mpfr_set_prec(r.t, p);
    mpfr_abs(r.x[0], r.x[0], MPFR_RNDN);
    mpfr_exp(r.v[0], r.x[0], MPFR_RNDN);
    mpfr_const_pi(r.t, MPFR_RNDN);
    mpfr_mul_d(r.t, r.t, x, MPFR_RNDN);
    mpfr_mul_2ui(r.t, r.t, 1, MPFR_RNDN);
    mpfr_sqrt(r.t, r.t, MPFR_RNDN);
    mpfr_div(r.v[0], r.v[0], r.t, MPFR_RNDN);
    if (n && a[0] < 0)
      mpfr_neg(r.v[0], r.v[0], MPFR_RNDN);
    return;
  }
  mpfr_t q, term, sum;
  mpfr_inits2(p, q, term, sum, (mpfr_ptr)0);
  mpfr_set_d(q, a[0], MPFR_RNDN);
  mpfr_sqr(q, q, MPFR_RNDN);
  mpfr_div_2ui(q, q, 2, MPFR_RNDN); // x^2 / 4
  mpfr_set_d(term, n ? a[0] : 2.0, MPFR_RNDN);
  mpfr_div_2ui(term, term, 1, MPFR_RNDN); // x/2 or 1, exactly
  mpfr_set(sum, term, MPFR_RNDN);
  for (long k = 1;; ++k) {
    mpfr_mul(term, term, q, MPFR_RNDN);
    mpfr_div_ui(term, term, k * (k + n), MPFR_RNDN);
    mpfr_add(sum, sum, term, MPFR_RNDN);
    if (k > x && (mpfr_zero_p(term) ||
                  mpfr_get_exp(sum) - mpfr_get_exp(term) > p))
      break;
  }
  mpfr_set(r.v[0], sum, MPFR_RNDN);
  mpfr_clears(q, term, sum, (mpfr_ptr)0);
}
static void refI0(Ref &r, const double *a) { besselI(r, a, 0); }
static void refI1(Ref &r, const double *a) { besselI(r, a, 1); }

// erfcx(x) = exp(x^2) erfc(x); past x = 1e4 its asymptotic series, whose
// terms fall by x^2 each: (1 / (x sqrt(pi))) sum (-1)^k (2k-1)!! / (2x^2)^k.
static void refErfcx(Ref &r, const double *a) {
  int p = r.prec() + 32;
  mpfr_set_prec(r.v[0], r.prec());
  double x = a[0];
  if (std::isnan(x))
    return mpfr_set_nan(r.v[0]);
  if (x < -30) // exp(x^2) alone overflows
    return mpfr_set_inf(r.v[0], 1);
  mpfr_t s, t, u;
  mpfr_inits2(p, s, t, u, (mpfr_ptr)0);
  if (std::isinf(x)) {
    mpfr_set_zero(r.v[0], 1);
  } else if (x < 1e4) {
    mpfr_set_d(s, x, MPFR_RNDN);
    mpfr_sqr(t, s, MPFR_RNDN);
    mpfr_exp(t, t, MPFR_RNDN);
    mpfr_erfc(u, s, MPFR_RNDN);
    mpfr_mul(r.v[0], t, u, MPFR_RNDN);
  } else {
    mpfr_set_d(u, 2 * x * x, MPFR_RNDN); // exact enough: x is huge
    mpfr_set_ui(s, 1, MPFR_RNDN);
    mpfr_set_ui(t, 1, MPFR_RNDN);
    for (int k = 1; k < 12; ++k) {
      mpfr_mul_si(t, t, -(2 * k - 1), MPFR_RNDN);
      mpfr_div(t, t, u, MPFR_RNDN);
      mpfr_add(s, s, t, MPFR_RNDN);
    }
    mpfr_const_pi(t, MPFR_RNDN);
    mpfr_sqrt(t, t, MPFR_RNDN);
    mpfr_mul_d(t, t, x, MPFR_RNDN);
    mpfr_div(r.v[0], s, t, MPFR_RNDN);
  }
  mpfr_clears(s, t, u, (mpfr_ptr)0);
}

static void refNormcdf(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.prec());
  mpfr_set_prec(r.t, r.prec() + 32);
  mpfr_sqrt_ui(r.t, 2, MPFR_RNDN);
  mpfr_div(r.t, r.x[0], r.t, MPFR_RNDN);
  mpfr_neg(r.t, r.t, MPFR_RNDN);
  mpfr_erfc(r.v[0], r.t, MPFR_RNDN);
  mpfr_div_2ui(r.v[0], r.v[0], 1, MPFR_RNDN);
}

// y with erf(y) = x (complementary: erfc(y) = x) by Newton's method in
// MPFR, y -= (erf(y) - x) / (2/sqrt(pi) exp(-y^2)), from a start found by
// bisection in double; where erfc(y) underflows double, from the
// asymptotic solution of x = exp(-y^2) / (y sqrt(pi)). Each function is
// solved where its value is relative to the target: erf for |x| <= 1/2,
// erfc for its tails.
static void solve(mpfr_ptr y, mpfr_srcptr x, bool complementary, int p) {
  double xd = mpfr_get_d(x, MPFR_RNDN), y0;
  if (complementary && xd < 1e-300) {
    long e;
    double m = mpfr_get_d_2exp(&e, x, MPFR_RNDN);
    double lx = std::log(m) + e * std::log(2.0);
    y0 = std::sqrt(-lx);
    for (int k = 0; k < 8; ++k)
      y0 = std::sqrt(-lx - std::log(y0 * std::sqrt(M_PI)));
  } else {
    double lo = -30, hi = 30;
    for (int k = 0; k < 2000; ++k) {
      double mid = lo / 2 + hi / 2;
      if (mid <= lo || mid >= hi)
        break;
      bool below = complementary ? std::erfc(mid) > xd : std::erf(mid) < xd;
      (below ? lo : hi) = mid;
    }
    y0 = lo / 2 + hi / 2;
  }
  mpfr_t f, d, k;
  mpfr_inits2(p + 16, f, d, k, (mpfr_ptr)0);
  mpfr_set_prec(y, p + 16);
  mpfr_set_d(y, y0, MPFR_RNDN);
  mpfr_const_pi(k, MPFR_RNDN);
  mpfr_sqrt(k, k, MPFR_RNDN);
  mpfr_ui_div(k, 2, k, MPFR_RNDN); // 2 / sqrt(pi)
  for (int it = 0; it < 60; ++it) {
    (complementary ? mpfr_erfc : mpfr_erf)(f, y, MPFR_RNDN);
    mpfr_sub(f, f, x, MPFR_RNDN);
    mpfr_sqr(d, y, MPFR_RNDN);
    mpfr_neg(d, d, MPFR_RNDN);
    mpfr_exp(d, d, MPFR_RNDN);
    mpfr_mul(d, d, k, MPFR_RNDN);
    mpfr_div(f, f, d, MPFR_RNDN);
    if (complementary)
      mpfr_add(y, y, f, MPFR_RNDN);
    else
      mpfr_sub(y, y, f, MPFR_RNDN);
    if (mpfr_zero_p(f) || mpfr_get_exp(y) - mpfr_get_exp(f) > p + 8)
      break;
  }
  mpfr_clears(f, d, k, (mpfr_ptr)0);
}

// erfcinv(c) for 0 < c < 2, scaled by `scale` (-sqrt(2) for normcdfinv).
static void inverseErfc(Ref &r, double c, double scale) {
  mpfr_t y, t, s;
  mpfr_init(y);
  mpfr_inits2(256, t, s, (mpfr_ptr)0);
  mpfr_set_d(t, c, MPFR_RNDN);
  if (c < 0.5) {
    solve(y, t, true, r.prec());
  } else if (c > 1.5) { // erfcinv(c) = -erfcinv(2 - c), 2 - c exact
    mpfr_ui_sub(t, 2, t, MPFR_RNDN);
    solve(y, t, true, r.prec());
    mpfr_neg(y, y, MPFR_RNDN);
  } else { // erfcinv(c) = erfinv(1 - c), 1 - c exact
    mpfr_ui_sub(t, 1, t, MPFR_RNDN);
    solve(y, t, false, r.prec());
  }
  mpfr_set_prec(s, r.prec() + 32);
  if (scale == 1)
    mpfr_set_ui(s, 1, MPFR_RNDN);
  else
    mpfr_sqrt_ui(s, 2, MPFR_RNDN), mpfr_neg(s, s, MPFR_RNDN);
  mpfr_mul(r.v[0], y, s, MPFR_RNDN);
  mpfr_clears(y, t, s, (mpfr_ptr)0);
}
static void refErfinv(Ref &r, const double *a) {
  double x = a[0];
  mpfr_set_prec(r.v[0], r.prec());
  if (std::isnan(x) || std::fabs(x) > 1)
    return mpfr_set_nan(r.v[0]);
  if (std::fabs(x) == 1)
    return mpfr_set_inf(r.v[0], x > 0 ? 1 : -1);
  if (x == 0) // erfinv(±0) = ±0
    return (void)mpfr_set_d(r.v[0], x, MPFR_RNDN);
  if (std::fabs(x) <= 0.5) {
    setArgs(r, a, 1);
    mpfr_t y;
    mpfr_init(y);
    solve(y, r.x[0], false, r.prec());
    mpfr_set(r.v[0], y, MPFR_RNDN);
    mpfr_clear(y);
    return;
  }
  inverseErfc(r, 1 - std::fabs(x), 1); // exact: |x| > 1/2
  if (x < 0)
    mpfr_neg(r.v[0], r.v[0], MPFR_RNDN);
}
static void refErfcinv(Ref &r, const double *a) {
  double c = a[0];
  mpfr_set_prec(r.v[0], r.prec());
  if (std::isnan(c) || c < 0 || c > 2)
    return mpfr_set_nan(r.v[0]);
  if (c == 0 || c == 2) // erfcinv(±0) = +inf
    return mpfr_set_inf(r.v[0], c == 0 ? 1 : -1);
  if (c == 1)
    return mpfr_set_zero(r.v[0], 1);
  inverseErfc(r, c, 1);
}
// normcdfinv(p) = -sqrt(2) erfcinv(2p); 2p is exact.
static void refNormcdfinv(Ref &r, const double *a) {
  double c = 2 * a[0];
  mpfr_set_prec(r.v[0], r.prec());
  if (std::isnan(c) || c < 0 || c > 2)
    return mpfr_set_nan(r.v[0]);
  if (c == 0 || c == 2)
    return mpfr_set_inf(r.v[0], c == 0 ? -1 : 1);
  if (c == 1)
    return mpfr_set_zero(r.v[0], 1);
  inverseErfc(r, c, -1);
}

static void opModf(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.f->p);
  mpfr_set_prec(r.v[1], r.f->p);
  if (std::isinf(a[0])) { // fraction ±0, integral part ±inf
    mpfr_set_zero(r.v[0], a[0] > 0 ? 1 : -1);
    mpfr_set_d(r.v[1], a[0], MPFR_RNDN);
    return;
  }
  mpfr_modf(r.v[1], r.v[0], r.x[0], MPFR_RNDN);
}
static void opFrexp(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_set_prec(r.v[0], r.f->p);
  mpfr_exp_t e = 0;
  if (std::isfinite(a[0]) && a[0] != 0)
    mpfr_frexp(&e, r.v[0], r.x[0], MPFR_RNDN);
  else
    mpfr_set(r.v[0], r.x[0], MPFR_RNDN);
  r.i = e;
}
static void opRemquo(Ref &r, const double *a) {
  setArgs(r, a, 2);
  long q = 0;
  rounded(r, 0, [&](mpfr_ptr v) {
    return mpfr_remquo(v, &q, r.x[0], r.x[1], MPFR_RNDN);
  });
  r.i = q;
}
static void opLogb(Ref &r, const double *a) {
  mpfr_set_prec(r.v[0], r.f->p);
  double x = a[0];
  if (std::isnan(x))
    mpfr_set_nan(r.v[0]);
  else if (std::isinf(x))
    mpfr_set_inf(r.v[0], 1);
  else if (x == 0)
    mpfr_set_inf(r.v[0], -1);
  else
    mpfr_set_si(r.v[0], std::ilogb(x), MPFR_RNDN);
}
// ilogb per CUDA: INT_MIN for zero and NaN, INT_MAX for infinities.
static void opIlogb(Ref &r, const double *a) {
  double x = a[0];
  if (std::isnan(x) || x == 0)
    r.i = INT_MIN;
  else if (std::isinf(x))
    r.i = INT_MAX;
  else {
    setArgs(r, a, 1);
    r.i = (long long)mpfr_get_exp(r.x[0]) - 1;
  }
}
// The neighbour of x toward y, stepping the format's encoding.
static void opNextafter(Ref &r, const double *a) {
  double x = a[0], y = a[1], n;
  mpfr_set_prec(r.v[0], r.f->p);
  if (std::isnan(x) || std::isnan(y))
    return mpfr_set_nan(r.v[0]);
  if (x == y) {
    n = y;
  } else if (r.f->p == 24) {
    float fx = (float)x;
    uint32_t b;
    std::memcpy(&b, &fx, 4);
    if (fx == 0)
      b = (y > 0 ? 0u : 0x80000000u) | 1u;
    else
      b += ((y > x) == (fx > 0)) ? 1 : -1;
    std::memcpy(&fx, &b, 4);
    n = fx;
  } else {
    uint64_t b;
    std::memcpy(&b, &x, 8);
    if (x == 0)
      b = (y > 0 ? 0ull : 0x8000000000000000ull) | 1ull;
    else
      b += ((y > x) == (x > 0)) ? 1 : -1;
    std::memcpy(&n, &b, 8);
  }
  mpfr_set_d(r.v[0], n, MPFR_RNDN);
}
static void opLrint(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_rint(r.t, r.x[0], MPFR_RNDN);
  r.i = (long long)mpfr_get_sj(r.t, MPFR_RNDN);
}
static void opLround(Ref &r, const double *a) {
  setArgs(r, a, 1);
  mpfr_round(r.t, r.x[0]);
  r.i = (long long)mpfr_get_sj(r.t, MPFR_RNDN);
}
static void opIsnan(Ref &r, const double *a) { r.i = std::isnan(a[0]); }
static void opIsinf(Ref &r, const double *a) { r.i = std::isinf(a[0]); }
static void opIsfinite(Ref &r, const double *a) { r.i = std::isfinite(a[0]); }
static void opSignbit(Ref &r, const double *a) { r.i = std::signbit(a[0]); }
static void refNan(Ref &r, const double *) { mpfr_set_nan(r.v[0]); }
// __saturatef clamps to [+0, 1]; NaN gives +0.
static void opSaturate(Ref &r, const double *a) {
  double x = a[0];
  mpfr_set_prec(r.v[0], r.f->p);
  mpfr_set_d(r.v[0], std::isnan(x) || x <= 0 ? 0.0 : x >= 1 ? 1.0 : x,
             MPFR_RNDN);
}

/*===--- Bounds -----------------------------------------------------------===*/

// How a result is judged, input by input.
enum RuleKind { kUlp, kAbs, kNone };
struct Rule {
  RuleKind kind;
  double bound;
};

enum BoundKind {
  bUlp,       // ulp everywhere
  bExact,     // correctly rounded (0 ulp) or exact
  bOwn,       // CUDA documents no number; Lingqu's own bound, in ulp
  bDerived,   // CUDA derives it from other intrinsics; held to `note`'s
  bBessel,    // ulp for |x| < 8, else absolute
  bJn,        // absolute
  bYnF,       // ceil(2 + 2.5n) ulp for |x| < n, else absolute
  bYnD,       // absolute for |x| > 1.5n, else none
  bLgamma,    // ulp outside (lo, hi), none inside
  bFastTrig,  // absolute 2^ulp on [-pi, pi], none outside
  bFastSinCos,
  bFastExp,   // 2 + floor(|c x|) ulp
  bFastLog,   // absolute 2^ulp on [0.5, 2], else `abs` ulp
  bFDivide,   // 2 ulp for 2^-126 <= |y| <= 2^126, none outside
};
struct Bound {
  BoundKind kind;
  double ulp = 0, abs = 0, lo = 0, hi = 0;
  const char *note = nullptr;
};
static Bound ulp(double u) { return {bUlp, u}; }
static Bound exact() { return {bExact}; }
static Bound own(double u) { return {bOwn, u}; }
static Bound derived(double u, const char *from) {
  return {bDerived, u, 0, 0, 0, from};
}
static Bound bessel(double u, double a) { return {bBessel, u, a}; }
static Bound jnBound(double a) { return {bJn, 0, a}; }
static Bound ynBoundF() { return {bYnF, 0, 2.2e-6}; }
static Bound ynBoundD() { return {bYnD, 0, 5e-12}; }
static Bound lgammaBound(double u, double lo, double hi) {
  return {bLgamma, u, 0, lo, hi};
}
static Bound fastTrig(double log2Abs) {
  return {bFastTrig, 0, std::exp2(log2Abs)};
}
static Bound fastSinCos() { return {bFastSinCos}; }
static Bound fastExp(double c) { return {bFastExp, 0, 0, c}; }
static Bound fastLog(double log2Abs, double u) {
  return {bFastLog, u, std::exp2(log2Abs)};
}
static Bound fdivideBound() { return {bFDivide, 2}; }

// The rule for one input; sincos's second result (k = 1) may differ.
static Rule ruleAt(const Bound &b, const double *a, int k) {
  double x = a[0];
  switch (b.kind) {
  case bUlp:
  case bOwn:
  case bDerived:
    return {kUlp, b.ulp};
  case bExact:
    return {kUlp, 0};
  case bBessel:
    return std::fabs(x) < 8 ? Rule{kUlp, b.ulp} : Rule{kAbs, b.abs};
  case bJn:
    return {kAbs, b.abs};
  // yn(0, x) is y0(x), whose values near 0 are too large for an absolute
  // bound: y0's own rule applies (9 and 7 ulp for |x| < 8).
  case bYnF:
    if (a[0] == 0 && std::fabs(a[1]) < 8)
      return {kUlp, 9};
    return std::fabs(a[1]) < a[0] ? Rule{kUlp, std::ceil(2 + 2.5 * a[0])}
                                  : Rule{kAbs, b.abs};
  case bYnD:
    if (a[0] == 0 && std::fabs(a[1]) < 8)
      return {kUlp, 7};
    return std::fabs(a[1]) > 1.5 * a[0] ? Rule{kAbs, b.abs} : Rule{kNone, 0};
  case bLgamma:
    return x > b.lo && x < b.hi ? Rule{kNone, 0} : Rule{kUlp, b.ulp};
  case bFastTrig:
    return std::fabs(x) <= M_PI ? Rule{kAbs, b.abs} : Rule{kNone, 0};
  case bFastSinCos:
    return std::fabs(x) <= M_PI
               ? Rule{kAbs, std::exp2(k == 0 ? -21.41 : -21.19)}
               : Rule{kNone, 0};
  case bFastExp:
    return {kUlp, std::isfinite(x) ? 2 + std::floor(std::fabs(b.lo * x)) : 2};
  case bFastLog:
    return x >= 0.5 && x <= 2 ? Rule{kAbs, b.abs} : Rule{kUlp, b.ulp};
  case bFDivide: {
    double y = std::fabs(a[1]);
    return y >= 0x1p-126 && y <= 0x1p126 ? Rule{kUlp, 2} : Rule{kNone, 0};
  }
  }
  return {kNone, 0};
}

static std::string fmtNum(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// The bound as the table states it.
static std::string describe(const Bound &b) {
  switch (b.kind) {
  case bUlp:
    return fmtNum(b.ulp);
  case bExact:
    return "0";
  case bOwn:
    return "none documented; " + fmtNum(b.ulp) + " here";
  case bDerived:
    return std::string("derived; ") + b.note + "'s " + fmtNum(b.ulp) + " here";
  case bBessel:
    return fmtNum(b.ulp) + " for \\|x\\| < 8, else abs " + fmtNum(b.abs);
  case bJn:
    return "abs " + fmtNum(b.abs);
  case bYnF:
    return "⌈2 + 2.5n⌉ for \\|x\\| < n, else abs " + fmtNum(b.abs) +
           " (n = 0: y0f's)";
  case bYnD:
    return "abs " + fmtNum(b.abs) + " for \\|x\\| > 1.5n (n = 0: y0's)";
  case bLgamma:
    return fmtNum(b.ulp) + " outside [" + fmtNum(b.lo) + ", " + fmtNum(b.hi) +
           "]";
  case bFastTrig:
    return "abs 2^" + fmtNum(std::log2(b.abs)) + " on [-π, π]";
  case bFastSinCos:
    return "abs 2^-21.41 (sin), 2^-21.19 (cos) on [-π, π]";
  case bFastExp:
    return "2 + ⌊\\|" + fmtNum(b.lo) + " x\\|⌋";
  case bFastLog:
    return "abs 2^" + fmtNum(std::log2(b.abs)) + " on [0.5, 2], else " +
           fmtNum(b.ulp);
  case bFDivide:
    return "2 for 2^-126 ≤ \\|y\\| ≤ 2^126";
  }
  return "";
}

/*===--- Inputs -----------------------------------------------------------===*/

// SplitMix64: a fixed sequence on every platform.
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double unit() { return (next() >> 11) * 0x1p-53; } // [0, 1)
  int below(int n) { return (int)(next() % (uint64_t)n); }
};

using Args = std::array<double, kArgs>;

struct Sampler {
  const Format &f;
  Rng &rng;
  std::vector<Args> &out;
  int n; // random samples requested

  double fmt(double x) const { return toFormat(f, x); }
  // Arguments in the format (the device converts them to float exactly).
  void add(double a, double b = 0, double c = 0, double d = 0) {
    addRaw(fmt(a), fmt(b), fmt(c), fmt(d));
  }
  // For integer arguments outside float's exact range (ldexp's exponent).
  void addRaw(double a, double b = 0, double c = 0, double d = 0) {
    Args v{};
    v[0] = a;
    v[1] = b;
    v[2] = c;
    v[3] = d;
    out.push_back(v);
  }
  // The format's neighbour of x toward y.
  double next(double x, double y) const {
    return f.p == 24 ? (double)std::nextafterf((float)x, (float)y)
                     : std::nextafter(x, y);
  }
  bool coin() { return rng.next() & 1; }
  double sign(double x) { return coin() ? -x : x; }
  // Uniform on [lo, hi], in the format.
  double uni(double lo, double hi) { return fmt(lo + (hi - lo) * rng.unit()); }
  // Magnitude 2^[e1, e2) with a random significand.
  double mag(double e1, double e2) {
    double e = std::floor(e1 + (e2 - e1) * rng.unit());
    return fmt(std::ldexp(1 + rng.unit(), (int)e));
  }
  // Any value of the format, subnormals included, either sign.
  double wide() { return sign(mag(f.emin - f.p + 1, f.emax)); }
  double maxFinite() const {
    return std::ldexp(2 - std::ldexp(1, 1 - f.p), f.emax - 1);
  }
  double eps() const { return std::ldexp(1, 1 - f.p); }
  // Zeros, subnormals, the ends of the normal range, values around 1,
  // infinities and NaN, each with both signs.
  std::vector<double> edges() const {
    double tiny = std::ldexp(1, f.emin - f.p + 1);
    double least = std::ldexp(1, f.emin), e = eps(), big = maxFinite();
    std::vector<double> pos = {0,         tiny,      2 * tiny, least - tiny,
                               least,     least + tiny, e / 2,  0.5,
                               1 - e / 2, 1,         1 + e,    1.5,
                               2,         3,         10,       100,
                               1e4,       big / 2,   big,      INFINITY};
    std::vector<double> v;
    for (double x : pos) {
      v.push_back(fmt(x));
      v.push_back(-fmt(x));
    }
    v.push_back(NAN);
    return v;
  }
  template <typename F> void random(F draw) {
    for (int k = 0; k < n; ++k)
      draw();
  }
};

struct Gen {
  void (*fn)(Sampler &, const Gen &);
  double lo = 0, hi = 0;
};

// Edges, then a third of the samples anywhere in the format and the rest
// uniform on the interesting interval [lo, hi].
static void unaryFn(Sampler &s, const Gen &g) {
  for (double x : s.edges())
    s.add(x);
  s.random([&] {
    s.add(s.rng.below(3) == 0 ? s.wide() : s.uni(g.lo, g.hi));
  });
}
static Gen gUnary(double lo, double hi) { return {unaryFn, lo, hi}; }

// Logarithms: also values just around 1 and the powers of 2 and 10.
static void logFn(Sampler &s, const Gen &g) {
  for (double x : s.edges())
    s.add(x);
  for (int k = 1; k < 40; ++k) {
    s.add(s.fmt(1 + k * s.eps()));
    s.add(s.fmt(1 - k * s.eps() / 2));
    s.add(s.fmt(std::ldexp(1, k * 3 - 60)));
    s.add(s.fmt(std::pow(10.0, k - 20)));
  }
  s.random([&] {
    int c = s.rng.below(4);
    double near1 = 1 + s.sign(std::ldexp(s.rng.unit(), -s.rng.below(30)));
    double x = c == 0   ? std::fabs(s.wide())
               : c == 1 ? s.fmt(near1)
                        : s.uni(g.lo, g.hi);
    s.add(x);
  });
}
static Gen gLog(double lo, double hi) { return {logFn, lo, hi}; }

// Trigonometry: [-pi, pi], arguments up to 1e5 and anywhere, and values
// next to multiples of pi/2, where reduction must be exact.
static void trigFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = 1; k < 64; ++k) {
    double m = s.fmt(k * M_PI_2 * (k > 32 ? 1e5 : 1));
    s.add(m);
    s.add(s.next(m, 0.0));
    s.add(-s.next(m, INFINITY));
  }
  s.random([&] {
    int c = s.rng.below(4);
    s.add(c == 0 ? s.wide() : c == 1 ? s.uni(-1e5, 1e5) : s.uni(-M_PI, M_PI));
  });
}
static Gen gTrig() { return {trigFn}; }

// sinpi, cospi: integers, halves, quarters, the end of the fractions.
static void piFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = -20; k <= 20; ++k) {
    s.add(k * 0.25);
    s.add(s.fmt(k * 0.5 + s.eps()));
    s.add(s.fmt(k * 0.5 - s.eps()));
  }
  for (int k = 0; k < 8; ++k)
    s.add(s.sign(std::ldexp(1.0 + k, s.f.p - 3 + k / 2)));
  s.random([&] {
    int c = s.rng.below(4);
    s.add(c == 0 ? s.wide() : c == 1 ? s.uni(-1e6, 1e6) : s.uni(-2, 2));
  });
}
static Gen gPi() { return {piFn}; }

// Two arguments: all pairs of edges, then pairs anywhere or in [lo, hi].
static void binaryFn(Sampler &s, const Gen &g) {
  auto e = s.edges();
  for (double x : e)
    for (double y : e)
      s.add(x, y);
  s.random([&] {
    if (s.coin())
      s.add(s.wide(), s.wide());
    else
      s.add(s.uni(g.lo, g.hi), s.uni(g.lo, g.hi));
  });
}
static Gen gBinary(double lo, double hi) { return {binaryFn, lo, hi}; }

// Arithmetic: also cancellation and results in the subnormal range.
static void arithFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  for (double x : e)
    for (double y : e)
      s.add(x, y);
  s.random([&] {
    int c = s.rng.below(4);
    double x = s.wide();
    if (c == 0)
      s.add(x, s.wide());
    else if (c == 1) // nearly equal
      s.add(x, x * (1 + s.sign(std::ldexp(s.rng.unit(), -s.rng.below(s.f.p)))));
    else if (c == 2) // tiny operands
      s.add(s.sign(s.mag(s.f.emin - s.f.p, s.f.emin + 4)),
            s.sign(s.mag(-30, 30)));
    else
      s.add(s.uni(-100, 100), s.uni(-100, 100));
  });
}
static Gen gArith() { return {arithFn}; }

static void fmaFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  for (int k = 0; k < 3000; ++k)
    s.add(e[s.rng.below(e.size())], e[s.rng.below(e.size())],
          e[s.rng.below(e.size())]);
  s.random([&] {
    int c = s.rng.below(3);
    double x = s.sign(s.mag(-20, 20)), y = s.sign(s.mag(-20, 20));
    if (c == 0)
      s.add(s.wide(), s.wide(), s.wide());
    else if (c == 1) // x * y + z cancels nearly to zero
      s.add(x, y, -(x * y) * (1 + s.sign(std::ldexp(s.rng.unit(), -s.f.p))));
    else
      s.add(x, y, s.sign(s.mag(-60, 60)));
  });
}
static Gen gFma() { return {fmaFn}; }

// pow: the special pairs, then x near 1 with large y, negative x with
// integer y, and results across the whole range.
static void powFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  std::vector<double> ys = e;
  for (double y : {0.5, 1.5, 3.0, 5.0, 0x1p24, 0x1p24 + 2, 0x1p53, 0x1p53 + 2,
                   1e10, 127.0, 1023.0, -149.0, -1074.0, 0.1})
    for (double sy : {y, -y})
      ys.push_back(s.fmt(sy));
  for (double x : e)
    for (double y : ys)
      s.add(x, y);
  s.random([&] {
    int c = s.rng.below(5);
    if (c == 0)
      s.add(s.mag(-20, 20), s.uni(-60, 60));
    else if (c == 1)
      s.add(-s.mag(-10, 10), std::round(s.uni(-100, 100)));
    else if (c == 2)
      s.add(s.fmt(1 + s.sign(std::ldexp(s.rng.unit(), -s.rng.below(s.f.p)))),
            s.sign(s.mag(0, 60)));
    else if (c == 3)
      s.add(std::fabs(s.wide()), s.uni(-2, 2));
    else
      s.add(s.uni(0, 4), s.uni(-20, 20));
  });
}
static Gen gPow() { return {powFn}; }

// Norms: the coordinate count rides in the last slot. Coordinates come
// from the edges or anywhere, or share a scale so that none is negligible.
static void normFn(Sampler &s, const Gen &g) {
  int n = (int)g.lo;
  auto e = s.edges();
  auto put = [&](const double *p) {
    Args v{};
    for (int k = 0; k < n; ++k)
      v[k] = p[k];
    v[kArgs - 1] = n;
    s.out.push_back(v);
  };
  double p[4];
  if (n == 2)
    for (double x : e)
      for (double y : e) {
        p[0] = x;
        p[1] = y;
        put(p);
      }
  else
    for (int k = 0; k < 3000; ++k) {
      for (int j = 0; j < n; ++j)
        p[j] = e[s.rng.below(e.size())];
      put(p);
    }
  s.random([&] {
    int c = s.rng.below(3);
    double scale = s.rng.below(s.f.emax * 2 + s.f.p) - s.f.emax - s.f.p;
    for (int j = 0; j < n; ++j)
      p[j] = c == 0   ? s.wide()
             : c == 1 ? s.sign(s.mag(scale, scale + 3))
                      : s.uni(-10, 10);
    put(p);
  });
}
static Gen gNorm(int n) { return {normFn, (double)n}; }

// norm(dim, p): dim in the first slot, coordinates after it.
static void normNFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  for (int k = 0; k < 2000; ++k) {
    int n = 1 + s.rng.below(kArgs - 1);
    Args v{};
    v[0] = n;
    for (int j = 0; j < n; ++j)
      v[1 + j] = e[s.rng.below(e.size())];
    s.out.push_back(v);
  }
  s.random([&] {
    int n = 1 + s.rng.below(kArgs - 1), c = s.rng.below(3);
    double scale = s.rng.below(s.f.emax * 2 + s.f.p) - s.f.emax - s.f.p;
    Args v{};
    v[0] = n;
    for (int j = 0; j < n; ++j)
      v[1 + j] = c == 0   ? s.wide()
                 : c == 1 ? s.sign(s.mag(scale, scale + 3))
                          : s.uni(-10, 10);
    s.out.push_back(v);
  });
}
static Gen gNormN() { return {normNFn}; }

// Remainders: all pairs of edges, quotients large and small, and exact
// halves, where the quotient's parity decides.
static void remainderFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  for (double x : e)
    for (double y : e)
      s.add(x, y);
  s.random([&] {
    int c = s.rng.below(3);
    if (c == 0) {
      s.add(s.wide(), s.wide());
    } else if (c == 1) {
      double y = s.sign(s.mag(-10, 10));
      double q = std::round(s.uni(-1000, 1000));
      s.add(s.fmt((q + 0.5) * y), y);
    } else {
      s.add(s.uni(-100, 100), s.sign(s.mag(-8, 8)));
    }
  });
}
static Gen gRemainder() { return {remainderFn}; }

// Rounding to integers: halves, values around 2^p, edges.
static void roundFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = -10; k <= 10; ++k)
    s.add(k + 0.5);
  s.random([&] {
    int c = s.rng.below(3);
    if (c == 0)
      s.add(s.wide());
    else if (c == 1)
      s.add(s.sign(s.mag(-2, s.f.p + 2)));
    else
      s.add(s.fmt(std::round(s.uni(-1e6, 1e6)) + 0.5));
  });
}
static Gen gRound() { return {roundFn}; }

// Conversions to integers, within the range of long long.
static void toIntFn(Sampler &s, const Gen &) {
  for (double x : {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0x1p52, -0x1p62})
    s.add(s.fmt(x));
  s.random([&] {
    if (s.coin())
      s.add(s.sign(s.mag(-4, 62)));
    else
      s.add(s.fmt(std::round(s.uni(-1e6, 1e6)) + 0.5));
  });
}
static Gen gToInt() { return {toIntFn}; }

// ldexp and scalbn: exponents across the range and past it, subnormal
// results (which round), overflow.
static void ldexpFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  int span = s.f.emax - s.f.emin + s.f.p + 8;
  for (double x : e)
    for (int k : {0, 1, -1, span, -span, s.f.emax, s.f.emin, INT_MAX, INT_MIN})
      s.addRaw(x, k);
  s.random([&] {
    double x = s.coin() ? s.wide() : s.uni(-10, 10);
    s.addRaw(x, s.rng.below(2 * span) - span);
  });
}
static Gen gLdexp() { return {ldexpFn}; }

// fdividef: y over the whole range and the bound's interval.
static void divideFn(Sampler &s, const Gen &) {
  auto e = s.edges();
  for (double x : e)
    for (double y : e)
      s.add(x, y);
  s.random([&] {
    if (s.coin())
      s.add(s.wide(), s.wide());
    else
      s.add(s.uni(-100, 100), s.sign(s.mag(-126, 126)));
  });
}
static Gen gDivide() { return {divideFn}; }

static void erfinvFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = 1; k < 30; ++k) {
    s.add(s.fmt(1 - k * s.eps() / 2));
    s.add(s.fmt(-1 + k * s.eps() / 2));
  }
  s.random([&] {
    int c = s.rng.below(3);
    s.add(c == 0   ? s.uni(-1, 1)
          : c == 1 ? s.sign(s.fmt(1 - s.mag(-s.f.p, -1)))
                   : s.sign(s.mag(s.f.emin - s.f.p, 0)));
  });
}
static Gen gErfinv() { return {erfinvFn}; }

static void erfcinvFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = 1; k < 30; ++k) {
    s.add(s.fmt(2 - k * s.eps()));
    s.add(s.fmt(1 + k * s.eps()));
    s.add(s.fmt(1 - k * s.eps() / 2));
  }
  s.random([&] {
    int c = s.rng.below(3);
    s.add(c == 0   ? s.uni(0, 2)
          : c == 1 ? s.mag(s.f.emin - s.f.p + 1, 0)
                   : s.fmt(2 - s.mag(-s.f.p, 0)));
  });
}
static Gen gErfcinv() { return {erfcinvFn}; }

static void normcdfinvFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = 1; k < 30; ++k) {
    s.add(s.fmt(1 - k * s.eps() / 2));
    s.add(s.fmt(0.5 + k * s.eps() / 2));
  }
  s.random([&] {
    int c = s.rng.below(3);
    s.add(c == 0   ? s.uni(0, 1)
          : c == 1 ? s.mag(s.f.emin - s.f.p + 1, -1)
                   : s.fmt(1 - s.mag(-s.f.p, -1)));
  });
}
static Gen gNormcdfinv() { return {normcdfinvFn}; }

// Gamma functions: poles, the overflow threshold, the zeros of lgamma at 1
// and 2, negative arguments.
static void gammaFn(Sampler &s, const Gen &) {
  for (double x : s.edges())
    s.add(x);
  for (int k = 1; k <= 30; ++k) {
    s.add(-k);
    s.add(s.fmt(-k + 0.5));
    s.add(s.fmt(-k + k * s.eps() * 4));
    s.add(s.fmt(-k - k * s.eps() * 4));
  }
  for (double x : {1.0, 2.0, 1.4616321449683622, 35.04, 171.6243769563027}) {
    double v = s.fmt(x);
    for (int k = 0; k < 4; ++k) {
      s.add(v);
      s.add(s.next(v, -INFINITY));
      v = s.next(v, INFINITY);
    }
  }
  s.random([&] {
    int c = s.rng.below(4);
    s.add(c == 0   ? s.wide()
          : c == 1 ? s.uni(-40, 0)
          : c == 2 ? s.uni(0, s.f.p == 24 ? 36 : 172)
                   : s.uni(0, 4));
  });
}
static Gen gGamma() { return {gammaFn}; }

// The zero of a Bessel function next to `guess`, by Newton's method in
// MPFR, rounded to the format. J0' = -J1, Y0' = -Y1, J1' = J0 - J1/x,
// Y1' = Y0 - Y1/x.
static double besselZero(const Format &f, int which, double guess) {
  mpfr_t x, v, d, t;
  mpfr_inits2(160, x, v, d, t, (mpfr_ptr)0);
  mpfr_set_d(x, guess, MPFR_RNDN);
  for (int it = 0; it < 8; ++it) {
    bool y = which >= 2;
    if (which % 2 == 0) {
      (y ? mpfr_y0 : mpfr_j0)(v, x, MPFR_RNDN);
      (y ? mpfr_y1 : mpfr_j1)(d, x, MPFR_RNDN);
      mpfr_neg(d, d, MPFR_RNDN);
    } else {
      (y ? mpfr_y1 : mpfr_j1)(v, x, MPFR_RNDN);
      (y ? mpfr_y0 : mpfr_j0)(d, x, MPFR_RNDN);
      mpfr_div(t, v, x, MPFR_RNDN);
      mpfr_sub(d, d, t, MPFR_RNDN);
    }
    mpfr_div(v, v, d, MPFR_RNDN);
    mpfr_sub(x, x, v, MPFR_RNDN);
  }
  Scratch s;
  double z = roundTo(f, x, s.t1);
  mpfr_clears(x, v, d, t, (mpfr_ptr)0);
  return z;
}

// Bessel functions of order 0 and 1 (g.lo: 0 j0, 1 j1, 2 y0, 3 y1): the
// doubles around each zero below 12, [0, 8] densely, beyond it and
// anywhere.
static void besselFn(Sampler &s, const Gen &g) {
  static const double zeros[4][4] = {
      {2.404825557695773, 5.520078110286311, 8.653727912911013,
       11.79153443901428},
      {3.831705970207512, 7.015586669815619, 10.17346813506272, 0},
      {0.8935769662791675, 3.957678419314858, 7.086051060301773,
       10.22234504349642},
      {2.197141326031017, 5.429681040794135, 8.596005868331169, 0}};
  int which = (int)g.lo;
  for (double x : s.edges())
    s.add(x);
  for (double z0 : zeros[which]) {
    if (z0 == 0)
      continue;
    double z = besselZero(s.f, which, z0), lo = z, hi = z;
    s.add(z);
    for (int k = 0; k < 3; ++k) {
      lo = s.next(lo, 0.0);
      hi = s.next(hi, 100.0);
      s.add(lo);
      s.add(hi);
    }
    for (int k = 0; k < 8; ++k) // the neighbourhood, ever closer
      s.add(s.fmt(z + std::ldexp(s.rng.unit() - 0.5, -3 * k)));
  }
  s.random([&] {
    int c = s.rng.below(6);
    double x = c == 0 ? s.wide() : c == 1 ? s.uni(8, 200) : s.uni(0, 8);
    s.add(which < 2 && s.coin() ? -x : x);
  });
}
static Gen gBessel(int which) { return {besselFn, (double)which}; }

// jn and yn: order in the first slot, orders up to 128.
static void besselNFn(Sampler &s, const Gen &g) {
  auto e = s.edges();
  for (int n : {-1, 0, 1, 2, 5, 128})
    for (double x : e)
      s.add(n, x);
  // Orders 0 and 1 next to the zeros of j0 and j1 (g.lo 0) or y0 and y1.
  for (int n = 0; n < 2; ++n) {
    Sampler zs{s.f, s.rng, s.out, 0};
    size_t from = s.out.size();
    besselFn(zs, Gen{besselFn, g.lo + n});
    for (size_t k = from; k < s.out.size(); ++k) {
      double x = s.out[k][0];
      s.out[k][0] = n;
      s.out[k][1] = x;
    }
  }
  s.random([&] {
    int c = s.rng.below(8);
    int n = c == 0 ? 128 : c < 4 ? s.rng.below(20) : s.rng.below(129);
    double x =
        s.rng.below(4) == 0 ? std::fabs(s.wide()) : s.uni(0, 2.0 * n + 20);
    s.add(n, x);
  });
}
static Gen gBesselN(int kind) { return {besselNFn, (double)kind}; }

static void noneFn(Sampler &s, const Gen &) { s.add(0); }
static Gen gNone() { return {noneFn}; }

/*===--- The table --------------------------------------------------------===*/

enum Outputs {
  R1, // one floating-point result
  R2, // two
  RI, // an integer, exactly
  RB, // a truth value
  RE, // a result and frexp's exponent (unspecified for inf and NaN)
  RQ, // a result and remquo's quotient (sign and low 3 bits)
};

struct Function {
  int id;
  const char *name;
  const Format *f;
  Outputs outs;
  RefFn ref;
  Bound bound;
  Gen gen;
  int samples;
};

#define ROW(id, name, format, outs, ref, bound, gen, n, ...)                   \
  {k_##id, name, &format, outs, ref, bound, gen, n},
static const Function functions[] = {FUNCTIONS(ROW)};
#undef ROW

/*===--- Measuring --------------------------------------------------------===*/

// Everything measured for one input.
struct Outcome {
  Error err;      // worst of the results
  Rule rule;      // the rule for the first result
  bool failed;
  double ref[2];  // references rounded to the format, for messages
  long long iref; // integer reference
};

static bool zeroSignMatters(const Function &fn) {
  // fmin/fmax of +0 and -0 may return either, as C allows; CUDA
  // documents nothing more.
  return fn.id != k_fminf && fn.id != k_fmaxf && fn.id != k_fmin &&
         fn.id != k_fmax;
}

static bool fails(const Error &e, const Rule &rule) {
  if (e.problem)
    return true;
  switch (rule.kind) {
  case kUlp:
    return !(e.cr <= rule.bound);
  case kAbs:
    return !(e.abs <= rule.bound);
  case kNone: // no bound, but a finite result must not overflow
    return e.overflow;
  }
  return false;
}

static void reference(const Function &fn, const Args &a, Ref &r) {
  r.f = fn.f;
  r.i = 0;
  for (auto &m : r.v)
    mpfr_set_nan(m);
  fn.ref(r, a.data());
}

static void judge(const Function &fn, const Args &a, const double *got,
                  long long igot, Outcome &o, Ref &r, Scratch &s) {
  o = Outcome{};
  o.iref = r.i;
  const Format &f = *fn.f;
  int results = fn.outs == R2 ? 2 : fn.outs == RI || fn.outs == RB ? 0 : 1;
  o.rule = ruleAt(fn.bound, a.data(), 0);
  for (int k = 0; k < results; ++k) {
    Error e;
    measure(e, f, got[k], r.v[k], zeroSignMatters(fn), s);
    o.ref[k] = mpfr_nan_p(r.v[k]) ? NAN : roundTo(f, r.v[k], s.t3);
    o.failed |= fails(e, ruleAt(fn.bound, a.data(), k));
    o.err.cr = std::max(o.err.cr, e.cr);
    o.err.real = std::max(o.err.real, e.real);
    o.err.abs = std::max(o.err.abs, e.abs);
    if (!o.err.problem)
      o.err.problem = e.problem;
  }
  switch (fn.outs) {
  case RI:
    if (igot != r.i)
      o.err.problem = kInteger;
    break;
  case RB:
    if ((igot != 0) != (r.i != 0))
      o.err.problem = kInteger;
    break;
  case RE:
    if (std::isfinite(a[0]) && igot != r.i)
      o.err.problem = kInteger;
    break;
  case RQ:
    if (!std::isnan(got[0]) && igot % 8 != (r.i % 8))
      o.err.problem = kInteger;
    break;
  default:
    break;
  }
  o.failed |= o.err.problem != kOk;
}

// The maxima for one function.
struct Summary {
  int inputs = 0;
  double cr = 0, real = 0, abs = 0;
  bool anyUlp = false, anyAbs = false;
  int worstUlp = -1, worstAbs = -1;
  int failures = 0;
};

static std::string fmtArg(const Format &f, double x) {
  char buf[64];
  if (std::isnan(x))
    return "NaN";
  if (std::isinf(x))
    return x > 0 ? "inf" : "-inf";
  std::snprintf(buf, sizeof buf, f.p == 24 ? "%.9g" : "%.17g", x);
  return buf;
}

static std::string fmtInput(const Function &fn, const Args &a) {
  const Format &f = *fn.f;
  int n = 1;
  std::string s;
  switch (fn.id) {
  case k_jnf: case k_ynf: case k_jn: case k_yn:
    return "(" + std::to_string((int)a[0]) + ", " + fmtArg(f, a[1]) + ")";
  case k_ldexpf: case k_scalbnf: case k_scalblnf:
  case k_ldexp: case k_scalbn: case k_scalbln:
    return "(" + fmtArg(f, a[0]) + ", " + std::to_string((long long)a[1]) + ")";
  case k_normf: case k_rnormf: case k_norm: case k_rnorm: {
    s = "(" + std::to_string((int)a[0]) + ", {";
    for (int k = 0; k < (int)a[0]; ++k)
      s += (k ? ", " : "") + fmtArg(f, a[1 + k]);
    return s + "})";
  }
  default:
    break;
  }
  if (fn.gen.fn == normFn)
    n = (int)fn.gen.lo;
  else if (fn.gen.fn == fmaFn)
    n = 3;
  else if (fn.gen.fn == binaryFn || fn.gen.fn == arithFn ||
           fn.gen.fn == powFn || fn.gen.fn == remainderFn ||
           fn.gen.fn == divideFn)
    n = 2;
  if (n == 1)
    return fmtArg(f, a[0]);
  s = "(";
  for (int k = 0; k < n; ++k)
    s += (k ? ", " : "") + fmtArg(f, a[k]);
  return s + ")";
}

static std::string fmtErr(double v) {
  char buf[32];
  if (std::isinf(v))
    return "inf";
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}
static std::string fmtAbs(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2g", v);
  return buf;
}

// Whether r is 1/sqrt(x) rounded to nearest, for x in [1, 4): the exact
// value lies strictly between the midpoints around r, that is
// (r - u/2)^2 x < 1 < (r + u/2)^2 x, in integers (x = X 2^-23 and the
// midpoints M 2^(e-25), or 2^(e-26) below a power of 2).
static bool rsqrtRoundedToNearest(float x, float r) {
  uint32_t xb, rb;
  std::memcpy(&xb, &x, 4);
  std::memcpy(&rb, &r, 4);
  if ((rb >> 23) == 0 || (rb >> 23) >= 255)
    return false;
  unsigned __int128 X = (unsigned __int128)((xb & 0x7fffff) | 0x800000)
                        << ((xb >> 23) - 127);
  int e = (int)(rb >> 23) - 126;               // r = R 2^(e-24)
  uint64_t R = (rb & 0x7fffff) | 0x800000;     // R in [2^23, 2^24)
  int shift = 73 - 2 * e;                      // 1 = 2^shift / (X 2^...)
  unsigned __int128 one = (unsigned __int128)1 << shift;
  unsigned __int128 above = (unsigned __int128)(2 * R + 1) * (2 * R + 1) * X;
  bool below;
  if (R == 0x800000) { // the neighbour below is half as far
    unsigned __int128 m = 4 * R - 1;
    below = m * m * X < (one << 2);
  } else {
    unsigned __int128 m = 2 * R - 1;
    below = m * m * X < one;
  }
  return below && above > one;
}

static int exhaustiveRsqrt() {
  constexpr unsigned kCount = 1u << 24;
  float *out;
  cudaMallocManaged(&out, sizeof(float) * kCount);
  rsqrtAll<<<kCount / 256, 256>>>(out);
  if (cudaDeviceSynchronize() != cudaSuccess) {
    std::printf("FAIL __frsqrt_rn: the kernel did not run\n");
    return 1;
  }
  int bad = 0;
  for (unsigned i = 0; i < kCount; ++i) {
    uint32_t b = 0x3f800000u + i;
    float x;
    std::memcpy(&x, &b, 4);
    if (!rsqrtRoundedToNearest(x, out[i]) && ++bad <= 5)
      std::printf("FAIL __frsqrt_rn (exhaustive): input %a: result %a\n", x,
                  out[i]);
  }
  cudaFree(out);
  return bad;
}

int main(int argc, char **argv) {
  const char *markdown = nullptr, *only = nullptr;
  bool verbose = false;
  double scale = 1;
  for (int k = 1; k < argc; ++k) {
    if (!std::strcmp(argv[k], "--markdown") && k + 1 < argc)
      markdown = argv[++k];
    else if (!std::strcmp(argv[k], "--only") && k + 1 < argc)
      only = argv[++k];
    else if (!std::strcmp(argv[k], "--scale") && k + 1 < argc)
      scale = std::atof(argv[++k]);
    else if (!std::strcmp(argv[k], "--verbose"))
      verbose = true;
  }
  auto selected = [&](const Function &fn) {
    if (!only)
      return true;
    std::string list = std::string(",") + only + ",";
    return list.find(std::string(",") + fn.name + ",") != std::string::npos;
  };

  // MPFR keeps its exponent range per thread only when built so.
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  unsigned threads = mpfr_buildopt_tls_p() ? std::min(4u, cores) : 1;
  std::string table, vectorTable;
  int failures = 0;
  for (const Function &fn : functions) {
    if (!selected(fn))
      continue;
    auto t0 = std::chrono::steady_clock::now();
    // Inputs: the same for every run, whatever ran before.
    Rng rng{0x5eed0000ull + (uint64_t)fn.id * 0x10001ull};
    std::vector<Args> in;
    Sampler sampler{*fn.f, rng, in, (int)(fn.samples * scale)};
    fn.gen.fn(sampler, fn.gen);
    int count = (int)in.size();

    // Inputs padded to whole blocks for the vectorised kernel.
    constexpr int kBlock = 128;
    int padded = (count + kBlock - 1) / kBlock * kBlock;
    Args first = in[0];
    in.resize(padded, first);
    bool vector = false;
#define V(name) vector |= fn.id == k_##name;
    VECTORISED(V)
#undef V
    int paths = vector ? 2 : 1;
    double *din, *dout[2];
    long long *diout[2];
    cudaMallocManaged(&din, sizeof(double) * kArgs * padded);
    std::memcpy(din, in.data(), sizeof(double) * kArgs * padded);
    for (int p = 0; p < paths; ++p) {
      cudaMallocManaged(&dout[p], sizeof(double) * 2 * padded);
      cudaMallocManaged(&diout[p], sizeof(long long) * padded);
    }
    evaluate<-1><<<padded / kBlock, kBlock>>>(fn.id, count, din, dout[0],
                                                diout[0]);
    switch (vector ? fn.id : -1) {
#define V(name)                                                                \
  case k_##name:                                                               \
    evaluate<k_##name><<<padded / kBlock, kBlock>>>(fn.id, padded, din,        \
                                                    dout[1], diout[1]);        \
    break;
      VECTORISED(V)
#undef V
    default:
      break;
    }
    if (cudaDeviceSynchronize() != cudaSuccess) {
      std::printf("FAIL %s: the kernel did not run\n", fn.name);
      return 1;
    }

    // References, split across threads; the reduction below is in input
    // order, so the result does not depend on the split.
    std::vector<Outcome> outcomes[2];
    for (int p = 0; p < paths; ++p)
      outcomes[p].resize(count);
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        Ref r;
        Scratch s;
        for (int k = t; k < count; k += threads) {
          reference(fn, in[k], r);
          for (int p = 0; p < paths; ++p)
            judge(fn, in[k], dout[p] + 2 * k, diout[p][k], outcomes[p][k], r,
                  s);
        }
        mpfr_free_cache();
      });
    for (auto &th : pool)
      th.join();

    for (int p = 0; p < paths; ++p) {
      std::string name = std::string(fn.name) + (p ? " (vectorised)" : "");
      Summary sum;
      sum.inputs = count;
      for (int k = 0; k < count; ++k) {
        const Outcome &o = outcomes[p][k];
        if (o.rule.kind == kUlp) {
          sum.anyUlp = true;
          if (sum.worstUlp < 0 || o.err.cr > sum.cr) {
            sum.worstUlp = k;
            sum.cr = o.err.cr;
          }
          sum.real = std::max(sum.real, o.err.real);
        } else if (o.rule.kind == kAbs) {
          sum.anyAbs = true;
          if (sum.worstAbs < 0 || o.err.abs > sum.abs) {
            sum.worstAbs = k;
            sum.abs = o.err.abs;
          }
        }
        if (o.failed && ++sum.failures <= 5) {
          const double *g = dout[p] + 2 * k;
          bool ints = fn.outs == RI || fn.outs == RB || fn.outs == RE ||
                      fn.outs == RQ;
          std::printf("FAIL %s%s: input %s: result %a", name.c_str(),
                      o.err.problem ? (std::string(" (") +
                                       problemText[o.err.problem] + ")")
                                          .c_str()
                                    : "",
                      fmtInput(fn, in[k]).c_str(), g[0]);
          if (fn.outs == R2)
            std::printf(", %a", g[1]);
          if (ints)
            std::printf(" [%lld]", diout[p][k]);
          std::printf(", reference %a", o.ref[0]);
          if (fn.outs == R2)
            std::printf(", %a", o.ref[1]);
          if (ints)
            std::printf(" [%lld]", o.iref);
          std::printf("; %s ulp, abs %s; bound %s %g\n",
                      fmtErr(o.err.cr).c_str(), fmtAbs(o.err.abs).c_str(),
                      o.rule.kind == kUlp ? "ulp" : "abs", o.rule.bound);
        }
      }
      if (sum.failures > 5)
        std::printf("FAIL %s: %d failures in all\n", name.c_str(),
                    sum.failures);
      failures += sum.failures;

      std::string worst;
      if (sum.anyUlp && sum.cr > 0)
        worst = fmtInput(fn, in[sum.worstUlp]);
      if (sum.anyAbs && sum.abs > 0)
        worst += (worst.empty() ? "" : "; abs: ") +
                 fmtInput(fn, in[sum.worstAbs]);
      bool exactRow = fn.bound.kind == bExact;
      std::string row =
          "| `" + std::string(fn.name) + "` | " + fn.f->type + " | " +
          describe(fn.bound) + " | " + (sum.anyUlp ? fmtErr(sum.cr) : "—") +
          " | " + (sum.anyUlp && !exactRow ? fmtErr(sum.real) : "—") + " | " +
          (sum.anyAbs ? fmtAbs(sum.abs) : "—") + " | " +
          std::to_string(sum.inputs) + " | " + worst + " |\n";
      (p ? vectorTable : table) += row;
      if (verbose) {
        double secs = std::chrono::duration<double>(
                          std::chrono::steady_clock::now() - t0)
                          .count();
        std::fprintf(stderr, "%6.2fs %s%s", secs, p ? "(v) " : "",
                     row.c_str());
      }
    }
    cudaFree(din);
    for (int p = 0; p < paths; ++p) {
      cudaFree(dout[p]);
      cudaFree(diout[p]);
    }
  }

  bool rsqrtChecked = false;
  for (const Function &fn : functions)
    if (fn.id == k_i_frsqrt_rn && selected(fn)) {
      failures += exhaustiveRsqrt();
      rsqrtChecked = true;
    }

  if (markdown) {
    FILE *md = std::fopen(markdown, "w");
    if (!md) {
      std::printf("FAIL: cannot write %s\n", markdown);
      return 1;
    }
    const char *head =
        "| function | type | CUDA bound | ulp | ulp vs exact | abs | inputs "
        "| worst input |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
    std::fputs(
        "# Accuracy of the CUDA Math API\n"
        "\n"
        "Generated by `test/accuracy/math-accuracy.cu`, which fails when\n"
        "this file differs from what it measures: do not edit it by hand.\n"
        "\n"
        "Every single- and double-precision function of the CUDA Math API\n"
        "and the fast intrinsics run in device code over edge cases (zeros,\n"
        "subnormals, infinities, NaN, the ends of the range, the function's\n"
        "poles and zeros) and a dense random sample with a fixed seed. The\n"
        "reference is the exact result computed by MPFR at 128 bits (80 for\n"
        "single precision); functions MPFR lacks are built from its\n"
        "functions at that precision (erfinv and erfcinv by Newton's method\n"
        "on erf and erfc, erfcx as exp(x²)·erfc(x), I0 and I1 by their power\n"
        "series).\n"
        "\n"
        "Most functions are the host C library's (glibc), so the figures are\n"
        "those of the machine's libm, and of its SLEEF in the vectorised\n"
        "table; `runtime/include/lingqu_device_math.h` computes the rest,\n"
        "including those where glibc 2.36 exceeds CUDA's bound (double cbrt,\n"
        "cosh near overflow, tanh, exp10, log10, j0, j1, y0 and y1 below 8,\n"
        "and tgammaf).\n"
        "\n"
        "- **CUDA bound**: the maximum error the CUDA C++ Programming Guide\n"
        "  documents for the function (appendix *Mathematical Functions*),\n"
        "  in ulps unless marked *abs* (an absolute error). Where CUDA gives\n"
        "  none, the row says which bound the test holds Lingqu to instead.\n"
        "- **ulp**: the largest distance, in ulps, between Lingqu's result\n"
        "  and the correctly rounded one. This is how CUDA defines its ulp\n"
        "  errors, and what the test checks against the bound; 0 means\n"
        "  bit-exact.\n"
        "- **ulp vs exact**: the largest error in ulps of the exact value.\n"
        "- **abs**: the largest absolute error, where CUDA bounds that.\n"
        "- **inputs**: how many were measured.\n"
        "- **worst input**: where the largest error was measured.\n"
        "\n"
        "Special values (NaN, infinities, and the sign of exact zeros) must\n"
        "match exactly, as CUDA documents them.\n"
        "\n",
        md);
    std::fputs(head, md);
    std::fputs(table.c_str(), md);
    if (rsqrtChecked)
      std::fputs("\n`__frsqrt_rn` is also checked on every float in [1, 4) "
                 "(all significands\nat both exponent parities): all "
                 "16777216 results are correctly rounded.\n",
                 md);
    std::fputs(
        "\n"
        "## In vectorised kernels\n"
        "\n"
        "A kernel that applies one of these functions to an array has its\n"
        "thread loop vectorised, and the C library calls in it become\n"
        "SLEEF's vector functions (see `lib/Target/VectorMath.cpp`). SLEEF's\n"
        "give up near the end of the range for some: the header keeps sinh,\n"
        "cosh, asinh, acosh and log1p within the range SLEEF handles, and\n"
        "calls double pow and tgamma, and fmod, by names the vectoriser does\n"
        "not map. The same inputs, through such a kernel:\n"
        "\n",
        md);
    std::fputs(head, md);
    std::fputs(vectorTable.c_str(), md);
    std::fclose(md);
  }
  std::printf("math-accuracy: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
