# Compiler-independent build settings: ccache, lld and the LLVM 22 tool paths.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_C_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

set(LINGQU_LLVM_ROOT "/usr/lib/llvm-22" CACHE PATH "Root of the LLVM/Clang/MLIR 22 installation")
set(LINGQU_LLVM_BIN "${LINGQU_LLVM_ROOT}/bin")

add_link_options(-fuse-ld=lld)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
