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
// RUN: python3 %S/Inputs/compare_doc.py %t.md %lingqu_src/docs/math-accuracy.md
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

#include "Inputs/accuracy_inputs.h"

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
  // Results returned through pointers.
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

/// The widest vector instructions of the host: SLEEF's dispatcher, and
/// the vector width lqcc picks, follow them.
static const char *vectorIsa() {
  if (__builtin_cpu_supports("avx512f"))
    return "AVX-512";
  if (__builtin_cpu_supports("avx2"))
    return "AVX2";
  if (__builtin_cpu_supports("avx"))
    return "AVX";
  return "SSE";
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
        "not map. SLEEF picks its implementation by the CPU's vector\n"
        "instructions, so these figures are those of the machine that\n"
        "measured them; on a machine with other instructions the test\n"
        "compares the rows and bounds only (and checks every bound).\n"
        "\n",
        md);
    std::fprintf(md, "Measured with %s. The same inputs, through such a "
                     "kernel:\n\n",
                 vectorIsa());
    std::fputs(head, md);
    std::fputs(vectorTable.c_str(), md);
    std::fclose(md);
  }
  std::printf("math-accuracy: %s\n", failures ? "FAIL" : "PASS");
  return failures != 0;
}
