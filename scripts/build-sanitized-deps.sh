#!/usr/bin/env bash
# Builds abseil and oneTBB with a sanitizer into $2 (make check-sanitize).
# Debian's builds are not instrumented, and ThreadSanitizer must see
# absl::Mutex and oneTBB's task hand-offs to know what they order. The
# sources are the ones Debian's libabsl-dev and libtbb-dev are built from,
# fetched from Debian's archive and checked against the hashes its .dsc
# files give.
set -euo pipefail
san=$1
prefix=$2
archive=http://deb.debian.org/debian/pool/main
work=$(dirname "$prefix")/src
jobs=${JOBS:-2}
mkdir -p "$work"

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
  cmake -S "$src" -B "$work/build-$name" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=/usr/lib/llvm-22/bin/clang \
    -DCMAKE_CXX_COMPILER=/usr/lib/llvm-22/bin/clang++ \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DBUILD_SHARED_LIBS=ON \
    -DCMAKE_C_FLAGS="-fsanitize=$san" -DCMAKE_CXX_FLAGS="-fsanitize=$san" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=$san" \
    -DCMAKE_INSTALL_PREFIX="$prefix" "$@" >/dev/null
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
