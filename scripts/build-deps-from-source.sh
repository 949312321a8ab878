#!/usr/bin/env bash
# Builds the runtime's libraries from Debian's sources into PREFIX, where
# Debian's binary packages will not do:
#   --sanitizer=S   abseil and oneTBB instrumented with -fsanitize=S (make
#                   check-sanitize: ThreadSanitizer must see absl::Mutex and
#                   oneTBB's task hand-offs to know what they order);
#   --toolchain=F   abseil, oneTBB and Boost.Context cross-compiled with the
#                   CMake toolchain file F (make cross-runtime for RISC-V:
#                   Debian 12 has no riscv64 packages).
# The sources are the ones Debian's libabsl-dev, libtbb-dev and
# libboost-context-dev are built from, fetched from Debian's archive and
# checked against the hashes its .dsc files give. Each library is built
# once per PREFIX.
#   build-deps-from-source.sh PREFIX (--sanitizer=S | --toolchain=F)
set -euo pipefail
prefix=$1
shift
sanitizer= toolchain=
for arg in "$@"; do
  case $arg in
    --sanitizer=*) sanitizer=${arg#*=} ;;
    --toolchain=*) toolchain=${arg#*=} ;;
    *) echo "build-deps-from-source.sh: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done
archive=http://deb.debian.org/debian/pool/main
work=$(dirname "$prefix")/src
jobs=${JOBS:-2}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$work" "$prefix"

common=(-G Ninja -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_POSITION_INDEPENDENT_CODE=ON)
if [ -n "$sanitizer" ]; then
  common+=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_SHARED_LIBS=ON
    -DCMAKE_C_COMPILER=/usr/lib/llvm-22/bin/clang
    -DCMAKE_CXX_COMPILER=/usr/lib/llvm-22/bin/clang++
    -DCMAKE_C_FLAGS="-fsanitize=$sanitizer" -DCMAKE_CXX_FLAGS="-fsanitize=$sanitizer"
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=$sanitizer")
elif [ -n "$toolchain" ]; then
  common+=(-DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON
    -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DLINGQU_CROSS_DEPS="$prefix")
else
  echo "build-deps-from-source.sh: give --sanitizer=S or --toolchain=F" >&2
  exit 2
fi

fetch() { # fetch URL SHA256 -> the tarball's path
  local file=$work/$(basename "$1")
  if [ ! -f "$file" ]; then
    curl -sSfL -o "$file.part" "$1"
    mv "$file.part" "$file"
  fi
  echo "$2  $file" | sha256sum -c --quiet - >&2
  echo "$file"
}

build() { # build NAME SOURCE_DIR CMAKE_ARGS...
  local name=$1 src=$2
  shift 2
  cmake -S "$src" -B "$work/build-$name" "${common[@]}" "$@" >/dev/null
  cmake --build "$work/build-$name" -j "$jobs"
  cmake --install "$work/build-$name" >/dev/null
}

if [ ! -f "$prefix/.abseil" ]; then
  tarball=$(fetch $archive/a/abseil/abseil_20220623.1.orig.tar.gz \
    abfe2897f3a30edaa74bc34365afe3c2a3cd012091a97dc7e008f7016adcd5fe)
  tar xzf "$tarball" -C "$work"
  build abseil "$work/abseil-20220623.1" -DCMAKE_CXX_STANDARD=17 \
    -DABSL_PROPAGATE_CXX_STD=ON -DBUILD_TESTING=OFF
  touch "$prefix/.abseil"
fi

if [ ! -f "$prefix/.onetbb" ]; then
  tarball=$(fetch $archive/o/onetbb/onetbb_2021.8.0.orig.tar.xz \
    7e9111b8bb59c8800bf6d0b06afe7b0891937443d2dae1ee1101c8e2ede6a7ef)
  tar xJf "$tarball" -C "$work"
  build onetbb "$work/oneTBB-2021.8.0" -DTBB_TEST=OFF -DTBB_EXAMPLES=OFF \
    -DTBBMALLOC_BUILD=OFF -DTBB_DISABLE_HWLOC_AUTOMATIC_SEARCH=ON \
    -DTBB_STRICT=OFF
  touch "$prefix/.onetbb"
fi

# Only cross builds need Boost.Context: a sanitized build uses Debian's, as
# the fiber executor's tests are left out of it.
if [ -n "$toolchain" ] && [ ! -f "$prefix/.boost-context" ]; then
  tarball=$(fetch $archive/b/boost1.74/boost1.74_1.74.0+ds1.orig.tar.xz \
    192f5df504d282cb81288f88232d8af45b64a9ab531e1c7cf8ae955f16f6bb28)
  tar xJf "$tarball" -C "$work" boost/libs/context/src/asm
  build boost-context "$here/cmake/boost-context" \
    -DBOOST_SOURCE_DIR="$work/boost"
  touch "$prefix/.boost-context"
fi
