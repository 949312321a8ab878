# What every Linux cross build of Lingqu's runtime shares: Clang for
# LINGQU_CROSS_TRIPLE, Debian's cross sysroot (/usr/<triple>, the C
# library and libstdc++), headers of arch-independent libraries shared in
# /usr/include. The including file sets the triple and processor and adds
# where the target's abseil, oneTBB and Boost.Context are.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_C_COMPILER /usr/lib/llvm-22/bin/clang)
set(CMAKE_CXX_COMPILER /usr/lib/llvm-22/bin/clang++)
set(CMAKE_ASM_COMPILER /usr/lib/llvm-22/bin/clang)
set(CMAKE_C_COMPILER_TARGET ${LINGQU_CROSS_TRIPLE})
set(CMAKE_CXX_COMPILER_TARGET ${LINGQU_CROSS_TRIPLE})
set(CMAKE_ASM_COMPILER_TARGET ${LINGQU_CROSS_TRIPLE})
set(CMAKE_LIBRARY_ARCHITECTURE ${LINGQU_CROSS_TRIPLE})
list(PREPEND CMAKE_FIND_ROOT_PATH /usr/${LINGQU_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
