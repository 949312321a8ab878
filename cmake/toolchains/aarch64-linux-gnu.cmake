# Builds Lingqu's runtime for AArch64 Linux with Clang and Debian's cross
# sysroot and multiarch libraries (libabsl-dev:arm64, libtbb-dev:arm64,
# libboost-context-dev:arm64; scripts/install-cross-deps.sh).
#   cmake -S . -B build-aarch64 -G Ninja -DLINGQU_RUNTIME_ONLY=ON \
#     -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_C_COMPILER /usr/lib/llvm-22/bin/clang)
set(CMAKE_CXX_COMPILER /usr/lib/llvm-22/bin/clang++)
set(CMAKE_C_COMPILER_TARGET aarch64-linux-gnu)
set(CMAKE_CXX_COMPILER_TARGET aarch64-linux-gnu)
# Multiarch: the target's libraries in /usr/lib/aarch64-linux-gnu, headers
# shared in /usr/include; the C library in /usr/aarch64-linux-gnu.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu /usr)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
