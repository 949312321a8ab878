#!/usr/bin/env bash
# Builds Lingqu's runtime (libcudart, libcuda) for another CPU ISA into
# BUILD/lib/TRIPLE, where lqcc --target=TRIPLE links programs against it
# (make cross-runtime). Its libraries: Debian's multiarch packages for
# AArch64 (scripts/install-cross-deps.sh), Debian's sources built for the
# target otherwise (scripts/build-deps-from-source.sh: Debian 12 has no
# riscv64 packages).
#   build-cross-runtime.sh BUILD TRIPLE
set -euo pipefail
build=$1
triple=$2
here=$(cd "$(dirname "$0")/.." && pwd)
toolchain=$here/cmake/toolchains/$triple.cmake
if [ ! -f "$toolchain" ]; then
  echo "build-cross-runtime.sh: no toolchain file for '$triple' in cmake/toolchains" >&2
  exit 2
fi
jobs=${JOBS:-2}
args=()
if [ "$triple" != aarch64-linux-gnu ]; then
  deps=$(realpath -m "$build-$triple-deps/install")
  JOBS=$jobs "$here/scripts/build-deps-from-source.sh" "$deps" --toolchain="$toolchain"
  args+=(-DLINGQU_CROSS_DEPS="$deps")
fi
cmake -S "$here" -B "$build-$triple" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DLINGQU_RUNTIME_ONLY=ON -DCMAKE_TOOLCHAIN_FILE="$toolchain" "${args[@]}" >/dev/null
cmake --build "$build-$triple" -j "$jobs"
mkdir -p "$build/lib/$triple"
cp -P "$build-$triple"/lib/libcudart.so* "$build-$triple"/lib/libcuda.so* "$build/lib/$triple/"
