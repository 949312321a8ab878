#!/usr/bin/env bash
# Installs every Debian package Lingqu's build, tests, examples and benchmarks need.
# Does nothing (and needs no network) when they are all present.
set -euo pipefail

packages=(
  clang-22 libclang-22-dev llvm-22 llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools lld-22
  libclang-rt-22-dev
  cmake ninja-build ccache make python3 curl xz-utils
  libtbb-dev libabsl-dev libboost-context-dev googletest libgtest-dev
  libmpfr-dev libomp-22-dev libsleef-dev
  pocl-opencl-icd ocl-icd-opencl-dev opencl-c-headers python3-matplotlib
  spirv-tools
  # Cross sysroots (/usr/<triple>) for lqcc --target=aarch64/riscv64-linux-gnu.
  g++-12-aarch64-linux-gnu libc6-dev-arm64-cross libstdc++-12-dev-arm64-cross
  g++-12-riscv64-linux-gnu libc6-dev-riscv64-cross libstdc++-12-dev-riscv64-cross
)

exec "$(dirname "$0")/apt-install-missing.sh" "${packages[@]}"
