# Finds Debian's LLVM, Clang and MLIR 22 and links their shared libraries only.
set(MLIR_DIR "${LINGQU_LLVM_ROOT}/lib/cmake/mlir" CACHE PATH "")
set(Clang_DIR "${LINGQU_LLVM_ROOT}/lib/cmake/clang" CACHE PATH "")
set(LLVM_DIR "${LINGQU_LLVM_ROOT}/lib/cmake/llvm" CACHE PATH "")
find_package(MLIR REQUIRED CONFIG)
find_package(Clang REQUIRED CONFIG)
message(STATUS "Using MLIR from ${MLIR_DIR}, LLVM ${LLVM_PACKAGE_VERSION}")

set(LLVM_LINK_LLVM_DYLIB ON)
set(MLIR_LINK_MLIR_DYLIB ON)
set(LLVM_EXTERNAL_LIT "${LINGQU_LLVM_BIN}/lit" CACHE FILEPATH "" FORCE)
# lqcc's option table (include/lingqu/Driver/LqccOptions.td).
set(LLVM_TABLEGEN_EXE "${LINGQU_LLVM_BIN}/llvm-tblgen" CACHE FILEPATH "")
set(LLVM_RUNTIME_OUTPUT_INTDIR ${CMAKE_RUNTIME_OUTPUT_DIRECTORY})
set(LLVM_LIBRARY_OUTPUT_INTDIR ${CMAKE_LIBRARY_OUTPUT_DIRECTORY})

list(APPEND CMAKE_MODULE_PATH "${MLIR_CMAKE_DIR}" "${LLVM_CMAKE_DIR}")
include(TableGen)
include(AddLLVM)
include(AddMLIR)
include(HandleLLVMOptions)

include_directories(SYSTEM ${LLVM_INCLUDE_DIRS} ${MLIR_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
link_directories(${LLVM_BUILD_LIBRARY_DIR})
separate_arguments(LINGQU_LLVM_DEFINITIONS NATIVE_COMMAND "${LLVM_DEFINITIONS}")
add_definitions(${LINGQU_LLVM_DEFINITIONS})
