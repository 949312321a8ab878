//===- SIMTDialect.td - The simt dialect definition --------*- tablegen -*-===//
//
// The simt dialect names the SIMT execution model independently of any GPU
// vendor: thread/block/grid coordinates, warps and barriers. Lingqu raises
// NVVM into it and lowers it either by collapsing threads into loops (CPU
// targets) or back into a GPU dialect.
//
//===----------------------------------------------------------------------===//

#ifndef LINGQU_DIALECT_SIMT_SIMTDIALECT_TD
#define LINGQU_DIALECT_SIMT_SIMTDIALECT_TD

include "mlir/IR/OpBase.td"

def SIMT_Dialect : Dialect {
  let name = "simt";
  let cppNamespace = "::lingqu::simt";
  let summary = "The SIMT execution model: threads, blocks, warps, barriers";
  let description = [{
    Ops that read a thread's coordinates in a CUDA-style grid, the warp it
    belongs to, and synchronise the threads of a block. A function carrying
    the `simt.kernel` unit attribute is a kernel: it is launched over a grid
    and must return nothing.
  }];
  let hasOperationAttrVerify = 1;
  let extraClassDeclaration = [{
    /// The discardable attribute that marks a function as a kernel.
    static llvm::StringRef getKernelAttrName() { return "simt.kernel"; }
    /// The discardable attribute that marks the innermost (x) loop over a
    /// block's threads, which convert-simt-to-cpu builds.
    static llvm::StringRef getThreadLoopAttrName() {
      return "simt.thread_loop";
    }
  }];
}

#endif // LINGQU_DIALECT_SIMT_SIMTDIALECT_TD
