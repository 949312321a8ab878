# Builds Lingqu's runtime for RISC-V (RV64GC) Linux with Clang and Debian's
# cross sysroot. Debian 12 has no riscv64 multiarch packages, so abseil,
# oneTBB and Boost.Context are Debian's sources built for RISC-V into
# LINGQU_CROSS_DEPS (scripts/build-deps-from-source.sh --toolchain).
#   cmake -S . -B build-riscv64 -G Ninja -DLINGQU_RUNTIME_ONLY=ON \
#     -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/riscv64-linux-gnu.cmake \
#     -DLINGQU_CROSS_DEPS=<prefix>
set(LINGQU_CROSS_TRIPLE riscv64-linux-gnu)
set(CMAKE_SYSTEM_PROCESSOR riscv64)
# try_compile projects read this file again: they need the prefix too.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES LINGQU_CROSS_DEPS)
set(CMAKE_FIND_ROOT_PATH ${LINGQU_CROSS_DEPS})
include(${CMAKE_CURRENT_LIST_DIR}/ClangCrossLinux.cmake)
