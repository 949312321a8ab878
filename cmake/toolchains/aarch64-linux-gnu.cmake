# Builds Lingqu's runtime for AArch64 Linux with Clang and Debian's cross
# sysroot and multiarch libraries (libabsl-dev:arm64, libtbb-dev:arm64,
# libboost-context-dev:arm64; scripts/install-cross-deps.sh).
#   cmake -S . -B build-aarch64 -G Ninja -DLINGQU_RUNTIME_ONLY=ON \
#     -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake
set(LINGQU_CROSS_TRIPLE aarch64-linux-gnu)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
# Multiarch: the target's libraries in /usr/lib/aarch64-linux-gnu.
set(CMAKE_FIND_ROOT_PATH /usr)
include(${CMAKE_CURRENT_LIST_DIR}/ClangCrossLinux.cmake)
