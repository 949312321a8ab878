#!/usr/bin/env bash
# Builds and runs the runtime micro-benchmarks with the build's lqcc; the
# table goes to stdout and to bench/results/runtime-micro.txt.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
results=$here/../results
mkdir -p "$results"
"$build/bin/lqcc" -O3 "$here/runtime-micro.cu" -o "$build/runtime-micro"
"$build/runtime-micro" | tee "$results/runtime-micro.txt"
