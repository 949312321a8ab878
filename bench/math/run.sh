#!/usr/bin/env bash
# Black-Scholes: Lingqu (lqcc, the cpu device; math vectorised into SLEEF)
# against hand-written OpenMP,
# built twice: as most code is (-O3 -march=native -fopenmp) and with glibc's
# vector math library (-fno-math-errno -fveclib=libmvec), the strongest CPU
# baseline. Prints ratios (OpenMP time / Lingqu time: above 1 means Lingqu
# is faster) to stdout and bench/results/black-scholes.txt.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
results=$here/../results
out=$build/bench-math
mkdir -p "$results" "$out"
clang=${CLANGXX:-clang++-22}
n=${BS_OPTIONS:-4194304}

"$build/bin/lqcc" -O3 "$here/black-scholes.cu" -o "$out/bs-lingqu"
"$clang" -O3 -march=native -fopenmp "$here/black-scholes-omp.cpp" \
  -o "$out/bs-openmp" -Wno-pass-failed
"$clang" -O3 -march=native -fopenmp -fno-math-errno -fveclib=libmvec \
  "$here/black-scholes-omp.cpp" -o "$out/bs-openmp-libmvec" -lmvec

seconds() { "$@" "$n" | sed -n 's/.*best \([0-9.]*\) s.*/\1/p'; }
checksum() { "$@" "$n" 1 | sed -n 's/.*checksum \(.*\)$/\1/p'; }
lingqu=$(seconds "$out/bs-lingqu")
openmp=$(seconds "$out/bs-openmp")
libmvec=$(seconds "$out/bs-openmp-libmvec")
[ "$(checksum "$out/bs-lingqu")" = "$(checksum "$out/bs-openmp")" ] ||
  echo "warning: the Lingqu and OpenMP checksums differ" >&2

{
  echo "Black-Scholes, $n options, best of 10, $(nproc) cores"
  echo "(ratio = baseline time / Lingqu time; above 1: Lingqu is faster)"
  printf '%-44s %s\n' "baseline" "ratio"
  awk -v l="$lingqu" -v o="$openmp" -v m="$libmvec" 'BEGIN {
    printf "%-44s %.2f\n", "OpenMP -O3 -march=native", o / l
    printf "%-44s %.2f\n", "OpenMP -O3 -march=native -fveclib=libmvec", m / l
  }'
} | tee "$results/black-scholes.txt"
