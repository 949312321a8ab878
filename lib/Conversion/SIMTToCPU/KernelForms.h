//===- KernelForms.h - What both forms of a CPU kernel share ----*- C++ -*-===//
//
// Internal to the SIMT-to-CPU lowering. A kernel becomes a block function
// (collapsed, SIMTToCPU.cpp) and a thread function (per thread, for the
// fiber executor, ThreadFunction.cpp). Both place __shared__ variables at
// the same offsets of the per-block buffer, and one kernel info describes
// both (KernelInfo.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_LIB_CONVERSION_SIMTTOCPU_KERNELFORMS_H
#define LINGQU_LIB_CONVERSION_SIMTTOCPU_KERNELFORMS_H

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "llvm/ADT/MapVector.h"

#include <optional>
#include <string>

namespace lingqu {

/// The CUDA shared address space (__shared__ globals live in it).
constexpr unsigned kSharedAddrSpace = 3;

/// The location of user source behind `loc`: for code inlined from a header
/// (a device function, a CUDA intrinsic), the outermost call site.
std::optional<mlir::FileLineColLoc> userSourceLoc(mlir::Location loc);
/// "file:line" of `userSourceLoc(loc)`, "<unknown>" if there is none.
std::string sourceLine(mlir::Location loc);

/// Where a kernel's __shared__ variables live in the per-block buffer.
struct SharedLayout {
  /// Every __shared__ global the kernel uses, in order of first use, with its
  /// offset; `extern __shared__` arrays all sit at `staticBytes`.
  llvm::MapVector<mlir::LLVM::GlobalOp, uint64_t> offsets;
  /// The static part, a multiple of LINGQU_SHARED_ALIGN.
  uint64_t staticBytes = 0;
};

/// Static variables aligned as declared, then the dynamic part.
SharedLayout computeSharedLayout(mlir::LLVM::LLVMFuncOp kernel,
                                 const mlir::DataLayout &dataLayout);

/// Replaces every address of a variable of `layout` in `root` by `base` plus
/// its offset, computed where `b` inserts.
void rewriteSharedAddresses(mlir::Operation *root, const SharedLayout &layout,
                            mlir::Value base, mlir::OpBuilder &b);

/// Bytes of each kernel parameter, as cudaLaunchKernel passes it.
llvm::SmallVector<uint32_t>
paramSizesOf(mlir::LLVM::LLVMFuncOp kernel, const mlir::DataLayout &dataLayout);
/// The ABI alignment of each kernel parameter: where a packed argument
/// buffer (cuLaunchKernel's `extra`) places it.
llvm::SmallVector<uint32_t>
paramAlignsOf(mlir::LLVM::LLVMFuncOp kernel,
              const mlir::DataLayout &dataLayout);

/// `void __lingqu_thread_K(void **args, lingqu_thread_ctx *ctx)`: a copy of
/// `kernel` (left as it is) that runs one thread and calls the fiber
/// executor where the kernel synchronises.
mlir::LLVM::LLVMFuncOp emitThreadFunction(mlir::LLVM::LLVMFuncOp kernel,
                                          const SharedLayout &layout);

/// `__lingqu_kernel_info_K` for `kernel`'s forms; `blockFn` is null for a
/// kernel that runs on the fiber executor only.
void emitKernelInfo(mlir::LLVM::LLVMFuncOp kernel,
                    llvm::ArrayRef<uint32_t> paramSizes,
                    llvm::ArrayRef<uint32_t> paramAligns,
                    const SharedLayout &layout, mlir::LLVM::LLVMFuncOp blockFn,
                    mlir::LLVM::LLVMFuncOp threadFn);

} // namespace lingqu

#endif // LINGQU_LIB_CONVERSION_SIMTTOCPU_KERNELFORMS_H
